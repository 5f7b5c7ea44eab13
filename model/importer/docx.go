package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"bientap/model"
	"bientap/model/doc"
	"bientap/model/vntext"
)

// Bounds for reading a .docx (a zip archive): no part is trusted by the size
// its header claims; every read stops at its bound.
const (
	maxDocxXML      = 64 << 20  // word/document.xml
	maxDocxSmallXML = 16 << 20  // styles, numbering, footnotes, relationships
	maxDocxUnpacked = 512 << 20 // everything read from one file
	maxXMLDepth     = 512
	maxXMLNodes     = 4_000_000
)

// ParseDOCX reads a Word .docx file: paragraphs with bold and italic runs,
// headings (styles Heading 1/2…, by style name so localised Word works),
// the Title style (the record's title), centred paragraphs, automatic list
// numbers (written out as text, since the body keeps numbers as typed),
// simple tables, embedded pictures (JPEG, PNG; GIF, BMP, TIFF become PNG)
// with a following Caption paragraph as caption, text boxes and footnotes
// (appended to the body's end). name is the file's name, the title of last
// resort.
//
// The archive is only read, never unpacked to disk; a part is found by its
// name inside the archive, and a relationship pointing outside the archive
// ("../", absolute, external) is refused. Every part is read through a size
// bound (a zip bomb stops at the bound) and pictures are size-checked from
// their headers before decoding.
func ParseDOCX(data []byte, name string, opts Options) (*Parsed, error) {
	pkg, err := openPackage(data)
	if err != nil {
		return nil, err
	}
	p := &Parsed{Report: Report{Format: FormatDOCX}}
	dx := &docxDoc{pkg: pkg, rep: &p.Report, notes: map[string]int{}}
	mainPart := pkg.mainPart()
	docXML, err := pkg.read(mainPart, maxDocxXML)
	if err != nil {
		return nil, fmt.Errorf("tệp .docx không có nội dung đọc được (%s): %v", mainPart, err)
	}
	root, err := parseXML(docXML)
	if err != nil {
		return nil, fmt.Errorf("nội dung .docx hỏng: %v", err)
	}
	dx.rels = pkg.rels(mainPart)
	dx.styles = pkg.styles(path.Join(path.Dir(mainPart), "styles.xml"))
	dx.numbering = pkg.numbering(path.Join(path.Dir(mainPart), "numbering.xml"))
	dx.counters = map[string]*[9]int{}
	body := root.find("body")
	if body == nil {
		return nil, errors.New("tệp .docx không có phần thân văn bản")
	}
	dx.blockItems(body)
	dx.footnotes(path.Dir(mainPart))
	core := pkg.core()
	p.Records = []*model.Record{dx.record(core, name, opts)}
	return p, nil
}

// zip package ------------------------------------------------------------

type docxPackage struct {
	files  map[string]*zip.File // by lower-case part name
	budget int64
	unsafe []string
}

func openPackage(data []byte) (*docxPackage, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, errors.New("không phải tệp .docx hợp lệ (không đọc được dạng nén zip); tệp Word cũ .doc hãy lưu lại thành .docx")
	}
	pkg := &docxPackage{files: map[string]*zip.File{}, budget: maxDocxUnpacked}
	for _, f := range zr.File {
		n := strings.ReplaceAll(f.Name, "\\", "/")
		if !fs.ValidPath(n) || strings.HasPrefix(f.Name, "/") {
			pkg.unsafe = append(pkg.unsafe, f.Name)
			continue
		}
		pkg.files[strings.ToLower(n)] = f
	}
	return pkg, nil
}

// read returns a part's bytes, at most limit of them.
func (p *docxPackage) read(name string, limit int64) ([]byte, error) {
	f := p.files[strings.ToLower(name)]
	if f == nil {
		return nil, errors.New("không có trong tệp")
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("phần %s quá lớn (%d MB)", name, f.UncompressedSize64>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("không giải nén được: %v", err)
	}
	defer rc.Close()
	lim := min(limit, p.budget)
	b, err := io.ReadAll(io.LimitReader(rc, lim+1))
	if err != nil {
		return nil, fmt.Errorf("không giải nén được: %v", err)
	}
	if int64(len(b)) > lim {
		if lim < limit {
			return nil, errors.New("tổng dung lượng giải nén vượt giới hạn (tệp nén bất thường)")
		}
		return nil, fmt.Errorf("phần %s giải nén ra quá lớn (tệp nén bất thường)", name)
	}
	p.budget -= int64(len(b))
	return b, nil
}

// mainPart finds the main document through the package relationships.
func (p *docxPackage) mainPart() string {
	if b, err := p.read("_rels/.rels", maxDocxSmallXML); err == nil {
		if root, err := parseXML(b); err == nil {
			for _, r := range root.all("Relationship") {
				if strings.HasSuffix(r.attr("Type"), "/officeDocument") && r.attr("TargetMode") != "External" {
					if t, ok := resolvePart("", r.attr("Target")); ok {
						return t
					}
				}
			}
		}
	}
	return "word/document.xml"
}

// resolvePart resolves a relationship target against the directory of its
// source part; ok is false for a target outside the archive.
func resolvePart(dir, target string) (string, bool) {
	target = strings.ReplaceAll(target, "\\", "/")
	var p string
	if strings.HasPrefix(target, "/") {
		p = path.Clean(strings.TrimPrefix(target, "/"))
	} else {
		p = path.Clean(path.Join(dir, target))
	}
	if !fs.ValidPath(p) || p == "." {
		return "", false
	}
	return p, true
}

type rel struct {
	target   string
	external bool
	bad      bool
	raw      string
}

// rels reads the relationships of a part.
func (p *docxPackage) rels(part string) map[string]rel {
	out := map[string]rel{}
	b, err := p.read(path.Join(path.Dir(part), "_rels", path.Base(part)+".rels"), maxDocxSmallXML)
	if err != nil {
		return out
	}
	root, err := parseXML(b)
	if err != nil {
		return out
	}
	for _, r := range root.all("Relationship") {
		raw := r.attr("Target")
		x := rel{raw: raw, external: strings.EqualFold(r.attr("TargetMode"), "External")}
		if !x.external {
			x.target, x.bad = resolvePart(path.Dir(part), raw)
			x.bad = !x.bad
		}
		out[r.attr("Id")] = x
	}
	return out
}

// core reads docProps/core.xml: title and dates.
func (p *docxPackage) core() map[string]string {
	out := map[string]string{}
	b, err := p.read("docProps/core.xml", maxDocxSmallXML)
	if err != nil {
		return out
	}
	root, err := parseXML(b)
	if err != nil {
		return out
	}
	for _, k := range root.kids {
		out[k.name] = strings.TrimSpace(vntext.Clean(k.allText()))
	}
	return out
}

// XML tree ---------------------------------------------------------------

// xnode is an element of a parsed XML part; names are local names (the
// WordprocessingML namespace is implied, which also reads Strict OOXML).
type xnode struct {
	name  string
	attrs []xml.Attr
	kids  []*xnode
	text  string
}

func parseXML(b []byte) (*xnode, error) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	root := &xnode{}
	stack := []*xnode{root}
	nodes := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxXMLDepth {
				return nil, errors.New("cấu trúc lồng quá sâu")
			}
			if nodes++; nodes > maxXMLNodes {
				return nil, errors.New("quá nhiều phần tử")
			}
			n := &xnode{name: t.Name.Local, attrs: t.Attr}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			top := stack[len(stack)-1]
			switch top.name {
			case "t", "delText", "instrText", "title", "created", "modified":
				top.text += string(t)
			}
		}
	}
	return root, nil
}

func (n *xnode) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// child returns the first child with the local name.
func (n *xnode) child(name string) *xnode {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// find returns the first descendant with the local name.
func (n *xnode) find(name string) *xnode {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
		if f := k.find(name); f != nil {
			return f
		}
	}
	return nil
}

// all returns every descendant with the local name.
func (n *xnode) all(name string) []*xnode {
	var out []*xnode
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
		out = append(out, k.all(name)...)
	}
	return out
}

func (n *xnode) allText() string {
	s := n.text
	for _, k := range n.kids {
		s += k.allText()
	}
	return s
}

// val reads a child's w:val ("" when the child is absent).
func (n *xnode) val(child string) string {
	if c := n.child(child); c != nil {
		return c.attr("val")
	}
	return ""
}

// onOff reads a toggle property (<w:b/>, <w:b w:val="0"/>); set says
// whether the property is present.
func (n *xnode) onOff(child string) (on, set bool) {
	c := n.child(child)
	if c == nil {
		return false, false
	}
	switch strings.ToLower(c.attr("val")) {
	case "0", "false", "off", "none":
		return false, true
	}
	return true, true
}

// styles and numbering -----------------------------------------------------

type styleDef struct {
	name, basedOn string
	bold, italic  *bool
	center        *bool
	outline       int // heading level from outlineLvl + 1, 0 if none
	numID, numLvl string
}

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
	for _, s := range root.all("style") {
		d := &styleDef{name: strings.ToLower(s.val("name")), basedOn: s.val("basedOn")}
		if rpr := s.child("rPr"); rpr != nil {
			if on, set := rpr.onOff("b"); set {
				d.bold = &on
			}
			if on, set := rpr.onOff("i"); set {
				d.italic = &on
			}
		}
		if ppr := s.child("pPr"); ppr != nil {
			if jc := ppr.val("jc"); jc != "" {
				c := jc == "center"
				d.center = &c
			}
			if o := ppr.val("outlineLvl"); o != "" {
				if k, err := strconv.Atoi(o); err == nil && k >= 0 && k < 9 {
					d.outline = k + 1
				}
			}
			if np := ppr.child("numPr"); np != nil {
				d.numID, d.numLvl = np.val("numId"), np.val("ilvl")
			}
		}
		out[s.attr("styleId")] = d
	}
	return out
}

// chain walks a style and its bases (bounded, cycles stop).
func (ss styleSet) chain(id string, f func(*styleDef) bool) {
	for i := 0; i < 16 && id != ""; i++ {
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

// runStyle resolves bold/italic/centre along a style chain.
func (ss styleSet) props(id string) (bold, italic, center *bool, numID, numLvl string) {
	ss.chain(id, func(d *styleDef) bool {
		if bold == nil {
			bold = d.bold
		}
		if italic == nil {
			italic = d.italic
		}
		if center == nil {
			center = d.center
		}
		if numID == "" {
			numID, numLvl = d.numID, d.numLvl
		}
		return false
	})
	return
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

// document ---------------------------------------------------------------

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

var decreeDateRe = regexp.MustCompile(`(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)

// record builds the record: title (Title style, else the document's title
// property, else a first short heading or bold or centred line, else the
// file name), date (a date line in the first paragraphs, else the creation
// date), sapo (a first paragraph all in bold), byline (a last line naming
// the author).
func (dx *docxDoc) record(core map[string]string, fileName string, opts Options) *model.Record {
	kind, status := opts.Kind, opts.Status
	if kind == "" {
		kind = model.KindNews
	}
	if status == "" {
		status = model.StatusDraft
	}
	bs := dx.blocks
	// Captions: a Caption-styled (or short italic) paragraph after a picture.
	for i := 0; i+1 < len(bs); i++ {
		if bs[i].Kind != doc.Image {
			continue
		}
		nx := bs[i+1]
		t := doc.PlainText(nx.Runs)
		if nx.Kind != doc.Image && nx.Kind != doc.Table && (nx.caption || isCaption(t, true) ||
			allItalic(nx.Runs) && len(strings.Fields(t)) <= 50) {
			bs[i].Runs = nonItalic(nx.Runs)
			bs = append(bs[:i+1], bs[i+2:]...)
		}
	}
	r := &model.Record{Kind: kind, Status: status}
	// Title.
	for i, b := range bs {
		if b.title && b.Kind != doc.Image && b.Kind != doc.Table {
			r.Title = doc.PlainText(b.Runs)
			bs = append(bs[:i], bs[i+1:]...)
			dx.rep.found("Tiêu đề theo kiểu Title của Word")
			break
		}
	}
	if t := core["title"]; r.Title == "" && t != "" && !strings.HasPrefix(t, "Microsoft Word") {
		r.Title = t
		dx.rep.found("Tiêu đề lấy từ thuộc tính Title của tệp")
	}
	if r.Title == "" && len(bs) > 0 {
		b := bs[0]
		t := doc.PlainText(b.Runs)
		if (b.Kind == doc.Heading || b.Kind == doc.Centered || b.Kind == doc.Paragraph && allBold(b.Runs)) &&
			len(strings.Fields(t)) <= 40 && !isSentence(t) {
			r.Title = t
			bs = bs[1:]
			dx.rep.found("Tiêu đề lấy từ dòng đầu tiên")
		}
	}
	if r.Title == "" {
		r.Title = strings.TrimSuffix(fileName, path.Ext(fileName))
		dx.rep.warn("không thấy tiêu đề trong tệp; lấy tên tệp «%s» làm tiêu đề", r.Title)
	}
	// Date.
	dateFound := false
	for i := 0; i < len(bs) && i < 30 && !dateFound; i++ {
		if bs[i].Kind == doc.Image || bs[i].Kind == doc.Table {
			continue
		}
		t := doc.PlainText(bs[i].Runs)
		if d, ok := parseDateLine(t); ok {
			r.Date, dateFound = d, true
			dx.rep.drop(t, DropDate)
			bs = append(bs[:i], bs[i+1:]...)
			break
		}
		if utf8.RuneCountInString(t) <= 120 {
			if m := decreeDateRe.FindStringSubmatch(t); m != nil {
				if d, ok := dmy(m[1], m[2], m[3]); ok {
					r.Date, dateFound = d, true
				}
			}
		}
	}
	if !dateFound {
		for _, k := range []string{"created", "modified"} {
			if d, ok := isoDate(core[k]); ok {
				r.Date, dateFound = d, true
				dx.rep.found("Ngày lấy theo ngày tạo tệp")
				break
			}
		}
	}
	if !dateFound {
		r.Date = opts.now()
		dx.rep.warn("không thấy ngày trong tệp; tạm lấy ngày %s", r.Date.Format("02/01/2006"))
	}
	// Byline and sapo.
	if n := len(bs); n > 0 && (bs[n-1].Kind == doc.Paragraph || bs[n-1].Kind == doc.Centered) && isByline(doc.PlainText(bs[n-1].Runs)) {
		r.Author = doc.PlainText(bs[n-1].Runs)
		bs = bs[:n-1]
	}
	if kind == model.KindNews && len(bs) > 1 && bs[0].Kind == doc.Paragraph && allBold(bs[0].Runs) &&
		len(strings.Fields(doc.PlainText(bs[0].Runs))) >= 12 {
		r.Summary = doc.PlainText(bs[0].Runs)
		bs = bs[1:]
		dx.rep.found("Sapo lấy từ đoạn in đậm đầu tiên")
	}
	bs = append(bs, dx.noteBlocks...)
	var d doc.Document
	for _, b := range bs {
		b.Line = len(d.Blocks) + 1
		d.Blocks = append(d.Blocks, b.Block)
	}
	r.Body = d.Markup()
	r.Images = dx.imgs.images
	for _, b := range d.Blocks {
		if b.Kind == doc.Image {
			if im := findImage(r.Images, b.Src); im != nil {
				im.Caption = doc.PlainText(b.Runs)
			}
		}
	}
	if len(dx.pkg.unsafe) > 0 {
		dx.rep.warn("tệp có %d mục tên bất thường (ví dụ %q), không đọc", len(dx.pkg.unsafe), shorten(dx.pkg.unsafe[0], 40))
	}
	reportArticle(dx.rep, r, dateFound)
	return r
}
