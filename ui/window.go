package ui

import (
	"github.com/go-gl/glfw/v3.3/glfw"

	"fyne.io/fyne/v2"
)

// The window's size and split positions are kept in the app's preferences
// and restored at the next start; the first window is sized to the screen.
const (
	prefWinWidth     = "window.width"
	prefWinHeight    = "window.height"
	prefListSplit    = "layout.listSplit"
	prefFormSplit    = "layout.formSplit"
	prefHistorySplit = "layout.historySplit"
)

// defaultWindow is the smallest window a large screen gets when nothing is
// remembered; larger screens get more of their width and height, smaller
// ones what fits.
var defaultWindow = fyne.NewSize(1440, 900)

// largeScreenShare is how much of a large screen's work area a first
// window takes.
const largeScreenShare = 0.85

// restoreLayout gives the window its remembered size (or the default) and
// the splits their remembered positions.
func (u *mainUI) restoreLayout() {
	p := u.app.Preferences()
	size := defaultWindow
	if w, h := p.Float(prefWinWidth), p.Float(prefWinHeight); w > 0 && h > 0 {
		size = fyne.NewSize(float32(w), float32(h))
	}
	u.win.Resize(size)
	offset := func(key string, def float64) float64 {
		if v := p.Float(key); v > 0.05 && v < 0.95 {
			return v
		}
		return def
	}
	u.split.Offset = offset(prefListSplit, u.split.Offset)
	u.editor.form.split.Offset = offset(prefFormSplit, u.editor.form.split.Offset)
	u.editor.history.split.Offset = offset(prefHistorySplit, u.editor.history.split.Offset)
}

// saveLayout remembers the window's size and the splits' positions.
func (u *mainUI) saveLayout() {
	p := u.app.Preferences()
	if s := u.win.Canvas().Size(); s.Width > 0 && s.Height > 0 {
		p.SetFloat(prefWinWidth, float64(s.Width))
		p.SetFloat(prefWinHeight, float64(s.Height))
	}
	p.SetFloat(prefListSplit, u.split.Offset)
	p.SetFloat(prefFormSplit, u.editor.form.split.Offset)
	p.SetFloat(prefHistorySplit, u.editor.history.split.Offset)
}

// fitToScreen makes the shown window fit the screen's work area (without
// the task bar) and centres it: the remembered or default size, made
// smaller when the screen is; a screen up to 1440 wide gets the window as
// large as fits. It needs the real driver, after the window was created.
func (u *mainUI) fitToScreen() {
	wpx, hpx, ok := screenWorkArea()
	if !ok {
		return
	}
	scale := u.win.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	avail := fyne.NewSize(float32(wpx)/scale, float32(hpx)/scale)
	u.win.Resize(fitWindow(u.win.Canvas().Size(), avail, u.hasSavedSize()))
	u.win.CenterOnScreen()
}

func (u *mainUI) hasSavedSize() bool {
	return u.app.Preferences().Float(prefWinWidth) > 0
}

// windowFrame is what a desktop's title bar and borders take around the
// window's content.
var windowFrame = fyne.NewSize(16, 40)

// fitWindow is the window size for a screen work area of avail (Fyne
// units): a remembered size, no larger than what fits inside the window's
// frame; without one, the whole work area of a screen up to 1440 wide, and
// on larger screens most of it (at least defaultWindow).
func fitWindow(want, avail fyne.Size, remembered bool) fyne.Size {
	fit := avail.Subtract(windowFrame)
	if fit.Width <= 0 || fit.Height <= 0 {
		return want
	}
	if !remembered {
		if avail.Width <= defaultWindow.Width {
			return fit
		}
		want = fyne.NewSize(max(defaultWindow.Width, avail.Width*largeScreenShare),
			max(defaultWindow.Height, avail.Height*largeScreenShare))
	}
	return fyne.NewSize(min(want.Width, fit.Width), min(want.Height, fit.Height))
}

// screenWorkArea is the primary screen's area without task bars, in pixels.
// Fyne has no call for it; GLFW, which Fyne runs on (already in the
// program), has. It must run on the main goroutine after Fyne started GLFW
// (a window was made).
func screenWorkArea() (w, h int, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return 0, 0, false
	}
	_, _, w, h = m.GetWorkarea()
	return w, h, w > 0 && h > 0
}
