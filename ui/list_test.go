package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model/vntext"
)

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
