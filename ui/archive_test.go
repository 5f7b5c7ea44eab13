package ui

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/store"
	"bientap/model/synth"
)

// asyncUI opens the window on st with the real threading (lockedSched).
func asyncUI(t *testing.T, st *store.Store) (*mainUI, *lockedSched) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetBool(prefFirstRun+st.Path(), true)
	s := newLockedSched()
	t.Cleanup(s.stop)
	s.mu.Lock()
	u := loadUI(a, st, testConfig(t, st), s)
	u.onQuit = func() {}
	s.mu.Unlock()
	return u, s
}

// progressOf is the progress bar of the open progress dialog, or nil.
func progressOf(u *mainUI) *widget.ProgressBar {
	h := u.topDialog()
	if h == nil {
		return nil
	}
	for _, o := range test.LaidOutObjects(h.content) {
		if b, ok := o.(*widget.ProgressBar); ok {
			return b
		}
	}
	return nil
}

// writeSynthJSONL writes n generated records as JSON Lines.
func writeSynthJSONL(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for _, r := range synth.Records(n, 3, 4) {
		line, err := model.MarshalRecordJSON(r, nil)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(line)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// cancelWhenProgressing waits until the progress dialog's bar moved, then
// presses Hủy and returns when.
func cancelWhenProgressing(t *testing.T, u *mainUI, s *lockedSched, title string) time.Time {
	t.Helper()
	waitFor(t, s, "progress", func() bool {
		b := progressOf(u)
		return b != nil && b.Value > 0 && b.Value < 1 && u.topDialog().title == title
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	u.onEscape() // the progress dialog's Hủy
	return time.Now()
}

// Issue 10's second trial in the window: "Hủy" on a large JSON Lines import
// stops it at once, the bar having moved, and the archive is exactly as
// before.
func TestImportJSONLCancelInWindow(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "lon.jsonl")
	writeSynthJSONL(t, big, 20000)
	st, err := store.Open(filepath.Join(dir, "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, s := asyncUI(t, st)
	s.mu.Lock()
	u.importFiles([]string{big})
	s.mu.Unlock()
	pressed := cancelWhenProgressing(t, u, s, "Đang nhập tệp")
	waitFor(t, s, "the result", func() bool {
		h := u.topDialog()
		return h != nil && h.title == "Kết quả nhập"
	})
	stopped := time.Since(pressed)
	t.Logf("stopped %v after Hủy", stopped)
	if stopped > 3*time.Second {
		t.Errorf("Hủy took %v", stopped)
	}
	s.mu.Lock()
	msg := u.lastMessage
	s.mu.Unlock()
	if msg != "Đã dừng nhập lon.jsonl: dữ liệu giữ nguyên như trước khi nhập." {
		t.Errorf("message %q", msg)
	}
	if n, _ := st.Count(store.Query{}); n != 0 {
		t.Errorf("a cancelled import left %d records", n)
	}
}

// "Xuất toàn bộ ra JSONL" cancelled half-way writes no file at all.
func TestExportJSONLCancelInWindow(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for seed := range uint64(2) {
		if _, err := st.Insert(synth.Records(5000, seed+1, 4)); err != nil {
			t.Fatal(err)
		}
	}
	u, s := asyncUI(t, st)
	out := t.TempDir()
	path := filepath.Join(out, "xuat.jsonl")
	s.mu.Lock()
	u.exportJSONLTo(path)
	s.mu.Unlock()
	cancelWhenProgressing(t, u, s, "Đang xuất dữ liệu")
	waitFor(t, s, "the export to stop", func() bool { return u.topDialog() == nil })
	s.mu.Lock()
	status := u.statusBar.Text
	s.mu.Unlock()
	if !strings.Contains(status, "Đã dừng") {
		t.Errorf("status %q", status)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("a cancelled export left %v", entries)
	}
}
