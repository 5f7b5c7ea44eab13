// This file converts the body of a .docx: paragraphs, runs, pictures,
// tables and footnotes into blocks.
package importer

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"bientap/model/doc"
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
}

// dblock is a converted block with the paragraph's style facts.
type dblock struct {
	doc.Block
	title, caption bool
}

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
	prefix       string // list number to put before the first text
}

// add appends text in a style; the list number goes before the first text.
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
	if b.Kind == doc.Heading {
		b.Runs = unbold(runs)
	}
	pb.out = append(pb.out, b)
}

func (dx *docxDoc) paragraph(p *xnode) {
	ppr := p.child("pPr")
	styleID := ppr.val("pStyle")
	level, isTitle, isCaption := dx.styles.headingLevel(styleID)
	sBold, sItalic, sCenter, numID, numLvl := dx.styles.props(styleID)
	pb := &paraBuilder{dx: dx, base: doc.Block{Kind: doc.Paragraph}}
	pb.flags.title, pb.flags.caption = isTitle, isCaption
	if sBold != nil {
		pb.bold = *sBold
	}
	if sItalic != nil {
		pb.italic = *sItalic
	}
	center := sCenter != nil && *sCenter
	if ppr != nil {
		if jc := ppr.val("jc"); jc != "" {
			center = jc == "center"
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
	switch {
	case level > 0:
		pb.base = doc.Block{Kind: doc.Heading, Level: level}
	case center:
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
	if rs := rpr.val("rStyle"); rs != "" {
		b, i, _, _, _ := dx.styles.props(rs)
		if b != nil {
			bold = *b
		}
		if i != nil {
			italic = *i
		}
	}
	if rpr != nil {
		if on, set := rpr.onOff("b"); set {
			bold = on
		}
		if on, set := rpr.onOff("i"); set {
			italic = on
		}
	}
	dx.runItems(pb, r.kids, bold, italic)
}

// runItems adds the content of a run.
func (dx *docxDoc) runItems(pb *paraBuilder, kids []*xnode, bold, italic bool) {
	add := func(s string) { pb.add(s, bold, italic) }
	for _, k := range kids {
		switch k.name {
		case "t":
			add(strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(k.text))
		case "tab", "ptab":
			add(" ")
		case "noBreakHyphen":
			add("-")
		case "br":
			if t := k.attr("type"); t == "page" || t == "column" {
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
			dx.runItems(pb, altContent(k).kids, bold, italic)
		}
	}
}

// pictures handles a drawing: its pictures (a:blip r:embed, v:imagedata
// r:id) and its text boxes.
func (dx *docxDoc) pictures(pb *paraBuilder, n *xnode) {
	var ids []string
	var walk func(*xnode)
	walk = func(x *xnode) {
		switch x.name {
		case "blip":
			if id := x.attr("embed"); id != "" {
				ids = append(ids, id)
			} else if id := x.attr("link"); id != "" {
				ids = append(ids, id)
			}
			return
		case "imagedata":
			if id := x.attr("id"); id != "" {
				ids = append(ids, id)
			}
			return
		case "txbxContent":
			sub := &docxDoc{pkg: dx.pkg, rep: dx.rep, rels: dx.rels, styles: dx.styles, numbering: dx.numbering,
				counters: dx.counters, notes: dx.notes, noteOrder: dx.noteOrder}
			sub.imgs = dx.imgs
			sub.blockItems(x)
			dx.imgs = sub.imgs
			dx.noteOrder = sub.noteOrder
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
	for _, id := range ids {
		name, ok := dx.image(id)
		if !ok {
			continue
		}
		pb.flush()
		pb.out = append(pb.out, dblock{Block: doc.Block{Kind: doc.Image, Src: name}})
	}
}

// image reads the picture a relationship names.
func (dx *docxDoc) image(id string) (string, bool) {
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
			return dx.imgs.add(data, mt, ""), true
		}
	}
	dx.rep.warn("ảnh %s: %v", path.Base(r.target), err)
	dx.rep.drop(r.target, DropImage)
	return "", false
}

// table converts w:tbl: a Table block when it has two columns or more,
// else (a framed box) its paragraphs. Pictures in cells follow the table.
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
	b := doc.Block{Kind: doc.Table}
	var after []dblock
	firstBold := true
	for i, cells := range rows {
		row := make([]doc.Cell, width)
		for j, tc := range cells {
			if tc == nil {
				continue
			}
			sub := &docxDoc{pkg: dx.pkg, rep: dx.rep, rels: dx.rels, styles: dx.styles, numbering: dx.numbering,
				counters: dx.counters, notes: dx.notes, noteOrder: dx.noteOrder, imgs: dx.imgs}
			sub.blockItems(tc)
			dx.imgs, dx.noteOrder = sub.imgs, sub.noteOrder
			var runs []doc.Run
			for _, bl := range sub.blocks {
				switch bl.Kind {
				case doc.Image:
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
		b.Rows = append(b.Rows, row)
	}
	if len(rows) > 0 && len(rows) > 1 {
		hdr := false
		if tr := t.child("tr"); tr != nil {
			on, _ := tr.child("trPr").onOff("tblHeader")
			hdr = on
		}
		if hdr || firstBold {
			b.Header = true
			for j := range b.Rows[0] {
				b.Rows[0][j].Runs = unbold(b.Rows[0][j].Runs)
			}
		}
	}
	dx.blocks = append(dx.blocks, dblock{Block: b})
	if len(after) > 0 {
		dx.rep.found("%d ảnh trong bảng được đặt ngay sau bảng", len(after))
	}
	dx.blocks = append(dx.blocks, after...)
}

// footnotes appends the referenced footnotes as "[n] text" paragraphs.
func (dx *docxDoc) footnotes(dir string) {
	if len(dx.noteOrder) == 0 {
		return
	}
	b, err := dx.pkg.read(path.Join(dir, "footnotes.xml"), maxDocxSmallXML)
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
		sub := &docxDoc{pkg: dx.pkg, rep: dx.rep, rels: dx.rels, styles: dx.styles, numbering: dx.numbering,
			counters: dx.counters, notes: map[string]int{}, imgs: dx.imgs}
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
