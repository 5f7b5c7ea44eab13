package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bientap/export/internal/samples"
	"bientap/model"
	"bientap/model/store"
)

// archive opens a real archive in a temporary folder with the samples: an
// approved notice, a draft notice saved three times, a published news item.
func archive(t *testing.T) (*store.Store, []*model.Record) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	draft := samples.ThongBao()
	draft.ID, draft.Status, draft.Number = 0, model.StatusDraft, ""
	recs := []*model.Record{samples.ThongBao(), draft, samples.NewsItem()}
	for _, r := range recs {
		r.ID = 0
		if err := st.Create(r); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 2; i++ {
		draft.Body += "\nThêm một đoạn./."
		if err := st.Save(draft); err != nil {
			t.Fatal(err)
		}
	}
	return st, recs
}

func TestParseLayout(t *testing.T) {
	for s, want := range map[string]Layout{"": LayoutAuto, "tin": LayoutNews, "vanban": LayoutDocument} {
		if got, err := ParseLayout(s); err != nil || got != want {
			t.Errorf("ParseLayout(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := ParseLayout("x"); err == nil || !strings.Contains(err.Error(), "bố cục không hợp lệ") {
		t.Errorf("bad layout: %v", err)
	}
}

// TestEntries: each output through its one entry, with the archive's
// settings: the layout by kind or forced, the draft's revision from the
// archive on its mark, the Word file naming Times New Roman, the mail's
// attachment, and a bad font refused.
func TestEntries(t *testing.T) {
	st, recs := archive(t)
	set, _ := st.LoadSettings()
	opt := Options{Settings: set, Archive: st}
	draft := recs[1]
	if ho := opt.HeaderOptions(draft); ho.Revision != 3 || ho.Agency != set.Agency {
		t.Errorf("header options of the draft: %+v", ho)
	}
	if ho := opt.HeaderOptions(recs[0]); ho.Revision != 0 {
		t.Errorf("an approved document has no revision on its mark: %+v", ho)
	}
	var b bytes.Buffer
	res, err := PDF(&b, draft, opt)
	if err != nil || res.Pages != 1 || !bytes.HasPrefix(b.Bytes(), []byte("%PDF")) {
		t.Fatalf("PDF: %+v, %v", res, err)
	}
	// A news item printed as a document, and by its kind.
	news := recs[2]
	for layout, document := range map[Layout]bool{LayoutAuto: false, LayoutNews: false, LayoutDocument: true} {
		o := opt
		o.Layout = layout
		b.Reset()
		if _, err := PDF(&b, news, o); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(pdfText(t, b.Bytes()), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"); got != document {
			t.Errorf("news with layout %v: Decree-30 header %v, want %v", layout, got, document)
		}
	}
	b.Reset()
	res, err = Docx(&b, draft, opt)
	if err != nil || res.Font != "Times New Roman" {
		t.Fatalf("Docx: %+v, %v", res, err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var header string
	for _, f := range zr.File {
		if f.Name == "word/header2.xml" {
			rc, _ := f.Open()
			x, _ := io.ReadAll(rc)
			rc.Close()
			header = string(x)
		}
	}
	if !strings.Contains(header, "DỰ THẢO") || !strings.Contains(header, "Lần 3") {
		t.Errorf("the draft's Word file lacks its mark and revision: %s", header)
	}
	b.Reset()
	res, err = Mail(&b, recs[0], opt)
	if err != nil || res.Attachment == "" || !strings.Contains(b.String(), "Content-Disposition: attachment") {
		t.Errorf("Mail: %+v, %v", res, err)
	}
	if page := HTML(recs[0], opt); !strings.Contains(page.Fragment, "Số: 05/TB-VP") {
		t.Errorf("HTML fragment: %s", page.Fragment)
	}
	o := opt
	o.Font = "comic"
	if _, err := PDF(io.Discard, draft, o); err == nil {
		t.Error("an unknown font accepted")
	}
}

// TestRegisterEntries: the registers read their records from the archive;
// cancelling leaves no file behind; without an archive they say so.
func TestRegisterEntries(t *testing.T) {
	st, _ := archive(t)
	set, _ := st.LoadSettings()
	opt := Options{Settings: set, Archive: st}
	dir := t.TempDir()
	res, err := WriteFile(filepath.Join(dir, "so.pdf"), func(w io.Writer) (Result, error) { return Register(w, 2024, opt) })
	if err != nil || res.Count != 1 || res.Pages != 2 {
		t.Errorf("register: %+v, %v", res, err)
	}
	y2024 := samples.NewsItem().Date
	res, err = WriteFile(filepath.Join(dir, "tin.pdf"), func(w io.Writer) (Result, error) { return NewsList(w, y2024, y2024, opt) })
	if err != nil || res.Count != 1 {
		t.Errorf("news list: %+v, %v", res, err)
	}
	steps := 0
	opt.Progress = func(done, total int, msg string) bool { steps++; return done == 0 }
	path := filepath.Join(dir, "huy.pdf")
	if _, err := WriteFile(path, func(w io.Writer) (Result, error) { return Register(w, 2024, opt) }); !errors.Is(err, ErrCancelled) || steps != 2 {
		t.Errorf("cancel: %v after %d steps", err, steps)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a cancelled register left its file")
	}
	if _, err := Register(io.Discard, 2024, Options{}); err == nil {
		t.Error("a register without an archive")
	}
}

// pdfText is a PDF's text as poppler's pdftotext reads it (required in CI).
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is required in CI")
		}
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(path, data, 0o644)
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
