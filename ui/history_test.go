package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestHistoryRestore(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(0)
	id := tu.editor.rec.ID
	orig := tu.editor.rec.Title
	tu.editor.form.title.SetText("Tiêu đề thứ hai")
	tu.shortcut(ctrl(fyne.KeyS))
	tu.editor.tabs.SelectIndex(3)
	h := tu.editor.history
	if len(h.revs) != 2 {
		t.Fatalf("%d revisions", len(h.revs))
	}
	h.list.Select(1) // the imported one
	if !strings.Contains(h.diff.String(), "Tiêu đề") || !strings.Contains(h.diff.String(), orig) {
		t.Fatalf("diff: %q", h.diff.String())
	}
	test.Tap(h.restore)
	tu.press("Khôi phục phiên bản?", "Khôi phục")
	got, _ := tu.st.Get(id)
	if got.Title != orig || tu.editor.form.title.Text != orig {
		t.Fatalf("restored %q", got.Title)
	}
	if len(h.revs) != 3 {
		t.Fatalf("restoring should add a revision: %d", len(h.revs))
	}
}
