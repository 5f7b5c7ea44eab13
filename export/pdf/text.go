package pdf

import (
	"strings"
	"unicode/utf8"

	"bientap/model/doc"
	"bientap/model/vntext"
)

// clean prepares text for the page: vntext.Clean (NFC, soft hyphens and
// zero-width characters removed, no-break spaces kept), tabs and line
// separators become spaces, other control characters go, and runes outside
// the Basic Multilingual Plane (emoji), which gofpdf cannot draw, are dropped
// and counted for a warning.
func (e *engine) clean(s string) string {
	s = vntext.Clean(s)
	ok := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c >= 0xf0 ||
			(c == 0xc2 && i+1 < len(s) && s[i+1] < 0xa0) ||
			(c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9)) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r > 0xFFFF:
			e.dropped++
		case r == '\t' || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// span is a run of text in one face.
type span struct {
	text string
	face face
}

// spans converts document runs to cleaned spans.
func (e *engine) spans(runs []doc.Run) []span {
	out := make([]span, 0, len(runs))
	for _, r := range runs {
		t := e.clean(r.Text)
		if t == "" {
			continue
		}
		f := regular
		if r.Bold {
			f |= bold
		}
		if r.Italic {
			f |= italic
		}
		out = append(out, span{t, f})
	}
	return out
}

// plain is one span of cleaned text in face f.
func (e *engine) plain(s string, f face) []span {
	s = e.clean(s)
	if s == "" {
		return nil
	}
	return []span{{s, f}}
}

// spansText joins the text of spans.
func spansText(sp []span) string {
	var b strings.Builder
	for _, s := range sp {
		b.WriteString(s.text)
	}
	return b.String()
}

// withFace returns sp with f added to every span's face (bold, italic).
func withFace(sp []span, f face) []span {
	out := make([]span, len(sp))
	for i, s := range sp {
		out[i] = span{s.text, s.face | f}
	}
	return out
}

// piece is part of a word in one face, with its width.
type piece struct {
	text string
	face face
	w    float64
}

// word is a stretch of text between spaces; it may mix faces.
type word struct {
	pieces []piece
	w      float64
	space  float64 // width of the space after it (0 at the end)
}

// text joins the pieces.
func (w word) text() string {
	if len(w.pieces) == 1 {
		return w.pieces[0].text
	}
	var b strings.Builder
	for _, p := range w.pieces {
		b.WriteString(p.text)
	}
	return b.String()
}

// words splits spans into words at ASCII spaces (runs of spaces count as
// one; no-break spaces do not break) and measures them at size.
func (e *engine) words(sp []span, size float64) []word {
	var out []word
	var cur word
	flush := func(space float64) {
		if len(cur.pieces) > 0 {
			cur.space = space
			out = append(out, cur)
			cur = word{}
		}
	}
	for _, s := range sp {
		t := s.text
		for t != "" {
			i := strings.IndexByte(t, ' ')
			if i < 0 {
				i = len(t)
			}
			if i > 0 {
				w := e.width(t[:i], s.face, size)
				cur.pieces = append(cur.pieces, piece{t[:i], s.face, w})
				cur.w += w
			}
			if i == len(t) {
				break
			}
			flush(e.space(s.face, size))
			t = t[i+1:]
		}
	}
	flush(0)
	if n := len(out); n > 0 {
		out[n-1].space = 0
	}
	return out
}

// textLine is one broken line.
type textLine struct {
	words   []word
	natural float64 // words plus the spaces between them
	last    bool    // last line of its paragraph (never justified)
}

// breakLines fills lines greedily: the first line is first wide, the others
// rest. A word wider than its line is cut, after a "/" or "-" when one lets
// the first part fit, otherwise between letters.
func (e *engine) breakLines(ws []word, first, rest, size float64) []textLine {
	var lines []textLine
	var cur textLine
	avail := first
	const eps = 1e-6
	newLine := func() {
		lines = append(lines, cur)
		cur = textLine{}
		avail = rest
	}
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		gap := 0.0
		if len(cur.words) > 0 {
			gap = cur.words[len(cur.words)-1].space
		}
		if cur.natural+gap+w.w <= avail+eps {
			cur.words = append(cur.words, w)
			cur.natural += gap + w.w
			continue
		}
		if len(cur.words) > 0 {
			// A word that fits on no line at all starts on this one, cut
			// after a "/" or "-", rather than leaving a gappy line behind.
			if w.w > rest+eps {
				if head, tail, ok := e.cutAtMark(w, avail-cur.natural-gap, size); ok {
					cur.words = append(cur.words, head)
					cur.natural += gap + head.w
					ws[i] = tail
				}
			}
			newLine()
			i--
			continue
		}
		// An over-long word alone on its line: cut it.
		head, tail := e.cutWord(w, avail, size)
		cur.words = append(cur.words, head)
		cur.natural = head.w
		newLine()
		if len(tail.pieces) > 0 {
			ws[i] = tail
			i--
		}
	}
	if len(cur.words) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	lines[len(lines)-1].last = true
	return lines
}

// cutWord splits w so that head fits in avail, preferring a cut after the
// last "/" or "-" that fits; head keeps at least one letter. tail is empty
// when w cannot be cut (a single letter).
func (e *engine) cutWord(w word, avail, size float64) (head, tail word) {
	type cut struct {
		piece, off int
		w          float64
		pref       bool // after "/" or "-"
	}
	var cands []cut
	acc := 0.0
	for pi, p := range w.pieces {
		for off := 0; off < len(p.text); {
			r, n := utf8.DecodeRuneInString(p.text[off:])
			acc += e.width(p.text[off:off+n], p.face, size)
			off += n
			if pi == len(w.pieces)-1 && off == len(p.text) {
				break // the end of the word is no cut
			}
			cands = append(cands, cut{pi, off, acc, r == '/' || r == '-'})
		}
	}
	if len(cands) == 0 {
		return w, word{}
	}
	c, pref := cands[0], false
	for _, k := range cands {
		if k.w > avail+1e-6 {
			break
		}
		if k.pref || !pref {
			c, pref = k, k.pref
		}
	}
	for pi, p := range w.pieces {
		switch {
		case pi < c.piece:
			head.pieces = append(head.pieces, p)
		case pi == c.piece:
			head.pieces = append(head.pieces, piece{p.text[:c.off], p.face, 0})
			if c.off < len(p.text) {
				tail.pieces = append(tail.pieces, piece{p.text[c.off:], p.face, 0})
			}
		default:
			tail.pieces = append(tail.pieces, p)
		}
	}
	for _, part := range []*word{&head, &tail} {
		for i := range part.pieces {
			part.pieces[i].w = e.width(part.pieces[i].text, part.pieces[i].face, size)
			part.w += part.pieces[i].w
		}
	}
	tail.space = w.space
	return head, tail
}

// cutAtMark cuts w after the last "/" or "-" that lets the head fit in avail.
func (e *engine) cutAtMark(w word, avail, size float64) (head, tail word, ok bool) {
	if avail <= 0 {
		return head, tail, false
	}
	h, t := e.cutWord(w, avail, size)
	if len(t.pieces) == 0 || h.w > avail+1e-6 {
		return head, tail, false
	}
	last := h.pieces[len(h.pieces)-1].text
	if !strings.HasSuffix(last, "/") && !strings.HasSuffix(last, "-") {
		return head, tail, false
	}
	return h, t, true
}

// balancedLines breaks like breakLines but into lines of even length: the
// narrowest width that needs no more lines than the full width does. Used
// for centred headings and titles, so that no word is left alone on the
// last line.
func (e *engine) balancedLines(ws []word, width, size float64) []textLine {
	try := func(w float64) []textLine {
		c := append([]word(nil), ws...)
		return e.breakLines(c, w, w, size)
	}
	lines := try(width)
	n := len(lines)
	if n < 2 {
		return lines
	}
	lo, hi := width/float64(n)*0.9, width
	for k := 0; k < 14 && hi-lo > 0.2; k++ {
		mid := (lo + hi) / 2
		if len(try(mid)) <= n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return try(hi)
}

// lineOps draws a broken line with its left end at x and baseline y in a box
// of width avail. align is 'L', 'C', 'R' or 'J' (justify unless last).
func lineOps(l textLine, x, y, avail float64, align byte, size float64) []op {
	extra := 0.0
	switch align {
	case 'C':
		x += (avail - l.natural) / 2
	case 'R':
		x += avail - l.natural
	case 'J':
		if !l.last && len(l.words) > 1 {
			extra = (avail - l.natural) / float64(len(l.words)-1)
			if extra < 0 {
				extra = 0
			}
		}
	}
	var ops []op
	ws := l.words
	for i := 0; i < len(ws); {
		w := ws[i]
		if len(w.pieces) != 1 {
			for _, p := range w.pieces {
				ops = append(ops, op{kind: opText, x: x, y: y, w: p.w, text: p.text, face: p.face, size: size})
				x += p.w
			}
			x += w.space + extra
			i++
			continue
		}
		// A group of single-face words in the same face: one text run.
		f := w.pieces[0].face
		j := i + 1
		for j < len(ws) && len(ws[j].pieces) == 1 && ws[j].pieces[0].face == f {
			j++
		}
		var b strings.Builder
		gw := 0.0
		for k := i; k < j; k++ {
			if k > i {
				b.WriteByte(' ')
				gw += ws[k-1].space + extra
			}
			b.WriteString(ws[k].pieces[0].text)
			gw += ws[k].w
		}
		ops = append(ops, op{kind: opText, x: x, y: y, w: gw, text: b.String(), face: f, size: size,
			just: extra > 0 && j-i > 1})
		x += gw + ws[j-1].space + extra
		i = j
	}
	return ops
}
