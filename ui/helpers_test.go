package ui

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/store"
	"bientap/resources"
)

// syncSched runs the UI's background work inline and holds its timers
// until the test fires them (flush): tests are deterministic.
type syncSched struct {
	timers []*fakeTimer
}

type fakeTimer struct {
	f       func()
	d       time.Duration
	stopped bool
}

func (t *fakeTimer) Stop() bool {
	was := !t.stopped
	t.stopped = true
	return was
}

func (s *syncSched) Go(f func()) { f() }
func (s *syncSched) Do(f func()) { f() }
func (s *syncSched) After(d time.Duration, f func()) stopper {
	t := &fakeTimer{f: f, d: d}
	s.timers = append(s.timers, t)
	return t
}

// flush fires the pending timers (and those they start) in order.
func (s *syncSched) flush() {
	for len(s.timers) > 0 {
		ts := s.timers
		s.timers = nil
		for _, t := range ts {
			if !t.stopped {
				t.stopped = true
				t.f()
			}
		}
	}
}

// pending counts timers waiting with delay d.
func (s *syncSched) pending(d time.Duration) int {
	n := 0
	for _, t := range s.timers {
		if !t.stopped && t.d == d {
			n++
		}
	}
	return n
}

type testUI struct {
	*mainUI
	t     *testing.T
	sched *syncSched
	quit  int
}

// newTestUI opens the whole UI on a fresh database in a temp folder, with
// the sample records when sample is true.
func newTestUI(t *testing.T, sample bool) *testUI {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if sample {
		if _, err := st.ImportJSONL(context.Background(), bytes.NewReader(resources.Sample), store.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	return openTestUI(t, a, st)
}

// testNow is the time every test's window lives at: tests do not depend on
// the date they run.
var testNow = time.Date(2026, 11, 28, 9, 30, 0, 0, time.Local)

// testConfig is the window's configuration in tests: a fixed clock and a
// folder of the test's own for the window's files.
func testConfig(t testing.TB, st *store.Store) Config {
	return Config{DBPath: st.Path(), Meta: resources.Metadata{Name: "Biên Tập", Version: "0.1.0", Build: 1},
		Clock: model.FixedClock(testNow), DataDir: t.TempDir()}
}

func openTestUI(t *testing.T, a fyne.App, st *store.Store) *testUI {
	t.Helper()
	return openTestUIWith(t, a, st, testConfig(t, st))
}

// openTestUIWith opens the window with cfg. The first-run question is
// taken as answered (TestFirstRun asks it).
func openTestUIWith(t *testing.T, a fyne.App, st *store.Store, cfg Config) *testUI {
	t.Helper()
	if a.Preferences().String("test.firstRun") != "ask" {
		a.Preferences().SetBool(prefFirstRun+st.Path(), true)
	}
	st.SetClock(cfg.Clock)
	s := &syncSched{}
	u := loadUI(a, st, cfg, s)
	tu := &testUI{mainUI: u, t: t, sched: s}
	u.onQuit = func() { tu.quit++ }
	u.win.Resize(fyne.NewSize(1280, 800))
	return tu
}

// menuItem finds a menu item by its labels ("Tệp", "Xuất, gửi đi",
// "Xuất HTML…"), failing the test when there is none.
func (tu *testUI) menuItem(path ...string) *fyne.MenuItem {
	tu.t.Helper()
	return findMenuItem(tu.t, tu.menu, path...)
}

func findMenuItem(t testing.TB, m *fyne.MainMenu, path ...string) *fyne.MenuItem {
	t.Helper()
	for _, top := range m.Items {
		if top.Label != path[0] {
			continue
		}
		items := top.Items
		for i, label := range path[1:] {
			var found *fyne.MenuItem
			for _, it := range items {
				if it.Label == label {
					found = it
				}
			}
			if found == nil {
				break
			}
			if i == len(path)-2 {
				return found
			}
			if found.ChildMenu == nil {
				break
			}
			items = found.ChildMenu.Items
		}
	}
	t.Fatalf("no menu item %q", path)
	return nil
}

// shortcut triggers a keyboard shortcut the way the desktop driver does:
// the main menu's items first.
func (tu *testUI) shortcut(s fyne.Shortcut) {
	tu.t.Helper()
	var find func(items []*fyne.MenuItem) bool
	find = func(items []*fyne.MenuItem) bool {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
				it.Action()
				return true
			}
			if it.ChildMenu != nil && find(it.ChildMenu.Items) {
				return true
			}
		}
		return false
	}
	for _, m := range tu.menu.Items {
		if find(m.Items) {
			return
		}
	}
	tu.t.Fatalf("no menu item has the shortcut %s", s.ShortcutName())
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// dialog returns the newest open dialog, failing when its title differs.
func (tu *testUI) dialog(title string) *dialogHandle {
	tu.t.Helper()
	h := tu.topDialog()
	if h == nil {
		tu.t.Fatalf("no dialog open, want %q", title)
	}
	if got := dialogTitle(h); got != title {
		tu.t.Fatalf("dialog %q open, want %q", got, title)
	}
	return h
}

func dialogTitle(h *dialogHandle) string { return h.title }

// press taps a button of the newest dialog.
func (tu *testUI) press(title, label string) {
	tu.t.Helper()
	h := tu.dialog(title)
	b := h.button(label)
	if b == nil {
		tu.t.Fatalf("dialog %q has no button %q", title, label)
	}
	test.Tap(b)
}

func (tu *testUI) noDialog() {
	tu.t.Helper()
	if h := tu.topDialog(); h != nil {
		tu.t.Fatalf("dialog %q still open", dialogTitle(h))
	}
}

// openIndex opens the list's row i as a clerk's click would.
func (tu *testUI) openIndex(i int) {
	tu.t.Helper()
	tu.list.list.Select(i)
}

// itemTitle is the title of the list's row i.
func (tu *testUI) itemTitle(i int) string {
	it, ok := tu.list.itemAt(i)
	if !ok {
		tu.t.Fatalf("row %d not loaded", i)
	}
	return it.Title
}

// rowOf finds the list row whose title contains s.
func (tu *testUI) rowOf(s string) int {
	tu.t.Helper()
	for i := 0; i < tu.list.total; i++ {
		if it, ok := tu.list.itemAt(i); ok && strings.Contains(it.Title, s) {
			return i
		}
	}
	tu.t.Fatalf("no row titled like %q", s)
	return -1
}

// texts collects the text shown by labels, rich texts and canvas texts.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, c := range test.LaidOutObjects(o) {
		switch v := c.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			b.WriteString(v.String() + "\n")
		}
	}
	return b.String()
}

// typeEnd types s at the end of a one-line entry, as after a click there.
func typeEnd(e *textEntry, s string) {
	e.CursorRow, e.CursorColumn = 0, len([]rune(e.Text))
	test.Type(e, s)
}
