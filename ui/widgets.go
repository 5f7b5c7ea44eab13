package ui

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// textEntry is the entry every field of the app uses: Escape reaches the
// window (closing the open dialog), and a paste can be looked at first
// (legacy-encoded text is offered for conversion).
type textEntry struct {
	widget.Entry
	onEscape func()
	onPaste  func(text string, insert func(string)) bool
}

func newTextEntry(ui *mainUI) *textEntry {
	e := &textEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	if ui != nil {
		e.onEscape = ui.onEscape
		e.onPaste = ui.onPasteText
	}
	return e
}

func newMultiLineEntry(ui *mainUI, rows int) *textEntry {
	e := newTextEntry(ui)
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
// so that the body keeps its cursor and selection when it is tapped.
type toolButton struct {
	widget.BaseWidget
	label    string
	style    fyne.TextStyle
	icon     fyne.Resource
	onTapped func()
	hovered  bool
}

func newToolButton(label string, style fyne.TextStyle, icon fyne.Resource, tapped func()) *toolButton {
	b := &toolButton{label: label, style: style, icon: icon, onTapped: tapped}
	b.ExtendBaseWidget(b)
	return b
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
	ts := r.txt.MinSize()
	if r.icon != nil {
		is := theme.IconInlineSize()
		r.icon.Resize(fyne.NewSquareSize(is))
		r.icon.Move(fyne.NewPos(x, (size.Height-is)/2))
		x += is + pad
	}
	r.txt.Resize(ts)
	r.txt.Move(fyne.NewPos(x, (size.Height-ts.Height)/2))
}

func (r *toolButtonRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	ts := r.txt.MinSize()
	w := ts.Width + pad*3
	h := max(ts.Height, theme.IconInlineSize()) + pad*2
	if r.icon != nil {
		w += theme.IconInlineSize() + pad
	}
	return fyne.NewSize(w, h)
}

func (r *toolButtonRenderer) Refresh() {
	r.txt.Text = r.b.label
	r.txt.Color = theme.Color(theme.ColorNameForeground)
	if r.b.hovered {
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	} else {
		r.bg.FillColor = color.Transparent
	}
	r.bg.Refresh()
	r.txt.Refresh()
}

func (r *toolButtonRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *toolButtonRenderer) Destroy()                     {}

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

// formatCount writes n with Vietnamese thousands separators: 1.234.
func formatCount(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// oneLine keeps the first line of a message for a label.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}
