package ui

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A fault caught in a menu action or scheduled work: what was typed since
// the last autosave is in the recovery slot, the clerk is told, and the
// window goes on.
func TestPanicSavesDraft(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(0)
	id := tu.editor.rec.ID
	typeEnd(tu.editor.form.title, " — gõ trước khi lỗi")
	if slots, _ := tu.st.Recovered(); len(slots) != 0 {
		t.Fatal("the autosave should not have run yet")
	}
	tu.guard(func() { panic("lỗi thử") })
	slots, err := tu.st.Recovered()
	if err != nil || len(slots) != 1 || slots[0].RecordID != id || !strings.HasSuffix(slots[0].Record.Title, "— gõ trước khi lỗi") {
		t.Fatalf("recovery slots after the fault: %+v, %v", slots, err)
	}
	tu.dialog("Có lỗi")
	if !strings.Contains(tu.lastMessage, "lỗi thử") || !strings.Contains(tu.lastMessage, "đã được lưu tạm") {
		t.Fatalf("message %q", tu.lastMessage)
	}
	logs, _ := filepath.Glob(filepath.Join(tu.dataDir, "bientap-loi-*.log"))
	if len(logs) != 1 {
		t.Fatalf("crash reports %v", logs)
	}
	if data, _ := os.ReadFile(logs[0]); !strings.Contains(string(data), "crash_test.go") {
		t.Fatal("the report should hold the stack")
	}
	tu.press("Có lỗi", "Đóng")
	tu.shortcut(ctrl(fyne.KeyS))
	if got, _ := tu.st.Get(id); !strings.HasSuffix(got.Title, "— gõ trước khi lỗi") {
		t.Fatalf("the window should go on working: saved %q", got.Title)
	}
}

// The app's scheduler catches a panic in work it runs, on the UI goroutine
// and off it, and hands it to the window.
func TestRealSchedCatches(t *testing.T) {
	test.NewTempApp(t)
	var mu sync.Mutex
	var got []any
	done := make(chan struct{}, 2)
	s := &realSched{onPanic: func(v any, stack []byte) {
		mu.Lock()
		got = append(got, v)
		mu.Unlock()
		done <- struct{}{}
	}}
	s.Do(func() { panic("trên luồng giao diện") })
	s.Go(func() { panic("ở luồng nền") })
	<-done
	<-done
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 2 {
		t.Fatalf("caught %v", got)
	}
}

// A fault that ended the event loop: the draft is saved, Run's error is
// one Vietnamese line, and the next start says what happened and offers
// the draft.
func TestCrashNoteNextStart(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(0)
	id := tu.editor.rec.ID
	typeEnd(tu.editor.form.title, " (chưa kịp lưu)")
	err := tu.crashed("nil pointer dereference", []byte("goroutine 1 [running]:"))
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "lưu tạm") {
		t.Fatalf("Run's error %v", err)
	}
	st, dir := tu.st, tu.dataDir
	tu.win.Close()

	cfg := testConfig(t, st)
	cfg.DataDir = dir
	tu2 := openTestUIWith(t, test.NewTempApp(t), st, cfg)
	tu2.dialog("Khôi phục nội dung chưa lưu?")
	if !strings.Contains(tu2.lastMessage, "Lần trước Biên Tập phải đóng vì một lỗi") {
		t.Fatalf("the next start should say why: %q", tu2.lastMessage)
	}
	tu2.press("Khôi phục nội dung chưa lưu?", "Khôi phục 1")
	if tu2.editor.rec.ID != id || !strings.HasSuffix(tu2.editor.form.title.Text, "(chưa kịp lưu)") {
		t.Fatalf("recovered %q", tu2.editor.form.title.Text)
	}
	if _, err := os.Stat(filepath.Join(dir, crashNoteName)); err == nil {
		t.Fatal("the note is shown once")
	}
}
