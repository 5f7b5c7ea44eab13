// This file converts the body of a .docx: paragraphs, runs, pictures,
// tables and footnotes into blocks.

package importer

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"bientap/model/doc"
	"bientap/model/legacy"
	"bientap/model/vntext"
)

type docxDoc struct {
	pkg        *docxPackage
	rep        *Report
	rels       map[string]rel
	styles     styleSet
	numbering  *numberingDef
	counters   map[string]*[9]int
	imgs       imageSet
	blocks     []dblock
	notes      map[string]int // footnote id → number shown
	noteOrder  []string
	deferred   []dblock // text boxes met inside a paragraph
	noteBlocks []dblock // footnotes, after the body
	// softBreaks: a line break inside a paragraph only wraps a long line
	// (the files Biên Tập writes break centred lines where the PDF does), so
	// it reads as a space rather than starting a new block.
	softBreaks bool
	picNames   map[string]string // relationship id → the name of the picture read from it
	legacy     map[string]int    // runs converted from a legacy font, by font
	tabStep    int               // the default tab stop interval, twips
	textWidth  int               // the width between the page's margins, twips
}

// sub returns a converter for the content of a cell, a text box or a
// footnote that shares the document's state (pictures, notes, numbering).
func (dx *docxDoc) sub() *docxDoc {
	c := *dx
	c.blocks, c.deferred, c.noteBlocks = nil, nil, nil
	return &c
}

// join takes back the shared state that a sub converter extended.
func (dx *docxDoc) join(c *docxDoc) {
	dx.imgs, dx.noteOrder = c.imgs, c.noteOrder
}

// dblock is a converted block with what the paragraph's style and layout
// said of it, for the recognition of titles, captions and the parts of an
// administrative document.
type dblock struct {
	doc.Block
	title, caption bool
	align          string       // "center", "right", "both", "left" or "" (left)
	part           part         // the part of a Decree-30 document its style names, partNone for others
	rows           [][][]dblock // a table of two columns or more: the blocks of its cells
	cellImage      bool         // a picture taken out of a table's cell; it follows the table
	tabStops       []int        // the paragraph's own tab stops, twips from the margin, ascending
	tabStep        int          // the default tab stop interval
	textWidth      int          // the width of the text on the page
}

// tabPos is where text after n leading tabs starts: the paragraph's tab
// stops first, then the default stops after the last of them.
func (b dblock) tabPos(n int) int {
	if n <= len(b.tabStops) {
		return b.tabStops[n-1]
	}
	pos := 0
	if k := len(b.tabStops); k > 0 {
		pos = b.tabStops[k-1]
		n -= k
	}
	step := cmp.Or(b.tabStep, 720)
	return (pos/step + n) * step
}

// mid is the middle of the text width: a header's right column starts there.
func (b dblock) mid() int { return cmp.Or(b.textWidth, 9355) / 2 }

// blockItems converts the children of the body, a cell or a text box.
func (dx *docxDoc) blockItems(n *xnode) {
	for _, k := range n.kids {
		switch k.name {
		case "p":
			dx.paragraph(k)
		case "tbl":
			dx.table(k)
		case "sdt":
			if c := k.child("sdtContent"); c != nil {
				dx.blockItems(c)
			}
		case "customXml", "ins", "moveTo", "AlternateContent", "Choice":
			dx.blockItems(altContent(k))
		}
	}
}

// altContent picks the first mc:Choice of an mc:AlternateContent (the
// Fallback repeats it), or n itself.
func altContent(n *xnode) *xnode {
	if n.name != "AlternateContent" {
		return n
	}
	if c := n.child("Choice"); c != nil {
		return c
	}
	if f := n.child("Fallback"); f != nil {
		return f
	}
	return &xnode{}
}

// paraBuilder collects one paragraph's runs, split at line breaks and
// pictures.
type paraBuilder struct {
	dx           *docxDoc
	base         doc.Block // kind, level of the paragraph
	flags        dblock
	runs         []doc.Run
	out          []dblock
	bold, italic bool   // paragraph-style defaults
	font         string // the paragraph style's font (or the document's)
	caps         bool   // the paragraph style sets "All caps"
	prefix       string // list number to put before the first text
}

// add appends text in a style; the list number goes before the first text.
// A tab stays a tab ("\t") until the paragraph's place in the document is
// known: a header laid out with tab stops is split at it.
func (pb *paraBuilder) add(s string, bold, italic bool) {
	if s == "" {
		return
	}
	if pb.prefix != "" && strings.TrimSpace(s) != "" {
		pb.runs = append(pb.runs, doc.Run{Text: pb.prefix})
		pb.prefix = ""
	}
	pb.runs = append(pb.runs, doc.Run{Text: vntext.Clean(s), Bold: bold, Italic: italic})
}

func (pb *paraBuilder) flush() {
	runs := trimRuns(pb.runs)
	pb.runs = nil
	if len(runs) == 0 {
		return
	}
	b := pb.flags
	b.Block = pb.base
	b.Runs = runs
	if b.Kind == doc.Heading { // the heading's look is the style's, not the text's
		b.Runs = unbold(runs)
		if pb.italic {
			b.Runs = unitalic(b.Runs)
		}
	}
	pb.out = append(pb.out, b)
}

func (dx *docxDoc) paragraph(p *xnode) {
	ppr := p.child("pPr")
	styleID := ppr.val("pStyle")
	level, isTitle, isCaption := dx.styles.headingLevel(styleID)
	sp := dx.styles.props(styleID)
	pb := &paraBuilder{dx: dx, base: doc.Block{Kind: doc.Paragraph}, font: cmp.Or(sp.font, dx.styles.defaultFont())}
	pb.flags.title, pb.flags.caption = isTitle, isCaption
	pb.flags.part = partOfStyle(styleID, dx.styles.name(styleID))
	if pb.flags.part == partCaption {
		pb.flags.caption = true
	}
	if sp.bold != nil {
		pb.bold = *sp.bold
	}
	if sp.italic != nil {
		pb.italic = *sp.italic
	}
	if sp.caps != nil {
		pb.caps = *sp.caps
	}
	align, numID, numLvl := sp.align, sp.numID, sp.numLvl
	if ppr != nil {
		if jc := alignment(ppr.val("jc")); jc != "" {
			align = jc
		}
		if o := ppr.val("outlineLvl"); o != "" && level == 0 && !isTitle {
			if k, err := strconv.Atoi(o); err == nil && k >= 0 && k < 9 {
				level = min(k+1, 2)
			}
		}
		if np := ppr.child("numPr"); np != nil {
			numID, numLvl = np.val("numId"), np.val("ilvl")
		}
	}
	pb.flags.align = align
	pb.flags.tabStep, pb.flags.textWidth = dx.tabStep, dx.textWidth
	for _, t := range ppr.child("tabs").kidsNamed("tab") {
		if pos, err := strconv.Atoi(t.attr("pos")); err == nil && t.attr("val") != "clear" && pos > 0 {
			pb.flags.tabStops = append(pb.flags.tabStops, pos)
		}
	}
	slices.Sort(pb.flags.tabStops)
	switch {
	case level > 0:
		pb.base = doc.Block{Kind: doc.Heading, Level: level}
	case align == "center":
		pb.base = doc.Block{Kind: doc.Centered}
	}
	if mark := dx.listMark(numID, numLvl); mark != "" {
		pb.prefix = mark + " "
	}
	dx.inlineItems(pb, p, pb.bold, pb.italic)
	pb.flush()
	dx.blocks = append(dx.blocks, pb.out...)
	dx.blocks = append(dx.blocks, dx.deferred...)
	dx.deferred = nil
}

// inlineItems walks a paragraph's content.
func (dx *docxDoc) inlineItems(pb *paraBuilder, n *xnode, bold, italic bool) {
	for _, k := range n.kids {
		switch k.name {
		case "r":
			dx.run(pb, k, bold, italic)
		case "hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent":
			dx.inlineItems(pb, k, bold, italic)
		case "sdt":
			if c := k.child("sdtContent"); c != nil {
				dx.inlineItems(pb, c, bold, italic)
			}
		case "AlternateContent":
			dx.inlineItems(pb, altContent(k), bold, italic)
		}
	}
}

// run adds one w:r.
func (dx *docxDoc) run(pb *paraBuilder, r *xnode, bold, italic bool) {
	rpr := r.child("rPr")
	font := pb.font
	if rs := rpr.val("rStyle"); rs != "" {
		sp := dx.styles.props(rs)
		if sp.bold != nil {
			bold = *sp.bold
		}
		if sp.italic != nil {
			italic = *sp.italic
		}
		font = cmp.Or(sp.font, font)
	}
	caps := pb.caps
	if rs := rpr.val("rStyle"); rs != "" {
		if c := dx.styles.props(rs).caps; c != nil {
			caps = *c
		}
	}
	if rpr != nil {
		if on, set := rpr.onOff("b"); set {
			bold = on
		}
		if on, set := rpr.onOff("i"); set {
			italic = on
		}
		if on, set := rpr.onOff("caps"); set {
			caps = on
		}
		if on, set := rpr.onOff("smallCaps"); set && on {
			caps = true
		}
		font = cmp.Or(runFont(rpr), font)
	}
	// Text formatted "All caps" shows in capitals: that is what it says.
	before := len(pb.runs)
	dx.runItems(pb, r.kids, bold, italic, font)
	if caps {
		for i := before; i < len(pb.runs); i++ {
			pb.runs[i].Text = strings.ToUpper(pb.runs[i].Text)
		}
	}
}

// spaceControls turns the line breaks and tabs typed inside a w:t (not
// Word's own w:br and w:tab) into spaces.
var spaceControls = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ")

// runItems adds the content of a run. Text set in a legacy Vietnamese font
// (".VnTime", ".VnTimeH", "VNI-Times"…) is converted to Unicode, its case
// taken from the font.
func (dx *docxDoc) runItems(pb *paraBuilder, kids []*xnode, bold, italic bool, font string) {
	add := func(s string) { pb.add(s, bold, italic) }
	for _, k := range kids {
		switch k.name {
		case "t":
			t := spaceControls.Replace(k.text)
			if enc, _ := legacy.FontEncoding(font); enc != legacy.UTF8 {
				if c := legacy.ConvertFont(t, font); c != t {
					t = c
					dx.legacy[font]++
				}
			}
			add(t)
		case "tab", "ptab":
			add("\t")
		case "noBreakHyphen":
			add("-")
		case "softHyphen":
			// Invisible in Unicode text; in TCVN3 the byte 0xAD is "ư",
			// and LibreOffice writes it as a soft hyphen.
			if enc, _ := legacy.FontEncoding(font); enc == legacy.TCVN3 {
				add(legacy.ConvertFont("\u00ad", font))
			}
		case "br":
			if t := k.attr("type"); t == "page" || t == "column" || dx.softBreaks {
				add(" ")
				continue
			}
			pb.flush()
		case "cr":
			pb.flush()
		case "footnoteReference", "endnoteReference":
			id := k.attr("id")
			if k.name == "footnoteReference" {
				if _, ok := dx.notes[id]; !ok {
					dx.notes[id] = len(dx.notes) + 1
					dx.noteOrder = append(dx.noteOrder, id)
				}
				add(fmt.Sprintf("[%d]", dx.notes[id]))
			}
		case "drawing", "pict", "object":
			dx.pictures(pb, k)
		case "AlternateContent":
			dx.runItems(pb, altContent(k).kids, bold, italic, font)
		}
	}
}

// pictures handles a drawing: its pictures (a:blip r:embed, v:imagedata
// r:id) and its text boxes.
func (dx *docxDoc) pictures(pb *paraBuilder, n *xnode) {
	type pic struct{ id, name string }
	var pics []pic
	name := "" // the picture's name (wp:docPr, pic:cNvPr), which precedes its blip
	var walk func(*xnode)
	walk = func(x *xnode) {
		switch x.name {
		case "docPr", "cNvPr": // the drawing's name, then the picture's own
			name = x.attr("name")
		case "blip":
			if id := x.attr("embed"); id != "" {
				pics = append(pics, pic{id, name})
			} else if id := x.attr("link"); id != "" {
				pics = append(pics, pic{id, name})
			}
			name = ""
			return
		case "imagedata":
			if id := x.attr("id"); id != "" {
				pics = append(pics, pic{id, ""})
			}
			return
		case "txbxContent":
			sub := dx.sub()
			sub.blockItems(x)
			dx.join(sub)
			dx.deferred = append(dx.deferred, sub.blocks...)
			return
		case "AlternateContent":
			walk(altContent(x))
			return
		}
		for _, k := range x.kids {
			walk(k)
		}
	}
	walk(n)
	for _, p := range pics {
		name, ok := dx.image(p.id, p.name)
		if !ok {
			continue
		}
		pb.flush()
		im := dblock{Block: doc.Block{Kind: doc.Image, Src: name}}
		if pb.flags.part == partFeatured {
			im.part = partFeatured
		}
		pb.out = append(pb.out, im)
	}
}

// image reads the picture a relationship names and returns the name the
// body refers to it by: a picture shown twice is one image of the record.
// In a file Biên Tập wrote, a picture keeps the name its record gave it
// (given, from pic:cNvPr); others are named anh-1.jpg, anh-2.png, …
func (dx *docxDoc) image(id, given string) (string, bool) {
	if name, ok := dx.picNames[id]; ok {
		return name, true
	}
	r, ok := dx.rels[id]
	switch {
	case !ok:
		dx.rep.warn("ảnh tham chiếu %q không có trong tệp", id)
		return "", false
	case r.external:
		dx.rep.warn("ảnh liên kết ra ngoài tệp (%s) không nhập được", shorten(r.raw, 60))
		dx.rep.drop(r.raw, DropImage)
		return "", false
	case r.bad:
		dx.rep.warn("ảnh có đường dẫn ra ngoài tệp .docx (%s): bỏ qua", shorten(r.raw, 60))
		dx.rep.drop(r.raw, DropImage)
		return "", false
	}
	data, err := dx.pkg.read(r.target, MaxImageBytes)
	if err == nil {
		var mt string
		if data, mt, err = acceptImage(data); err == nil {
			if !dx.softBreaks {
				given = ""
			}
			name := dx.imgs.addNamed(data, mt, given)
			dx.picNames[id] = name
			return name, true
		}
	}
	dx.rep.warn("ảnh %s: %v", path.Base(r.target), err)
	dx.rep.drop(r.target, DropImage)
	return "", false
}

// table converts w:tbl: a Table block when it has two columns or more
// (keeping its cells' blocks, which may be a document's header or signature
// block), else (a framed box) its paragraphs. Pictures in cells follow the
// table.
func (dx *docxDoc) table(t *xnode) {
	var rows [][]*xnode
	width := 0
	for _, tr := range t.kids {
		if tr.name != "tr" {
			continue
		}
		var cells []*xnode
		for _, tc := range tr.kids {
			if tc.name == "tc" {
				cells = append(cells, tc)
				if span, _ := strconv.Atoi(tc.child("tcPr").val("gridSpan")); span > 1 {
					for j := 1; j < span && j < 64; j++ {
						cells = append(cells, nil)
					}
				}
			}
		}
		width = max(width, len(cells))
		rows = append(rows, cells)
	}
	if width < 2 {
		for _, r := range rows {
			for _, tc := range r {
				if tc != nil {
					dx.blockItems(tc)
				}
			}
		}
		return
	}
	tb := dblock{Block: doc.Block{Kind: doc.Table}}
	var after []dblock
	firstBold := true
	for i, cells := range rows {
		row := make([]doc.Cell, width)
		blocks := make([][]dblock, width)
		for j, tc := range cells {
			if tc == nil {
				continue
			}
			sub := dx.sub()
			sub.blockItems(tc)
			dx.join(sub)
			blocks[j] = sub.blocks
			var runs []doc.Run
			for _, bl := range sub.blocks {
				switch bl.Kind {
				case doc.Image:
					bl.cellImage = true
					after = append(after, bl)
				case doc.Table:
					for _, tr := range bl.Rows {
						for _, c := range tr {
							runs = append(runs, doc.Run{Text: " "})
							runs = append(runs, c.Runs...)
						}
					}
				default:
					if len(runs) > 0 {
						runs = append(runs, doc.Run{Text: " "})
					}
					runs = append(runs, bl.Runs...)
				}
			}
			row[j] = doc.Cell{Runs: trimRuns(runs)}
			if i == 0 && len(row[j].Runs) > 0 && !allBold(row[j].Runs) {
				firstBold = false
			}
		}
		tb.Rows = append(tb.Rows, row)
		tb.rows = append(tb.rows, blocks)
	}
	if len(rows) > 1 {
		hdr := false
		if tr := t.child("tr"); tr != nil {
			on, _ := tr.child("trPr").onOff("tblHeader")
			hdr = on
		}
		if hdr || firstBold {
			tb.Header = true
			for j := range tb.Rows[0] {
				tb.Rows[0][j].Runs = unbold(tb.Rows[0][j].Runs)
			}
		}
	}
	dx.blocks = append(dx.blocks, tb)
	dx.blocks = append(dx.blocks, after...)
}

// footnotes appends the referenced footnotes (read from part) as "[n]
// text" paragraphs.
func (dx *docxDoc) footnotes(part string) {
	if len(dx.noteOrder) == 0 {
		return
	}
	b, err := dx.pkg.read(part, maxDocxSmallXML)
	if err != nil {
		return
	}
	root, err := parseXML(b)
	if err != nil {
		return
	}
	byID := map[string]*xnode{}
	for _, f := range root.all("footnote") {
		byID[f.attr("id")] = f
	}
	n := 0
	for _, id := range dx.noteOrder {
		f := byID[id]
		if f == nil {
			continue
		}
		sub := dx.sub()
		sub.notes = map[string]int{} // a reference inside a note adds no note
		sub.blockItems(f)
		dx.imgs = sub.imgs
		var runs []doc.Run
		for _, bl := range sub.blocks {
			if bl.Kind == doc.Image || bl.Kind == doc.Table {
				continue
			}
			runs = append(runs, doc.Run{Text: " "})
			runs = append(runs, bl.Runs...)
		}
		runs = trimRuns(append([]doc.Run{{Text: fmt.Sprintf("[%d] ", dx.notes[id])}}, runs...))
		dx.noteBlocks = append(dx.noteBlocks, dblock{Block: doc.Block{Kind: doc.Paragraph, Runs: runs}})
		n++
	}
	if n > 0 {
		dx.rep.found("%d chú thích cuối trang, đưa vào cuối thân bài", n)
	}
}
