package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestPreviewTab(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(tu.rowOf("Kế hoạch"))
	tu.editor.tabs.SelectIndex(1)
	s := texts(tu.editor.preview.scroll.Content)
	for _, want := range []string{"KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "Sở Công Thương", "Nơi nhận:", "Hà Trọng Hải", "Lai Châu, ngày 10 tháng 11 năm 2026"} {
		if !strings.Contains(s, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	// Typing refreshes the preview a moment later.
	tu.editor.tabs.SelectIndex(0)
	tu.editor.form.body.FocusAt(0, -1)
	test.Type(tu.win.Canvas().Focused(), " MỚI THÊM")
	tu.editor.tabs.SelectIndex(1)
	tu.sched.flush()
	if !strings.Contains(texts(tu.editor.preview.scroll.Content), "MỚI THÊM") {
		t.Fatal("the preview should show the typed text")
	}
}
