package importer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bientap/export"
	"bientap/model"
	"bientap/resources"
)

// The .docx files under testdata/docx:
//
//   - lo-*.docx: documents written as OpenDocument and converted to .docx by
//     LibreOffice (scripts/make-docx-fixtures, from testdata/odt/make.go);
//   - bientap-*.docx: the sample records of resources/sample.jsonl as Biên
//     Tập's Word export writes them today (TestOwnExportFixturesCurrent;
//     scripts/make-docx-fixtures rewrites them): importing them must give
//     the records back;
//   - old-bientap-*.docx: two of them as an earlier export wrote them.

func TestLibreOfficeFixtures(t *testing.T) {
	type want struct {
		kind                     model.Kind
		number, sign             string
		parent, agency           string
		place, date              string
		urgency, summary         string
		to                       []string
		authority, position, who string
		recipients               []string
		body                     []string // lines the body must hold
		images                   int
	}
	cases := map[string]want{
		"lo-quyet-dinh.docx": {model.KindQuyetDinh, "15", "QĐ-VPUBND", "UBND TỈNH LAI CHÂU", "VĂN PHÒNG", "Lai Châu", "2026-03-12", "",
			"Về việc thành lập Tổ biên tập Cổng thông tin điện tử", nil, "", "CHÁNH VĂN PHÒNG", "Trần Quốc Bảo",
			[]string{"- Như Điều 2;", "- Lưu: VT, HCTC."},
			[]string{"-> **CHÁNH VĂN PHÒNG UBND TỈNH LAI CHÂU** <-", "*Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;*",
				"**Điều 1.** Thành lập", "1. Ông Lê Văn Hùng", "2. Các thành viên[1]", "a) Bà Nguyễn Thị Mai;", "b) Ông Hoàng Văn Nam.",
				"| Lê Văn Hùng | Tổ trưởng |", "**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký./.", "[1] Danh sách kèm theo Quyết định."}, 0},
		"lo-cong-van.docx": {model.KindCongVan, "208", "VPUBND-KGVX", "UBND TỈNH LAI CHÂU", "VĂN PHÒNG", "Lai Châu", "2026-02-03", "",
			"V/v chuẩn bị Hội nghị tổng kết công tác văn thư, lưu trữ",
			[]string{"Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch", "UBND các huyện, thành phố"},
			"KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Đỗ Thị Lan", []string{"- Như trên;", "- Lưu: VT, KGVX."},
			[]string{"Thực hiện chỉ đạo", "trước ngày 20 tháng 02 năm 2026./."}, 0},
		"lo-thong-bao.docx": {model.KindThongBao, "21", "TB-VPUBND", "UBND TỈNH LAI CHÂU", "VĂN PHÒNG", "Lai Châu", "2026-01-20", "",
			"Lịch nghỉ Tết Nguyên đán Bính Ngọ năm 2026", nil, "", "CHÁNH VĂN PHÒNG", "Trần Quốc Bảo",
			[]string{"- Các phòng, đơn vị thuộc Văn phòng;", "- Lưu: VT."},
			[]string{"Căn cứ Thông báo số 05/TB-UBND ngày 10 tháng 01 năm 2026", "1. Thời gian nghỉ", "2. Trực cơ quan",
				"![Ảnh: Trụ sở UBND tỉnh](anh-1.png)", "biết, thực hiện./."}, 1},
		"lo-cong-dien.docx": {model.KindCongDien, "02", "CĐ-VPUBND", "UBND TỈNH LAI CHÂU", "VĂN PHÒNG", "Lai Châu", "2026-07-08", "HỎA TỐC",
			"Về việc ứng phó với bão số 2", []string{"Trưởng các phòng, đơn vị thuộc Văn phòng", "Đội xe cơ quan"},
			"", "CHÁNH VĂN PHÒNG", "Trần Quốc Bảo", []string{"- Như trên;", "- Lưu: VT."},
			[]string{"CHÁNH VĂN PHÒNG UBND TỈNH điện:", "bố trí trực 24/24 giờ./."}, 0},
		"lo-tcvn3.docx": {"bao-cao", "09", "BC-VPUBND", "UBND TỈNH LAI CHÂU", "VĂN PHÒNG", "Lai Châu", "2025-12-25", "",
			"KẾT QUẢ CÔNG TÁC NĂM 2025", nil, "", "CHÁNH VĂN PHÒNG", "Trần Quốc Bảo", []string{"- Lưu: VT."},
			[]string{"Năm 2025, Văn phòng UBND tỉnh đã hoàn thành các nhiệm vụ được giao; tham mưu ban hành 1.245 văn bản./."}, 0},
	}
	for name, w := range cases {
		t.Run(name, func(t *testing.T) {
			p, err := ParseFile(filepath.Join("testdata", "docx", name), Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkOutput(t, p)
			r := p.Records[0]
			got := []string{string(r.Kind), r.Number, r.Sign, r.AgencyParent, r.Agency, r.Place, r.Date.Format(model.ISODate),
				r.Urgency, r.Summary, strings.Join(r.To, "|"), r.SignerAuthority, r.SignerPosition, r.SignerName,
				strings.Join(r.Recipients, "|")}
			exp := []string{string(w.kind), w.number, w.sign, w.parent, w.agency, w.place, w.date, w.urgency, w.summary,
				strings.Join(w.to, "|"), w.authority, w.position, w.who, strings.Join(w.recipients, "|")}
			names := []string{"kind", "number", "sign", "parent", "agency", "place", "date", "urgency", "summary", "to",
				"authority", "position", "signer", "recipients"}
			for i := range got {
				if got[i] != exp[i] {
					t.Errorf("%s = %q, want %q", names[i], got[i], exp[i])
				}
			}
			for _, l := range w.body {
				if !strings.Contains(r.Body, l) {
					t.Errorf("body lacks %q:\n%s", l, r.Body)
				}
			}
			for _, gone := range []string{"CỘNG HÒA", "Số:", "Nơi nhận", "Trần Quốc Bảo", "Đỗ Thị Lan", "Kính gửi", "____"} {
				if strings.Contains(r.Body, gone) {
					t.Errorf("body holds %q:\n%s", gone, r.Body)
				}
			}
			if len(r.Images) != w.images {
				t.Errorf("%d images, want %d", len(r.Images), w.images)
			}
			if t.Failed() {
				t.Logf("report:\n%s", p.Report.String())
			}
		})
	}
}

// updateFixtures rewrites testdata/docx/bientap-*.docx with today's Word
// export (scripts/make-docx-fixtures runs the tests with it).
var updateFixtures = flag.Bool("update", false, "rewrite testdata/docx/bientap-*.docx with today's Word export")

// ownExportRecords are the records of the bientap-*.docx fixtures: the
// documents of resources/sample.jsonl and one of its news items, by kind.
func ownExportRecords(t *testing.T) map[model.Kind]*model.Record {
	samples, err := model.ParseJSONL(bytes.NewReader(resources.Sample))
	if err != nil {
		t.Fatal(err)
	}
	byKind := map[model.Kind]*model.Record{}
	for _, r := range samples {
		if r.Kind.IsDocument() || r.Title == "Hội nghị triển khai nhiệm vụ chuyển đổi số năm 2026" {
			byKind[r.Kind] = r
		}
	}
	if len(byKind) < 7 {
		t.Fatalf("%d sample records", len(byKind))
	}
	return byKind
}

// TestOwnExportFixturesCurrent: the committed bientap-*.docx are what the
// Word export writes today (export.Docx, the office's default settings),
// so that they do not go stale when the exporter changes.
func TestOwnExportFixturesCurrent(t *testing.T) {
	for kind, r := range ownExportRecords(t) {
		var b bytes.Buffer
		if _, err := export.Docx(&b, r, export.Options{Settings: model.DefaultSettings()}); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "docx", "bientap-"+string(kind)+".docx")
		if *updateFixtures {
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if old, err := os.ReadFile(path); err != nil || !bytes.Equal(old, b.Bytes()) {
			t.Errorf("%s is not what the Word export writes today: run scripts/make-docx-fixtures", path)
		}
	}
}

// A Word file that Biên Tập wrote gives back the record it was written
// from: every field of the header and footer, and the body as typed. The
// old-bientap-*.docx were written by an earlier export (export branch at
// 5f5cce6), whose signer lines all share one style: the Decree-30 prefixes
// tell the quyền hạn from the chức vụ.
func TestOwnExportFixtures(t *testing.T) {
	byKind := ownExportRecords(t)
	files, _ := filepath.Glob(filepath.Join("testdata", "docx", "*bientap-*.docx"))
	if len(files) < 9 {
		t.Fatalf("%d fixtures", len(files))
	}
	for _, file := range files {
		_, k, _ := strings.Cut(strings.TrimSuffix(filepath.Base(file), ".docx"), "bientap-")
		kind := model.Kind(k)
		t.Run(filepath.Base(file), func(t *testing.T) {
			want := byKind[kind]
			if want == nil {
				t.Fatalf("no sample record of kind %s", kind)
			}
			p, err := ParseFile(file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := p.Records[0]
			same := func(name, g, w string) {
				if g != w {
					t.Errorf("%s = %q, want %q", name, g, w)
				}
			}
			same("kind", string(got.Kind), string(want.Kind))
			same("title", got.Title, want.Title)
			same("summary", got.Summary, want.Summary)
			same("body", got.Body, want.Body)
			same("date", got.Date.Format(model.ISODate), want.Date.Format(model.ISODate))
			same("status", string(got.Status), string(model.StatusDraft))
			if len(got.Images) != len(want.Images) {
				t.Errorf("%d images, want %d", len(got.Images), len(want.Images))
			}
			if kind == model.KindNews { // (a document's byline is the store's default)
				same("author", got.Author, want.Author)
				if !strings.HasPrefix(filepath.Base(file), "old-") {
					same("category", got.Category, want.Category)
				}
				return
			}
			same("place", got.Place, want.Place)
			same("number", got.Number, want.Number)
			same("sign", got.Sign, want.Sign)
			same("urgency", got.Urgency, want.Urgency)
			same("agency parent", got.AgencyParent, want.AgencyParent)
			same("agency", got.Agency, want.Agency)
			same("signer authority", got.SignerAuthority, want.SignerAuthority)
			same("signer position", got.SignerPosition, want.SignerPosition)
			same("signer name", got.SignerName, want.SignerName)
			if !slices.Equal(got.To, want.To) {
				t.Errorf("to = %q, want %q", got.To, want.To)
			}
			if !slices.Equal(got.Recipients, want.Recipients) {
				t.Errorf("recipients = %q, want %q", got.Recipients, want.Recipients)
			}
			if t.Failed() {
				t.Logf("report:\n%s", p.Report.String())
			}
		})
	}
}

// The fixtures exist as files a clerk could open.
func TestFixturesAreFiles(t *testing.T) {
	for _, n := range []string{"lo-quyet-dinh.docx", "bientap-quyet-dinh.docx", "old-bientap-ke-hoach.docx"} {
		if st, err := os.Stat(filepath.Join("testdata", "docx", n)); err != nil || st.Size() > 64<<10 {
			t.Errorf("%s: %v", n, err)
		}
	}
}
