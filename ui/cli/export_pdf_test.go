package cli

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"bientap/model"
	"bientap/model/store"
)

// seedPDF creates an archive with a document, a published news item and a
// draft news item, and returns its path and the ids.
func seedPDF(t *testing.T) (string, []int64) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "t.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	recs := []*model.Record{
		{Kind: model.KindThongBao, Status: model.StatusApproved, Title: "Thông báo nghỉ Tết",
			Summary: "Về việc nghỉ Tết Nguyên đán", Body: "Văn phòng thông báo lịch nghỉ Tết./.",
			Agency: "VĂN PHÒNG", AgencyParent: "UBND TỈNH LAI CHÂU", Place: "Lai Châu",
			Date: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), Number: "05", Sign: "TB-VP",
			SignerPosition: "CHÁNH VĂN PHÒNG", SignerName: "Nguyễn Văn An",
			Recipients: []string{"- Như trên;", "- Lưu: VT, HCTC."}},
		{Kind: model.KindNews, Status: model.StatusPublished, Title: "Hội nghị tổng kết năm 2023",
			Summary: "Sáng 15/01 Văn phòng tổ chức hội nghị.", Body: "Hội nghị diễn ra thành công.",
			Category: "Tin tức sự kiện", Date: time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)},
		{Kind: model.KindNews, Status: model.StatusDraft, Title: "Bản nháp chưa đăng",
			Body: "Chưa đăng.", Date: time.Date(2024, 1, 16, 0, 0, 0, 0, time.UTC)},
	}
	var ids []int64
	for _, r := range recs {
		if err := st.Create(r); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	return db, ids
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is required in CI")
		}
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

func TestExportPDFCommands(t *testing.T) {
	db, ids := seedPDF(t)
	dir := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		code    int
		want    []string // in the PDF's text
		notWant []string
		stderr  string
	}{
		{"document by kind", []string{"export", "pdf", strconv.FormatInt(ids[0], 10), "-o", filepath.Join(dir, "tb.pdf")}, 0,
			[]string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 05/TB-VP", "THÔNG BÁO", "Nơi nhận:"}, nil, "Đã ghi"},
		{"news by kind", []string{"export", "pdf", strconv.FormatInt(ids[1], 10), "-o", filepath.Join(dir, "tin.pdf")}, 0,
			[]string{"Hội nghị tổng kết năm 2023", "Trang 1/1", "Thứ Hai, 15/1/2024"}, []string{"CỘNG HÒA"}, ""},
		{"news as document", []string{"export", "pdf", strconv.FormatInt(ids[1], 10), "--layout", "vanban", "-o", filepath.Join(dir, "tin-vb.pdf")}, 0,
			[]string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}, nil, ""},
		{"register documents", []string{"export", "register", "--year", "2024", "-o", filepath.Join(dir, "so.pdf")}, 0,
			[]string{"SỔ ĐĂNG KÝ VĂN BẢN ĐI", "Từ số 05 đến số 05", "Quyển số: 01", "05/TB-VP", "Người ký", "(10)"}, nil, ""},
		{"news list", []string{"export", "register", "--kind", "news", "--from", "1/1/2024", "--to", "31/01/2024", "-o", filepath.Join(dir, "tin-list.pdf")}, 0,
			[]string{"CÁC TIN ĐÃ ĐĂNG", "Từ ngày 01/01/2024 đến ngày 31/01/2024", "Hội nghị tổng kết năm 2023", "Tổng số: 1 tin"},
			[]string{"Bản nháp chưa đăng"}, ""},
		{"missing -o", []string{"export", "pdf", strconv.FormatInt(ids[0], 10)}, 1, nil, nil, "thiếu tệp ra"},
		{"bad layout", []string{"export", "pdf", "1", "--layout", "x", "-o", filepath.Join(dir, "x.pdf")}, 1, nil, nil, "bố cục không hợp lệ"},
		{"unknown id", []string{"export", "pdf", "999", "-o", filepath.Join(dir, "x.pdf")}, 1, nil, nil, "999"},
		{"missing folder", []string{"export", "pdf", strconv.FormatInt(ids[0], 10), "-o", filepath.Join(dir, "khong-co", "x.pdf")}, 1, nil, nil, "không tồn tại"},
		{"register without year", []string{"export", "register", "-o", filepath.Join(dir, "x.pdf")}, 1, nil, nil, "--year"},
		{"bad date", []string{"export", "register", "--kind", "news", "--from", "32/1/2024", "-o", filepath.Join(dir, "x.pdf")}, 1, nil, nil, "--from"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Run(db, tc.args, &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tc.code, errb.String())
			}
			if !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tc.stderr)
			}
			if tc.code != 0 {
				if strings.Count(strings.TrimSpace(errb.String()), "\n") != 0 {
					t.Errorf("error is not one line: %q", errb.String())
				}
				if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
					t.Errorf("a failed export left x.pdf behind")
				}
				return
			}
			if out.Len() != 0 {
				t.Errorf("stdout not empty: %q", out.String())
			}
			text := pdfText(t, tc.args[len(tc.args)-1])
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("PDF text lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(text, w) {
					t.Errorf("PDF text has %q", w)
				}
			}
		})
	}
}

// TestExportDocx: "export docx" writes a Word file through the same export
// entry as the window; a document gets its Decree-30 header, a news item
// stays an article; wrong calls get one line and leave nothing behind.
func TestExportDocx(t *testing.T) {
	db, ids := seedPDF(t)
	dir := t.TempDir()
	run := func(args ...string) (int, string) {
		var out, errb bytes.Buffer
		code := Run(db, args, &out, &errb)
		return code, errb.String()
	}
	tb := filepath.Join(dir, "tb.docx")
	if code, msg := run("export", "docx", strconv.FormatInt(ids[0], 10), "-o", tb); code != 0 || !strings.Contains(msg, "Đã ghi") {
		t.Fatalf("exit %d: %s", code, msg)
	}
	doc := docxDocument(t, tb)
	for _, w := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 05/TB-VP", "THÔNG BÁO", "Nơi nhận:"} {
		if !strings.Contains(doc, w) {
			t.Errorf("document.xml lacks %q", w)
		}
	}
	news := filepath.Join(dir, "tin.docx")
	if code, msg := run("export", "docx", strconv.FormatInt(ids[1], 10), "-o", news); code != 0 {
		t.Fatalf("exit %d: %s", code, msg)
	}
	if d := docxDocument(t, news); strings.Contains(d, "CỘNG HÒA") || !strings.Contains(d, "Hội nghị tổng kết năm 2023") {
		t.Errorf("news article: %s", d)
	}
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"export", "docx", strconv.FormatInt(ids[0], 10)}, "thiếu tệp ra"},
		{[]string{"export", "docx", "1", "--layout", "x", "-o", filepath.Join(dir, "x.docx")}, "bố cục không hợp lệ"},
		{[]string{"export", "docx", "999", "-o", filepath.Join(dir, "x.docx")}, "999"},
		{[]string{"export", "docx", strconv.FormatInt(ids[0], 10), "-o", filepath.Join(dir, "khong-co", "x.docx")}, "không tồn tại"},
	} {
		code, msg := run(tc.args...)
		if code != 1 || !strings.Contains(msg, tc.msg) || strings.Count(strings.TrimSpace(msg), "\n") != 0 {
			t.Errorf("%v: exit %d, %q; want one line with %q", tc.args, code, msg, tc.msg)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.docx")); err == nil {
		t.Error("a failed export left x.docx behind")
	}
}

// docxDocument is the word/document.xml of a .docx file.
func docxDocument(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a .docx: %v", path, err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return string(b)
		}
	}
	t.Fatalf("%s has no word/document.xml", path)
	return ""
}
