package ui

import (
	"bytes"
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"bientap/model/store"
	"bientap/resources"
)

// lockedSched is the app's scheduler (goroutines, real timers) with one
// lock standing for the UI goroutine: the test holds it while it touches
// widgets, the background work takes it to hand results back.
type lockedSched struct {
	mu     sync.Mutex
	wg     sync.WaitGroup // running goroutines
	timers []*time.Timer
}

func (s *lockedSched) Go(f func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f()
	}()
}

func (s *lockedSched) Do(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f()
}

// After is called on the "UI goroutine" (under mu), like the app's.
func (s *lockedSched) After(d time.Duration, f func()) stopper {
	t := time.AfterFunc(d, func() { s.Do(f) })
	s.timers = append(s.timers, t)
	return t
}

// stop ends the background work before the test returns: Fyne's text
// measuring shares caches across windows, so no work may outlive its test.
func (s *lockedSched) stop() {
	s.mu.Lock()
	for _, t := range s.timers {
		t.Stop()
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// waitFor polls cond (under the UI lock) until it holds.
func waitFor(t *testing.T, s *lockedSched, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		ok := cond()
		s.mu.Unlock()
		if ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

// The real threading: list queries and autosave run on goroutines and come
// back through the scheduler, searches typed quickly drop their stale
// answers, the autosave fires about two seconds after typing stops.
// Run with -race.
func TestBackgroundWork(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.ImportJSONL(context.Background(), bytes.NewReader(resources.Sample), store.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	s := &lockedSched{}
	defer s.stop()
	s.mu.Lock()
	u := loadUI(a, st, Config{DBPath: st.Path()}, s)
	u.onQuit = func() {}
	s.mu.Unlock()
	waitFor(t, s, "the first page", func() bool { return u.list.total == 9 })

	s.mu.Lock()
	test.Type(u.list.search, "cong")
	s.mu.Unlock()
	time.Sleep(30 * time.Millisecond)
	s.mu.Lock()
	test.Type(u.list.search, " dien chu dong")
	s.mu.Unlock()
	waitFor(t, s, "the search", func() bool { return u.list.shownQ.Text == "cong dien chu dong" })
	time.Sleep(300 * time.Millisecond) // a stale answer would arrive now
	s.mu.Lock()
	if u.list.shownQ.Text != "cong dien chu dong" || u.list.total == 0 || u.list.total >= 9 {
		t.Fatalf("shown %q: %d rows", u.list.shownQ.Text, u.list.total)
	}
	u.list.list.Select(0)
	id := u.editor.rec.ID
	typeEnd(u.editor.form.title, " (đang sửa)")
	s.mu.Unlock()

	start := time.Now()
	waitFor(t, s, "the autosave", func() bool {
		slots, _ := st.Recovered()
		return len(slots) == 1 && slots[0].RecordID == id
	})
	if d := time.Since(start); d < autosaveDelay-200*time.Millisecond {
		t.Fatalf("autosave after %v, want about %v", d, autosaveDelay)
	}
	s.mu.Lock()
	u.menu.Items[0].Items[1].Action() // Tệp → Lưu (Ctrl+S)
	s.mu.Unlock()
	slots, _ := st.Recovered()
	if len(slots) != 0 {
		t.Fatal("saving should empty the recovery slot")
	}
}
