package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/store"
)

// services are what the window's panels share: the open archive, the
// scheduler, the clock, the office settings, dialogs, the status line and
// the tooltips.
// A panel gets these and the callbacks it needs from the window (onOpen,
// onStored, …); no panel reaches into another.
type services struct {
	*dialogs
	app       fyne.App
	st        *store.Store // the open archive; replaced on the UI goroutine when another is opened
	sched     sched
	clock     model.Clock
	settings  model.Settings
	statusBar *widget.Label
	tips      *tipLayer // tooltips of tipButtons (tooltip.go)
}

// notify shows a line in the status bar.
func (s *services) notify(msg string) {
	s.statusBar.SetText(s.clock.Now().Format("15:04") + "  " + oneLine(msg))
}

// focus gives the keyboard focus to o.
func (s *services) focus(o fyne.Focusable) {
	if c := s.win.Canvas(); c != nil {
		c.Focus(o)
	}
}

// focused is the object holding the keyboard focus, or nil.
func (s *services) focused() fyne.Focusable {
	if c := s.win.Canvas(); c != nil {
		return c.Focused()
	}
	return nil
}

// setDialogLocation opens a file dialog in the folder last used for key.
func (s *services) setDialogLocation(d *dialog.FileDialog, key string) {
	dir := s.app.Preferences().String(key)
	if dir == "" {
		return
	}
	uri := storage.NewFileURI(dir)
	if l, err := storage.ListerForURI(uri); err == nil {
		d.SetLocation(l)
	}
}

// rememberDir stores the folder of path as the last used for key.
func (s *services) rememberDir(key, path string) {
	s.app.Preferences().SetString(key, filepath.Dir(path))
}

// entryHooks are what every text field of the window asks of it: Escape
// closes the open dialog, and pasted text is looked at first.
type entryHooks interface {
	onEscape()
	onPasteText(text string, insert func(string)) bool
}
