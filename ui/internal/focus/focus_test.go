package focus

import (
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestTake: the clicked field ends with the focus, whichever field had it,
// and a field that already has it keeps it. (The test driver always knows an
// object's canvas; the forgotten canvas itself shows only in the real
// window: scripts/soak-window.)
func TestTake(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	clicked, other := widget.NewEntry(), widget.NewEntry()
	w.SetContent(container.NewVBox(clicked, other))
	c := w.Canvas()

	for _, before := range []*widget.Entry{nil, other, clicked} {
		c.Unfocus()
		if before != nil {
			c.Focus(before)
		}
		Take(clicked)
		if c.Focused() != clicked {
			t.Errorf("focus before %v: focused after Take = %v, want the clicked field", before, c.Focused())
		}
	}
	if got := CanvasOf(clicked); got != c {
		t.Errorf("CanvasOf = %v, want the window's canvas", got)
	}
}
