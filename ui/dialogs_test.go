package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestEscapeClosesDialogs(t *testing.T) {
	tu := newTestUI(t, true)
	tu.onHelpKeys()
	tu.dialog("Phím tắt")
	tu.win.Canvas().(interface {
		OnTypedKey() func(*fyne.KeyEvent)
	}).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	tu.noDialog()
	// Inside a dialog's field too.
	tu.onRegisterNews()
	h := tu.dialog("Các tin đã đăng")
	var entry *textEntry
	for _, o := range test.LaidOutObjects(h.content) {
		if en, ok := o.(*textEntry); ok {
			entry = en
		}
	}
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	tu.noDialog()
	// Fyne's file dialogs too.
	tu.onImportFile()
	tu.dialog("Nhập tệp (.txt, .html, .docx, .jsonl)")
	tu.shortcut(ctrl(fyne.KeyN)) // menu shortcuts wait while a dialog is open
	if tu.editor.rec != nil {
		t.Fatal("Ctrl+N acted behind an open dialog")
	}
	tu.onEscape()
	tu.noDialog()
}

func TestLongOperationCancel(t *testing.T) {
	tu := newTestUI(t, false)
	// The progress dialog's Hủy (Esc) is pressed during the first step.
	var pressed, third bool
	tu.runLong("Thử", func(p progressFunc) (string, error) {
		for i := range 3 {
			if !p(i, 3, "") {
				return "", errCancelled
			}
			third = i == 2
			if !pressed {
				tu.dialog("Thử")
				tu.onEscape() // Esc is the dialog's Hủy
				pressed = true
			}
		}
		return "xong", nil
	}, func(_ string, err error) {
		if err != errCancelled {
			t.Fatalf("err %v", err)
		}
		tu.showError(err)
	})
	tu.noDialog()
	if third || !strings.Contains(tu.statusBar.Text, "Đã dừng") {
		t.Fatalf("status bar %q, third step run: %v", tu.statusBar.Text, third)
	}
}
