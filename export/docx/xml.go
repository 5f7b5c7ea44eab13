package docx

import (
	"encoding/xml"
	"fmt"
	"math"
	"strings"
)

// Units of WordprocessingML.
const (
	twipsPerMM = 1440 / 25.4 // twentieths of a point
	emuPerMM   = 36000.0     // drawing units
	ptMM       = 25.4 / 72   // a point in mm
	hpt        = 2.0         // half-points per point (font sizes)
	nsW        = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	xmlHead    = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// tw converts mm to twips.
func tw(mm float64) int { return int(math.Round(mm * twipsPerMM)) }

// emu converts mm to EMU.
func emu(mm float64) int64 { return int64(math.Round(mm * emuPerMM)) }

// halfPt is a font size in half-points.
func halfPt(pt float64) int { return int(math.Round(pt * hpt)) }

// esc escapes text for an element's content or an attribute value.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// xmlText keeps what XML 1.0 can carry: control characters other than tab
// and newline are dropped (a .docx with them does not open).
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n':
			return r
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, s)
}

// pPr are a paragraph's properties.
type pPr struct {
	style      string
	align      string // "left", "center", "right", "both"
	left       int    // indent, twips
	right      int
	firstLine  int  // > 0 first-line indent, < 0 hanging
	noIndent   bool // write a zero first-line indent (over the style's)
	before     int  // spacing, twips; -1 leaves the style's
	after      int
	line       int    // twips (exact) or 240ths (auto); 0 leaves the style's
	lineRule   string // "exact", "auto", "atLeast"
	keepNext   bool
	keepLines  bool
	pageBreak  bool   // page break before
	border     string // a w:pBdr element
	tabs       []tab
	markSize   float64 // pt of the paragraph mark (0: style's)
	widowOff   bool
	suppressSp bool
	outline    int // heading level in Word's navigation (1, 2); 0: body text
}

type tab struct {
	kind string // "center", "right", "left"
	pos  int    // twips
}

func (p pPr) xml() string {
	var b strings.Builder
	b.WriteString("<w:pPr>")
	if p.style != "" {
		fmt.Fprintf(&b, `<w:pStyle w:val="%s"/>`, p.style)
	}
	if p.keepNext {
		b.WriteString("<w:keepNext/>")
	}
	if p.keepLines {
		b.WriteString("<w:keepLines/>")
	}
	if p.pageBreak {
		b.WriteString("<w:pageBreakBefore/>")
	}
	if p.widowOff {
		b.WriteString(`<w:widowControl w:val="0"/>`)
	}
	b.WriteString(p.border)
	if len(p.tabs) > 0 {
		b.WriteString("<w:tabs>")
		for _, t := range p.tabs {
			fmt.Fprintf(&b, `<w:tab w:val="%s" w:pos="%d"/>`, t.kind, t.pos)
		}
		b.WriteString("</w:tabs>")
	}
	if p.before >= 0 || p.after >= 0 || p.line > 0 {
		b.WriteString("<w:spacing")
		if p.before >= 0 {
			fmt.Fprintf(&b, ` w:before="%d"`, p.before)
		}
		if p.after >= 0 {
			fmt.Fprintf(&b, ` w:after="%d"`, p.after)
		}
		if p.line > 0 {
			fmt.Fprintf(&b, ` w:line="%d" w:lineRule="%s"`, p.line, p.lineRule)
		}
		b.WriteString("/>")
	}
	if p.left != 0 || p.right != 0 || p.firstLine != 0 || p.noIndent {
		b.WriteString("<w:ind")
		if p.left != 0 {
			fmt.Fprintf(&b, ` w:left="%d"`, p.left)
		}
		if p.right != 0 {
			fmt.Fprintf(&b, ` w:right="%d"`, p.right)
		}
		switch {
		case p.firstLine > 0:
			fmt.Fprintf(&b, ` w:firstLine="%d"`, p.firstLine)
		case p.firstLine < 0:
			fmt.Fprintf(&b, ` w:hanging="%d"`, -p.firstLine)
		case p.noIndent:
			b.WriteString(` w:firstLine="0"`)
		}
		b.WriteString("/>")
	}
	if p.align != "" {
		fmt.Fprintf(&b, `<w:jc w:val="%s"/>`, p.align)
	}
	if p.outline > 0 {
		fmt.Fprintf(&b, `<w:outlineLvl w:val="%d"/>`, p.outline-1)
	}
	if p.markSize > 0 {
		fmt.Fprintf(&b, `<w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, halfPt(p.markSize), halfPt(p.markSize))
	}
	b.WriteString("</w:pPr>")
	return b.String()
}

// para is a paragraph with its properties; spacing fields start unset.
func para(style string) pPr { return pPr{style: style, before: -1, after: -1} }

// rPr are a run's properties.
type rPr struct {
	bold, italic bool
	upright      bool    // not bold, whatever the style says
	size         float64 // pt; 0: the style's
	raise        float64 // pt the text is raised above its baseline
	color        string  // "C00000"
	border       bool    // a box round the text
}

func (r rPr) xml() string {
	if r == (rPr{}) {
		return ""
	}
	var b strings.Builder
	b.WriteString("<w:rPr>")
	switch {
	case r.bold:
		b.WriteString("<w:b/><w:bCs/>")
	case r.upright:
		b.WriteString(`<w:b w:val="0"/><w:bCs w:val="0"/>`)
	}
	if r.italic {
		b.WriteString("<w:i/><w:iCs/>")
	}
	// The order of CT_RPr: b, i, color, position, sz, bdr.
	if r.color != "" {
		fmt.Fprintf(&b, `<w:color w:val="%s"/>`, r.color)
	}
	if r.raise != 0 {
		fmt.Fprintf(&b, `<w:position w:val="%d"/>`, halfPt(r.raise))
	}
	if r.size > 0 {
		fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, halfPt(r.size), halfPt(r.size))
	}
	if r.border {
		b.WriteString(`<w:bdr w:val="single" w:sz="8" w:space="1" w:color="auto"/>`)
	}
	b.WriteString("</w:rPr>")
	return b.String()
}

// run is one run of text; tabs and line breaks in text become <w:tab/> and
// <w:br/>.
func run(text string, p rPr) string {
	text = xmlText(text)
	var b strings.Builder
	b.WriteString("<w:r>")
	b.WriteString(p.xml())
	for i, part := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("<w:br/>")
		}
		for j, seg := range strings.Split(part, "\t") {
			if j > 0 {
				b.WriteString("<w:tab/>")
			}
			if seg != "" {
				fmt.Fprintf(&b, `<w:t xml:space="preserve">%s</w:t>`, esc(seg))
			}
		}
	}
	b.WriteString("</w:r>")
	return b.String()
}

// field is a simple field (PAGE) showing placeholder until updated.
func field(instr, placeholder string, p rPr) string {
	return fmt.Sprintf(`<w:fldSimple w:instr=" %s "><w:r>%s<w:t>%s</w:t></w:r></w:fldSimple>`, instr, p.xml(), esc(placeholder))
}

// paragraph is a whole <w:p>.
func paragraph(p pPr, runs ...string) string {
	return "<w:p>" + p.xml() + strings.Join(runs, "") + "</w:p>\n"
}

// border is a w:pBdr with the given sides ("top", "bottom", …) single,
// width eighths of a point, space pt from the text.
func border(sides []string, width, space int) string {
	var b strings.Builder
	b.WriteString("<w:pBdr>")
	for _, s := range sides {
		fmt.Fprintf(&b, `<w:%s w:val="single" w:sz="%d" w:space="%d" w:color="auto"/>`, s, width, space)
	}
	b.WriteString("</w:pBdr>")
	return b.String()
}
