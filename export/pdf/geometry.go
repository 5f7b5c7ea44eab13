package pdf

import (
	"strings"

	"bientap/export/fonts"
	"bientap/model/doc"
)

// Geometry is the page of the Decree-30 layout for other outputs that must
// match the PDF (the Word export): the settled margins and spacing, the
// header's columns, and text measured with the PDF's own fonts.
type Geometry struct {
	MarginTop, MarginBottom, MarginLeft, MarginRight float64 // mm, inside the decree's ranges
	LineSpacing                                      float64 // body, multiple of single
	TextWidth                                        float64 // mm
	HeaderLeft, HeaderRight                          float64 // the header's columns, mm
	QuocHieuSize                                     float64 // pt: 13, or 12 when 13 does not fit
	Warnings                                         []string

	e *engine
}

// Sizes and distances of the Decree-30 layout (pt and mm), for outputs that
// draw the same page.
const (
	SizeQuocHieu, SizeTieuNgu, SizeAgency, SizeNumber = szQuocHieu, szTieuNgu, szAgency, szNumber
	SizePlaceDate, SizeKind, SizeVv, SizeBody         = szPlaceDate, szKind, szVv, szBody
	SizeSigner, SizeNoiNhan, SizeNoiNhanLine          = szSigner, szNoiNhan, szNoiNhanLn
	SizePageNumber, SizeUrgency, SizeTable            = szPageNo, szUrgency, 13.0
	SignSpace, IndentBody, ParagraphGap               = signSpace, indentBody, paraGapPt // mm, mm, pt
	RuleWidth                                         = ruleW                            // mm
	HeaderStep                                        = headerStep                       // mm between header lines
)

// DocumentGeometry is the geometry Document uses with opt.
func DocumentGeometry(opt Options) *Geometry {
	o, warns := opt.settle()
	e := newEngine(o, false)
	w := e.pageW - o.MarginLeft - o.MarginRight
	lw, rw, qh := e.headerColumns(w)
	return &Geometry{MarginTop: o.MarginTop, MarginBottom: o.MarginBottom, MarginLeft: o.MarginLeft,
		MarginRight: o.MarginRight, LineSpacing: o.LineSpacing, TextWidth: w, HeaderLeft: lw, HeaderRight: rw,
		QuocHieuSize: qh, Warnings: append(warns, e.warnings...), e: e}
}

// Width is the width of s in mm at size pt.
func (g *Geometry) Width(s string, bold, italic bool, size float64) float64 {
	return g.e.width(g.e.clean(s), fonts.Of(bold, italic), size)
}

// Widest is the width of the longest of lines once broken to width mm
// (centred lines are balanced, as the PDF sets them).
func (g *Geometry) Widest(lines []string, bold bool, size, width float64) float64 {
	f := fonts.Of(bold, false)
	widest := 0.0
	for _, s := range lines {
		sp := g.e.plain(s, f)
		if len(sp) == 0 {
			continue
		}
		for _, ln := range g.e.balancedLines(g.e.words(sp, size), width, size) {
			widest = max(widest, ln.natural)
		}
	}
	return widest
}

// ShortRule is the length of the rule under an agency name or a trích yếu
// whose longest line is line mm (1/3 to 1/2 of it, at least 20 mm when
// that fits).
func ShortRule(line float64) float64 { return shortRule(line, 20) }

// RuleDrop is the distance from a baseline of size pt to the rule under it.
func RuleDrop(size float64) float64 { return ruleDrop(size) }

// Ascent and Descent are the serif faces' ascender and deepest descender,
// and Single their single line height, in em.
const (
	Ascent  = ascent
	Descent = descent
	Single  = single
)

// AddressIndent is where the several-line "Kính gửi:" block starts, from
// the left margin (mm): centred on the longest line, no further right than
// 35 % of the width.
func (g *Geometry) AddressIndent(label string, lines []string) float64 {
	labW := g.Width(label+" ", false, false, szBody)
	widest := 0.0
	for _, s := range lines {
		widest = max(widest, g.Width(strings.TrimSpace(s), false, false, szBody))
	}
	return addressIndent(labW, widest, g.TextWidth)
}

// addressIndent places the "Kính gửi:" block of label width labW and longest
// line widest in a text width w: centred, no further right than 35 %.
func addressIndent(labW, widest, w float64) float64 {
	return min(max(0, (w-labW-widest)/2), w*0.35)
}

// CentredLines are s broken as the PDF breaks a centred line of size pt
// to width mm: balanced lines of even length, each returned as its text.
func (g *Geometry) CentredLines(s string, bold bool, size, width float64) []string {
	sp := g.e.plain(s, fonts.Of(bold, false))
	if len(sp) == 0 {
		return nil
	}
	var out []string
	for _, ln := range g.e.balancedLines(g.e.words(sp, size), width, size) {
		ws := make([]string, len(ln.words))
		for i, w := range ln.words {
			ws[i] = w.text()
		}
		out = append(out, strings.Join(ws, " "))
	}
	return out
}

// TableColumns are the widths (mm) the PDF gives the columns of a body
// table set at size pt in width mm: sized to their content, the header row
// bold.
func (g *Geometry) TableColumns(b doc.Block, width, size float64) []float64 {
	e := g.e
	ncol := 0
	rows := make([][][]span, len(b.Rows))
	for i, row := range b.Rows {
		ncol = max(ncol, len(row))
		rows[i] = make([][]span, len(row))
		for j, c := range row {
			sp := e.spans(c.Runs)
			if b.Header && i == 0 {
				sp = withFace(sp, bold)
			}
			rows[i][j] = sp
		}
	}
	if ncol == 0 {
		return nil
	}
	return e.columnWidths(rows, ncol, width, size)
}

// TablePadding is the space inside a body table's cells (mm), across and
// down.
const TablePaddingX, TablePaddingY = cellPadX, cellPadY
