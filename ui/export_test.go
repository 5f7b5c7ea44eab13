package ui

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"bientap/model/vntext"
)

func TestExportPDF(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(tu.rowOf("Công điện"))
	path := filepath.Join(t.TempDir(), "cong-dien.pdf")
	tu.exportPDFTo(tu.editor.current(), path)
	tu.dialog("Đã xuất PDF")
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(data), "%PDF") {
		t.Fatalf("no PDF written: %v", err)
	}
	// A folder that does not exist: a clear message, nothing written.
	bad := filepath.Join(t.TempDir(), "khong-co", "x.pdf")
	tu.exportPDFTo(tu.editor.current(), bad)
	tu.dialog("Có lỗi")
	if !strings.Contains(tu.lastMessage, "không tồn tại") {
		t.Fatalf("message %q", tu.lastMessage)
	}
}

// TestExportDocx: "Xuất Word (.docx)…" writes the open record through the
// export entry the command line uses; a folder that does not exist gets a
// clear message and nothing is written.
func TestExportDocx(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(tu.rowOf("Công điện"))
	path := filepath.Join(t.TempDir(), "cong-dien.docx")
	tu.exportDocxTo(tu.editor.current(), path)
	tu.dialog("Đã xuất Word")
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("no .docx written: %v", err)
	}
	found := false
	for _, f := range zr.File {
		found = found || f.Name == "word/document.xml"
	}
	zr.Close()
	if !found {
		t.Fatal("the .docx has no document.xml")
	}
	bad := filepath.Join(t.TempDir(), "khong-co", "x.docx")
	tu.exportDocxTo(tu.editor.current(), bad)
	tu.dialog("Có lỗi")
	if !strings.Contains(tu.lastMessage, "không tồn tại") {
		t.Fatalf("message %q", tu.lastMessage)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Fatal("a failed export left a file")
	}
}

func TestRegisters(t *testing.T) {
	tu := newTestUI(t, true)
	dir := t.TempDir()
	tu.writeRegister(filepath.Join(dir, "so.pdf"), 2026)
	tu.dialog("Đã lập sổ văn bản đi")
	if !strings.Contains(tu.lastMessage, "5 văn bản") {
		t.Fatalf("register: %q", tu.lastMessage)
	}
	from, _ := vntext.ParseDate("01/01/2026")
	to, _ := vntext.ParseDate("31/12/2026")
	tu.writeNewsList(filepath.Join(dir, "tin.pdf"), from, to)
	if !strings.Contains(tu.lastMessage, "1 tin") {
		t.Fatalf("news list: %q", tu.lastMessage)
	}
	for _, n := range []string{"so.pdf", "tin.pdf"} {
		if fi, err := os.Stat(filepath.Join(dir, n)); err != nil || fi.Size() < 1000 {
			t.Fatalf("%s: %v", n, err)
		}
	}
}

// "Mở tệp" on a computer without a program for PDF files says so, where
// the file is, and offers its folder.
func TestOpenWithoutViewer(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(tu.rowOf("Công điện"))
	path := filepath.Join(t.TempDir(), "cong-dien.pdf")
	tu.exportPDFTo(tu.editor.current(), path)
	t.Setenv("PATH", t.TempDir()) // nothing to open files with
	tu.press("Đã xuất PDF", "Mở tệp")
	h := tu.dialog("Không mở được")
	if !strings.Contains(tu.lastMessage, "chưa có chương trình để mở tệp PDF") || !strings.Contains(tu.lastMessage, path) {
		t.Fatalf("message %q", tu.lastMessage)
	}
	if h.button("Mở thư mục") == nil || h.button("Chép đường dẫn") == nil {
		t.Fatal("the folder should be offered")
	}
	test.Tap(h.button("Chép đường dẫn"))
	if got := tu.app.Clipboard().Content(); got != path {
		t.Fatalf("clipboard %q", got)
	}
}
