package pdf

import (
	"cmp"
	"io"
	"strings"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
)

// Sizes (pt) of the Decree 30 components, each inside the decree's range
// (decree30-layout.md): the body is 14 pt, so the 13–14 pt components are set
// at 14 and the 12–13 pt ones at 13. The Quốc hiệu is 13 pt when it fits its
// column, otherwise 12.
const (
	szQuocHieu  = 13.0 // ô 1, 12–13, bold
	szTieuNgu   = 14.0 // ô 1, 13–14, bold
	szAgency    = 13.0 // ô 2, 12–13 (chủ quản upright, ban hành bold)
	szNumber    = 13.0 // ô 3, 13
	szPlaceDate = 14.0 // ô 4, 13–14, italic
	szKind      = 14.0 // ô 5a, 13–14, bold
	szVv        = 13.0 // ô 5b, 12–13
	szBody      = 14.0 // ô 6
	szSigner    = 14.0 // ô 7a/7b, 13–14, bold
	szNoiNhan   = 12.0 // ô 9b label, bold italic
	szNoiNhanLn = 11.0 // ô 9b lines
	szPageNo    = 13.0 // page numbers, 13–14
	szUrgency   = 13.0 // ô 10b, 13–14, bold
	szDraft     = 13.0 // the DỰ THẢO mark, bold
	szDraftNote = 9.0  // its revision and time, italic

	ruleW      = 0.25  // rules under the agency, the Tiêu ngữ and the trích yếu (mm)
	descent    = 0.221 // deepest descender of the serif faces (g, ỵ), em
	ruleGap    = 1.2   // clear space between the descenders and a rule (mm)
	signSpace  = 27.5  // between ô 7a and ô 7b: signature and seal (25–30 mm)
	indentBody = 12.7  // first-line indent, 1.27 cm
	paraGapPt  = 6.0   // between paragraphs
	quocHieu   = decree.QuocHieu
	tieuNgu    = decree.TieuNgu
	endMark    = decree.EndMark
)

// ruleDrop is the distance from a baseline of size pt to the middle of the
// rule under it: below the deepest descender, with ruleGap clear.
func ruleDrop(size float64) float64 { return descent*size*ptMM + ruleGap + ruleW/2 }

// shortRule is the length of the rule under an agency name or a trích yếu
// whose longest line is line mm: Decree 30 asks for 1/3 to 1/2 of the line;
// within that, at least floor mm when the line allows it, else 5/12.
func shortRule(line, floor float64) float64 {
	return min(max(line*5/12, floor, line/3), line/2)
}

// Document writes r as an administrative document laid out per Decree 30/2020
// Phụ lục I: the two-column header, số and place/date on one baseline, tên
// loại and trích yếu (or "V/v …" for a công văn), Kính gửi, the justified body
// and the footer block with Nơi nhận and the signature, kept whole. Page
// numbers are centred in the top margin from page 2 on. What each line says
// comes from decree.Of, the header every output draws. The end mark "./." is
// printed as the clerk typed it (the preview and the HTML show the same
// body); a body without it gets a warning. A draft or a document awaiting
// review carries the DỰ THẢO mark on every page.
func Document(w io.Writer, r *model.Record, opt Options) (Result, error) {
	opt, warns := opt.settle()
	e := newEngine(opt, false)
	e.warnings = append(e.warnings, warns...)
	h := decree.Of(r, opt.headerOptions())
	d := doc.Parse(r.Body)
	l := &docLayout{e: e, r: r, h: h, opt: opt, d: d}
	l.lay()
	return e.render(w, meta{
		title:    h.Title,
		author:   cmp.Or(strings.Join(h.Agency, " "), strings.TrimSpace(oneLine(opt.Agency))),
		subject:  r.Summary,
		keywords: strings.Join(nonEmpty(r.Kind.Label(), h.NumberSign, r.Category), ", "),
		date:     r.Updated,
	})
}

type docLayout struct {
	e   *engine
	r   *model.Record
	h   decree.Header
	opt Options
	d   doc.Document

	left, right, top, bottom float64 // margins turned into page coordinates
	w                        float64 // text width
	lw, rw                   float64 // header columns
	y                        float64 // bottom of what is drawn on page 1 so far
	p1                       *page
}

func (l *docLayout) lay() {
	e, o := l.e, l.opt
	l.left, l.right = o.MarginLeft, e.pageW-o.MarginRight
	l.top, l.bottom = o.MarginTop, e.pageH-o.MarginBottom
	l.w = l.right - l.left
	l.p1 = e.newPage()

	l.header()
	if l.h.KindName != "" {
		l.kindBlock()
	}
	fl := e.continueOn(l.top, l.bottom, l.y)
	st := bodyStyle{x: l.left, w: l.w, size: szBody, spacing: o.LineSpacing, indent: indentBody,
		gap: paraGapPt * ptMM, align: 'J', decree: true, tableSize: 13, captionSize: 12,
		maxImageH: (l.bottom - l.top) * 0.6, head1: szBody, head2: szBody}
	units := l.address(st)
	if len(units) > 0 {
		units[0].before = 6
	}
	bu := e.body(l.r, l.d, st, "")
	if len(bu) > 0 {
		bu[0].before = 4
		if len(units) == 0 {
			bu[0].before = 6
		}
	}
	units = append(units, bu...)
	if !decree.EndsWithEndMark(l.d) {
		e.warn("Nội dung chưa có dấu kết thúc «%s» sau câu cuối", endMark)
	}
	if f, ok := l.footer(); ok {
		f.before = 6
		if len(units) > 0 {
			units[len(units)-1].keep = true // the signature page carries some text
		}
		units = append(units, f)
	}
	fl.place(units)
	l.pageNumbers()
	e.draftMarks(l.h, l.left, l.right, l.top)
}

// centred draws single-line text centred on cx at baseline y, returning its width.
func (l *docLayout) centred(s string, f face, size, cx, y float64) float64 {
	if s == "" {
		return 0
	}
	s = l.e.clean(s)
	w := l.e.width(s, f, size)
	l.p1.ops = append(l.p1.ops, op{kind: opText, x: cx - w/2, y: y, w: w, text: s, face: f, size: size})
	return w
}

// wrapCentred breaks each of lines to width and draws them centred on cx,
// the first baseline at y, stepping step; it returns the last baseline and
// the widest line.
func (l *docLayout) wrapCentred(lines []string, f face, size, cx, width, y, step float64) (last, widest float64) {
	last = y - step
	for _, para := range lines {
		sp := l.e.plain(para, f)
		if len(sp) == 0 {
			continue
		}
		for _, ln := range l.e.balancedLines(l.e.words(sp, size), width, size) {
			last += step
			l.p1.ops = append(l.p1.ops, lineOps(ln, cx-width/2, last, width, 'C', size)...)
			widest = max(widest, ln.natural)
		}
	}
	return last, widest
}

// headerColumns are the widths of the header's left and right columns for
// a text width w, and the size of the Quốc hiệu: the right column holds
// the Quốc hiệu on one line.
func (e *engine) headerColumns(w float64) (lw, rw, qhSize float64) {
	qhSize = szQuocHieu
	qh := e.width(quocHieu, bold, qhSize)
	rw = min(max(qh+4, w*0.5), w*0.62)
	if qh > rw-1 {
		qhSize = 12
	}
	return w - rw, rw, qhSize
}

// headerStep is the distance between the lines of the header's columns.
const headerStep = single * 13.5 * ptMM

// header draws ô 1–4 (and 5b, 10b): the two columns with their rules, the
// number and the place/date line on one baseline.
func (l *docLayout) header() {
	e, h := l.e, l.h
	var qhSize float64
	l.lw, l.rw, qhSize = e.headerColumns(l.w)
	lcx := l.left + l.lw/2
	rcx := l.right - l.rw/2
	step := headerStep
	y1 := l.top + ascent*szTieuNgu*ptMM

	// Right column: Quốc hiệu, Tiêu ngữ and the rule as long as it.
	l.centred(h.QuocHieu, bold, qhSize, rcx, y1)
	tw := l.centred(h.TieuNgu, bold, szTieuNgu, rcx, y1+step)
	ry := y1 + step + ruleDrop(szTieuNgu)
	l.p1.ops = append(l.p1.ops, lineOp(rcx-tw/2, ry, rcx+tw/2, ry, ruleW))

	// Left column: cơ quan chủ quản (upright), cơ quan ban hành (bold), rule.
	colW := l.lw - 2
	y := y1
	if len(h.AgencyParent) > 0 {
		last, _ := l.wrapCentred(h.AgencyParent, regular, szAgency, lcx, colW, y, step)
		y = last + step
	}
	ly := y - step
	if len(h.Agency) > 0 {
		last, widest := l.wrapCentred(h.Agency, bold, szAgency, lcx, colW, y, step)
		ly = last + ruleDrop(szAgency)
		rw := shortRule(widest, 20)
		l.p1.ops = append(l.p1.ops, lineOp(lcx-rw/2, ly, lcx+rw/2, ly, ruleW))
	}

	// Row of ô 3 and ô 4.
	y3 := max(ly, ry) + 7.5
	l.centred(h.NumberLine, regular, szNumber, lcx, y3)
	pd := e.clean(h.PlaceDate)
	size := szPlaceDate
	for size > 12 && e.width(pd, italic, size) > l.rw {
		size -= 0.5
	}
	pw := e.width(pd, italic, size)
	px := min(rcx-pw/2, l.right-pw)
	l.p1.ops = append(l.p1.ops, op{kind: opText, x: px, y: y3, w: pw, text: pd, face: italic, size: size})
	l.y = y3 + 2

	// ô 5b: a công văn's trích yếu, 6 pt under the number.
	if h.SummaryUnderNumber {
		vstep := single * szVv * ptMM
		last, _ := l.wrapCentred(h.Summary, regular, szVv, lcx, colW, y3+6*ptMM+vstep, vstep)
		l.y = max(l.y, last+2)
	}
	// ô 10b: the urgency stamp under them, in its box of the decree's size.
	if u := e.clean(h.Urgency); u != "" {
		size := szUrgency
		tw := e.width(u, bold, size)
		bw := h.UrgencyWidth
		if bw == 0 {
			bw = max(20, tw+6)
		}
		for size > 10 && tw > bw-3 {
			size -= 0.5
			tw = e.width(u, bold, size)
		}
		top := l.y + 3
		l.p1.ops = append(l.p1.ops,
			op{kind: opRect, x: lcx - bw/2, y: top, w: bw, h: 8, lw: 0.4, red: true},
			op{kind: opText, x: lcx - tw/2, y: top + 4 + 0.33*size*ptMM, w: tw, text: u, face: bold, size: size, red: true})
		l.y = top + 8
	}
}

// kindBlock draws ô 5a: tên loại, trích yếu and the rule under them.
func (l *docLayout) kindBlock() {
	h := l.h
	cx := l.left + l.w/2
	step := single * szKind * ptMM
	y := l.y + 9 + ascent*szKind*ptMM
	kw := l.centred(h.KindName, bold, szKind, cx, y)
	widest := kw
	if len(h.Summary) > 0 {
		last, wd := l.wrapCentred(h.Summary, bold, szKind, cx, l.w-20, y+step, step)
		y, widest = last, wd
	}
	rw := shortRule(widest, 20)
	ry := y + ruleDrop(szKind)
	l.p1.ops = append(l.p1.ops, lineOp(cx-rw/2, ry, cx+rw/2, ry, ruleW))
	l.y = ry + 1
}

// address lays out ô 9a: "Kính gửi:" with its addressees, or a công điện's
// "… điện:" line and its recipients.
func (l *docLayout) address(st bodyStyle) []unit {
	h := l.h
	if h.Addressing == decree.Dispatch {
		return l.dispatchAddress(st)
	}
	if len(h.ToLines) == 0 {
		return nil
	}
	e := l.e
	lh := lineHeight(szBody, st.spacing)
	lab := h.AddressLabel + " "
	labW := e.width(lab, regular, szBody)
	if len(h.ToLines) == 1 {
		sp := e.plain(lab+h.ToLines[0], regular)
		ws := e.words(sp, szBody)
		nat := 0.0
		for i, w := range ws {
			nat += w.w
			if i < len(ws)-1 {
				nat += w.space
			}
		}
		if nat <= st.w {
			return e.para(sp, st.x, st.w, 0, lh, szBody, 'C', 0)
		}
		// Too long for one centred line: the name wraps under itself.
		return e.para(sp, st.x+labW, st.w-labW, -labW, lh, szBody, 'L', 0)
	}
	widest := 0.0
	for _, s := range h.ToLines {
		widest = max(widest, e.width(e.clean(s), regular, szBody))
	}
	// The block (label and the longest line) is centred, but starts no
	// further right than the middle of the page.
	x := st.x + addressIndent(labW, widest, st.w)
	dash := e.width("- ", regular, szBody)
	var us []unit
	for i, s := range h.ToLines {
		ps := e.para(e.plain(s, regular), x+labW+dash, st.x+st.w-x-labW-dash, -dash, lh, szBody, 'L', 0)
		if i == 0 {
			lu := textOp(x, (lh-single*szBody*ptMM)/2+ascent*szBody*ptMM, e.clean(h.AddressLabel), regular, szBody)
			lu.w = labW
			ps[0].ops = append(ps[0].ops, lu)
		}
		us = append(us, keepAll(ps)...)
	}
	us[len(us)-1].keep = false
	return us
}

// dispatchAddress lays out the addressing of a công điện: the "… điện:"
// line centred bold (the body's own first line when the clerk typed it),
// then the recipients one per justified line.
func (l *docLayout) dispatchAddress(st bodyStyle) []unit {
	e, h := l.e, l.h
	lh := lineHeight(szBody, st.spacing)
	var us []unit
	if h.AddressLabel != "" {
		us = keepAll(e.para(e.plain(h.AddressLabel, bold), st.x, st.w, 0, lh, szBody, 'C', 0))
	}
	for _, s := range h.ToLines {
		us = append(us, e.para(e.plain(s, regular), st.x, st.w, st.indent, lh, szBody, 'J', 0)...)
	}
	if len(us) > 0 {
		us[len(us)-1].keep = false
	}
	return us
}

// footer lays out the footer block, kept whole: Nơi nhận on the left
// (12 pt bold italic label, 11 pt lines), the signing authority and position
// (upper case, bold), room for signature and seal, and the signer's name on
// the right.
func (l *docLayout) footer() (unit, bool) {
	e, h := l.e, l.h
	if !h.HasFooter() {
		return unit{}, false
	}
	colL := l.w * 0.5
	colR := l.w - colL
	rx := l.left + colL
	var ops []op
	b0 := ascent * szSigner * ptMM
	// Right column.
	step := single * szSigner * ptMM
	y := b0 - step
	for _, a := range h.Signer {
		for _, ln := range e.breakLines(e.words(e.plain(a, bold), szSigner), colR, colR, szSigner) {
			y += step
			ops = append(ops, lineOps(ln, rx, y, colR, 'C', szSigner)...)
		}
	}
	if h.SignerName != "" || len(h.Signer) > 0 {
		y += signSpace
		if h.SignerName != "" {
			for _, ln := range e.breakLines(e.words(e.plain(h.SignerName, bold), szSigner), colR, colR, szSigner) {
				y += step
				ops = append(ops, lineOps(ln, rx, y, colR, 'C', szSigner)...)
			}
		}
	}
	rightBottom := y
	// Left column.
	ly := b0
	if len(h.Recipients) > 0 {
		ops = append(ops, textOp(l.left, ly, decree.NoiNhanLabel, boldItalic, szNoiNhan))
		nstep := single * szNoiNhanLn * ptMM
		ly += single*szNoiNhan*ptMM*0.9 - nstep
		dash := e.width("- ", regular, szNoiNhanLn)
		avail := colL - 3
		for _, s := range h.Recipients {
			for k, ln := range e.breakLines(e.words(e.plain(s, regular), szNoiNhanLn), avail, avail-dash, szNoiNhanLn) {
				ly += nstep
				x := l.left
				if k > 0 {
					x += dash
				}
				ops = append(ops, lineOps(ln, x, ly, avail, 'L', szNoiNhanLn)...)
			}
		}
	}
	if len(ops) == 0 {
		return unit{}, false
	}
	return unit{h: max(rightBottom, ly) + 2, ops: ops}, true
}

// pageNumbers puts the page number centred in the top margin of every page
// but the first.
func (l *docLayout) pageNumbers() {
	l.e.numberPages(l.left, l.w, l.top)
}

// draftMarks puts the DỰ THẢO mark in the top margin of every page, flush
// with the right margin: the label bold in a box, the revision and time in
// small italics under it. Approved and published documents have none.
func (e *engine) draftMarks(h decree.Header, left, right, top float64) {
	if h.Draft == nil {
		return
	}
	label := e.clean(h.Draft.Label)
	note := e.clean(h.Draft.Note)
	lw := e.width(label, bold, szDraft)
	bw, bh := lw+5, 6.5
	boxTop := max(top-bh-6.5, 2)
	nw := e.width(note, italic, szDraftNote)
	for _, p := range e.pages {
		p.ops = append(p.ops,
			op{kind: opRect, x: right - bw, y: boxTop, w: bw, h: bh, lw: 0.5},
			op{kind: opText, x: right - bw + 2.5, y: boxTop + bh/2 + 0.33*szDraft*ptMM, w: lw, text: label, face: bold, size: szDraft})
		if note != "" {
			p.ops = append(p.ops, op{kind: opText, x: right - nw, y: boxTop + bh + 3.3, w: nw, text: note, face: italic, size: szDraftNote})
		}
	}
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }), " ")
}
