package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model/vntext"
	"bientap/ui/internal/focus"
)

// textEntry is the entry every field of the app uses: Escape reaches the
// window (closing the open dialog), and a paste can be looked at first
// (legacy-encoded text is offered for conversion).
type textEntry struct {
	widget.Entry
	onEscape func()
	onPaste  func(text string, insert func(string)) bool
}

// newTextEntry returns a one-line field of the window.
func newTextEntry(h entryHooks) *textEntry {
	e := &textEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	if h != nil {
		e.onEscape = h.onEscape
		e.onPaste = h.onPasteText
	}
	return e
}

// newMultiLineEntry returns a word-wrapped field showing rows lines.
func newMultiLineEntry(h entryHooks, rows int) *textEntry {
	e := newTextEntry(h)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// TypedKey sends Escape to the window.
func (e *textEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// MouseDown places the cursor (the Entry's) and makes sure the field has
// the focus: the Entry asks for it on a canvas Fyne may have forgotten (see
// package focus).
func (e *textEntry) MouseDown(m *desktop.MouseEvent) {
	e.Entry.MouseDown(m)
	if !e.Disabled() {
		focus.Take(e)
	}
}

// AcceptsTab lets Tab move to the next field even in multi-line entries:
// the form's tab order matters more than tab characters.
func (e *textEntry) AcceptsTab() bool { return false }

// TypedShortcut lets the app look at pasted text first.
func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok && e.onPaste != nil && p.Clipboard != nil {
		if e.onPaste(p.Clipboard.Content(), e.insert) {
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// insert puts text at the cursor through the entry's own paste.
func (e *textEntry) insert(text string) {
	if !e.MultiLine {
		text = strings.Join(strings.Fields(strings.ReplaceAll(text, "\n", " ")), " ")
	}
	e.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: staticClipboard(text)})
}

// staticClipboard is a clipboard holding one text.
type staticClipboard string

func (c staticClipboard) Content() string   { return string(c) }
func (c staticClipboard) SetContent(string) {}

// toolButton is a small text button that does not take the keyboard focus,
// so that the body keeps its cursor and selection when it is tapped. In a
// compact toolbar a button with an icon shows the icon only.
type toolButton struct {
	widget.BaseWidget
	label    string
	style    fyne.TextStyle
	icon     fyne.Resource
	onTapped func()
	hovered  bool
	compact  bool
	// keepLabel keeps the label in a compact toolbar.
	keepLabel bool
}

func newToolButton(label string, style fyne.TextStyle, icon fyne.Resource, tapped func()) *toolButton {
	b := &toolButton{label: label, style: style, icon: icon, onTapped: tapped}
	b.ExtendBaseWidget(b)
	return b
}

// setStyle draws the label in style s.
func (b *toolButton) setStyle(s fyne.TextStyle) {
	b.style = s
	b.Refresh()
}

func (b *toolButton) Tapped(*fyne.PointEvent) {
	if b.onTapped != nil {
		b.onTapped()
	}
}

func (b *toolButton) MouseIn(*desktop.MouseEvent)    { b.hovered = true; b.Refresh() }
func (b *toolButton) MouseMoved(*desktop.MouseEvent) {}
func (b *toolButton) MouseOut()                      { b.hovered = false; b.Refresh() }
func (b *toolButton) Cursor() desktop.Cursor         { return desktop.PointerCursor }

// canCompact reports whether the button can drop its label.
func (b *toolButton) canCompact() bool { return b.icon != nil && !b.keepLabel }

// setCompact shows the icon only (when it can) or the label too.
func (b *toolButton) setCompact(c bool) {
	c = c && b.canCompact()
	if b.compact != c {
		b.compact = c
		b.Refresh()
	}
}

// showsLabel reports whether the label is drawn.
func (b *toolButton) showsLabel() bool { return !b.compact }

// width is the button's width with or without its label.
func (b *toolButton) width(compact bool) float32 {
	compact = compact && b.canCompact()
	pad := theme.Padding()
	w := pad * 3
	if b.icon != nil {
		w += theme.IconInlineSize()
	}
	if !compact {
		ts := fyne.MeasureText(b.label, theme.TextSize(), b.style)
		w += ts.Width
		if b.icon != nil {
			w += pad
		}
	}
	return w
}

func (b *toolButton) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	txt := canvas.NewText(b.label, theme.Color(theme.ColorNameForeground))
	txt.TextStyle = b.style
	var ic *widget.Icon
	objs := []fyne.CanvasObject{bg}
	if b.icon != nil {
		ic = widget.NewIcon(b.icon)
		objs = append(objs, ic)
	}
	objs = append(objs, txt)
	return &toolButtonRenderer{b: b, bg: bg, txt: txt, icon: ic, objs: objs}
}

type toolButtonRenderer struct {
	b    *toolButton
	bg   *canvas.Rectangle
	txt  *canvas.Text
	icon *widget.Icon
	objs []fyne.CanvasObject
}

func (r *toolButtonRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	r.bg.Resize(size)
	x := pad * 1.5
	if r.icon != nil {
		is := theme.IconInlineSize()
		r.icon.Resize(fyne.NewSquareSize(is))
		r.icon.Move(fyne.NewPos(x, (size.Height-is)/2))
		x += is + pad
	}
	ts := r.txt.MinSize()
	r.txt.Resize(ts)
	r.txt.Move(fyne.NewPos(x, (size.Height-ts.Height)/2))
}

func (r *toolButtonRenderer) MinSize() fyne.Size {
	h := max(r.txt.MinSize().Height, theme.IconInlineSize()) + theme.Padding()*2
	return fyne.NewSize(r.b.width(r.b.compact), h)
}

func (r *toolButtonRenderer) Refresh() {
	r.txt.Text = r.b.label
	r.txt.TextStyle = r.b.style
	r.txt.Color = theme.Color(theme.ColorNameForeground)
	if r.b.showsLabel() {
		r.txt.Show()
	} else {
		r.txt.Hide()
	}
	if r.b.hovered {
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	} else {
		r.bg.FillColor = color.Transparent
	}
	r.bg.Refresh()
	r.txt.Refresh()
	r.Layout(r.b.Size())
}

func (r *toolButtonRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *toolButtonRenderer) Destroy()                     {}

// toolbarLayout places tool buttons in a row. When the row is wider than
// the room it gets, buttons with an icon drop their label, the last ones
// first, until it fits: the body's toolbar fits a 1024-pixel screen.
type toolbarLayout struct{}

// width is the row's width, the buttons from the compactFrom-th on (counting
// those that can drop their label) without label.
func (toolbarLayout) width(objs []fyne.CanvasObject, compactFrom int) (w, h float32) {
	pad := theme.Padding()
	n, k := 0, 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if b, ok := o.(*toolButton); ok {
			compact := false
			if b.canCompact() {
				compact = k >= compactFrom
				k++
			}
			m.Width = b.width(compact)
		}
		w += m.Width
		h = max(h, m.Height)
		n++
	}
	if n > 1 {
		w += pad * float32(n-1)
	}
	return w, h
}

func (l toolbarLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := l.width(objs, 0)
	return fyne.NewSize(w, h)
}

func (l toolbarLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	compactable := 0
	for _, o := range objs {
		if b, ok := o.(*toolButton); ok && o.Visible() && b.canCompact() {
			compactable++
		}
	}
	from := compactable
	for from > 0 {
		if w, _ := l.width(objs, from); w <= size.Width {
			break
		}
		from--
	}
	x, k := float32(0), 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		if b, ok := o.(*toolButton); ok && b.canCompact() {
			b.setCompact(k >= from)
			k++
		}
		m := o.MinSize()
		o.Resize(fyne.NewSize(m.Width, size.Height))
		o.Move(fyne.NewPos(x, 0))
		x += m.Width + theme.Padding()
	}
}

// statusColor is the colour of a status chip.
func statusColor(st string) color.Color {
	switch st {
	case "draft":
		return color.NRGBA{0x8a, 0x8f, 0x98, 0xff}
	case "review":
		return color.NRGBA{0xe0, 0x8a, 0x00, 0xff}
	case "approved":
		return color.NRGBA{0x1e, 0x88, 0xe5, 0xff}
	case "published":
		return color.NRGBA{0x2e, 0x9d, 0x4a, 0xff}
	case "trash":
		return color.NRGBA{0xc6, 0x28, 0x28, 0xff}
	}
	return theme.Color(theme.ColorNameDisabled)
}

// countOf names a count of things the Vietnamese way: "1.234 bản ghi".
func countOf(n int, noun string) string { return vntext.Number(n) + " " + noun }

// oneLine keeps the first line of a message for a label.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}
