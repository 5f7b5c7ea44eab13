package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fillLast stacks objects vertically at their minimum heights; the last
// one takes the remaining height. Unlike a border layout, the objects stay
// in the order given, which is also the focus (Tab) order.
type fillLast struct{ gap float32 }

func (l fillLast) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height
		n++
	}
	if n > 1 {
		h += l.gap * float32(n-1)
	}
	return fyne.NewSize(w, h)
}

func (l fillLast) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var visible []fyne.CanvasObject
	for _, o := range objs {
		if o.Visible() {
			visible = append(visible, o)
		}
	}
	y := float32(0)
	for i, o := range visible {
		h := o.MinSize().Height
		if i == len(visible)-1 {
			h = max(h, size.Height-y)
		}
		o.Resize(fyne.NewSize(size.Width, h))
		o.Move(fyne.NewPos(0, y))
		y += h + l.gap
	}
}

// fixedWidth gives its object a set minimum width.
type fixedWidth struct{ w float32 }

func (l fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.w, h)
}

func (l fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// fixedSize gives its objects a set size, centred vertically in the space
// they get.
type fixedSize struct{ w, h float32 }

func (l fixedSize) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(l.w, l.h) }

func (l fixedSize) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(fyne.NewSize(l.w, l.h))
		o.Move(fyne.NewPos((size.Width-l.w)/2, (size.Height-l.h)/2))
	}
}

// barOnTop lays out objs[1] (a bar) at the top and objs[0] below it.
type barOnTop struct{}

func (barOnTop) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height)
}

func (barOnTop) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := objs[1].MinSize().Height
	objs[1].Resize(fyne.NewSize(size.Width, h))
	objs[1].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, size.Height-h))
	objs[0].Move(fyne.NewPos(0, h))
}

// foldingSplit shows a main part and a side column side by side, with a
// divider to drag, when both fit; in less room the side column folds away
// and opens as a drawer over the right edge of the main part (a 1024×600
// screen). Its widgets are its own: the renderer only places them.
type foldingSplit struct {
	widget.BaseWidget

	// Offset is the main part's share of the width side by side.
	Offset float64
	// OnFolded is told when the side column folds away or comes back.
	OnFolded func(folded bool)

	main, side fyne.CanvasObject
	mainWant   float32 // the main part's narrowest comfortable width
	sideMin    float32 // the side column's narrowest useful width
	divider    *splitDivider
	backdrop   *canvas.Rectangle
	closer     *widget.Button // closes the drawer
	folded     bool
	open       bool // the drawer is open (folded only)
}

// newFoldingSplit places main and side: side by side while main gets at
// least mainWant and side sideMin, else side in a drawer.
func newFoldingSplit(main, side fyne.CanvasObject, mainWant, sideMin float32, offset float64) *foldingSplit {
	f := &foldingSplit{main: main, side: side, mainWant: mainWant, sideMin: sideMin, Offset: offset}
	f.divider = newSplitDivider(f)
	f.backdrop = canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	f.backdrop.StrokeColor = theme.Color(theme.ColorNameShadow)
	f.backdrop.StrokeWidth = 2
	f.closer = widget.NewButtonWithIcon("", theme.CancelIcon(), func() { f.SetDrawerOpen(false) })
	f.closer.Importance = widget.LowImportance
	f.closer.Hide()
	f.ExtendBaseWidget(f)
	return f
}

// Folded reports whether the side column is folded into the drawer.
func (f *foldingSplit) Folded() bool { return f.folded }

// DrawerOpen reports whether the folded side column is shown.
func (f *foldingSplit) DrawerOpen() bool { return f.folded && f.open }

// SetDrawerOpen opens or closes the drawer (when folded).
func (f *foldingSplit) SetDrawerOpen(open bool) {
	f.open = open
	f.Refresh()
}

func (f *foldingSplit) CreateRenderer() fyne.WidgetRenderer {
	return &foldingRenderer{f: f}
}

type foldingRenderer struct{ f *foldingSplit }

func (r *foldingRenderer) Objects() []fyne.CanvasObject {
	f := r.f
	return []fyne.CanvasObject{f.main, f.divider, f.backdrop, f.side, f.closer}
}

func (r *foldingRenderer) MinSize() fyne.Size {
	f := r.f
	m, s := f.main.MinSize(), f.side.MinSize()
	return fyne.NewSize(max(m.Width, min(s.Width, f.sideMin)), max(m.Height, s.Height))
}

func (r *foldingRenderer) Layout(size fyne.Size) {
	f := r.f
	dw := theme.Padding() * 2
	mainMin := f.main.MinSize().Width
	folded := size.Width < max(mainMin, f.mainWant)+dw+f.sideMin
	if folded != f.folded {
		f.folded = folded
		if !folded {
			f.open = false
		}
		if f.OnFolded != nil {
			f.OnFolded(folded)
		}
	}
	if !folded {
		w := size.Width - dw
		mw := max(max(mainMin, f.mainWant), min(float32(f.Offset)*w, w-f.sideMin))
		f.main.Resize(fyne.NewSize(mw, size.Height))
		f.main.Move(fyne.NewPos(0, 0))
		f.divider.Resize(fyne.NewSize(dw, size.Height))
		f.divider.Move(fyne.NewPos(mw, 0))
		f.divider.Show()
		f.side.Resize(fyne.NewSize(w-mw, size.Height))
		f.side.Move(fyne.NewPos(mw+dw, 0))
		f.side.Show()
		f.backdrop.Hide()
		f.closer.Hide()
		return
	}
	f.divider.Hide()
	f.main.Resize(size)
	f.main.Move(fyne.NewPos(0, 0))
	if !f.open {
		f.side.Hide()
		f.backdrop.Hide()
		f.closer.Hide()
		return
	}
	sw := min(max(f.sideMin, 340), size.Width-32)
	f.backdrop.Resize(fyne.NewSize(sw+2, size.Height))
	f.backdrop.Move(fyne.NewPos(size.Width-sw-2, 0))
	f.backdrop.Show()
	f.side.Resize(fyne.NewSize(sw, size.Height))
	f.side.Move(fyne.NewPos(size.Width-sw, 0))
	f.side.Show()
	cs := f.closer.MinSize()
	f.closer.Resize(cs)
	f.closer.Move(fyne.NewPos(size.Width-cs.Width-theme.Padding()*3, 0))
	f.closer.Show()
}

func (r *foldingRenderer) Refresh() {
	f := r.f
	f.backdrop.FillColor = theme.Color(theme.ColorNameBackground)
	f.backdrop.StrokeColor = theme.Color(theme.ColorNameShadow)
	f.backdrop.Refresh()
	r.Layout(f.Size())
	f.divider.Refresh()
}

func (r *foldingRenderer) Destroy() {}

// splitDivider is the handle between the two parts of a foldingSplit.
type splitDivider struct {
	widget.BaseWidget
	f       *foldingSplit
	hovered bool
}

func newSplitDivider(f *foldingSplit) *splitDivider {
	d := &splitDivider{f: f}
	d.ExtendBaseWidget(d)
	return d
}

func (d *splitDivider) Dragged(ev *fyne.DragEvent) {
	f := d.f
	w := f.Size().Width - d.Size().Width
	if w <= 0 {
		return
	}
	f.Offset = min(max(f.Offset+float64(ev.Dragged.DX/w), 0.2), 0.9)
	f.Refresh()
}

func (d *splitDivider) DragEnd() {}

func (d *splitDivider) MouseIn(*desktop.MouseEvent)    { d.hovered = true; d.Refresh() }
func (d *splitDivider) MouseMoved(*desktop.MouseEvent) {}
func (d *splitDivider) MouseOut()                      { d.hovered = false; d.Refresh() }
func (d *splitDivider) Cursor() desktop.Cursor         { return desktop.HResizeCursor }

func (d *splitDivider) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameShadow))
	handle := canvas.NewRectangle(theme.Color(theme.ColorNameForeground))
	return &dividerRenderer{d: d, bg: bg, handle: handle}
}

type dividerRenderer struct {
	d          *splitDivider
	bg, handle *canvas.Rectangle
}

func (r *dividerRenderer) Layout(size fyne.Size) {
	r.bg.Resize(fyne.NewSize(1, size.Height))
	r.bg.Move(fyne.NewPos(size.Width/2, 0))
	r.handle.Resize(fyne.NewSize(2, 32))
	r.handle.Move(fyne.NewPos(size.Width/2-0.5, (size.Height-32)/2))
}

func (r *dividerRenderer) MinSize() fyne.Size { return fyne.NewSize(theme.Padding()*2, 0) }

func (r *dividerRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameShadow)
	r.handle.FillColor = theme.Color(theme.ColorNameDisabled)
	if r.d.hovered {
		r.handle.FillColor = theme.Color(theme.ColorNamePrimary)
	}
	r.bg.Refresh()
	r.handle.Refresh()
}

func (r *dividerRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.handle}
}

func (r *dividerRenderer) Destroy() {}
