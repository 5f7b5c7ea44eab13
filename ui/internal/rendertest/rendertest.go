// Package rendertest lets widget tests do what Fyne does to widgets that
// have not been drawn for about a minute (hidden tabs, closed panels): throw
// their renderers away. A widget that keeps another widget's renderer, or
// objects that renderer made, breaks on the next layout after that; a test
// that expires the renderers and then refreshes, resizes and types catches
// it without waiting a minute.
package rendertest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Widgets lists the widgets of the tree under root as it is laid out now
// (root included when it is a widget), parents before their children.
func Widgets(root fyne.CanvasObject) []fyne.Widget {
	var out []fyne.Widget
	for _, o := range test.LaidOutObjects(root) {
		if w, ok := o.(fyne.Widget); ok {
			out = append(out, w)
		}
	}
	return out
}

// Expire destroys the renderers of every widget under root, as Fyne's
// renderer cache does when they expire; the next Refresh, Layout or MinSize
// of each widget makes a new renderer. It reports how many were destroyed.
func Expire(t *testing.T, root fyne.CanvasObject) int {
	t.Helper()
	ws := Widgets(root)
	// Fyne's test helper destroys a widget's renderer when its test ends:
	// a subtest that ends at once destroys them now.
	t.Run("expire-renderers", func(t *testing.T) {
		for _, w := range ws {
			test.TempWidgetRenderer(t, w)
		}
	})
	return len(ws)
}
