package cli

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	netmail "net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"bientap/model/store"
)

func copyFixture(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "model", "importer", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(db, args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	portal := copyFixture(t, dir, "tin-portal.txt")
	crlf := copyFixture(t, dir, "tin-crlf-bom.txt")
	page := copyFixture(t, dir, "trang-tin.html")
	os.MkdirAll(filepath.Join(dir, "trang-tin_files"), 0o755)
	jpg, _ := os.ReadFile(filepath.Join("..", "..", "model", "importer", "testdata", "trang-tin_files", "hoi-nghi.jpg"))
	os.WriteFile(filepath.Join(dir, "trang-tin_files", "hoi-nghi.jpg"), jpg, 0o644)
	jsonl := filepath.Join(dir, "a.jsonl")
	os.WriteFile(jsonl, []byte(`{"kind":"news","title":"Tin từ JSONL","date":"2022-01-02","status":"published"}`+"\n"), 0o644)
	oldDoc := filepath.Join(dir, "cu.doc")
	os.WriteFile(oldDoc, []byte("\xD0\xCF\x11\xE0"), 0o644)
	missing := filepath.Join(dir, "khong-co.txt")

	code, out, errs := run(t, db, "import", portal, missing, crlf, oldDoc, page, jsonl)
	if code != 1 {
		t.Errorf("exit %d, want 1 (two files failed)", code)
	}
	ids := strings.Fields(out)
	// 1 + 4 listed (portal), 1 (crlf), 1 + 3 listed (html), 1 (jsonl)
	if len(ids) != 11 {
		t.Fatalf("%d ids on stdout: %q\nstderr:\n%s", len(ids), out, errs)
	}
	for _, id := range ids {
		if _, err := strconv.ParseInt(id, 10, 64); err != nil {
			t.Errorf("stdout line %q is not an id", id)
		}
	}
	for _, want := range []string{
		missing + ": không có tệp này\n",
		oldDoc + ": tệp Word cũ (.doc) chưa hỗ trợ",
		"  Tiêu đề: UBND tỉnh Lai Châu họp đánh giá",
		"bientap import: Đã nhập 11 bản ghi, bỏ qua 0 trùng; 2/6 tệp không nhập được\n",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}

	// Again: everything already there is skipped, nothing created; with
	// --update the articles are replaced, the listed items left alone.
	code, out, errs = run(t, db, "import", "-q", portal, page)
	if code != 0 || out != "" || !strings.HasSuffix(errs, "Đã nhập 0 bản ghi, bỏ qua 9 trùng, 0 tệp lỗi\n") {
		t.Errorf("re-import: %d %q %q", code, out, errs)
	}
	code, out, errs = run(t, db, "import", portal, "--update")
	if code != 0 || out != "" || !strings.Contains(errs, "Đã nhập 0 bản ghi, cập nhật 1, bỏ qua 4 trùng, 0 tệp lỗi") {
		t.Errorf("update: %d %q %q", code, out, errs)
	}

	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, _ := st.Count(store.Query{})
	if n != 11 {
		t.Errorf("%d records", n)
	}
	id, _ := strconv.ParseInt(ids[len(ids)-1], 10, 64)
	r, err := st.Get(id)
	if err != nil || r.Title != "Tin từ JSONL" {
		t.Errorf("jsonl record: %v %v", r, err)
	}

	if code, _, errs := run(t, db, "import"); code != 1 || !strings.Contains(errs, "cách dùng") {
		t.Errorf("no files: %d %q", code, errs)
	}
	if code, _, errs := run(t, db, "import", portal, "--kind", "khong-co"); code != 1 || !strings.Contains(errs, "không hợp lệ") {
		t.Errorf("bad kind: %d %q", code, errs)
	}
}

func TestExportHTMLAndEML(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	page := copyFixture(t, dir, "trang-tin.html")
	os.MkdirAll(filepath.Join(dir, "trang-tin_files"), 0o755)
	jpg, _ := os.ReadFile(filepath.Join("..", "..", "model", "importer", "testdata", "trang-tin_files", "hoi-nghi.jpg"))
	os.WriteFile(filepath.Join(dir, "trang-tin_files", "hoi-nghi.jpg"), jpg, 0o644)
	_, out, _ := run(t, db, "import", "-q", page)
	id := strings.Fields(out)[0]

	outDir := filepath.Join(dir, "xuat")
	code, stdout, errs := run(t, db, "export", "html", id, "-o", outDir)
	if code != 0 || stdout != "" {
		t.Fatalf("export html: %d %q %q", code, stdout, errs)
	}
	slug := "lai-chau-day-manh-chuyen-doi-so-trong-co-quan-hanh-chinh-nha-nuoc"
	for _, f := range []string{slug + ".html", slug + ".zip", slug + "-1.jpg", slug + "-2.png"} {
		if _, err := os.Stat(filepath.Join(outDir, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	code, frag, _ := run(t, db, "export", "html", id, "--fragment")
	if code != 0 || !strings.HasPrefix(frag, `<p class="sapo"><strong>(LCĐT) - Chiều 24/8`) || !strings.Contains(frag, "&lt;script&gt;") {
		t.Errorf("fragment: %d %q", code, frag)
	}

	eml := filepath.Join(dir, "tin.eml")
	code, stdout, errs = run(t, db, "export", "eml", id, "-o", eml, "--from", "Văn phòng <vp@laichau.gov.vn>")
	if code != 0 || stdout != "" {
		t.Fatalf("export eml: %d %q %q", code, stdout, errs)
	}
	raw, _ := os.ReadFile(eml)
	msg, err := netmail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if subject != "Lai Châu đẩy mạnh chuyển đổi số trong cơ quan hành chính nhà nước" || msg.Header.Get("X-Unsent") != "1" {
		t.Errorf("subject %q, headers %v", subject, msg.Header)
	}
	_, params, _ := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	mr := multipart.NewReader(msg.Body, params["boundary"])
	mr.NextPart()
	att, err := mr.NextPart()
	if err != nil {
		t.Fatal(err)
	}
	b64, _ := io.ReadAll(att)
	pdfData, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(string(b64), "\r\n", ""))
	if err != nil || !bytes.HasPrefix(pdfData, []byte("%PDF-")) {
		t.Errorf("attachment is not a PDF: %v", err)
	}
	pdfFile := filepath.Join(dir, "dinh-kem.pdf")
	os.WriteFile(pdfFile, pdfData, 0o644)
	if text := pdfText(t, pdfFile); !strings.Contains(text, "chuyển đổi số") {
		t.Errorf("attached PDF text: %q", text)
	}

	for _, args := range [][]string{
		{"export", "html", id}, {"export", "html", "abc", "-o", outDir}, {"export", "eml", id},
		{"export", "eml", "999", "-o", eml}, {"export", "eml", id, "-o", eml, "--from", "@@"},
	} {
		if code, _, errs := run(t, db, args...); code != 1 || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}
