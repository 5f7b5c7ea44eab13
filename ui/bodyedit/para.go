package bodyedit

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model/vntext"
	"bientap/ui/internal/focus"
)

// para is one paragraph of the body: a word-wrapped entry whose height
// follows its text.
type para struct {
	widget.Entry
	ed      *Editor
	wrap    fyne.CanvasObject // the object the column places (the entry itself)
	shift   bool              // a Shift key is down
	idxHint int
}

func newPara(ed *Editor, text string) *para {
	p := &para{ed: ed}
	p.Text = text
	p.MultiLine = true
	p.Wrapping = fyne.TextWrapWord
	p.ExtendBaseWidget(p)
	p.OnChanged = func(string) { ed.paraChanged(p) }
	p.wrap = p
	return p
}

// MouseDown places the cursor (the Entry's) and makes sure the paragraph
// has the focus: the Entry asks for it on a canvas Fyne may have forgotten
// (see package focus).
func (p *para) MouseDown(m *desktop.MouseEvent) {
	p.Entry.MouseDown(m)
	if !p.Disabled() {
		focus.Take(p)
	}
}

// MinSize is the height of the wrapped text. Fyne's Entry reserves a fixed
// number of rows for wrapped text and scrolls inside; with wrapping off and
// no scrolling it sizes itself to its rows instead. The rows were wrapped at
// the current width by the last layout, so asking for the size with
// wrapping momentarily off gives the wrapped text's height.
//
// The entry's renderer may not exist at that moment: Fyne destroys the
// renderers of widgets that were not drawn for a minute. CreateRenderer
// makes sure a new one is always built for wrapped text.
func (p *para) MinSize() fyne.Size {
	p.Wrapping, p.Scroll = fyne.TextWrapOff, fyne.ScrollNone
	s := p.Entry.DisableableWidget.BaseWidget.MinSize()
	p.Wrapping, p.Scroll = fyne.TextWrapWord, fyne.ScrollBoth
	return s
}

// CreateRenderer builds the entry's renderer for wrapped text even when it
// is asked for inside MinSize (wrapping momentarily off): an entry renderer
// made for unwrapped text has no inner scroller content and fails at its
// next layout once wrapping is back on.
func (p *para) CreateRenderer() fyne.WidgetRenderer {
	wrapping, scroll := p.Wrapping, p.Scroll
	p.Wrapping, p.Scroll = fyne.TextWrapWord, fyne.ScrollBoth
	defer func() { p.Wrapping, p.Scroll = wrapping, scroll }()
	return p.Entry.CreateRenderer()
}

func (p *para) lineHeight() float32 {
	th := p.Theme()
	return th.Size(theme.SizeNameText) + th.Size(theme.SizeNameLineSpacing)*2
}

// AcceptsTab lets Tab reach TypedKey, which moves the focus out of the body
// rather than into the next paragraph.
func (p *para) AcceptsTab() bool { return true }

// FocusGained remembers the paragraph as the body's cursor.
func (p *para) FocusGained() {
	p.Entry.FocusGained()
	p.ed.cur = p
	if p.ed.OnFocus != nil {
		p.ed.OnFocus()
	}
}

// FocusLost normalises the paragraph to NFC.
func (p *para) FocusLost() {
	p.shift = false
	p.Entry.FocusLost()
	p.ed.normalise(p)
}

// KeyDown tracks Shift (selection) before passing the key on.
func (p *para) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		p.shift = true
	}
	p.Entry.KeyDown(k)
}

// KeyUp tracks Shift.
func (p *para) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		p.shift = false
	}
	p.Entry.KeyUp(k)
}

// TypedKey handles the keys that cross paragraph edges.
func (p *para) TypedKey(k *fyne.KeyEvent) {
	ed := p.ed
	selected := p.SelectedText() != ""
	idx := ed.indexOf(p)
	switch k.Name {
	case fyne.KeyTab:
		ed.focusOut(p.shift)
		return
	case fyne.KeyEscape:
		if ed.OnEscape != nil {
			ed.OnEscape()
			return
		}
	case fyne.KeyBackspace:
		if !selected && p.CursorTextOffset() == 0 && idx > 0 {
			ed.mergePrev(p)
			return
		}
	case fyne.KeyDelete:
		if !selected && p.CursorTextOffset() == utf8.RuneCountInString(p.Text) && idx+1 < len(ed.paras) {
			ed.mergeNext(p)
			return
		}
	case fyne.KeyUp:
		if !p.shift && p.CursorRow == 0 && idx > 0 {
			ed.focusAt(idx-1, -1)
			return
		}
	case fyne.KeyDown:
		if !p.shift && idx+1 < len(ed.paras) {
			row := p.CursorRow
			p.Entry.TypedKey(k)
			if p.CursorRow == row {
				ed.focusAt(idx+1, 0)
			}
			return
		}
	case fyne.KeyLeft:
		if !p.shift && !selected && p.CursorTextOffset() == 0 && idx > 0 {
			ed.focusAt(idx-1, -1)
			return
		}
	case fyne.KeyRight:
		if !p.shift && !selected && p.CursorTextOffset() == utf8.RuneCountInString(p.Text) && idx+1 < len(ed.paras) {
			ed.focusAt(idx+1, 0)
			return
		}
	}
	p.Entry.TypedKey(k)
	if k.Name != fyne.KeyBackspace && k.Name != fyne.KeyDelete && k.Name != fyne.KeyReturn && k.Name != fyne.KeyEnter {
		ed.ensureVisible(p)
	}
}

// TypedShortcut routes undo and redo to the body's history and lets the
// editor see pasted text first.
func (p *para) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutUndo:
		p.ed.Undo()
		return
	case *fyne.ShortcutRedo:
		p.ed.Redo()
		return
	case *fyne.ShortcutPaste:
		if p.ed.OnPaste != nil && sc.Clipboard != nil {
			text := sc.Clipboard.Content()
			if p.ed.OnPaste(text, p.insert) {
				return
			}
		}
	}
	p.Entry.TypedShortcut(s)
}

// insert puts text at the cursor, replacing the selection, through the
// entry's own paste so that it behaves exactly like a paste.
func (p *para) insert(text string) {
	if c := p.ed.canvas(); c != nil && c.Focused() != p {
		c.Focus(p)
	}
	p.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: textClipboard(text)})
}

// setCursor puts the cursor at rune offset off (clamped; -1 = end).
// Entry takes a cursor as wrapped row and column; a character typed and
// erased at the offset lets the entry compute them itself.
func (p *para) setCursor(off int) {
	p.clearSelection()
	n := utf8.RuneCountInString(p.Text)
	if off < 0 || off > n {
		off = n
	}
	switch {
	case off == 0:
		p.CursorRow, p.CursorColumn = 0, 0
		p.Refresh()
	case off == n:
		p.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	default:
		p.ed.quiet++
		p.CursorRow, p.CursorColumn = 0, off
		p.Entry.TypedRune('x')
		p.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		p.ed.quiet--
	}
}

// clearSelection drops a selection (Left without Shift ends one), so that
// programmatic typing never replaces selected text.
func (p *para) clearSelection() {
	if p.SelectedText() != "" {
		p.Entry.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		p.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	}
}

// selectRunes selects n runes from the cursor.
func (p *para) selectRunes(n int) {
	p.Entry.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for i := 0; i < n; i++ {
		p.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	p.Entry.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	p.shift = false
}

// textClipboard is a clipboard holding one text, used to insert text
// through the entry's paste.
type textClipboard string

func (c textClipboard) Content() string   { return string(c) }
func (c textClipboard) SetContent(string) {}

// column stacks the paragraphs at its width, each as tall as its wrapped
// text. Unlike a fyne.Container, refreshing it only places its children
// again: refreshing a paragraph re-wraps its text, which the column must
// not do for every paragraph on every change.
type column struct {
	widget.BaseWidget
	ed *Editor
}

func (c *column) CreateRenderer() fyne.WidgetRenderer { return &columnRenderer{c: c} }

type columnRenderer struct {
	c     *column
	width float32
}

func (r *columnRenderer) Objects() []fyne.CanvasObject { return r.c.ed.wraps }
func (r *columnRenderer) Destroy()                     {}

func (r *columnRenderer) MinSize() fyne.Size {
	h := float32(0)
	for _, o := range r.c.ed.wraps {
		h += o.MinSize().Height
	}
	return fyne.NewSize(100, h)
}

func (r *columnRenderer) Refresh() {
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *columnRenderer) Layout(size fyne.Size) {
	objs := r.c.ed.wraps
	y := float32(0)
	for _, o := range objs {
		if o.Size().Width != size.Width {
			// Wrap at the new width before asking the height.
			o.Resize(fyne.NewSize(size.Width, max(o.Size().Height, 1)))
		}
		h := o.MinSize().Height
		if o.Size().Height != h {
			o.Resize(fyne.NewSize(size.Width, h))
		}
		o.Move(fyne.NewPos(0, y))
		y += h
	}
}

// foldRunes folds text rune by rune (lower case, no diacritics, đ→d),
// keeping one rune per rune so that offsets match the original.
func foldRunes(s string) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			out = append(out, unicode.ToLower(r))
			continue
		}
		f := []rune(vntext.Fold(string(r)))
		if len(f) == 1 {
			out = append(out, f[0])
		} else {
			out = append(out, unicode.ToLower(r))
		}
	}
	return out
}

func indexRunes(s, sub []rune) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if slices.Equal(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// lastIndexRunes finds the last match of sub starting before limit.
func lastIndexRunes(s, sub []rune, limit int) int {
	for i := min(limit-1, len(s)-len(sub)); i >= 0; i-- {
		if slices.Equal(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
