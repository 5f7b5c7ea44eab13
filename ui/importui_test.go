package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportFiles(t *testing.T) {
	tu := newTestUI(t, false)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "tin.txt"), []byte("Khai mạc Tuần văn hóa các dân tộc\nThứ Hai, 16/11/2026\nSáng 16/11, tại thành phố Lai Châu đã khai mạc Tuần văn hóa các dân tộc tỉnh năm 2026.\nTuần văn hóa diễn ra đến hết ngày 22/11.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "hong.docx"), []byte("không phải docx"), 0o644)
	os.WriteFile(filepath.Join(dir, "ghi-chu.pdf"), []byte("%PDF"), 0o644)
	paths, err := importableFiles(dir)
	if err != nil || len(paths) != 2 {
		t.Fatalf("importable files %v, %v", paths, err)
	}
	tu.importFiles(paths)
	tu.dialog("Kết quả nhập")
	if !strings.Contains(tu.lastMessage, "1 bản ghi mới") || !strings.Contains(tu.lastMessage, "hong.docx") {
		t.Fatalf("summary %q", tu.lastMessage)
	}
	if tu.list.total != 1 || !tu.main.Visible() {
		t.Fatalf("list %d rows after import", tu.list.total)
	}
	tu.press("Kết quả nhập", "Mở bản ghi đầu tiên")
	if tu.editor.rec == nil || !strings.Contains(tu.editor.rec.Title, "Tuần văn hóa") {
		t.Fatal("the imported record should open")
	}
}
