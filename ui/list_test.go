package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/store"
	"bientap/model/synth"
	"bientap/model/vntext"
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

// rowTexts renders list row i into a fresh row and returns its title and
// second line as text, with the marked (accent-coloured) words in
// [brackets].
func rowTexts(tu *testUI, i int) (title, meta string) {
	tu.t.Helper()
	row := tu.list.createRow()
	tu.list.updateRow(i, row)
	objs := row.(*fyne.Container).Objects
	return markedString(objs[1].(*widget.RichText)), markedString(objs[2].(*widget.RichText))
}

func markedString(rt *widget.RichText) string {
	var b strings.Builder
	for _, s := range rt.Segments {
		ts := s.(*widget.TextSegment)
		if ts.Style.ColorName == theme.ColorNamePrimary {
			b.WriteString("[" + ts.Text + "]")
		} else {
			b.WriteString(ts.Text)
		}
	}
	return b.String()
}

// TestSearchRowsMarkMatches: a search's rows show the words found, in the
// title and in the text around the match, marked; the dated list marks
// nothing.
func TestSearchRowsMarkMatches(t *testing.T) {
	tu := newTestUI(t, true)
	title, meta := rowTexts(tu, 0)
	if strings.Contains(title+meta, "[") {
		t.Errorf("the dated list marks words: %q / %q", title, meta)
	}
	test.Type(tu.list.search, "cong dien")
	tu.sched.flush()
	title, meta = rowTexts(tu, 0)
	if !strings.HasPrefix(title, "[Công] [điện]") {
		t.Errorf("first row's title: %q", title)
	}
	sawSnippet := false
	for i := 0; i < tu.list.total; i++ {
		title, meta := rowTexts(tu, i)
		if !strings.Contains(title+meta, "[") {
			t.Errorf("row %d shows no match: %q / %q", i, title, meta)
		}
		date, snippet, _ := strings.Cut(meta, " · ")
		if len(date) != len("02/01/2006") {
			t.Errorf("row %d: second line %q does not start with the date", i, meta)
		}
		if at := strings.Index(snippet, "["); at >= 0 {
			sawSnippet = true
			if before := []rune(snippet[:at]); len(before) > 40 {
				t.Errorf("row %d: the match comes %d characters into %q", i, len(before), snippet)
			}
			for _, m := range strings.Split(snippet[at:], "[")[1:] {
				word, _, _ := strings.Cut(m, "]")
				if f := vntext.Fold(word); f != "cong" && !strings.HasPrefix(f, "dien") {
					t.Errorf("row %d: %q marked", i, word)
				}
			}
		}
	}
	if !sawSnippet {
		t.Error("no row shows a match in its text")
	}
}

// queuedSched holds the work sent off the UI goroutine until the test
// runs it, to interleave queries as typing fast does.
type queuedSched struct {
	syncSched
	queue []func()
	dos   int
}

func (s *queuedSched) Go(f func()) { s.queue = append(s.queue, f) }
func (s *queuedSched) Do(f func()) { s.dos++; f() }

// run runs the queued work in order, including what it queues.
func (s *queuedSched) run() {
	for len(s.queue) > 0 {
		f := s.queue[0]
		s.queue = s.queue[1:]
		f()
	}
}

// TestSupersededSearchStops: a query the clerk typed past is stopped
// before it reads anything and never touches the list; the newer one shows.
func TestSupersededSearchStops(t *testing.T) {
	tu := newTestUI(t, true)
	s := &queuedSched{}
	tu.mainUI.sched = s
	tu.list.search.SetText("cong")
	tu.list.reload()
	tu.list.search.SetText("cong dien")
	tu.list.reload()
	if len(s.queue) != 2 {
		t.Fatalf("%d queries queued, want 2", len(s.queue))
	}
	stale := s.queue[0]
	s.queue = s.queue[1:]
	stale()
	if s.dos != 0 {
		t.Fatalf("the superseded query reached the UI %d times", s.dos)
	}
	s.run()
	if tu.list.shownQ.Text != "cong dien" || !strings.HasPrefix(tu.itemTitle(0), "Công điện") {
		t.Errorf("shown: %q, first row %q", tu.list.shownQ.Text, tu.itemTitle(0))
	}
	// A page of the shown list asked for once a newer query started is
	// dropped too.
	tu.list.search.SetText("phong")
	tu.list.reload() // queued: "cong dien" stays shown, its work stopped
	before := s.dos
	tu.list.fetch(1)
	fetch := s.queue[len(s.queue)-1]
	fetch()
	if s.dos != before {
		t.Error("a page of the superseded list reached the UI")
	}
}
