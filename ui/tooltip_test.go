package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// A tip shows after the pointer rests on its button, in the colours of the
// theme in force (the clerk may have changed it in Cài đặt since the
// window opened), and goes when the pointer leaves.
func TestTipFollowsTheme(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(0)
	b := tu.editor.saveBtn
	b.SetTip("Lưu bản ghi")
	for _, variant := range []string{"light", "dark"} {
		tu.app.Settings().SetTheme(newAppTheme(variant))
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		test.MoveMouse(tu.win.Canvas(), pos.AddXY(5, 5))
		tu.fireTimers(tipDelay)
		if got := tu.tips.shown(); got != "Lưu bản ghi" {
			t.Fatalf("%s: tip %q", variant, got)
		}
		if want := theme.Color(theme.ColorNameOverlayBackground); tu.tips.bg.FillColor != want {
			t.Fatalf("%s: tip background %v, the theme's %v", variant, tu.tips.bg.FillColor, want)
		}
		test.MoveMouse(tu.win.Canvas(), fyne.NewPos(2, 2))
		if got := tu.tips.shown(); got != "" {
			t.Fatalf("%s: tip still shown: %q", variant, got)
		}
	}
}
