package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.7 has no tooltips. A tip here is a label drawn in a layer above the
// window's content (not a canvas overlay: while an overlay is shown, Fyne
// sends the pointer's events only to it, so the button under the pointer
// would lose its hover and the tip would flicker). The layer holds nothing
// that takes events, so the widgets under it behave as before.

// tipDelay is how long the pointer rests on a button before its tip shows.
const tipDelay = 450 * time.Millisecond

// tipLayer draws one tip at a time above the window's content.
type tipLayer struct {
	bg    *canvas.Rectangle
	box   *fyne.Container
	text  *widget.Label
	layer *fyne.Container
	timer stopper
	owner fyne.CanvasObject
}

func newTipLayer() *tipLayer {
	t := &tipLayer{text: widget.NewLabel("")}
	t.text.Wrapping = fyne.TextWrapOff
	t.bg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	t.bg.StrokeWidth = 1
	t.bg.CornerRadius = 4
	t.box = container.NewStack(t.bg, t.text)
	t.box.Hide()
	t.layer = container.NewWithoutLayout(t.box)
	return t
}

// wrap puts the tip layer above content.
func (t *tipLayer) wrap(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(content, t.layer)
}

// show shows text under obj (after the delay, on the UI goroutine via s).
func (t *tipLayer) show(s sched, obj fyne.CanvasObject, text string) {
	t.hide(nil)
	if text == "" {
		return
	}
	t.owner = obj
	t.timer = s.After(tipDelay, func() {
		if t.owner != obj {
			return
		}
		// The colours of the theme in force (Cài đặt may have changed it).
		t.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
		t.bg.StrokeColor = theme.Color(theme.ColorNameShadow)
		t.text.SetText(text)
		size := t.box.MinSize()
		t.box.Resize(size)
		d := fyne.CurrentApp().Driver()
		pos := d.AbsolutePositionForObject(obj).Subtract(d.AbsolutePositionForObject(t.layer))
		pos = pos.AddXY(0, obj.Size().Height+2)
		// Keep the tip inside the window.
		if w := t.layer.Size().Width; w > 0 && pos.X+size.Width > w {
			pos.X = max(0, w-size.Width)
		}
		if h := t.layer.Size().Height; h > 0 && pos.Y+size.Height > h {
			pos.Y = max(0, pos.Y-obj.Size().Height-size.Height-4)
		}
		t.box.Move(pos)
		t.box.Show()
		t.layer.Refresh()
	})
}

// hide hides the tip of obj (nil: whichever is shown).
func (t *tipLayer) hide(obj fyne.CanvasObject) {
	if obj != nil && t.owner != obj {
		return
	}
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	t.owner = nil
	if t.box.Visible() {
		t.box.Hide()
		t.layer.Refresh()
	}
}

// shown is the text of the tip on screen ("" when none): tests read it.
func (t *tipLayer) shown() string {
	if !t.box.Visible() {
		return ""
	}
	return t.text.Text
}

// tipButton is a button with a tip; a disabled button's tip says why.
type tipButton struct {
	widget.Button
	tips *tipLayer
	s    sched
	Tip  string
}

var _ desktop.Hoverable = (*tipButton)(nil)

func newTipButton(svc *services, label string, icon fyne.Resource, tapped func()) *tipButton {
	b := &tipButton{tips: svc.tips, s: svc.sched}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// SetTip sets the tip text ("" for none).
func (b *tipButton) SetTip(tip string) { b.Tip = tip }

// MouseIn shows the tip after a moment.
func (b *tipButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	if b.tips != nil {
		b.tips.show(b.s, b, b.Tip)
	}
}

// MouseMoved keeps the button's own hover.
func (b *tipButton) MouseMoved(e *desktop.MouseEvent) { b.Button.MouseMoved(e) }

// MouseOut hides the tip.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	if b.tips != nil {
		b.tips.hide(b)
	}
}
