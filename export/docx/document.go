package docx

import (
	"fmt"
	"strings"

	"bientap/export/pdf"
	"bientap/model/decree"
	"bientap/model/doc"
)

// Distances of the Decree-30 page, from the PDF's layout (export/pdf).
var (
	headerStepPt = pdf.HeaderStep / ptMM // between the header's lines
	indentMM     = pdf.IndentBody
	paraGapPt    = pdf.ParagraphGap
)

// lineBelow is how far a line of size pt set at single spacing reaches
// below its baseline (descent and line gap), in mm.
func lineBelow(size float64) float64 { return (pdf.Single - pdf.Ascent) * size * ptMM }

// above is the ascent of size pt in mm.
func above(size float64) float64 { return pdf.Ascent * size * ptMM }

// exactBelow is how far an exact line of height lh mm for size pt reaches
// below its baseline: the text is centred in the line as the PDF sets it.
func exactBelow(lh, size float64) float64 {
	return lh - ((lh-pdf.Single*size*ptMM)/2 + above(size))
}

// document is document.xml of an administrative document.
func (d *docWriter) document() string {
	r, g := d.r, d.g
	d.h = decree.Of(r, d.o.Header)
	h := d.h
	var b strings.Builder
	b.WriteString(d.headerTable())
	if h.KindName != "" {
		b.WriteString(d.kindBlock())
	}
	addr := d.address()
	b.WriteString(addr)
	body := d.docBody(doc.Parse(r.Body), addr != "")
	b.WriteString(body)
	if h.HasFooter() {
		if strings.HasSuffix(body, "</w:tbl>\n") {
			b.WriteString(tinyParagraph) // two tables side by side would merge in Word
		}
		b.WriteString(d.footerTable())
	}
	if strings.HasSuffix(b.String(), "</w:tbl>\n") {
		b.WriteString(tinyParagraph) // Word keeps a paragraph after the last table
	}
	// Page numbers from page 2, centred in the top margin.
	page := para(stSoTrang)
	page.tabs = []tab{{"center", tw(g.TextWidth / 2)}, {"right", tw(g.TextWidth)}}
	page.align = "left"
	num := rPr{}
	var def, first string
	if h.Draft != nil {
		def = paragraph(page, run("\t", num), field("PAGE", "2", num), run("\t", num), run(h.Draft.Label, rPr{bold: true, border: true})) +
			d.draftNote()
		first = paragraph(para(stDuThao), run(h.Draft.Label, rPr{border: true})) + d.draftNote()
	} else {
		def = paragraph(page, run("\t", num), field("PAGE", "2", num))
		first = paragraph(para(stSoTrang))
	}
	defID := d.addHeader(def)
	firstID := d.addHeader(first)
	// The page number's baseline is where the PDF's is.
	hdr := g.MarginTop/2 + 0.35*pdf.SizePageNumber*ptMM - above(pdf.SizePageNumber)
	sect := fmt.Sprintf(`<w:sectPr><w:headerReference w:type="default" r:id="%s"/><w:headerReference w:type="first" r:id="%s"/>`+
		`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`+
		`<w:titlePg/></w:sectPr>`,
		defID, firstID, tw(g.MarginTop), tw(g.MarginRight), tw(g.MarginBottom), tw(g.MarginLeft), tw(hdr), tw(g.MarginBottom/2))
	return documentXML(b.String(), sect)
}

// tinyParagraph is an empty paragraph one point high, between two tables
// and after the last one.
var tinyParagraph = paragraph(func() pPr {
	p := para("")
	p.before, p.after, p.line, p.lineRule, p.markSize = 0, 0, 20, "exact", 1
	return p
}())

// spacer is an empty paragraph h twips high.
func spacer(h int) string {
	p := para("")
	p.before, p.after, p.line, p.lineRule, p.markSize = 0, 0, max(h, 20), "exact", 1
	return paragraph(p)
}

// draftNote is the draft's revision and time under its mark.
func (d *docWriter) draftNote() string {
	if d.h.Draft.Note == "" {
		return ""
	}
	p := para(stDuThao)
	p.before = tw(0.8)
	return paragraph(p, run(d.h.Draft.Note, rPr{upright: true, italic: true, size: 9}))
}

// cellXML is a table cell of width mm holding paragraphs.
func cellXML(width float64, content string) string {
	if content == "" {
		content = paragraph(para(""))
	}
	return fmt.Sprintf(`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>`, tw(width), content)
}

// tableXML is a borderless layout table of the given column widths (mm)
// whose rows do not split across pages.
func tableXML(widths []float64, rows ...[]string) string {
	var b strings.Builder
	total := 0
	for _, w := range widths {
		total += tw(w)
	}
	fmt.Fprintf(&b, `<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>`+
		`<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`,
		tblKhongVien, total)
	for _, w := range widths {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, tw(w))
	}
	b.WriteString("</w:tblGrid>")
	for _, row := range rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for j, c := range row {
			b.WriteString(cellXML(widths[j], c))
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>\n")
	return b.String()
}

// rule is an empty paragraph whose top border is a rule of length mm,
// centred in a column of width col mm, drop mm under the baseline of the
// line above, which reaches below mm under that baseline.
func rule(length, col, drop, below float64) string {
	p := para(stDuongKe)
	side := max(0, (col-length)/2)
	p.left, p.right = tw(side), tw(side)
	p.before = max(0, tw(drop-below))
	p.border = border([]string{"top"}, 4, 0)
	return paragraph(p)
}

// centredLines are paragraphs of style st, one per string, each broken
// into lines (soft line breaks) where the PDF breaks it: centred lines are
// balanced there, which Word and LibreOffice do not do by themselves.
func (d *docWriter) centredLines(st string, ss []string, bold bool, size, width float64) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(paragraph(para(st), run(strings.Join(d.g.CentredLines(s, bold, size, width), "\n"), rPr{})))
	}
	return b.String()
}

// headerTable is ô 1–4 (and 5b, 10b): the two columns with their rules,
// the number and the place/date line on one baseline.
func (d *docWriter) headerTable() string {
	g, h := d.g, d.h
	step := pdf.HeaderStep
	// Exact header lines: the baseline sits where the PDF's does.
	below := exactBelow(step, 13)
	var left strings.Builder
	col := g.HeaderLeft - 2
	left.WriteString(d.centredLines(stChuQuan, h.AgencyParent, false, pdf.SizeAgency, col))
	left.WriteString(d.centredLines(stBanHanh, h.Agency, true, pdf.SizeAgency, col))
	if len(h.Agency) > 0 {
		widest := g.Widest(h.Agency, true, pdf.SizeAgency, g.HeaderLeft-2)
		left.WriteString(rule(pdf.ShortRule(widest), g.HeaderLeft, pdf.RuleDrop(pdf.SizeAgency), below))
	}
	var right strings.Builder
	qh := rPr{}
	if g.QuocHieuSize != pdf.SizeQuocHieu {
		qh.size = g.QuocHieuSize
	}
	right.WriteString(paragraph(para(stQuocHieu), run(h.QuocHieu, qh)))
	right.WriteString(paragraph(para(stTieuNgu), run(h.TieuNgu, rPr{})))
	tnW := g.Width(h.TieuNgu, true, false, pdf.SizeTieuNgu)
	right.WriteString(rule(tnW, g.HeaderRight, pdf.RuleDrop(pdf.SizeTieuNgu), exactBelow(step, pdf.SizeTieuNgu)))

	// Row 2: Số and the date on one baseline, 7.5 mm under the lower rule.
	const numberGap = 7.5
	ruleH := 1 * ptMM
	num := para(stSoKyHieu)
	num.before = tw(numberGap - ruleH - above(pdf.SizeNumber))
	var n strings.Builder
	n.WriteString(paragraph(num, run(h.NumberLine, rPr{})))
	lastBelow := lineBelow(pdf.SizeNumber)
	if h.SummaryUnderNumber {
		for i, s := range h.Summary {
			p := para(stTrichYeuCV)
			if i == 0 {
				p.before = tw(6 * ptMM)
			}
			n.WriteString(paragraph(p, run(strings.Join(g.CentredLines(s, false, pdf.SizeVv, col), "\n"), rPr{})))
		}
		lastBelow = lineBelow(pdf.SizeVv)
	}
	if h.Urgency != "" {
		n.WriteString(d.urgency(lastBelow))
	}
	pd := para(stDiaDanh)
	pd.before = tw(numberGap - ruleH - above(pdf.SizePlaceDate))
	size := pdf.SizePlaceDate
	for size > 12 && g.Width(h.PlaceDate, false, true, size) > g.HeaderRight {
		size -= 0.5
	}
	pdr := rPr{}
	if size != pdf.SizePlaceDate {
		pdr.size = size
		pd.before = tw(numberGap - ruleH - above(size))
	}
	return tableXML([]float64{g.HeaderLeft, g.HeaderRight},
		[]string{left.String(), right.String()},
		[]string{n.String(), paragraph(pd, run(h.PlaceDate, pdr))})
}

// urgency is ô 10b: the mark in a red box of the decree's width (30, 40 or
// 20 mm, 8 mm high), 3 mm under the line above.
func (d *docWriter) urgency(lastBelow float64) string {
	g, h := d.g, d.h
	size := pdf.SizeUrgency
	bw := h.UrgencyWidth
	tw0 := g.Width(h.Urgency, true, false, size)
	if bw == 0 {
		bw = max(20, tw0+6)
	}
	for size > 10 && tw0 > bw-3 {
		size -= 0.5
		tw0 = g.Width(h.Urgency, true, false, size)
	}
	p := para(stDoKhan)
	side := max(0, (g.HeaderLeft-bw)/2)
	p.left, p.right = tw(side), tw(side)
	p.before = tw(max(0, 2+3-lastBelow))
	p.line, p.lineRule = tw(8), "exact"
	p.border = `<w:pBdr><w:top w:val="single" w:sz="8" w:space="0" w:color="C00000"/><w:left w:val="single" w:sz="8" w:space="0" w:color="C00000"/>` +
		`<w:bottom w:val="single" w:sz="8" w:space="0" w:color="C00000"/><w:right w:val="single" w:sz="8" w:space="0" w:color="C00000"/></w:pBdr>`
	rp := rPr{color: "C00000"}
	if size != pdf.SizeUrgency {
		rp.size = size
	}
	// The PDF centres the mark in its box; Word and LibreOffice put an
	// exact line's extra height above the text: raise it by half of that.
	rp.raise = (8 - pdf.Single*size*ptMM) / 2 / ptMM
	return paragraph(p, run(h.Urgency, rp))
}

// kindBlock is ô 5a: tên loại, trích yếu and the rule under them, 9 mm
// under the header.
func (d *docWriter) kindBlock() string {
	g, h := d.g, d.h
	var b strings.Builder
	p := para(stTenLoai)
	below := lineBelow(pdf.SizePlaceDate)
	switch {
	case h.Urgency != "":
		below = 0
	case h.SummaryUnderNumber:
		below = lineBelow(pdf.SizeVv)
	}
	p.before = tw(2 + 9 - below)
	if h.Urgency != "" {
		p.before = tw(9)
	}
	b.WriteString(paragraph(p, run(h.KindName, rPr{})))
	widest := g.Width(h.KindName, true, false, pdf.SizeKind)
	if len(h.Summary) > 0 {
		b.WriteString(d.centredLines(stTrichYeu, h.Summary, true, pdf.SizeKind, g.TextWidth-20))
		widest = g.Widest(h.Summary, true, pdf.SizeKind, g.TextWidth-20)
	}
	b.WriteString(rule(pdf.ShortRule(widest), g.TextWidth, pdf.RuleDrop(pdf.SizeKind), lineBelow(pdf.SizeKind)))
	return b.String()
}

// firstGap is the space before the first paragraph after the header
// block (afterRule) or after the addressees, whose line is set at the body's exact height, so that its baseline
// falls where the PDF's does: the PDF leaves 1 mm after the rule and gap mm
// before the line and centres the text in its line; LibreOffice and Word
// put an exact line's extra height above the text. (Calibrated against
// LibreOffice: TestLibreOfficeLaysOutAsPDF.)
func (d *docWriter) firstGap(gap float64, afterRule bool) int {
	lh := pdf.Single * pdf.SizeBody * ptMM * d.g.LineSpacing
	extra := lh - pdf.Single*pdf.SizeBody*ptMM
	if afterRule {
		const ruleHeight = 1 * ptMM // the rule paragraph's own line
		gap += 1 - ruleHeight
	}
	return tw(gap - extra/2)
}

// address is ô 9a: "Kính gửi:" and the addressees, or a công điện's
// "… điện:" line and its recipients.
func (d *docWriter) address() string {
	g, h := d.g, d.h
	if len(h.ToLines) == 0 && h.AddressLabel == "" {
		return ""
	}
	var b strings.Builder
	first := true
	gap := func(p *pPr) {
		if first {
			p.before = d.firstGap(6, true)
			first = false
		}
	}
	if h.Addressing == decree.Dispatch {
		if h.AddressLabel != "" {
			p := para(stGiuaDam)
			p.before = 0
			gap(&p)
			b.WriteString(paragraph(p, run(h.AddressLabel, rPr{})))
		}
		for _, s := range h.ToLines {
			p := para(stNoiDung)
			p.before = 0
			gap(&p)
			b.WriteString(paragraph(p, run(s, rPr{})))
		}
		return b.String()
	}
	if len(h.ToLines) == 1 {
		p := para(stKinhGui)
		p.align = "center"
		gap(&p)
		b.WriteString(paragraph(p, run(h.AddressLabel+" "+h.ToLines[0], rPr{})))
		return b.String()
	}
	// Several: the label, then the lines aligned after it with the dash
	// hanging, the block placed as the PDF places it.
	x := g.AddressIndent(h.AddressLabel, h.ToLines)
	labW := g.Width(h.AddressLabel+" ", false, false, pdf.SizeBody)
	dash := g.Width("- ", false, false, pdf.SizeBody)
	for i, s := range h.ToLines {
		p := para(stKinhGui)
		p.align = "left"
		p.left = tw(x + labW + dash)
		p.firstLine = -tw(dash)
		p.keepNext = i < len(h.ToLines)-1
		text := s
		if i == 0 {
			p.firstLine = -tw(labW + dash)
			p.tabs = []tab{{"left", tw(x + labW)}}
			text = h.AddressLabel + "\t" + s
		}
		gap(&p)
		b.WriteString(paragraph(p, run(text, rPr{})))
	}
	return b.String()
}

// docBody writes the body's blocks, paragraphs in their decree.Roles.
func (d *docWriter) docBody(dd doc.Document, afterAddress bool) string {
	roles := decree.Roles(d.r.Kind, dd)
	var b strings.Builder
	// The last paragraph is written last: it keeps with the signature block.
	var last *pPr
	var lastRuns []string
	flush := func() {
		if last != nil {
			b.WriteString(paragraph(*last, lastRuns...))
			last = nil
		}
	}
	first := true
	for i, bl := range dd.Blocks {
		var p pPr
		var runs []doc.Run
		switch bl.Kind {
		case doc.Heading:
			runs = boldRuns(bl.Runs)
			if bl.Level == 1 {
				p, runs = para(stDeMuc1), d.breakCentred(runs)
			} else {
				p = para(stDeMuc2)
			}
		case doc.Centered:
			p, runs = para(stDongGiua), d.breakCentred(bl.Runs)
		case doc.Image:
			// The PDF leaves two paragraph gaps above a picture.
			flush()
			b.WriteString(d.picture(bl, tw(2*paraGapPt*ptMM), d.g.TextWidth, (297-d.g.MarginTop-d.g.MarginBottom)*0.6))
			first = false
			continue
		case doc.Table:
			// The PDF leaves a gap and a half above a table: after the
			// paragraph before it, or in a spacer paragraph.
			gap := tw(1.5 * paraGapPt * ptMM)
			if last != nil {
				last.after = gap
			} else if !first {
				b.WriteString(spacer(gap))
			}
			flush()
			b.WriteString(d.table(bl))
			first = false
			continue
		default:
			st := roles[i]
			if st.Role == decree.DispatchHead {
				continue // written with the addressing
			}
			if strings.TrimSpace(doc.PlainText(bl.Runs)) == "" {
				continue
			}
			runs = st.Apply(bl.Runs)
			p = para(roleStyle(st.Role))
			if st.Role.Centred() {
				runs = d.breakCentred(runs)
			}
			// As in the PDF, an article's title, or an article on one
			// line, stays on the page of the text after it; a division
			// ("Chương I") has a gap more above it, its title none, the
			// operative line half a gap more.
			p.keepNext = st.Role == decree.ArticleTitle || st.Role == decree.Article && d.oneLine(runs)
			gap := paraGapPt * 20 // twips
			switch st.Role {
			case decree.Division:
				p.before = int(2 * gap)
			case decree.DivisionTitle:
				p.before = 0
			case decree.Order:
				p.before = int(1.5 * gap)
			}
		}
		if first {
			if afterAddress {
				p.before = d.firstGap(4, false)
			} else {
				p.before = d.firstGap(6, true)
			}
			first = false
		}
		flush()
		last, lastRuns = &p, docRuns(runs)
	}
	if last != nil && d.h.HasFooter() {
		last.keepNext = true
	}
	flush()
	return b.String()
}

// oneLine reports whether a justified body paragraph fits on one line
// after its first-line indent.
func (d *docWriter) oneLine(runs []doc.Run) bool {
	w := indentMM
	for _, r := range runs {
		w += d.g.Width(r.Text, r.Bold, r.Italic, pdf.SizeBody)
	}
	return w <= d.g.TextWidth
}

// roleStyle is the paragraph style of a role.
func roleStyle(r decree.Role) string {
	switch r {
	case decree.Basis:
		return stCanCu
	case decree.Article, decree.ArticleTitle:
		return stDieu
	case decree.Section, decree.ClauseTitle:
		return stMucDam
	}
	if r.Centred() {
		return stGiuaDam
	}
	return stNoiDung
}

// docRuns are the runs of a paragraph with their own bold and italic.
func docRuns(runs []doc.Run) []string {
	out := make([]string, 0, len(runs))
	for _, r := range runs {
		if r.Text == "" {
			continue
		}
		out = append(out, run(r.Text, rPr{bold: r.Bold, italic: r.Italic}))
	}
	return out
}

// footerTable is Nơi nhận on the left and the signature on the right, side
// by side in a borderless table kept whole with the body's last paragraph.
func (d *docWriter) footerTable() string {
	g, h := d.g, d.h
	half := g.TextWidth / 2
	var left, right strings.Builder
	if len(h.Recipients) > 0 {
		p := para(stNoiNhan)
		p.before = tw(6 - 1*ptMM)
		left.WriteString(paragraph(p, run(decree.NoiNhanLabel, rPr{})))
		dash := g.Width("- ", false, false, pdf.SizeNoiNhanLine)
		for _, s := range h.Recipients {
			p := para(stNoiNhanDong)
			p.left, p.firstLine = tw(dash), -tw(dash)
			left.WriteString(paragraph(p, run(s, rPr{})))
		}
	}
	for i, s := range h.Signer {
		p := para(stChucVu)
		if i < h.SignerAuthority {
			p = para(stQuyenHan)
		}
		if i == 0 {
			p.before = tw(6 - 1*ptMM)
		}
		right.WriteString(paragraph(p, run(s, rPr{})))
	}
	if h.SignerName != "" || len(h.Signer) > 0 {
		p := para(stNguoiKy)
		p.before = tw(pdf.SignSpace)
		if len(h.Signer) == 0 {
			p.before = tw(6 + pdf.SignSpace)
		}
		right.WriteString(paragraph(p, run(h.SignerName, rPr{})))
	}
	return tableXML([]float64{half, g.TextWidth - half}, []string{left.String(), right.String()})
}

// breakCentred puts soft line breaks into a centred body paragraph where
// the PDF breaks it (balanced lines).
func (d *docWriter) breakCentred(runs []doc.Run) []doc.Run {
	bold := len(runs) > 0
	for _, r := range runs {
		bold = bold && r.Bold
	}
	lines := d.g.CentredLines(doc.PlainText(runs), bold, pdf.SizeBody, d.g.TextWidth)
	return breakAt(runs, lines)
}

// breakAt replaces the spaces where lines end (each line's words joined by
// single spaces, as the text's words are) with line breaks.
func breakAt(runs []doc.Run, lines []string) []doc.Run {
	if len(lines) < 2 {
		return runs
	}
	var ends []int // word counts at which a line ends
	n := 0
	for _, l := range lines[:len(lines)-1] {
		n += len(strings.FieldsFunc(l, func(r rune) bool { return r == ' ' }))
		ends = append(ends, n)
	}
	out := make([]doc.Run, len(runs))
	words, inWord, k := 0, false, 0
	for i, r := range runs {
		b := []byte(r.Text)
		for j := 0; j < len(b); j++ {
			if b[j] != ' ' {
				inWord = true
				continue
			}
			if inWord {
				words++
				inWord = false
				if k < len(ends) && words == ends[k] {
					b[j] = '\n'
					k++
				}
			}
		}
		r.Text = string(b)
		out[i] = r
	}
	return out
}
