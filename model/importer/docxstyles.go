// This file reads the styles and the automatic numbering of a .docx.

package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

type styleDef struct {
	id, name, basedOn string
	bold, italic      *bool
	caps              *bool  // "All caps" (or small capitals)
	align             string // paragraph alignment ("center", "right", "both", "left"), "" when not set
	font              string // the run font for Latin letters (w:rFonts hAnsi, else ascii), "" when not set
	outline           int    // heading level from outlineLvl + 1, 0 if none
	numID, numLvl     string
}

// styleSet holds the styles by id; the entry "" holds the document's
// defaults (w:docDefaults).
type styleSet map[string]*styleDef

func (p *docxPackage) styles(part string) styleSet {
	out := styleSet{}
	b, err := p.read(part, maxDocxSmallXML)
	if err != nil {
		return out
	}
	root, err := parseXML(b)
	if err != nil {
		return out
	}
	if dd := root.find("docDefaults"); dd != nil {
		if rpr := dd.find("rPr"); rpr != nil {
			out[""] = &styleDef{font: runFont(rpr)}
		}
	}
	for _, s := range root.all("style") {
		d := &styleDef{id: s.attr("styleId"), name: strings.ToLower(s.val("name")), basedOn: s.val("basedOn")}
		if rpr := s.child("rPr"); rpr != nil {
			if on, set := rpr.onOff("b"); set {
				d.bold = &on
			}
			if on, set := rpr.onOff("i"); set {
				d.italic = &on
			}
			if on, set := rpr.onOff("caps"); set {
				d.caps = &on
			} else if on, set := rpr.onOff("smallCaps"); set {
				d.caps = &on
			}
			d.font = runFont(rpr)
		}
		if ppr := s.child("pPr"); ppr != nil {
			d.align = alignment(ppr.val("jc"))
			if o := ppr.val("outlineLvl"); o != "" {
				if k, err := strconv.Atoi(o); err == nil && k >= 0 && k < 9 {
					d.outline = k + 1
				}
			}
			if np := ppr.child("numPr"); np != nil {
				d.numID, d.numLvl = np.val("numId"), np.val("ilvl")
			}
		}
		if d.id != "" {
			out[d.id] = d
		}
	}
	return out
}

// runFont is the font of w:rPr for the letters Vietnamese text uses: high
// ANSI (w:hAnsi) first, then ASCII.
func runFont(rpr *xnode) string {
	f := rpr.child("rFonts")
	if f == nil {
		return ""
	}
	for _, k := range []string{"hAnsi", "ascii"} {
		if v := f.attr(k); v != "" {
			return v
		}
	}
	return ""
}

// alignment reads w:jc: "center", "right", "both" (justified) or "left";
// "" when absent.
func alignment(jc string) string {
	switch jc {
	case "center":
		return "center"
	case "right", "end":
		return "right"
	case "both", "distribute", "thaiDistribute", "highKashida", "mediumKashida", "lowKashida":
		return "both"
	case "":
		return ""
	}
	return "left"
}

// chain walks a style and its bases (bounded, cycles stop).
func (ss styleSet) chain(id string, f func(*styleDef) bool) {
	for i := 0; i < 16 && id != ""; i++ { // "" is the defaults, not a style
		d := ss[id]
		if d == nil || f(d) {
			return
		}
		id = d.basedOn
	}
}

var headingNameRe = regexp.MustCompile(`^heading\s*([1-9])$`)

// headingLevel is the heading level of a paragraph style: 1 for Heading 1
// (and Title handled apart), 2 for the levels below; 0 for body text.
func (ss styleSet) headingLevel(id string) (level int, title, caption bool) {
	if _, ok := ss[id]; !ok && id != "" {
		// No styles part (files written by other programs): the id is the
		// English name ("Heading1", "Title", "Caption").
		ss = styleSet{id: {name: strings.ToLower(id)}}
	}
	ss.chain(id, func(d *styleDef) bool {
		switch {
		case d.name == "title":
			title = true
			return true
		case d.name == "subtitle":
			level = 2
			return true
		case d.name == "caption":
			caption = true
			return true
		}
		if m := headingNameRe.FindStringSubmatch(d.name); m != nil {
			level, _ = strconv.Atoi(m[1])
			return true
		}
		if d.outline > 0 {
			level = d.outline
			return true
		}
		return false
	})
	if level > 2 {
		level = 2
	}
	return
}

// styleProps is what a style and its bases say of a paragraph or a run.
type styleProps struct {
	bold, italic  *bool
	caps          *bool
	align, font   string
	numID, numLvl string
}

// props resolves bold, italic, alignment, font and numbering along a style
// chain (the nearest style that sets each wins).
func (ss styleSet) props(id string) styleProps {
	var p styleProps
	ss.chain(id, func(d *styleDef) bool {
		if p.bold == nil {
			p.bold = d.bold
		}
		if p.italic == nil {
			p.italic = d.italic
		}
		if p.caps == nil {
			p.caps = d.caps
		}
		if p.align == "" {
			p.align = d.align
		}
		if p.font == "" {
			p.font = d.font
		}
		if p.numID == "" {
			p.numID, p.numLvl = d.numID, d.numLvl
		}
		return false
	})
	return p
}

// defaultFont is the document's default run font.
func (ss styleSet) defaultFont() string {
	if d := ss[""]; d != nil {
		return d.font
	}
	return ""
}

// name is the name of a style (lower case), or its id when the file has no
// such style.
func (ss styleSet) name(id string) string {
	if d := ss[id]; d != nil && d.name != "" {
		return d.name
	}
	return strings.ToLower(id)
}

type numLevel struct {
	start        int
	format, text string
}

type numberingDef struct {
	nums      map[string]string // numId → abstractNumId
	abstract  map[string]map[int]numLevel
	overrides map[string]map[int]int // numId → level → start
}

func (p *docxPackage) numbering(part string) *numberingDef {
	nd := &numberingDef{nums: map[string]string{}, abstract: map[string]map[int]numLevel{}, overrides: map[string]map[int]int{}}
	b, err := p.read(part, maxDocxSmallXML)
	if err != nil {
		return nd
	}
	root, err := parseXML(b)
	if err != nil {
		return nd
	}
	for _, a := range root.all("abstractNum") {
		lv := map[int]numLevel{}
		for _, l := range a.all("lvl") {
			k, err := strconv.Atoi(l.attr("ilvl"))
			if err != nil || k < 0 || k > 8 {
				continue
			}
			st, _ := strconv.Atoi(l.val("start"))
			if l.child("start") == nil {
				st = 1
			}
			lv[k] = numLevel{start: st, format: l.val("numFmt"), text: l.val("lvlText")}
		}
		nd.abstract[a.attr("abstractNumId")] = lv
	}
	for _, n := range root.all("num") {
		id := n.attr("numId")
		nd.nums[id] = n.val("abstractNumId")
		for _, o := range n.all("lvlOverride") {
			if so := o.child("startOverride"); so != nil {
				k, _ := strconv.Atoi(o.attr("ilvl"))
				st, _ := strconv.Atoi(so.attr("val"))
				if nd.overrides[id] == nil {
					nd.overrides[id] = map[int]int{}
				}
				nd.overrides[id][k] = st
			}
		}
	}
	return nd
}

// listMark advances the list counters and returns the number Word shows
// before the paragraph ("1.", "a)", "II."; "-" for bullets).
func (dx *docxDoc) listMark(numID, lvl string) string {
	if numID == "" || numID == "0" {
		return ""
	}
	k, _ := strconv.Atoi(lvl)
	if k < 0 || k > 8 {
		k = 0
	}
	levels := dx.numbering.abstract[dx.numbering.nums[numID]]
	if levels == nil {
		return ""
	}
	c := dx.counters[numID]
	if c == nil {
		c = &[9]int{}
		for i := range c {
			st := levels[i].start
			if o, ok := dx.numbering.overrides[numID][i]; ok {
				st = o
			}
			c[i] = st - 1
		}
		dx.counters[numID] = c
	}
	c[k]++
	for i := k + 1; i < 9; i++ {
		st := levels[i].start
		if o, ok := dx.numbering.overrides[numID][i]; ok {
			st = o
		}
		c[i] = st - 1
	}
	lv := levels[k]
	if lv.format == "bullet" {
		return "-"
	}
	if lv.format == "none" || lv.text == "" {
		return ""
	}
	mark := lv.text
	for i := 0; i <= k; i++ {
		mark = strings.ReplaceAll(mark, "%"+strconv.Itoa(i+1), formatNumber(max(c[i], levels[i].start, 0), levels[i].format))
	}
	return mark
}

func formatNumber(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		if n <= 0 {
			return strconv.Itoa(n)
		}
		s := ""
		for n > 0 {
			n--
			s = string(rune('a'+n%26)) + s
			n /= 26
		}
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	case "decimalZero":
		return fmt.Sprintf("%02d", n)
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
