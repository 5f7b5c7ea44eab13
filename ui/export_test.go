package ui

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
