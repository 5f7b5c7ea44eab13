package docx_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"bientap/export"
	"bientap/export/docx/libreoffice"
	"bientap/export/internal/samples"
	"bientap/model"
	"bientap/model/importer"
	"bientap/resources"
)

// The round trip: a record exported through export.Docx and imported back
// through the importer is the same record, field by field. It runs on the
// exporter and the importer of today (not on committed files, which go
// stale), for every kind of model.Kinds and for news.

// signer is one way a document is signed (quyền hạn, chức vụ, name).
type signer struct{ authority, position, name string }

var signers = []signer{
	{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Hà Trọng Hải"},
	{"", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Tống Thanh Hải"}, // two lines of chức vụ, no quyền hạn
	{"KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Văn An"},
	{"", "CHỦ TỊCH", "Lê Văn Lương"},
	{"TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG", "Đỗ Thị Lan"},
	{"", "Q. GIÁM ĐỐC", "Lò Văn Thắng"},
	{"TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ", "Nguyễn Thị Hương"},
	{"", "CHÁNH VĂN PHÒNG\nKIÊM TRƯỞNG BAN BIÊN TẬP", "Trần Quốc Bảo"}, // two lines, neither a quyền hạn
	{"TM. BAN CHỈ ĐẠO", "", "Vàng A Dình"},                             // quyền hạn alone
}

// issuers are the cơ quan chủ quản and ban hành a document is issued by,
// with the ký hiệu's tail.
var issuers = []struct{ parent, agency, tail string }{
	{"UBND TỈNH LAI CHÂU", "VĂN PHÒNG", "VPUBND"},
	{"", "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU", "UBND"},
	{"UBND TỈNH LAI CHÂU", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "STTTT"},
	{"BỘ NỘI VỤ", "CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC", "VTLTNN"},
}

var addressees = [][]string{
	nil,
	{"Sở Y tế"},
	{"Sở Nông nghiệp và Phát triển nông thôn", "Sở Y tế", "UBND các huyện, thành phố"},
	{"Các sở, ban, ngành tỉnh", "UBND các huyện, thành phố"},
}

var urgencies = []string{"", "KHẨN", "", "THƯỢNG KHẨN", "", "HỎA TỐC"}

// bodyFor is a realistic body of kind k: legal bases, Điều/khoản/điểm,
// sections, tables, pictures, bold and italic, centred lines, headings.
func bodyFor(k model.Kind, agency string) (body string, images []model.Image) {
	pic := func(name, caption string, png bool) model.Image {
		if png {
			return model.Image{Name: name, Caption: caption, MediaType: "image/png", Data: samples.PNG(600, 300, false)}
		}
		return model.Image{Name: name, Caption: caption, MediaType: "image/jpeg", Data: samples.JPEG(640, 400)}
	}
	switch k {
	case model.KindQuyetDinh, "nghi-quyet":
		verb := "QUYẾT ĐỊNH:"
		head := "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"
		if k == "nghi-quyet" {
			verb, head = "QUYẾT NGHỊ:", "HỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU\nKHÓA XV, KỲ HỌP THỨ 20"
		}
		return head + `
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;
Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 01 tháng 3 năm 2026.
` + verb + `
Điều 1. Ban hành kèm theo ` + k.Label() + ` này Quy chế làm việc của Tổ biên tập Cổng thông tin điện tử tỉnh.
1. Tổ biên tập gồm các thành viên sau:
a) Ông Lê Văn Hùng, Phó Chánh Văn phòng, **Tổ trưởng**;
b) Bà Nguyễn Thị Mai, Trưởng phòng Hành chính - Tổ chức, *Tổ phó*.
2. Tổ biên tập làm việc theo chế độ kiêm nhiệm.
Điều 2. Hiệu lực thi hành
` + k.Label() + ` này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành ` + k.Label() + ` này./.`, nil
	case "quy-che", "quy-dinh", model.KindHuongDan:
		return `Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Văn bản này quy định việc soạn thảo, ban hành và quản lý văn bản trên *Hệ thống quản lý văn bản và điều hành* của ` + agency + `.
Điều 2. Đối tượng áp dụng
1. Cán bộ, công chức, viên chức của cơ quan.
2. Các tổ chức, cá nhân có liên quan.
Chương II
QUY ĐỊNH CỤ THỂ
Điều 3. Trình tự xử lý văn bản đến
1. Văn thư tiếp nhận, đăng ký văn bản đến trong ngày.
a) Văn bản **khẩn** được trình ngay;
b) Văn bản thường trình trong ngày làm việc tiếp theo.
2. Lãnh đạo cho ý kiến phân phối, chỉ đạo giải quyết./.`, nil
	case model.KindKeHoach, "chuong-trinh", "phuong-an", "de-an", "du-an":
		return `Thực hiện Quyết định số 03/QĐ-UBND ngày 05/01/2026 của UBND tỉnh, ` + agency + ` ban hành ` + k.Label() + ` như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao chất lượng, hiệu quả hoạt động thông qua ứng dụng công nghệ thông tin; bảo đảm **100% văn bản đi, đến** được xử lý trên môi trường mạng.
2. Yêu cầu
Bám sát *chỉ đạo của Tỉnh ủy, UBND tỉnh*; phân công rõ người, rõ việc, rõ thời gian.
II. NHIỆM VỤ TRỌNG TÂM
| STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian |
|---|---|---|---|
| 1 | Số hóa hồ sơ lưu trữ | Phòng Hành chính - Tổ chức | Quý I/2026 |
| 2 | Kết nối nền tảng tích hợp, chia sẻ dữ liệu (LGSP) | Trung tâm Tin học - Công báo | Quý II/2026 |
![Sơ đồ kết nối hệ thống quản lý văn bản](so-do.png)
III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị căn cứ ` + k.Label() + ` này triển khai thực hiện; báo cáo kết quả trước ngày 15/12/2026./.`,
			[]model.Image{pic("so-do.png", "Sơ đồ kết nối hệ thống quản lý văn bản", true)}
	case model.KindBaoCao, model.KindToTrinh, "thong-cao":
		return `# KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025
## Công tác tham mưu tổng hợp
Năm 2025, ` + agency + ` đã tham mưu ban hành **1.245 văn bản**, tăng *12%* so với năm 2024.
-> Bảng 1. Số văn bản theo loại <-
| Loại văn bản | Số lượng |
|---|---|
| Quyết định | 312 |
| Công văn | 933 |
| **Tổng cộng** | **1.245** |
## Công tác hành chính, quản trị
Bảo đảm điều kiện phục vụ hoạt động của cơ quan (*): điện, nước, xe công; tỷ lệ 5 * 3 ca trực được giữ \*đúng\* như năm trước.
- Tiếp nhận 2.310 lượt khách;
+ Phục vụ 146 cuộc họp.
![Hội nghị tổng kết công tác năm 2025](anh-1.jpg)
![](bieu-do.png)
# Phần thứ hai: Phương hướng năm 2026
Trên đây là nội dung ` + k.Label() + ` của ` + agency + `./.`,
			[]model.Image{pic("anh-1.jpg", "Hội nghị tổng kết công tác năm 2025", false), pic("bieu-do.png", "", true)}
	case model.KindCongDien:
		return `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:
Theo bản tin của Đài Khí tượng Thủy văn tỉnh, từ đêm nay đến hết ngày mai trên địa bàn tỉnh có **mưa to đến rất to**, nguy cơ cao xảy ra lũ quét, sạt lở đất.
Để chủ động ứng phó, Chủ tịch UBND tỉnh yêu cầu:
1. Các cơ quan, đơn vị tổ chức *trực ban nghiêm túc 24/24 giờ*;
2. Sẵn sàng lực lượng, phương tiện để ứng cứu kịp thời./.`, nil
	case model.KindBienBan:
		return `Hôm nay, vào hồi 08 giờ 00 phút ngày 10 tháng 01 năm 2026, tại Hội trường tầng 3, ` + agency + `.
I. THÀNH PHẦN THAM DỰ
1. Ông Lê Văn Hùng, Phó Chánh Văn phòng, chủ trì;
2. Bà Nguyễn Thị Mai, thư ký.
II. NỘI DUNG
Hội nghị đã thảo luận và **thống nhất** các nội dung sau:
a) Thông qua Quy chế làm việc;
b) Phân công nhiệm vụ năm 2026.
Biên bản kết thúc vào hồi 11 giờ 00 phút cùng ngày./.`, nil
	case "hop-dong", "ban-ghi-nho", "ban-thoa-thuan":
		return `Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015;
Căn cứ nhu cầu và khả năng của hai bên.
Hôm nay, ngày 05 tháng 02 năm 2026, tại ` + agency + `, chúng tôi gồm:
BÊN A: ` + strings.ToUpper(agency) + `
BÊN B: CÔNG TY CỔ PHẦN PHẦN MỀM MIỀN NÚI
Điều 1. Nội dung
Bên B cung cấp dịch vụ duy trì *Cổng thông tin điện tử* cho Bên A.
Điều 2. Giá trị và phương thức thanh toán
1. Giá trị: **120.000.000 đồng** (Một trăm hai mươi triệu đồng).
2. Thanh toán bằng chuyển khoản.
Điều 3. Điều khoản thi hành
Văn bản này được lập thành 04 bản có giá trị pháp lý như nhau, mỗi bên giữ 02 bản./.`, nil
	case model.KindGiayMoi:
		return agency + ` trân trọng kính mời: **Lãnh đạo các phòng, đơn vị** thuộc Văn phòng.
Thời gian: 01 buổi, bắt đầu từ 08 giờ 00 phút, thứ Sáu ngày 12/6/2026.
Địa điểm: Hội trường tầng 3, Văn phòng UBND tỉnh.
*Rất mong các đồng chí tham dự đầy đủ, đúng giờ./.*`, nil
	}
	return `Thực hiện chỉ đạo của Chủ tịch UBND tỉnh tại Văn bản số 45/UBND-KT ngày 10/01/2026, ` + agency + ` đề nghị các cơ quan, đơn vị:
1. Triển khai ngay các biện pháp phòng, chống **rét đậm, rét hại** cho người, cây trồng và vật nuôi;
2. Chủ động rà soát, bố trí kinh phí, vật tư; *báo cáo kết quả* trước ngày 20/01/2026.
Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.`, nil
}

// summaryFor is a realistic trích yếu: "V/v …" of a công văn, the subject
// of the others (on two lines for one kind).
func summaryFor(k model.Kind) string {
	switch k {
	case model.KindCongVan:
		return "V/v tăng cường công tác phòng, chống rét cho người, cây trồng và vật nuôi"
	case "thu-cong":
		return ""
	case model.KindKeHoach:
		return "Triển khai chuyển đổi số trong hoạt động\ncủa Văn phòng UBND tỉnh năm 2026"
	case model.KindQuyetDinh, "nghi-quyet":
		return "Về việc ban hành Quy chế làm việc của Tổ biên tập Cổng thông tin điện tử tỉnh"
	}
	return "Về công tác văn thư, lưu trữ năm 2026"
}

// documentCase is the record of document kind k, the i-th of the list:
// the issuers, addressees, urgencies and signers rotate over the kinds.
func documentCase(i int, k model.Kind) *model.Record {
	is := issuers[i%len(issuers)]
	s := signers[i%len(signers)]
	agency := "Văn phòng UBND tỉnh"
	body, images := bodyFor(k, agency)
	sign := k.Abbr() + "-" + is.tail
	if k.Abbr() == "" {
		sign = is.tail + "-KGVX"
	}
	date := time.Date(2026, time.Month(1+i%12), 1+(i*7)%28, 0, 0, 0, 0, time.UTC)
	r := &model.Record{
		Kind: k, Status: model.StatusApproved,
		Title:   k.Label() + " số " + fmt.Sprintf("%02d", 3+i*7) + " về công tác năm 2026",
		Summary: summaryFor(k), Body: body, Images: images,
		Place: "Lai Châu", Date: date, Number: fmt.Sprintf("%02d", 3+i*7), Sign: sign,
		Urgency:      urgencies[i%len(urgencies)],
		AgencyParent: is.parent, Agency: is.agency,
		SignerAuthority: s.authority, SignerPosition: s.position, SignerName: s.name,
		To:         addressees[i%len(addressees)],
		Recipients: []string{"- Như trên;", "- Chủ tịch, các PCT UBND tỉnh (b/c);", "- Lưu: VT, " + fmt.Sprint([]string{"HCTC", "KGVX", "TH"}[i%3]) + "."},
		Created:    date.Add(8 * time.Hour), Updated: date.Add(9*time.Hour + 30*time.Minute),
	}
	if k == model.KindCongDien {
		r.To = addressees[2]
	}
	if k == "thu-cong" {
		r.Number, r.Sign = "", ""
	}
	return r
}

// newsCases are news items: a featured picture the body does not place,
// and one the body places, with headings, a table and a centred line.
func newsCases() map[string]*model.Record {
	a := samples.NewsItem()
	a.ID, a.Status, a.URL = 0, model.StatusPublished, ""
	a.Created, a.Updated = a.Date.Add(7*time.Hour), a.Date.Add(8*time.Hour)
	b := a.Clone()
	b.Title = "Tỉnh Lai Châu khai trương Trung tâm Phục vụ hành chính công"
	b.Category = "Chỉ đạo - Điều hành"
	b.Author = "Thu Hà (Trung tâm Tin học - Công báo)"
	b.Body = `Sáng ngày 02/02, UBND tỉnh tổ chức **lễ khai trương** Trung tâm Phục vụ hành chính công tỉnh.
![Các đại biểu cắt băng khai trương](anh-1.jpg)
# Những con số nổi bật
| Chỉ tiêu | Kết quả |
|---|---|
| Thủ tục tiếp nhận | 1.876 |
| Hồ sơ trực tuyến | 64% |
## Ý kiến người dân
-> *Nhanh hơn, gọn hơn, không phải đi lại nhiều lần* <-
Phát biểu tại buổi lễ, đồng chí Chủ tịch UBND tỉnh đề nghị Trung tâm tiếp tục *cải cách thủ tục hành chính*.
![Người dân làm thủ tục tại Trung tâm](anh-2.png)`
	b.Images = []model.Image{
		{Name: "anh-1.jpg", Caption: "Các đại biểu cắt băng khai trương", MediaType: "image/jpeg", Data: samples.JPEG(640, 400)},
		{Name: "anh-2.png", Caption: "Người dân làm thủ tục tại Trung tâm", MediaType: "image/png", Data: samples.PNG(500, 300, false)},
	}
	return map[string]*model.Record{"news": a, "news-placed": b}
}

// roundTripCases are every kind's record, plus a draft (unnumbered) and
// the news items.
func roundTripCases() map[string]*model.Record {
	out := newsCases()
	for i, k := range model.DocumentKinds() {
		out[string(k)] = documentCase(i, k)
	}
	draft := documentCase(3, model.KindToTrinh)
	draft.Status, draft.Number = model.StatusDraft, ""
	out["to-trinh-du-thao"] = draft
	review := documentCase(5, model.KindThongBao)
	review.Status = model.StatusReview
	out["thong-bao-cho-duyet"] = review
	// The sample archive a new installation opens with.
	recs, err := model.ParseJSONL(bytes.NewReader(resources.Sample))
	if err != nil {
		panic(err)
	}
	for i, r := range recs {
		out[fmt.Sprintf("sample-%d-%s", i+1, r.Kind)] = r
	}
	return out
}

// TestRoundTrip exports each record through export.Docx, imports the bytes
// back and requires the same record.
func TestRoundTrip(t *testing.T) {
	cases := roundTripCases()
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range cases {
			if !yield(n) {
				return
			}
		}
	})
	kinds := map[model.Kind]bool{}
	for _, n := range names {
		kinds[cases[n].Kind] = true
	}
	for _, k := range model.Kinds {
		if !kinds[k.Key] {
			t.Errorf("no round trip of kind %s", k.Key)
		}
	}
	// Half the records with the office's settings, half with the page's
	// extremes (margins, 1.5 lines) and no portal name.
	wide := model.DefaultSettings()
	wide.MarginTop, wide.MarginBottom, wide.MarginLeft, wide.MarginRight, wide.LineSpacing = 25, 20, 35, 15, 1.5
	wide.PortalName = ""
	for i, name := range names {
		want := cases[name]
		settings := model.DefaultSettings()
		if i%2 == 1 {
			settings = wide
		}
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			res, err := export.Docx(&b, want, export.Options{Settings: settings})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Warnings) > 0 {
				t.Errorf("export warnings: %q", res.Warnings)
			}
			if out := os.Getenv("BIENTAP_DOCX_OUT"); out != "" { // to look at them
				os.WriteFile(filepath.Join(out, "rt-"+name+".docx"), b.Bytes(), 0o644)
				var p bytes.Buffer
				if _, err := export.PDF(&p, want, export.Options{Settings: settings}); err == nil {
					os.WriteFile(filepath.Join(out, "rt-"+name+"-pdf.pdf"), p.Bytes(), 0o644)
				}
			}
			p, err := importer.ParseDOCX(b.Bytes(), name+".docx", importer.Options{Clock: model.FixedClock(time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Records) != 1 {
				t.Fatalf("%d records", len(p.Records))
			}
			got := p.Records[0]
			for _, d := range recordDiff(got, want) {
				t.Error(d)
			}
			if got.Status != model.StatusDraft {
				t.Errorf("status %s, want draft (an imported file is a draft)", got.Status)
			}
			// The record read back writes the same file again.
			again := got.Clone()
			again.Status = want.Status
			var b2 bytes.Buffer
			if _, err := export.Docx(&b2, again, export.Options{Settings: settings}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), b2.Bytes()) {
				t.Errorf("the imported record exports to another file (%d bytes, was %d)", b2.Len(), b.Len())
			}
			if t.Failed() {
				t.Logf("report:\n%s", p.Report.String())
			}
		})
	}
}

// recordDiff lists the fields in which got differs from want.
func recordDiff(got, want *model.Record) []string {
	var out []string
	same := func(name, g, w string) {
		if g != w {
			if strings.Contains(g, "\n") || strings.Contains(w, "\n") {
				out = append(out, fmt.Sprintf("%s:\n%s\n---- want:\n%s", name, g, w))
			} else {
				out = append(out, fmt.Sprintf("%s = %q, want %q", name, g, w))
			}
		}
	}
	list := func(name string, g, w []string) {
		if !slices.Equal(g, w) {
			out = append(out, fmt.Sprintf("%s = %q, want %q", name, g, w))
		}
	}
	same("kind", string(got.Kind), string(want.Kind))
	same("title", got.Title, want.Title)
	same("summary", got.Summary, want.Summary)
	same("body", got.Body, want.Body)
	same("date", got.Date.Format(model.ISODate), want.Date.Format(model.ISODate))
	same("created", got.Created.UTC().Format(time.RFC3339), want.Created.UTC().Format(time.RFC3339))
	same("updated", got.Updated.UTC().Format(time.RFC3339), want.Updated.UTC().Format(time.RFC3339))
	same("category", got.Category, want.Category)
	if want.Kind == model.KindNews {
		same("author", got.Author, want.Author)
	} else {
		same("place", got.Place, want.Place)
		same("number", got.Number, want.Number)
		same("sign", got.Sign, want.Sign)
		same("urgency", got.Urgency, want.Urgency)
		same("agency parent", got.AgencyParent, want.AgencyParent)
		same("agency", got.Agency, want.Agency)
		same("signer authority", got.SignerAuthority, want.SignerAuthority)
		same("signer position", got.SignerPosition, want.SignerPosition)
		same("signer name", got.SignerName, want.SignerName)
		list("to", got.To, want.To)
		list("recipients", got.Recipients, want.Recipients)
	}
	if len(got.Images) != len(want.Images) {
		out = append(out, fmt.Sprintf("%d images, want %d", len(got.Images), len(want.Images)))
		return out
	}
	for i, w := range want.Images {
		g := got.Images[i]
		same(fmt.Sprintf("image %d name", i+1), g.Name, w.Name)
		same(fmt.Sprintf("image %d caption", i+1), g.Caption, w.Caption)
		same(fmt.Sprintf("image %d type", i+1), g.MediaType, w.MediaType)
		if !bytes.Equal(g.Data, w.Data) {
			out = append(out, fmt.Sprintf("image %d: %d bytes, want %d (not the same picture)", i+1, len(g.Data), len(w.Data)))
		}
	}
	return out
}

// readBack exports r with the office's settings and imports the file.
func readBack(t *testing.T, r *model.Record, s model.Settings) *model.Record {
	t.Helper()
	var b bytes.Buffer
	if _, err := export.Docx(&b, r, export.Options{Settings: s}); err != nil {
		t.Fatal(err)
	}
	p, err := importer.ParseDOCX(b.Bytes(), "x.docx", importer.Options{Clock: model.FixedClock(time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))})
	if err != nil {
		t.Fatal(err)
	}
	return p.Records[0]
}

// TestRoundTripNormalises: what a clerk typed in a form the Word file
// prints by the decree's rules (capitals, a padded number, "V/v", list
// marks) comes back in the printed form, and that form round-trips
// exactly.
func TestRoundTripNormalises(t *testing.T) {
	cases := []struct {
		name   string
		typed  func(r *model.Record)
		reads  func(r *model.Record) // the typed record as it reads back
		config func(s *model.Settings)
	}{
		{"capitals", func(r *model.Record) {
			r.Agency, r.AgencyParent, r.Urgency = "Văn phòng", "UBND tỉnh Lai Châu", "khẩn"
			r.SignerAuthority, r.SignerPosition = "tm. ủy ban nhân dân", "kt. chủ tịch\nphó chủ tịch"
		}, func(r *model.Record) {
			r.Agency, r.AgencyParent, r.Urgency = "VĂN PHÒNG", "UBND TỈNH LAI CHÂU", "KHẨN"
			r.SignerAuthority, r.SignerPosition = "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
		}, nil},
		{"number padded", func(r *model.Record) { r.Number = "5" }, func(r *model.Record) { r.Number = "05" }, nil},
		{"V/v of a công văn", func(r *model.Record) {
			r.Kind, r.Sign, r.Summary = model.KindCongVan, "UBND-KGVX", "tăng cường công tác phòng, chống rét"
		}, func(r *model.Record) { r.Summary = "V/v tăng cường công tác phòng, chống rét" }, nil},
		{"list marks of Kính gửi", func(r *model.Record) {
			r.To = []string{"- Sở Y tế;", "- Sở Tài chính."}
		}, func(r *model.Record) { r.To = []string{"Sở Y tế", "Sở Tài chính"} }, nil},
		{"dash of Nơi nhận", func(r *model.Record) {
			r.Recipients = []string{"Như trên;", "Lưu: VT."}
		}, func(r *model.Record) { r.Recipients = []string{"- Như trên;", "- Lưu: VT."} }, nil},
		{"spaces", func(r *model.Record) {
			r.Place, r.SignerName, r.Summary = " Lai  Châu ", "Hà  Trọng Hải", "Về  công tác văn thư"
		}, func(r *model.Record) {
			r.Place, r.SignerName, r.Summary = "Lai Châu", "Hà Trọng Hải", "Về công tác văn thư"
		}, nil},
		{"blank lines of the body", func(r *model.Record) {
			r.Body = "Đoạn một.\n\n\nĐoạn hai./."
		}, func(r *model.Record) { r.Body = "Đoạn một.\nĐoạn hai./." }, nil},
		{"agencies of the settings", func(r *model.Record) { r.AgencyParent, r.Agency = "", "" },
			func(r *model.Record) {
				r.AgencyParent, r.Agency = "UBND TỈNH LAI CHÂU", "VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND"
			},
			func(s *model.Settings) {
				s.AgencyParent, s.Agency = "UBND tỉnh Lai Châu", "Văn phòng Đoàn ĐBQH và HĐND"
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := model.DefaultSettings()
			if c.config != nil {
				c.config(&s)
			}
			typed := documentCase(1, model.KindThongBao)
			c.typed(typed)
			want := typed.Clone()
			c.reads(want)
			got := readBack(t, typed, s)
			for _, d := range recordDiff(got, want) {
				t.Error(d)
			}
			got.Status = typed.Status
			for _, d := range recordDiff(readBack(t, got, s), want) {
				t.Errorf("again: %s", d)
			}
		})
	}
}

// TestEveryKindLaysOutAsPDF converts the Word file of every document of
// the round trip with LibreOffice and compares it with our PDF of the same
// record: the same pages, the same words in the same order, the Quốc hiệu,
// "Số:", the signer's name and the page number within 3 mm.
func TestEveryKindLaysOutAsPDF(t *testing.T) {
	libreoffice.Tool(t, "soffice")
	libreoffice.Tool(t, "pdftotext")
	dir := t.TempDir()
	cases := roundTripCases()
	var names, docs []string
	for name, r := range cases {
		if !r.Kind.IsDocument() {
			continue
		}
		o := export.Options{Settings: model.DefaultSettings()}
		var b bytes.Buffer
		if _, err := export.Docx(&b, r, o); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name+".docx")
		os.WriteFile(path, b.Bytes(), 0o644)
		b.Reset()
		if _, err := export.PDF(&b, r, o); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name+"-pdf.pdf"), b.Bytes(), 0o644)
		names, docs = append(names, name), append(docs, path)
	}
	slices.Sort(names)
	libreoffice.Convert(t, docs...)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			ours := filepath.Join(dir, name+"-pdf.pdf")
			libreoffice.SameLayout(t, ours, filepath.Join(dir, name+".pdf"),
				libreoffice.DocumentAnchors(cases[name].SignerName, libreoffice.Pages(t, ours)), 3)
		})
	}
}

// TestRoundTripSavedByLibreOffice: a Word file opened and saved again
// (LibreOffice, as a clerk without Word does: new style ids made from the
// styles' names, its own properties) still gives back the record.
func TestRoundTripSavedByLibreOffice(t *testing.T) {
	libreoffice.Tool(t, "soffice")
	dir := t.TempDir()
	cases := roundTripCases()
	var names, docs []string
	for name, r := range cases {
		var b bytes.Buffer
		if _, err := export.Docx(&b, r, export.Options{Settings: model.DefaultSettings()}); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name+".docx")
		os.WriteFile(path, b.Bytes(), 0o644)
		names, docs = append(names, name), append(docs, path)
	}
	saved := libreoffice.Resave(t, filepath.Join(dir, "saved"), docs...)
	for i, name := range names {
		t.Run(name, func(t *testing.T) {
			want := cases[name]
			data, err := os.ReadFile(saved[i])
			if err != nil {
				t.Fatal(err)
			}
			p, err := importer.ParseDOCX(data, name+".docx", importer.Options{Clock: model.FixedClock(time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))})
			if err != nil {
				t.Fatal(err)
			}
			got := p.Records[0]
			// LibreOffice stamps the file with its own times.
			got.Created, got.Updated = want.Created, want.Updated
			for _, d := range recordDiff(got, want) {
				t.Error(d)
			}
			if t.Failed() {
				t.Logf("report:\n%s", p.Report.String())
			}
		})
	}
}
