package ui

import (
	"bientap/model"
	"bientap/model/store"
	"bientap/model/synth"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestSearchAndFilters(t *testing.T) {
	tu := newTestUI(t, true)
	test.Type(tu.list.search, "cong dien")
	if tu.sched.pending(searchDelay) == 0 {
		t.Fatal("the search should wait for typing to pause")
	}
	tu.sched.flush()
	// The công điện by its title first, then the news item that mentions one.
	if tu.list.total < 2 || tu.list.total >= 9 || !strings.HasPrefix(tu.itemTitle(0), "Công điện") {
		t.Fatalf("search without diacritics: %d rows", tu.list.total)
	}
	tu.list.search.SetText("")
	tu.sched.flush()
	tu.list.kind.SetSelected(model.KindNews.Label())
	if tu.list.total != 3 {
		t.Fatalf("kind filter: %d rows", tu.list.total)
	}
	tu.list.kind.SetSelected(allDocuments)
	if tu.list.total != 6 {
		t.Fatalf("documents filter: %d rows", tu.list.total)
	}
	tu.list.status.SetSelected(model.StatusPublished.Label())
	if tu.list.total != 3 {
		t.Fatalf("published documents: %d rows", tu.list.total)
	}
	tu.list.status.SetSelectedIndex(0)
	tu.list.kind.SetSelectedIndex(0)
	tu.list.category.SetText("Văn hóa - Xã hội")
	tu.sched.flush()
	if tu.list.total != 1 {
		t.Fatalf("category filter: %d rows", tu.list.total)
	}
	tu.list.category.SetText("")
	tu.list.year.SetSelected("2026")
	if tu.list.total != 9 || tu.list.count.Text != "9 bản ghi" {
		t.Fatalf("year 2026: %d rows, %q", tu.list.total, tu.list.count.Text)
	}
	tu.list.search.SetText("không có chữ này đâu")
	tu.sched.flush()
	if tu.list.total != 0 || tu.list.count.Text != "Không có bản ghi nào" {
		t.Fatalf("no match: %d rows, %q", tu.list.total, tu.list.count.Text)
	}
	tu.shortcut(ctrl(fyne.KeyF))
	if tu.win.Canvas().Focused() != tu.list.search {
		t.Fatal("Ctrl+F should focus the search box")
	}
}

func TestLongListPages(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Insert(synth.Records(1234, 7, 1)); err != nil {
		t.Fatal(err)
	}
	tu := openTestUI(t, a, st)
	if tu.list.total != 1234 || tu.list.count.Text != "1.234 bản ghi" {
		t.Fatalf("list: %d rows, %q", tu.list.total, tu.list.count.Text)
	}
	all, err := st.List(store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 99, 100, 517, 1000, 1233} {
		it, ok := tu.list.itemAt(i) // asks for the page
		if !ok {
			it, ok = tu.list.itemAt(i) // loaded inline by the test scheduler
		}
		if !ok || it.ID != all[i].ID {
			t.Fatalf("row %d: %+v, want id %d", i, it, all[i].ID)
		}
	}
	if len(tu.list.pages) > listPagesKept {
		t.Fatalf("%d pages kept", len(tu.list.pages))
	}
}
