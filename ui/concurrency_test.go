package ui

import (
	"bytes"
	"context"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"bientap/model/store"
	"bientap/resources"
)

// lockedSched is the app's scheduler (goroutines, real timers) with one
// lock standing for the UI goroutine: the test holds it while it touches
// widgets, the background work takes it to hand results back. While gated,
// the results wait in a queue until the test delivers them, in the order it
// chooses.
type lockedSched struct {
	mu     sync.Mutex
	wg     sync.WaitGroup // running goroutines
	timers []*time.Timer
	gated  atomic.Bool
	queue  chan *heldResult
	ran    chan struct{} // a result was handed back
}

// heldResult is a result handed back while the scheduler was gated.
type heldResult struct {
	f    func()
	done chan struct{}
}

func newLockedSched() *lockedSched {
	return &lockedSched{queue: make(chan *heldResult, 16), ran: make(chan struct{}, 1)}
}

// handedBack signals waitFor that a result came back.
func (s *lockedSched) handedBack() {
	select {
	case s.ran <- struct{}{}:
	default:
	}
}

func (s *lockedSched) Go(f func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f()
	}()
}

func (s *lockedSched) Do(f func()) {
	if s.gated.Load() {
		h := &heldResult{f: f, done: make(chan struct{})}
		s.queue <- h
		<-h.done
		return
	}
	s.mu.Lock()
	f()
	s.mu.Unlock()
	s.handedBack()
}

// After is called on the "UI goroutine" (under mu), like the app's.
func (s *lockedSched) After(d time.Duration, f func()) stopper {
	t := time.AfterFunc(d, func() { s.Do(f) })
	s.timers = append(s.timers, t)
	return t
}

// next waits for the next result handed back while gated.
func (s *lockedSched) next(t *testing.T) *heldResult {
	t.Helper()
	select {
	case h := <-s.queue:
		return h
	case <-time.After(10 * time.Second):
		t.Fatal("no result came back")
		return nil
	}
}

// deliver runs a held result on the "UI goroutine".
func (s *lockedSched) deliver(h *heldResult) {
	s.mu.Lock()
	h.f()
	s.mu.Unlock()
	close(h.done)
	s.handedBack()
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

// idle waits until no background work runs (every result is back).
func (s *lockedSched) idle(t testing.TB) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		s.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("background work still running after 10 s")
	}
}

// waitFor checks cond (under the UI lock) now and each time a result comes
// back through the scheduler, until it holds.
func waitFor(t testing.TB, s *lockedSched, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		s.mu.Lock()
		ok := cond()
		s.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-s.ran:
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// The real threading: list queries and autosave run on goroutines and come
// back through the scheduler; an answer to a search the clerk has already
// replaced is dropped even when it arrives last; the autosave fires about
// two seconds after typing stops. Run with -race.
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
	s := newLockedSched()
	defer s.stop()
	a.Preferences().SetBool(prefFirstRun+st.Path(), true)
	s.mu.Lock()
	u := loadUI(a, st, testConfig(t, st), s)
	u.onQuit = func() {}
	s.mu.Unlock()
	waitFor(t, s, "the first page", func() bool { return u.list.total == 9 })
	s.idle(t) // the start's other work (facets, checks) is done

	// Two searches, the second typed before the first one's answer is
	// shown; the first answer is delivered last.
	s.gated.Store(true)
	s.mu.Lock()
	u.list.search.SetText("cong")
	u.list.reload()
	s.mu.Unlock()
	stale := s.next(t)
	s.mu.Lock()
	u.list.search.SetText("cong dien chu dong")
	u.list.reload()
	s.mu.Unlock()
	fresh := s.next(t)
	s.gated.Store(false)
	s.deliver(fresh)
	s.deliver(stale)
	s.mu.Lock()
	shown, total := u.list.shownQ.Text, u.list.total
	s.mu.Unlock()
	if shown != "cong dien chu dong" || total == 0 || total >= 9 {
		t.Fatalf("shown %q: %d rows", shown, total)
	}
	s.idle(t) // every answer (and count) is in
	s.mu.Lock()
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
	findMenuItem(t, u.menu, "Tệp", "Lưu").Action() // Ctrl+S
	s.mu.Unlock()
	slots, _ := st.Recovered()
	if len(slots) != 0 {
		t.Fatal("saving should empty the recovery slot")
	}
}
