// Package wheel makes the mouse wheel scroll a scroll container while the
// pointer is over the text fields inside it.
//
// Fyne hands a wheel event to the innermost scrollable object under the
// pointer. Every Entry has a scroller of its own inside, so over a field, or
// over a paragraph of the body editor, the wheel went to that inner scroller
// (which had nothing to scroll) and the page did not move. An overlay on top
// of the container that is scrollable and nothing else (not tappable, not
// hoverable, not focusable) is then the innermost scrollable everywhere over
// the container: it takes the wheel and hands it to the container, while
// clicks, typing and selection still reach the fields below.
package wheel

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Overlay passes the wheel events it gets to its target.
type Overlay struct {
	widget.BaseWidget
	target fyne.Scrollable
}

// NewOverlay returns an overlay scrolling target. Place it on top of the
// target, the same size (container.NewStack(target, overlay)).
func NewOverlay(target fyne.Scrollable) *Overlay {
	o := &Overlay{target: target}
	o.ExtendBaseWidget(o)
	return o
}

// Scrolled hands the event to the target.
func (o *Overlay) Scrolled(ev *fyne.ScrollEvent) { o.target.Scrolled(ev) }

// CreateRenderer draws nothing.
func (o *Overlay) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// Over returns s with an overlay that gives it the wheel events over its
// whole area.
func Over(s *container.Scroll) *fyne.Container {
	return container.NewStack(s, NewOverlay(s))
}
