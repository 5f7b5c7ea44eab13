package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// errCancelled is what a long operation returns when the clerk stopped it.
var errCancelled = errors.New("đã dừng theo yêu cầu")

// progressFunc reports progress (done of total; total 0 = unknown) and a
// message; it returns false once the clerk pressed Hủy.
type progressFunc func(done, total int, msg string) bool

// runLong runs work off the UI goroutine behind a progress dialog with a
// Hủy button; done runs on the UI goroutine with work's result. Work learns
// of Hủy from its progress function's answer.
func (s *services) runLong(title string, work func(progress progressFunc) (string, error), done func(summary string, err error)) {
	s.runLongCtx(title, func(_ context.Context, p progressFunc) (string, error) { return work(p) }, done)
}

// runLongCtx is runLong for work that takes a context: Hủy cancels it at
// once, and a work that ends with the context's error ends with
// errCancelled. A work that finished before it saw Hủy keeps its result.
func (s *services) runLongCtx(title string, work func(ctx context.Context, progress progressFunc) (string, error), done func(summary string, err error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	msg := widget.NewLabel("Đang chuẩn bị…")
	msg.Truncation = fyne.TextTruncateEllipsis
	var cancelled atomic.Bool
	h := s.customDialog(title, container.New(fixedWidth{420}, container.NewVBox(msg, bar)), []dialogButton{
		{label: "Hủy", cancel: true, keepOpen: true, action: func() {
			cancelled.Store(true)
			cancel()
			msg.SetText("Đang dừng…")
		}},
	})
	h.keepOnCancel = true
	var last time.Time
	progress := func(d, t int, m string) bool {
		if now := time.Now(); now.Sub(last) > 80*time.Millisecond || d == t {
			last = now
			s.sched.Do(func() {
				if t > 0 {
					bar.SetValue(float64(d) / float64(t))
				}
				if m != "" && !cancelled.Load() {
					msg.SetText(m)
				}
			})
		}
		return !cancelled.Load()
	}
	s.sched.Go(func() {
		defer cancel()
		summary, err := work(ctx, progress)
		if errors.Is(err, context.Canceled) || (err != nil && cancelled.Load()) {
			err = errCancelled
		}
		s.sched.Do(func() {
			h.close()
			done(summary, err)
		})
	})
}

// saveFileDialog asks where to save a file named name (one of exts) and
// calls then with the path, the file not yet written. The folder is
// remembered under prefKey.
func (u *mainUI) saveFileDialog(title, name string, exts []string, prefKey string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		// The dialog created an empty file; the export writes a temporary
		// file and renames it over the path, so nothing half-written stays.
		if len(exts) > 0 && !hasExt(path, exts) {
			if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
				os.Remove(path)
			}
			path += exts[0]
		}
		u.rememberDir(prefKey, path)
		then(path)
	}, u.win)
	d.SetTitleText(title)
	d.SetConfirmText("Lưu")
	d.SetDismissText("Hủy")
	d.SetFileName(name)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	u.setDialogLocation(d, prefKey)
	u.trackFileDialog(title, d)
	d.Show()
}

func hasExt(path string, exts []string) bool {
	e := strings.ToLower(filepath.Ext(path))
	for _, x := range exts {
		if e == strings.ToLower(x) {
			return true
		}
	}
	return false
}

// storeProgress reports a store operation's progress (done of total units)
// with a fixed message.
func storeProgress(p progressFunc, msg string) func(done, total int64) {
	return func(done, total int64) { p(int(done), int(total), msg) }
}

// dropEmpty removes a file the save dialog created when the export that
// should have filled it failed.
func dropEmpty(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
		os.Remove(path)
	}
}

// chooseFolder asks for a folder, remembered under prefKey.
func (u *mainUI) chooseFolder(title, prefKey string, then func(dir string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if l == nil {
			return
		}
		dir := l.Path()
		u.app.Preferences().SetString(prefKey, dir)
		then(dir)
	}, u.win)
	d.SetTitleText(title)
	d.SetConfirmText("Chọn")
	d.SetDismissText("Hủy")
	u.setDialogLocation(d, prefKey)
	u.trackFileDialog(title, d)
	d.Show()
}

// chooseFile asks for one existing file with the given extensions and hands
// its path on; prefKey (may be "") remembers the folder for next time.
func (u *mainUI) chooseFile(title, confirm string, exts []string, prefKey string, then func(path string)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		if prefKey != "" {
			u.rememberDir(prefKey, path)
		}
		then(path)
	}, u.win)
	d.SetTitleText(title)
	d.SetConfirmText(confirm)
	d.SetDismissText("Hủy")
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if prefKey != "" {
		u.setDialogLocation(d, prefKey)
	}
	u.trackFileDialog(title, d)
	d.Show()
}
