package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"bientap/ui/internal/rendertest"
)

func TestFitWindow(t *testing.T) {
	for _, c := range []struct {
		want, avail fyne.Size
		remembered  bool
		fit         fyne.Size
	}{
		// Small screens get the whole work area.
		{defaultWindow, fyne.NewSize(1024, 560), false, fyne.NewSize(1008, 520)},
		{defaultWindow, fyne.NewSize(1366, 728), false, fyne.NewSize(1350, 688)},
		// Large ones most of it, at least the default size.
		{defaultWindow, fyne.NewSize(1920, 1040), false, fyne.NewSize(1632, 900)},
		{defaultWindow, fyne.NewSize(2560, 1400), false, fyne.NewSize(2176, 1190)},
		{defaultWindow, fyne.NewSize(1600, 860), false, fyne.NewSize(1440, 820)},
		// A remembered size, made smaller for a smaller screen.
		{fyne.NewSize(1200, 700), fyne.NewSize(1920, 1040), true, fyne.NewSize(1200, 700)},
		{fyne.NewSize(1800, 1000), fyne.NewSize(1366, 728), true, fyne.NewSize(1350, 688)},
	} {
		if got := fitWindow(c.want, c.avail, c.remembered); got != c.fit {
			t.Errorf("fitWindow(%v, %v, %v) = %v, want %v", c.want, c.avail, c.remembered, got, c.fit)
		}
	}
}

// inside reports whether o lies wholly inside the window's canvas.
func inside(c fyne.Canvas, o fyne.CanvasObject) bool {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	s, cs := o.Size(), c.Size()
	return p.X >= 0 && p.Y >= 0 && p.X+s.Width <= cs.Width+0.5 && p.Y+s.Height <= cs.Height+0.5
}

// The window works on common office screens (the window's content below
// the menu bar): nothing is cut off, the filters do not overlap, and on a
// 1024-pixel screen the side column folds into a drawer.
func TestWindowFitsOfficeScreens(t *testing.T) {
	for _, c := range []struct {
		size   fyne.Size
		folded bool
	}{
		{fyne.NewSize(1024, 572), true},
		{fyne.NewSize(1366, 740), false},
		{fyne.NewSize(1920, 1052), false},
	} {
		t.Run(fmt.Sprintf("%v×%v", c.size.Width, c.size.Height), func(t *testing.T) {
			tu := newTestUI(t, true)
			tu.openIndex(tu.rowOf("Công điện")) // a document: the most fields, "Trả về Đã duyệt"
			tu.win.Resize(c.size)
			cv := tu.win.Canvas()
			if m := tu.main.MinSize(); m.Width > c.size.Width || m.Height > c.size.Height {
				t.Fatalf("the window needs %v", m)
			}
			if cv.Size() != c.size {
				t.Fatalf("window %v", cv.Size())
			}
			e := tu.editor
			for _, b := range []*tipButton{e.backBtn, e.saveBtn, e.trashBtn} {
				if !inside(cv, b) || b.Size().Width < b.MinSize().Width {
					t.Errorf("button %q cut off: at %v size %v", b.Text, fyne.CurrentApp().Driver().AbsolutePositionForObject(b), b.Size())
				}
			}
			l := tu.list
			filters := []fyne.CanvasObject{l.status, l.kind, l.category, l.year}
			for i, a := range filters {
				if a.Size().Width < 100 || !inside(cv, a) {
					t.Errorf("filter %d is %v wide", i, a.Size().Width)
				}
				for _, b := range filters[i+1:] {
					pa, pb := fyne.CurrentApp().Driver().AbsolutePositionForObject(a), fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
					if pa.X < pb.X+b.Size().Width && pb.X < pa.X+a.Size().Width && pa.Y < pb.Y+b.Size().Height && pb.Y < pa.Y+a.Size().Height {
						t.Errorf("filters overlap: %v at %v and %v at %v", a.Size(), pa, b.Size(), pb)
					}
				}
			}
			f := e.form
			if f.split.Folded() != c.folded {
				t.Fatalf("side column folded: %v", f.split.Folded())
			}
			if !inside(cv, f.body) || f.body.Size().Height < 150 {
				t.Errorf("body %v at %v", f.body.Size(), fyne.CurrentApp().Driver().AbsolutePositionForObject(f.body))
			}
			if c.folded {
				if !f.info.Visible() {
					t.Fatal("a folded side column is opened by the “Thông tin” button")
				}
				if f.sideScroll.Visible() && f.split.side.Visible() {
					t.Fatal("the folded side column should be closed")
				}
				test.Tap(f.info)
				if !f.split.side.Visible() || !inside(cv, f.split.side) {
					t.Fatal("“Thông tin” should open the side column inside the window")
				}
				f.body.FocusAt(0, 0)
				tu.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
				if f.split.side.Visible() {
					t.Fatal("Esc (in the body) should close the drawer")
				}
				test.Tap(f.info)
				if !inside(cv, f.split.closer) {
					t.Fatal("the drawer's close button is outside the window")
				}
				test.Tap(f.split.closer)
				if f.split.side.Visible() {
					t.Fatal("the close button should close the drawer")
				}
				// A check that names a side field opens the drawer.
				f.focusField("Number")
				if !f.split.DrawerOpen() || cv.Focused() != f.number.number {
					t.Fatal("going to the number should open the drawer")
				}
			} else {
				if f.info.Visible() || !inside(cv, f.split.side) || f.split.side.Size().Width < sideColumnMin {
					t.Fatalf("side column %v", f.split.side.Size())
				}
				if !inside(cv, f.number.button) {
					t.Error("Cấp số is cut off")
				}
			}
		})
	}
}

// The window's size and the splits' positions are kept for the next start.
func TestLayoutRemembered(t *testing.T) {
	tu := newTestUI(t, true)
	app := tu.app
	tu.win.Resize(fyne.NewSize(1100, 650))
	tu.split.Offset = 0.4
	tu.editor.form.split.Offset = 0.6
	tu.shortcut(ctrl(fyne.KeyQ))
	if tu.quit != 1 {
		t.Fatal("Ctrl+Q should quit")
	}
	tu2 := openTestUIWith(t, app, tu.st, testConfig(t, tu.st))
	tu2.restoreLayout() // openTestUIWith resized the window for the tests
	if s := tu2.win.Canvas().Size(); s != fyne.NewSize(1100, 650) {
		t.Fatalf("window %v", s)
	}
	if tu2.split.Offset != 0.4 || tu2.editor.form.split.Offset != 0.6 {
		t.Fatalf("splits %v %v", tu2.split.Offset, tu2.editor.form.split.Offset)
	}
}

// The mouse wheel over the side column's fields scrolls the column (each
// field has an inner scroller that used to take the wheel).
func TestWheelOverFields(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(tu.rowOf("Công điện"))
	tu.win.Resize(fyne.NewSize(1280, 600))
	f := tu.editor.form
	over := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.author).Add(fyne.NewPos(20, 10))
	test.Scroll(tu.win.Canvas(), over, 0, -150)
	if f.sideScroll.Offset.Y <= 0 {
		t.Fatal("the wheel over a field did not scroll the side column")
	}
}

// Fyne throws away the renderers of widgets not drawn for a minute (a
// hidden tab) and makes new ones when they are shown again. The whole
// window must take that, then dialogs, a theme change, tab switches, a
// smaller window and typing (this crashed in the body editor).
func TestWindowRendererExpiry(t *testing.T) {
	tu := newTestUI(t, true)
	tu.app.Settings().SetTheme(newAppTheme("light"))
	tu.openIndex(tu.rowOf("Kế hoạch"))
	e := tu.editor
	e.tabs.SelectIndex(tabPreview)
	if n := rendertest.Expire(t, e.form.content) + rendertest.Expire(t, tu.win.Content()); n < 50 {
		t.Fatalf("expired only %d renderers", n)
	}
	tu.onAbout()
	tu.win.Canvas().Capture() // drawn, as the real window draws each frame
	tu.press("Giới thiệu", "Đóng")
	e.tabs.SelectIndex(tabCompose)
	tu.win.Canvas().Capture()
	e.form.body.FocusAt(0, 0)
	test.Type(tu.win.Canvas().Focused(), "Mới: ")
	if !strings.HasPrefix(e.form.body.Text(), "Mới: ") {
		t.Fatal("typing after the expiry was lost")
	}
	e.tabs.SelectIndex(tabHistory)
	rendertest.Expire(t, e.form.content)
	rendertest.Expire(t, tu.win.Content())
	tu.app.Settings().SetTheme(newAppTheme("dark"))
	tu.win.Resize(fyne.NewSize(1024, 572))
	tu.win.Canvas().Capture()
	e.tabs.SelectIndex(tabChecks)
	tu.win.Canvas().Capture()
	e.tabs.SelectIndex(tabCompose)
	tu.app.Settings().SetTheme(newAppTheme("light"))
	tu.win.Canvas().Capture()
	test.Type(tu.win.Canvas().Focused(), "x")
	tu.shortcut(ctrl(fyne.KeyS))
	if got, _ := tu.st.Get(e.rec.ID); !strings.HasPrefix(got.Body, "Mới: x") {
		t.Fatalf("saved body starts %q", strings.SplitN(got.Body, "\n", 2)[0])
	}
}

// A theme change reaches the parts of the window not shown at the time:
// the hidden tabs of the editor, the editor before a record is opened, the
// main window behind the welcome panel.
func TestThemeReachesHiddenParts(t *testing.T) {
	tu := newTestUI(t, true)
	tu.app.Settings().SetTheme(newAppTheme("light"))
	tu.openIndex(tu.rowOf("Kế hoạch"))
	e := tu.editor
	e.tabs.SelectIndex(tabHistory)
	tu.app.Settings().SetTheme(newAppTheme("dark"))
	e.tabs.SelectIndex(tabCompose)
	dark := newAppTheme("dark").Color(theme.ColorNameForeground, theme.VariantDark)
	bold := e.form.toolbar.Objects[0].(*toolButton)
	if got := test.WidgetRenderer(bold).(*toolButtonRenderer).txt.Color; got != dark {
		t.Fatalf("the compose tab's toolbar kept the light theme's text colour %v", got)
	}

	tu2 := newTestUI(t, false) // the welcome panel
	tu2.app.Settings().SetTheme(newAppTheme("light"))
	tu2.onNew()
	tu2.main.Hide() // back to the welcome panel, the editor drawn once
	tu2.welcome.Show()
	tu2.app.Settings().SetTheme(newAppTheme("dark"))
	tu2.onNew()
	bold = tu2.editor.form.toolbar.Objects[0].(*toolButton)
	if got := test.WidgetRenderer(bold).(*toolButtonRenderer).txt.Color; got != dark {
		t.Fatalf("the editor behind the welcome panel kept the light theme: %v", got)
	}
}
