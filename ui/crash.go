package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// A fault in the window (ours or Fyne's) must not lose what the clerk typed
// since the last autosave. A panic in a menu action or in work the
// scheduler runs is caught: the draft is written to its recovery slot, a
// crash report is kept, and the clerk sees the error while the window
// stays open. A panic anywhere else unwinds Fyne's event loop up to Run,
// which writes the draft the same way before the program ends; the next
// start says what happened and offers the draft.

// crashNoteName is the report of the last fault, in the window's data
// folder, until the next start has shown it.
const crashNoteName = "loi-gan-nhat.txt"

// guard runs f, reporting a panic in it instead of ending the program.
func (u *mainUI) guard(f func()) {
	defer func() {
		if v := recover(); v != nil {
			u.onPanic(v, debug.Stack())
		}
	}()
	f()
}

// onPanic handles a fault caught while the window keeps running (on the UI
// goroutine): the draft is saved, the report written, the clerk told.
func (u *mainUI) onPanic(v any, stack []byte) {
	saved := u.editor.flushDraft()
	path := u.writeCrashReport(v, stack)
	msg := fmt.Sprintf("Biên Tập gặp lỗi: %v.", oneLine(fmt.Sprint(v)))
	if saved {
		msg += " Nội dung đang soạn đã được lưu tạm."
	}
	if path != "" {
		msg += " Chi tiết cho bộ phận kỹ thuật: " + path + "."
	}
	fmt.Fprintln(os.Stderr, "bientap:", oneLine(msg))
	func() {
		defer func() { recover() }() // the dialogs themselves may be what failed
		u.showMessage("Có lỗi", msg+" Nên lưu (Ctrl+S) rồi mở lại chương trình.")
	}()
}

// crashed handles a fault that ended the window's event loop: the draft is
// saved and a note left for the next start. It returns the one-line error
// Run reports.
func (u *mainUI) crashed(v any, stack []byte) error {
	saved := u.editor.flushDraft()
	path := u.writeCrashReport(v, stack)
	what := oneLine(fmt.Sprint(v))
	note := fmt.Sprintf("Lần trước Biên Tập phải đóng vì một lỗi (%s, lúc %s).", what, u.clock.Now().Format("15:04 02/01/2006"))
	if saved {
		note += " Nội dung đang soạn khi đó đã được lưu tạm."
	}
	if path != "" {
		note += " Chi tiết cho bộ phận kỹ thuật: " + path + "."
	}
	if err := os.WriteFile(filepath.Join(u.dataDir, crashNoteName), []byte(note), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "bientap: không ghi được ghi chú lỗi:", err)
	}
	msg := "Biên Tập gặp lỗi và phải đóng: " + what
	if saved {
		msg += "; nội dung đang soạn đã được lưu tạm, mở lại chương trình để khôi phục"
	}
	return errors.New(msg)
}

// writeCrashReport keeps the fault and its stack for IT; it returns the
// report's path ("" when it could not be written).
func (u *mainUI) writeCrashReport(v any, stack []byte) string {
	if u.dataDir == "" {
		return ""
	}
	path := filepath.Join(u.dataDir, "bientap-loi-"+u.clock.Now().Format("20060102-150405")+".log")
	text := fmt.Sprintf("Biên Tập %s\n%s\n%v\n\n%s", u.cfg.Meta.VersionString(), u.clock.Now().Format(time.RFC3339), v, stack)
	if err := os.MkdirAll(u.dataDir, 0o755); err != nil {
		return ""
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		return ""
	}
	return path
}

// takeCrashNote returns (and removes) the note a fault left at the last
// run; "" when there is none.
func (u *mainUI) takeCrashNote() string {
	if u.dataDir == "" {
		return ""
	}
	path := filepath.Join(u.dataDir, crashNoteName)
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	os.Remove(path)
	return strings.TrimSpace(string(data))
}

// startCrashDrill lets the soak test (scripts/soak-window) check the path
// above in the real window: when BIENTAP_CRASH_DRILL names a file, the
// file's appearance makes the UI goroutine panic outside any guard, as a
// fault inside Fyne's event loop would. Never set for clerks.
func startCrashDrill(path string) {
	if path == "" {
		return
	}
	go func() {
		for range time.Tick(200 * time.Millisecond) {
			if _, err := os.Stat(path); err == nil {
				os.Remove(path)
				fyne.Do(func() { panic("crash drill (BIENTAP_CRASH_DRILL)") })
				return
			}
		}
	}()
}
