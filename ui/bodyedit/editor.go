// Package bodyedit is the body editor of Biên Tập's compose form. A body is
// edited as a column of paragraph entries, one per line of the body's markup
// (every line of the markup is a paragraph, see model/doc), instead of one
// multi-line widget.Entry: Fyne's Entry re-wraps and re-measures its whole
// text on every keystroke, which makes a 30,000-character body lag (about
// 50 ms a key), while a paragraph entry only ever re-wraps its own paragraph.
//
// The column behaves like one text: Enter splits a paragraph, Backspace at
// the start of a paragraph joins it to the one above, Delete at its end joins
// the next one, the arrow keys cross paragraph edges, a multi-line paste
// becomes several paragraphs, Tab leaves the body, and undo/redo (Ctrl+Z,
// Ctrl+Y) work over the whole body. A selection stays inside one paragraph.
package bodyedit

import (
	"image/color"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"bientap/ui/internal/focus"
	"bientap/ui/internal/wheel"
)

// maxHistory bounds the undo stack.
const maxHistory = 300

// typingPause separates two undo steps while typing in one paragraph.
const typingPause = time.Second

// Editor is the paragraph-column body editor widget.
type Editor struct {
	widget.BaseWidget

	// OnChanged is called after every change the user makes to the text
	// (typing, paste, Enter, joining paragraphs, undo, redo, insertions).
	OnChanged func()
	// OnPaste, when set, sees pasted text first. Returning true means the
	// paste is handled: the hook calls insert later (maybe with converted
	// text, after asking the user) or never.
	OnPaste func(text string, insert func(string)) bool
	// OnFocus is called when a paragraph of the body gains focus.
	OnFocus func()
	// OnEscape is called when Escape is pressed in the body.
	OnEscape func()

	paras  []*para
	wraps  []fyne.CanvasObject // paras wrapped in their theme override, in order
	column *column
	scroll *container.Scroll
	wheel  *wheel.Overlay // gives the scroll the wheel over the paragraphs
	bg     *canvas.Rectangle

	placeholder string
	cur         *para // last focused paragraph
	quiet       int   // >0: changes are programmatic, not the user's

	undo, redo []snapshot
	last       snapshot
	lastPara   *para
	lastEdit   time.Time
}

// snapshot is the body and cursor at one point of its history.
type snapshot struct {
	texts []string
	para  int
	off   int
}

// New returns an empty body editor.
func New() *Editor {
	ed := &Editor{}
	ed.column = &column{ed: ed}
	ed.column.ExtendBaseWidget(ed.column)
	ed.scroll = container.NewVScroll(ed.column)
	ed.wheel = wheel.NewOverlay(ed.scroll)
	ed.bg = canvas.NewRectangle(color.Transparent)
	ed.ExtendBaseWidget(ed)
	ed.setParas([]string{""})
	ed.last = ed.snapshot()
	return ed
}

// CreateRenderer implements fyne.Widget.
func (ed *Editor) CreateRenderer() fyne.WidgetRenderer {
	ed.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	ed.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	ed.bg.StrokeWidth = theme.Size(theme.SizeNameInputBorder)
	ed.bg.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	return &editorRenderer{ed: ed, objs: []fyne.CanvasObject{ed.bg, ed.scroll, ed.wheel}}
}

type editorRenderer struct {
	ed   *Editor
	objs []fyne.CanvasObject
}

func (r *editorRenderer) Layout(size fyne.Size) {
	r.ed.bg.Resize(size)
	r.ed.scroll.Resize(size)
	r.ed.wheel.Resize(size)
}

func (r *editorRenderer) MinSize() fyne.Size {
	return fyne.NewSize(120, 120)
}

func (r *editorRenderer) Refresh() {
	r.ed.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.ed.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	r.ed.bg.Refresh()
	r.ed.scroll.Refresh()
}

func (r *editorRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *editorRenderer) Destroy()                     {}

// SetText replaces the body (lines become paragraphs) and forgets the undo
// history. It does not call OnChanged.
func (ed *Editor) SetText(text string) {
	text = unifyBreaks(text)
	ed.quiet++
	ed.setParas(strings.Split(text, "\n"))
	ed.quiet--
	ed.undo, ed.redo = nil, nil
	ed.cur, ed.lastPara = nil, nil
	ed.last = ed.snapshot()
	ed.scroll.ScrollToTop()
}

// Text returns the body: the paragraphs joined by line feeds.
func (ed *Editor) Text() string {
	if len(ed.paras) == 1 {
		return ed.paras[0].Text
	}
	n := len(ed.paras)
	for _, p := range ed.paras {
		n += len(p.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, p := range ed.paras {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// Paragraphs returns how many paragraphs (lines) the body has.
func (ed *Editor) Paragraphs() int { return len(ed.paras) }

// SetPlaceHolder sets the hint shown while the body is empty.
func (ed *Editor) SetPlaceHolder(s string) {
	ed.placeholder = s
	if len(ed.paras) > 0 {
		ed.paras[0].SetPlaceHolder(s)
	}
}

// setParas replaces every paragraph, reusing the existing widgets.
func (ed *Editor) setParas(lines []string) {
	ed.replaceRange(0, len(ed.paras), lines)
}

// replaceRange replaces paragraphs [from, to) by new ones holding lines.
// Widgets of the replaced range are reused where possible.
func (ed *Editor) replaceRange(from, to int, lines []string) {
	old := ed.paras[from:to]
	newParas := make([]*para, len(lines))
	for i, l := range lines {
		if i < len(old) {
			p := old[i]
			if p.Text != l {
				p.SetText(l)
			}
			newParas[i] = p
		} else {
			newParas[i] = newPara(ed, l)
		}
	}
	for i := len(lines); i < len(old); i++ {
		if ed.cur == old[i] {
			ed.cur = nil
		}
	}
	paras := make([]*para, 0, len(ed.paras)-len(old)+len(lines))
	paras = append(paras, ed.paras[:from]...)
	paras = append(paras, newParas...)
	paras = append(paras, ed.paras[to:]...)
	ed.paras = paras
	if len(ed.paras) == 0 {
		ed.paras = []*para{newPara(ed, "")}
	}
	ed.wraps = make([]fyne.CanvasObject, len(ed.paras))
	for i, p := range ed.paras {
		ed.wraps[i] = p.wrap
	}
	for i, p := range ed.paras {
		if i == 0 {
			p.SetPlaceHolder(ed.placeholder)
		} else if p.PlaceHolder != "" {
			p.SetPlaceHolder("")
		}
	}
	ed.relayout()
}

// relayout places the paragraphs again (heights or the set changed) and
// lets the scroll container see the column's new height. It refreshes no
// paragraph: refreshing one re-wraps its text.
func (ed *Editor) relayout() {
	ed.scroll.Refresh()
}

func (ed *Editor) indexOf(p *para) int {
	if p.idxHint < len(ed.paras) && ed.paras[p.idxHint] == p {
		return p.idxHint
	}
	for i, q := range ed.paras {
		q.idxHint = i
	}
	for i, q := range ed.paras {
		if q == p {
			return i
		}
	}
	return -1
}

func (ed *Editor) snapshot() snapshot {
	s := snapshot{texts: make([]string, len(ed.paras)), para: -1}
	for i, p := range ed.paras {
		s.texts[i] = p.Text
	}
	if ed.cur != nil {
		s.para = ed.indexOf(ed.cur)
		if s.para >= 0 {
			s.off = ed.cur.CursorTextOffset()
		}
	}
	return s
}

// record notes a change for undo: typing in the same paragraph within a
// second of the previous key joins the same undo step.
func (ed *Editor) record(p *para, structural bool) {
	now := time.Now()
	join := !structural && p != nil && p == ed.lastPara && now.Sub(ed.lastEdit) < typingPause
	if !join {
		ed.undo = append(ed.undo, ed.last)
		if len(ed.undo) > maxHistory {
			ed.undo = ed.undo[len(ed.undo)-maxHistory:]
		}
	}
	ed.last = ed.snapshot()
	ed.redo = nil
	if structural {
		ed.lastPara = nil
	} else {
		ed.lastPara = p
	}
	ed.lastEdit = now
}

func (ed *Editor) changed() {
	if ed.OnChanged != nil {
		ed.OnChanged()
	}
}

// paraChanged runs after the user changed the text of p.
func (ed *Editor) paraChanged(p *para) {
	if ed.quiet > 0 {
		return
	}
	if strings.ContainsAny(p.Text, "\n\r") {
		ed.split(p)
		ed.record(nil, true)
	} else {
		ed.record(p, false)
		ed.checkHeight(p)
	}
	ed.changed()
}

// checkHeight re-lays the column when p's wrapped height changed.
func (ed *Editor) checkHeight(p *para) {
	h := p.MinSize().Height
	if h != p.wrap.Size().Height {
		ed.relayout()
	}
	ed.ensureVisible(p)
}

// split turns a paragraph holding line breaks (Enter, multi-line paste) into
// several, leaving the cursor where it was in the text.
func (ed *Editor) split(p *para) {
	idx := ed.indexOf(p)
	off := p.CursorTextOffset()
	text := unifyBreaks(p.Text)
	if len(text) != len(p.Text) {
		// Count the cursor's offset again in the text with unified breaks.
		r := []rune(p.Text)
		off = utf8.RuneCountInString(unifyBreaks(string(r[:min(off, len(r))])))
	}
	lines := strings.Split(text, "\n")
	target, toff := len(lines)-1, utf8.RuneCountInString(lines[len(lines)-1])
	if off >= 0 {
		n := 0
		for i, l := range lines {
			ln := utf8.RuneCountInString(l)
			if off <= n+ln {
				target, toff = i, off-n
				break
			}
			n += ln + 1
		}
	}
	ed.quiet++
	ed.replaceRange(idx, idx+1, lines)
	ed.quiet--
	ed.focusAt(idx+target, toff)
}

// mergePrev joins paragraph p to the end of the one above it.
func (ed *Editor) mergePrev(p *para) {
	idx := ed.indexOf(p)
	if idx <= 0 {
		return
	}
	prev := ed.paras[idx-1]
	off := utf8.RuneCountInString(prev.Text)
	ed.quiet++
	ed.replaceRange(idx-1, idx+1, []string{prev.Text + p.Text})
	ed.quiet--
	ed.focusAt(idx-1, off)
	ed.record(nil, true)
	ed.changed()
}

// mergeNext joins the paragraph below p to p's end.
func (ed *Editor) mergeNext(p *para) {
	idx := ed.indexOf(p)
	if idx < 0 || idx+1 >= len(ed.paras) {
		return
	}
	off := utf8.RuneCountInString(p.Text)
	ed.quiet++
	ed.replaceRange(idx, idx+2, []string{p.Text + ed.paras[idx+1].Text})
	ed.quiet--
	ed.focusAt(idx, off)
	ed.record(nil, true)
	ed.changed()
}

// canvas is the canvas the editor is shown on, or nil.
func (ed *Editor) canvas() fyne.Canvas {
	return focus.CanvasOf(ed)
}

// focusAt focuses paragraph i (clamped) with the cursor at rune offset off
// (clamped; -1 = end).
func (ed *Editor) focusAt(i, off int) {
	if len(ed.paras) == 0 {
		return
	}
	i = max(0, min(i, len(ed.paras)-1))
	p := ed.paras[i]
	if c := ed.canvas(); c != nil && c.Focused() != p {
		c.Focus(p)
	}
	ed.cur = p
	p.setCursor(off)
	ed.ensureVisible(p)
}

// FocusStart puts the cursor at the start of the body.
func (ed *Editor) FocusStart() { ed.focusAt(0, 0) }

// FocusAt puts the cursor in paragraph (line) i, 0-based, at rune offset col.
func (ed *Editor) FocusAt(i, col int) { ed.focusAt(i, col) }

// Select focuses paragraph i and selects n runes from rune offset col.
func (ed *Editor) Select(i, col, n int) {
	ed.focusAt(i, col)
	p := ed.paras[max(0, min(i, len(ed.paras)-1))]
	p.selectRunes(n)
}

// Cursor returns the focused (or last focused) paragraph and the cursor's
// rune offset in it; (-1, 0) when the body was never focused.
func (ed *Editor) Cursor() (para, off int) {
	if ed.cur == nil {
		return -1, 0
	}
	i := ed.indexOf(ed.cur)
	if i < 0 {
		return -1, 0
	}
	return i, ed.cur.CursorTextOffset()
}

// current returns the paragraph edits apply to, focusing it: the last
// focused one, or the last paragraph of the body.
func (ed *Editor) current() *para {
	p := ed.cur
	if p == nil || ed.indexOf(p) < 0 {
		p = ed.paras[len(ed.paras)-1]
		ed.focusAt(len(ed.paras)-1, -1)
	} else if c := ed.canvas(); c != nil && c.Focused() != p {
		c.Focus(p)
	}
	return p
}

// InsertText inserts s at the cursor, replacing the selection; line breaks
// in s make new paragraphs.
func (ed *Editor) InsertText(s string) {
	p := ed.current()
	p.insert(s)
}

// Wrap puts prefix and suffix around the selection of the current paragraph
// (or inserts them with the cursor between when nothing is selected): the
// bold and italic buttons.
func (ed *Editor) Wrap(prefix, suffix string) {
	p := ed.current()
	sel := p.SelectedText()
	p.insert(prefix + sel + suffix)
	if sel == "" {
		p.setCursor(p.CursorTextOffset() - utf8.RuneCountInString(suffix))
	}
}

// ToggleHeading cycles the current paragraph through "# ", "## " and plain.
func (ed *Editor) ToggleHeading() {
	p := ed.current()
	t, off := p.Text, p.CursorTextOffset()
	var nt string
	switch {
	case strings.HasPrefix(t, "## "):
		nt, off = t[3:], off-3
	case strings.HasPrefix(t, "# "):
		nt, off = "#"+t, off+1
	default:
		nt, off = "# "+t, off+2
	}
	ed.setParaText(p, nt, max(0, off))
}

// setParaText replaces one paragraph's text as a user edit.
func (ed *Editor) setParaText(p *para, text string, off int) {
	ed.quiet++
	p.SetText(text)
	ed.quiet--
	ed.focusAt(ed.indexOf(p), off)
	ed.record(nil, true)
	ed.checkHeight(p)
	ed.changed()
}

// InsertLinesAfter inserts whole paragraphs after the current one (an image
// line, a table) and puts the cursor at the end of the last one inserted.
func (ed *Editor) InsertLinesAfter(lines []string) {
	if len(lines) == 0 {
		return
	}
	p := ed.current()
	idx := ed.indexOf(p)
	ed.quiet++
	if strings.TrimSpace(p.Text) == "" {
		ed.replaceRange(idx, idx+1, lines)
		idx--
	} else {
		ed.replaceRange(idx+1, idx+1, lines)
	}
	ed.quiet--
	ed.focusAt(idx+len(lines), -1)
	ed.record(nil, true)
	ed.changed()
}

// ReplaceText replaces the whole body as one undoable change (a fix from
// the checks): only the paragraphs that differ are touched, and the cursor
// goes to the first of them. It calls OnChanged.
func (ed *Editor) ReplaceText(text string) {
	lines := strings.Split(unifyBreaks(text), "\n")
	cur := ed.snapshot()
	a := cur.texts
	p := 0
	for p < len(a) && p < len(lines) && a[p] == lines[p] {
		p++
	}
	if p == len(a) && p == len(lines) {
		return
	}
	ed.undo = append(ed.undo, cur)
	if len(ed.undo) > maxHistory {
		ed.undo = ed.undo[len(ed.undo)-maxHistory:]
	}
	ed.redo = nil
	ed.apply(snapshot{texts: lines, para: -1})
	ed.last = ed.snapshot()
	ed.changed()
}

// CanUndo reports whether there is something to undo.
func (ed *Editor) CanUndo() bool { return len(ed.undo) > 0 }

// Undo takes back the last change of the body.
func (ed *Editor) Undo() {
	if len(ed.undo) == 0 {
		return
	}
	cur := ed.snapshot()
	s := ed.undo[len(ed.undo)-1]
	ed.undo = ed.undo[:len(ed.undo)-1]
	ed.redo = append(ed.redo, cur)
	ed.apply(s)
	ed.changed()
}

// Redo re-applies the last change taken back by Undo.
func (ed *Editor) Redo() {
	if len(ed.redo) == 0 {
		return
	}
	cur := ed.snapshot()
	s := ed.redo[len(ed.redo)-1]
	ed.redo = ed.redo[:len(ed.redo)-1]
	ed.undo = append(ed.undo, cur)
	ed.apply(s)
	ed.changed()
}

// apply makes the body look like s, replacing only the paragraphs that differ.
func (ed *Editor) apply(s snapshot) {
	a, b := ed.paras, s.texts
	p := 0
	for p < len(a) && p < len(b) && a[p].Text == b[p] {
		p++
	}
	q := 0
	for q < len(a)-p && q < len(b)-p && a[len(a)-1-q].Text == b[len(b)-1-q] {
		q++
	}
	ed.quiet++
	ed.replaceRange(p, len(a)-q, b[p:len(b)-q])
	ed.quiet--
	ed.last = s
	ed.lastPara = nil
	if s.para >= 0 {
		ed.focusAt(s.para, s.off)
	} else {
		ed.focusAt(p, 0)
	}
}

// Find looks for query (ignoring case and diacritics) from the cursor,
// forward or backward, wrapping around; it selects the match and reports
// whether there was one.
func (ed *Editor) Find(query string, backward bool) bool {
	fq := foldRunes(query)
	if len(fq) == 0 {
		return false
	}
	start, off := ed.Cursor()
	if start < 0 {
		start, off = 0, 0
	}
	selLen := 0
	if ed.cur != nil {
		selLen = utf8.RuneCountInString(ed.cur.SelectedText())
	}
	n := len(ed.paras)
	for k := 0; k <= n; k++ {
		i := start + k
		if backward {
			i = start - k
		}
		i = (i%n + n) % n
		text := foldRunes(ed.paras[i].Text)
		at := -1
		switch {
		case k == 0 && !backward:
			if off <= len(text) {
				if j := indexRunes(text[off:], fq); j >= 0 {
					at = off + j
				}
			}
		case k == 0:
			at = lastIndexRunes(text, fq, off-selLen)
		case backward:
			at = lastIndexRunes(text, fq, len(text))
		default:
			at = indexRunes(text, fq)
		}
		if at >= 0 {
			ed.Select(i, at, len(fq))
			return true
		}
	}
	return false
}

// ensureVisible scrolls the column so that p's cursor line is in view.
func (ed *Editor) ensureVisible(p *para) {
	view := ed.scroll.Size().Height
	if view <= 0 {
		return
	}
	line := p.lineHeight()
	y := p.wrap.Position().Y + p.CursorPosition().Y
	off := ed.scroll.Offset.Y
	switch {
	case y < off:
		off = y - line/2
	case y+line*1.5 > off+view:
		off = y + line*1.5 - view
	default:
		return
	}
	ed.scroll.ScrollToOffset(fyne.NewPos(0, max(0, off)))
}

// focusOut moves the focus out of the body: to the widget after it, or
// with back, before it.
func (ed *Editor) focusOut(back bool) {
	c := ed.canvas()
	if c == nil {
		return
	}
	if back {
		c.Focus(ed.paras[0])
		c.FocusPrevious()
	} else {
		c.Focus(ed.paras[len(ed.paras)-1])
		c.FocusNext()
	}
}

// normalise rewrites a paragraph in NFC when it leaves the user's hands
// (keyboards and pastes can deliver decomposed letters).
func (ed *Editor) normalise(p *para) {
	if norm.NFC.IsNormalString(p.Text) {
		return
	}
	ed.quiet++
	p.SetText(norm.NFC.String(p.Text))
	ed.quiet--
	ed.last = ed.snapshot()
}

// unifyBreaks turns CRLF and CR line breaks into LF.
func unifyBreaks(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// UndoDepth is how many changes Undo can take back.
func (ed *Editor) UndoDepth() int { return len(ed.undo) }
