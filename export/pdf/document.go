package pdf

import (
	"io"
	"strings"

	"bientap/model"
	"bientap/model/doc"
	"bientap/model/vntext"
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

	ruleW      = 0.25 // rules under the agency, the Tiêu ngữ and the trích yếu (mm)
	ruleDrop   = 1.7  // from a baseline to the rule under it (mm)
	signSpace  = 27.5 // between ô 7a and ô 7b: signature and seal (25–30 mm)
	indentBody = 12.7 // first-line indent, 1.27 cm
	paraGapPt  = 6.0  // between paragraphs
	quocHieu   = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	tieuNgu    = "Độc lập - Tự do - Hạnh phúc"
	endMark    = "./."
)

// Document writes r as an administrative document laid out per Decree 30/2020
// Phụ lục I: the two-column header, số and place/date on one baseline, tên
// loại and trích yếu (or "V/v …" for a công văn), Kính gửi, the justified body
// and the footer block with Nơi nhận and the signature, kept whole. Page
// numbers are centred in the top margin from page 2 on. The end mark "./." is
// printed as the clerk typed it (the preview and the HTML show the same
// body); a body without it gets a warning.
func Document(w io.Writer, r *model.Record, opt Options) (Result, error) {
	opt, warns := opt.settle()
	e := newEngine(opt, false)
	e.warnings = append(e.warnings, warns...)
	d := doc.Parse(r.Body)
	l := &docLayout{e: e, r: r, opt: opt, d: d}
	l.lay()
	return e.render(w, meta{
		title:    docTitle(r),
		author:   firstNonEmpty(oneLine(r.Agency), oneLine(opt.Agency)),
		subject:  r.Summary,
		keywords: strings.Join(nonEmpty(r.Kind.Label(), numberSign(r), r.Category), ", "),
		date:     r.Updated,
	})
}

// docTitle is the title of a document's PDF: its title, else tên loại,
// number and trích yếu.
func docTitle(r *model.Record) string {
	if t := strings.TrimSpace(r.Title); t != "" {
		return t
	}
	s := r.Kind.Label()
	if ns := numberSign(r); ns != "" {
		s += " số " + ns
	}
	if r.Summary != "" {
		s += " " + r.Summary
	}
	return s
}

type docLayout struct {
	e   *engine
	r   *model.Record
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
	kind := l.r.Kind
	if kind == model.KindCongVan {
		// công văn: V/v under the number, no tên loại
	} else {
		l.kindBlock()
	}
	fl := e.continueOn(l.top, l.bottom, l.y)
	st := bodyStyle{x: l.left, w: l.w, size: szBody, spacing: o.LineSpacing, indent: indentBody,
		gap: paraGapPt * ptMM, align: 'J', decree: true, tableSize: 13, captionSize: 12,
		maxImageH: (l.bottom - l.top) * 0.6, head1: szBody, head2: szBody}
	body := l.d
	var units []unit
	if kind == model.KindCongDien {
		units, body = l.congDienAddress(st, body)
	} else if len(l.r.To) > 0 {
		units = l.kinhGui(st)
	}
	if len(units) > 0 {
		units[0].before = 6
	}
	bu := e.body(l.r, body, st, "")
	if len(bu) > 0 {
		bu[0].before = 4
		if len(units) == 0 {
			bu[0].before = 6
		}
	}
	units = append(units, bu...)
	if !endsWithEndMark(l.d) {
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
}

// endsWithEndMark reports whether the last text block ends with "./.".
func endsWithEndMark(d doc.Document) bool {
	for i := len(d.Blocks) - 1; i >= 0; i-- {
		b := d.Blocks[i]
		if b.Kind == doc.Image || b.Kind == doc.Table {
			continue
		}
		return strings.HasSuffix(strings.TrimSpace(doc.PlainText(b.Runs)), endMark)
	}
	return false
}

// centred draws single-line text centred on cx at baseline y, returning its width.
func (l *docLayout) centred(s string, f face, size, cx, y float64) float64 {
	if s == "" {
		return 0
	}
	w := l.e.width(s, f, size)
	l.p1.ops = append(l.p1.ops, op{kind: opText, x: cx - w/2, y: y, w: w, text: s, face: f, size: size})
	return w
}

// wrapCentred breaks s (lines split at "\n") to width and draws each line
// centred on cx, the first baseline at y, stepping step; it returns the last
// baseline and the widest line.
func (l *docLayout) wrapCentred(s string, f face, size, cx, width, y, step float64) (last, widest float64) {
	last = y - step
	for _, para := range strings.Split(s, "\n") {
		sp := l.e.plain(para, f)
		if len(sp) == 0 {
			continue
		}
		lines := l.e.balancedLines(l.e.words(sp, size), width, size)
		for _, ln := range lines {
			last += step
			l.p1.ops = append(l.p1.ops, lineOps(ln, cx-width/2, last, width, 'C', size)...)
			widest = max(widest, ln.natural)
		}
	}
	return last, widest
}

// header draws ô 1–4 (and 5b, 10b): the two columns with their rules, the
// number and the place/date line on one baseline.
func (l *docLayout) header() {
	e, r := l.e, l.r
	// The right column holds the Quốc hiệu on one line.
	qhSize := szQuocHieu
	qh := e.width(quocHieu, bold, qhSize)
	l.rw = min(max(qh+4, l.w*0.5), l.w*0.62)
	if qh > l.rw-1 {
		qhSize = 12
		qh = e.width(quocHieu, bold, qhSize)
	}
	l.lw = l.w - l.rw
	lcx := l.left + l.lw/2
	rcx := l.right - l.rw/2
	step := single * 13.5 * ptMM // one header row
	y1 := l.top + ascent*szTieuNgu*ptMM

	// Right column: Quốc hiệu, Tiêu ngữ and the rule as long as it.
	l.centred(quocHieu, bold, qhSize, rcx, y1)
	tw := l.centred(tieuNgu, bold, szTieuNgu, rcx, y1+step)
	ry := y1 + step + ruleDrop
	l.p1.ops = append(l.p1.ops, lineOp(rcx-tw/2, ry, rcx+tw/2, ry, ruleW))

	// Left column: cơ quan chủ quản (upright), cơ quan ban hành (bold), rule.
	// The settings' agencies apply only to a record that names none: a
	// record that names its issuer but no parent (the UBND itself) has none.
	parent, agency := strings.TrimSpace(r.AgencyParent), strings.TrimSpace(r.Agency)
	if parent == "" && agency == "" {
		parent, agency = strings.TrimSpace(l.opt.AgencyParent), strings.TrimSpace(l.opt.Agency)
	}
	colW := l.lw - 2
	y := y1
	if parent != "" {
		last, _ := l.wrapCentred(strings.ToUpper(parent), regular, szAgency, lcx, colW, y, step)
		y = last + step
	}
	ly := y - step
	if agency != "" {
		last, widest := l.wrapCentred(strings.ToUpper(agency), bold, szAgency, lcx, colW, y, step)
		ly = last + ruleDrop
		rw := max(widest*5/12, min(widest, 20))
		l.p1.ops = append(l.p1.ops, lineOp(lcx-rw/2, ly, lcx+rw/2, ly, ruleW))
	}

	// Row of ô 3 and ô 4.
	y3 := max(ly, ry) + 7.5
	l.centred(l.numberLine(), regular, szNumber, lcx, y3)
	pd := l.placeDate()
	size := szPlaceDate
	for size > 12 && e.width(pd, italic, size) > l.rw {
		size -= 0.5
	}
	pw := e.width(pd, italic, size)
	px := min(rcx-pw/2, l.right-pw)
	l.p1.ops = append(l.p1.ops, op{kind: opText, x: px, y: y3, w: pw, text: pd, face: italic, size: size})
	l.y = y3 + 2

	// ô 5b: a công văn's trích yếu, 6 pt under the number.
	if r.Kind == model.KindCongVan && strings.TrimSpace(r.Summary) != "" {
		s := strings.TrimSpace(r.Summary)
		if !strings.HasPrefix(s, "V/v") {
			s = "V/v " + s
		}
		vstep := single * szVv * ptMM
		last, _ := l.wrapCentred(s, regular, szVv, lcx, colW, y3+6*ptMM+vstep, vstep)
		l.y = max(l.y, last+2)
	}
	// ô 10b: the urgency stamp under them.
	if u := strings.ToUpper(strings.TrimSpace(r.Urgency)); u != "" {
		bw := map[string]float64{"HỎA TỐC": 30, "THƯỢNG KHẨN": 40, "KHẨN": 20}[u]
		tw := e.width(u, bold, szUrgency)
		bw = max(bw, tw+6)
		top := l.y + 3
		l.p1.ops = append(l.p1.ops,
			op{kind: opRect, x: lcx - bw/2, y: top, w: bw, h: 8, lw: 0.4, red: true},
			op{kind: opText, x: lcx - tw/2, y: top + 4 + 0.33*szUrgency*ptMM, w: tw, text: u, face: bold, size: szUrgency, red: true})
		l.y = top + 8
	}
}

// numberLine is ô 3, "Số: 05/TB-UBND"; a number below 10 gets its leading
// zero, a document not yet numbered leaves room to write the number in.
func (l *docLayout) numberLine() string {
	n := padNumber(l.e.clean(l.r.Number))
	sign := strings.TrimSpace(l.e.clean(l.r.Sign))
	if n == "" {
		n = strings.Repeat("\u00a0", 8)
	}
	if sign == "" {
		return "Số: " + n
	}
	return "Số: " + n + "/" + strings.ToUpper(sign)
}

// padNumber gives a số below 10 its leading zero ("5" → "05").
func padNumber(n string) string {
	n = strings.TrimSpace(n)
	if len(n) == 1 && n[0] >= '1' && n[0] <= '9' {
		n = "0" + n
	}
	return n
}

// numberSign is the record's "05/TB-UBND" with the number padded.
func numberSign(r *model.Record) string {
	c := *r
	c.Number = padNumber(r.Number)
	return c.NumberSign()
}

// placeDate is ô 4; an undated draft leaves the day, month and year blank.
func (l *docLayout) placeDate() string {
	place := strings.TrimSpace(l.e.clean(l.r.Place))
	if !l.r.Date.IsZero() {
		return vntext.PlaceDate(place, l.r.Date)
	}
	blank := strings.Repeat("\u00a0", 5)
	s := "ngày" + blank + "tháng" + blank + "năm" + blank + "\u00a0"
	if place == "" {
		return "N" + strings.TrimPrefix(s, "n")
	}
	return place + ", " + s
}

// kindBlock draws ô 5a: tên loại, trích yếu and the rule under them.
func (l *docLayout) kindBlock() {
	e, r := l.e, l.r
	cx := l.left + l.w/2
	step := single * szKind * ptMM
	y := l.y + 9 + ascent*szKind*ptMM
	kw := l.centred(strings.ToUpper(e.clean(r.Kind.Label())), bold, szKind, cx, y)
	widest := kw
	if s := strings.TrimSpace(r.Summary); s != "" {
		last, wd := l.wrapCentred(s, bold, szKind, cx, l.w-20, y+step, step)
		y, widest = last, wd
	}
	rw := max(widest*5/12, min(widest, 30))
	ry := y + ruleDrop + 1
	l.p1.ops = append(l.p1.ops, lineOp(cx-rw/2, ry, cx+rw/2, ry, ruleW))
	l.y = ry + 1
}

// kinhGui lays out ô 9a: "Kính gửi:" with one recipient on the same line, or
// several, one per line ("- …;", the last ending "."), aligned after the label.
func (l *docLayout) kinhGui(st bodyStyle) []unit {
	return l.addressBlock("Kính gửi:", l.r.To, st)
}

func (l *docLayout) addressBlock(label string, to []string, st bodyStyle) []unit {
	e := l.e
	var names []string
	for _, t := range to {
		t = strings.TrimSpace(e.clean(t))
		t = strings.TrimSpace(strings.TrimLeft(t, "-–+•"))
		t = strings.TrimRight(t, ";,. ")
		if t != "" {
			names = append(names, t)
		}
	}
	if len(names) == 0 {
		return nil
	}
	lh := lineHeight(szBody, st.spacing)
	lab := label + " "
	labW := e.width(lab, regular, szBody)
	if len(names) == 1 {
		sp := e.plain(lab+names[0]+".", regular)
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
	lines := make([]string, len(names))
	widest := 0.0
	for i, n := range names {
		end := ";"
		if i == len(names)-1 {
			end = "."
		}
		lines[i] = "- " + n + end
		widest = max(widest, e.width(lines[i], regular, szBody))
	}
	// The block (label and the longest line) is centred, but starts no
	// further right than the middle of the page.
	bw := labW + widest
	x := max(st.x, st.x+(st.w-bw)/2)
	x = min(x, st.x+st.w*0.35)
	var us []unit
	for i, s := range lines {
		dash := e.width("- ", regular, szBody)
		ps := e.para(e.plain(s, regular), x+labW+dash, st.x+st.w-x-labW-dash, -dash, lh, szBody, 'L', 0)
		if i == 0 {
			lu := textOp(x, (lh-single*szBody*ptMM)/2+ascent*szBody*ptMM, label, regular, szBody)
			lu.w = labW
			ps[0].ops = append(ps[0].ops, lu)
		}
		for k := range ps {
			ps[k].keep = true
		}
		us = append(us, ps...)
	}
	us[len(us)-1].keep = false
	return us
}

// congDienAddress lays out the addressing of a công điện: the line "… điện:"
// (taken from the body's first line when the clerk typed it, otherwise made
// from the agency name), centred bold, then the recipients one per line.
func (l *docLayout) congDienAddress(st bodyStyle, body doc.Document) ([]unit, doc.Document) {
	e := l.e
	lh := lineHeight(szBody, st.spacing)
	var head []span
	if len(body.Blocks) > 0 && body.Blocks[0].Kind == doc.Paragraph {
		t := strings.TrimSpace(doc.PlainText(body.Blocks[0].Runs))
		if strings.HasSuffix(strings.ToLower(t), "điện:") {
			head = withFace(e.spans(body.Blocks[0].Runs), bold)
			body.Blocks = body.Blocks[1:]
		}
	}
	if head == nil && len(l.r.To) > 0 {
		ag := strings.ToUpper(oneLine(firstNonEmpty(l.r.Agency, l.opt.Agency)))
		if ag != "" {
			head = e.plain(ag+" điện:", bold)
		}
	}
	var us []unit
	if head != nil {
		us = keepAll(e.para(head, st.x, st.w, 0, lh, szBody, 'C', 0))
	}
	var names []string
	for _, t := range l.r.To {
		t = strings.TrimSpace(strings.TrimRight(strings.TrimLeft(strings.TrimSpace(e.clean(t)), "-–+• "), ";,. "))
		if t != "" {
			names = append(names, t)
		}
	}
	for i, n := range names {
		end := ";"
		if i == len(names)-1 {
			end = "."
		}
		ps := e.para(e.plain("- "+n+end, regular), st.x, st.w, st.indent, lh, szBody, 'J', 0)
		us = append(us, ps...)
	}
	if len(us) > 0 {
		us[len(us)-1].keep = false
	}
	return us, body
}

// footer lays out the footer block, kept whole: Nơi nhận on the left
// (12 pt bold italic label, 11 pt lines), the signing authority and position
// (upper case, bold), room for signature and seal, and the signer's name on
// the right.
func (l *docLayout) footer() (unit, bool) {
	e, r := l.e, l.r
	colL := l.w * 0.5
	colR := l.w - colL
	rx := l.left + colL
	var ops []op
	b0 := ascent * szSigner * ptMM
	// Right column.
	step := single * szSigner * ptMM
	y := b0 - step
	var auth []string
	for _, s := range []string{r.SignerAuthority, r.SignerPosition} {
		for _, ln := range strings.Split(s, "\n") {
			if ln = strings.TrimSpace(ln); ln != "" {
				auth = append(auth, strings.ToUpper(ln))
			}
		}
	}
	for _, a := range auth {
		for _, ln := range e.breakLines(e.words(e.plain(a, bold), szSigner), colR, colR, szSigner) {
			y += step
			ops = append(ops, lineOps(ln, rx, y, colR, 'C', szSigner)...)
		}
	}
	name := strings.TrimSpace(r.SignerName)
	if name != "" || len(auth) > 0 {
		y += signSpace
		if name != "" {
			for _, ln := range e.breakLines(e.words(e.plain(name, bold), szSigner), colR, colR, szSigner) {
				y += step
				ops = append(ops, lineOps(ln, rx, y, colR, 'C', szSigner)...)
			}
		}
	}
	rightBottom := y
	// Left column.
	ly := b0
	if len(r.Recipients) > 0 {
		ops = append(ops, textOp(l.left, ly, "Nơi nhận:", boldItalic, szNoiNhan))
		nstep := single * szNoiNhanLn * ptMM
		ly += single*szNoiNhan*ptMM*0.9 - nstep
		dash := e.width("- ", regular, szNoiNhanLn)
		for _, s := range r.Recipients {
			s = strings.TrimSpace(e.clean(s))
			if s == "" {
				continue
			}
			if !strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "+") {
				s = "- " + s
			}
			avail := colL - 3
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
	h := max(rightBottom, ly) + 2
	return unit{h: h, ops: ops}, true
}

// pageNumbers puts the page number centred in the top margin of every page
// but the first.
func (l *docLayout) pageNumbers() {
	e := l.e
	for i, p := range e.pages {
		if i == 0 {
			continue
		}
		s := itoa(i + 1)
		w := e.width(s, regular, szPageNo)
		y := l.top/2 + 0.35*szPageNo*ptMM
		p.ops = append(p.ops, op{kind: opText, x: l.left + l.w/2 - w/2, y: y, w: w, text: s, size: szPageNo})
	}
}

// firstNonEmpty returns the first argument that is not blank.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }), " ")
}
