// Package focus makes a click on a text field give it the keyboard focus
// every time.
//
// Fyne 2.7 finds the canvas of a widget in a cache whose entries expire when
// the widget has not been refreshed or focused for FYNE_CACHE (one minute):
// the cleaner drops them after the next frame that was redrawn, and they come
// back only with the next frame that lays the window out again. A text field
// clicked in between asks for the focus on no canvas (Entry.MouseDown calls
// CanvasForObject, which is then nil), so the click places no cursor and what
// the clerk types next is lost; the soak test of the real window
// (scripts/soak-window) caught it after a minute behind another tab.
// The one window of the app is the canvas to use then.
package focus

import "fyne.io/fyne/v2"

// CanvasOf returns the canvas showing o: the one Fyne knows, else the canvas
// of the app's only window; nil when there is none.
func CanvasOf(o fyne.CanvasObject) fyne.Canvas {
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	d := app.Driver()
	if c := d.CanvasForObject(o); c != nil {
		return c
	}
	if ws := d.AllWindows(); len(ws) == 1 {
		return ws[0].Canvas()
	}
	return nil
}

// Take gives o the keyboard focus unless it has it: the end of a MouseDown
// of a text field, after the embedded Entry's own (which may have found no
// canvas).
func Take(o fyne.Focusable) {
	obj, ok := o.(fyne.CanvasObject)
	if !ok {
		return
	}
	if c := CanvasOf(obj); c != nil && c.Focused() != o {
		c.Focus(o)
	}
}
