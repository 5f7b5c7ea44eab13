package ui

import (
	"strings"
	"testing"
)

func TestWelcomeOnEmptyDatabase(t *testing.T) {
	tu := newTestUI(t, false)
	if tu.win.Content() != tu.welcome {
		t.Fatal("an empty database should open on the welcome panel")
	}
	if !strings.HasPrefix(tu.win.Title(), "Biên Tập — t.db") {
		t.Fatalf("window title %q", tu.win.Title())
	}
	tu.onOpenSample()
	if tu.win.Content() != tu.main {
		t.Fatal("the sample data should show the main window")
	}
	if tu.list.total != 9 {
		t.Fatalf("list shows %d records after the sample import, want 9", tu.list.total)
	}
	if tu.list.count.Text != "9 bản ghi" {
		t.Fatalf("count label %q", tu.list.count.Text)
	}
	if tu.editor.rec == nil || tu.editor.rec.ID == 0 {
		t.Fatal("the newest sample record should be open")
	}
}

func TestWelcomeNewRecord(t *testing.T) {
	tu := newTestUI(t, false)
	tu.onNew()
	if tu.win.Content() != tu.main || tu.editor.rec == nil {
		t.Fatal("Tạo mới should open an empty record in the main window")
	}
}
