package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestChecksTabFixAndGoTo(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(tu.rowOf("Phiên chợ"))
	body := tu.editor.form.body
	body.FocusAt(0, 0)
	test.Type(tu.win.Canvas().Focused(), "Chợ họp sớm ,đông vui. ")
	tu.editor.tabs.SelectIndex(2)
	c := tu.editor.checks
	if len(c.findings) == 0 {
		t.Fatal("the checks should find the misplaced comma")
	}
	f := c.findings[0]
	if f.Line != 1 || f.Fix == nil {
		t.Fatalf("finding %+v", f)
	}
	c.list.Select(0)
	if tu.editor.tabs.SelectedIndex() != 0 {
		t.Fatal("tapping a finding should go to the form")
	}
	if i, _ := body.Cursor(); i != 0 {
		t.Fatalf("cursor in paragraph %d", i)
	}
	tu.editor.tabs.SelectIndex(2)
	n := len(c.findings)
	c.apply(c.findings[0])
	if len(c.findings) >= n {
		t.Fatalf("the fix left %d findings (had %d)", len(c.findings), n)
	}
	if strings.Contains(body.Text(), "sớm ,đông") {
		t.Fatalf("body not fixed: %q", strings.SplitN(body.Text(), "\n", 2)[0])
	}
	fixed := body.Text()
	body.Undo()
	if !strings.Contains(body.Text(), "sớm ,đông") {
		t.Fatalf("a fix should be undoable:\n%q\n%q", strings.SplitN(fixed, "\n", 2)[0], strings.SplitN(body.Text(), "\n", 2)[0])
	}
}
