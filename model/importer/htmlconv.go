// This file converts the article's container into the blocks of the body:
// paragraphs, headings, centred lines, lists, figures and tables.

package importer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"bientap/model/doc"
	"bientap/model/vntext"
)

// convert turns the container into the body's blocks.
func (hp *htmlPage) convert(container *html.Node) {
	c := &htmlConv{hp: hp}
	c.walk(container, styleOf(container, inline{}))
	c.flush()
	hp.blocks = c.out
}

// inline is the inline style in force during conversion.
type inline struct {
	bold, italic, center, right bool
	author, caption             bool
	pre                         bool
}

// htmlConv turns a container into blocks.
type htmlConv struct {
	hp      *htmlPage
	out     []hblock
	runs    []doc.Run
	cur     inline // style of the paragraph being built
	prefix  string // list mark to put before the next text ("- ", "2. ")
	started bool   // the paragraph being built has text (not only spaces)
	stopped bool
}

// flush ends the paragraph being built.
func (c *htmlConv) flush() {
	runs := trimRuns(c.runs)
	c.runs, c.started = nil, false
	if len(runs) == 0 {
		return
	}
	b := hblock{Block: doc.Block{Kind: doc.Paragraph, Runs: runs}, authorClass: c.cur.author,
		captionClass: c.cur.caption, right: c.cur.right}
	if c.cur.center {
		b.Kind = doc.Centered
	}
	c.out = append(c.out, b)
}

// text adds text in style st.
func (c *htmlConv) text(s string, st inline) {
	if !st.pre {
		s = collapseSpace(vntext.Clean(s))
	} else {
		s = vntext.Clean(s)
	}
	if s == "" {
		return
	}
	if !c.started {
		if strings.TrimSpace(s) == "" {
			return
		}
		c.started = true
		c.cur = st
		if c.prefix != "" {
			c.runs = append(c.runs, doc.Run{Text: c.prefix})
			c.prefix = ""
		}
	}
	c.runs = append(c.runs, doc.Run{Text: s, Bold: st.bold, Italic: st.italic})
}

// styleOf applies an element's own styling to st.
func styleOf(n *html.Node, st inline) inline {
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	align := strings.ToLower(attr(n, "align"))
	ci := classID(n)
	switch n.DataAtom {
	case atom.B, atom.Strong:
		st.bold = true
	case atom.I, atom.Em, atom.Cite, atom.Dfn, atom.Var:
		st.italic = true
	case atom.Center:
		st.center = true
	case atom.Pre:
		st.pre = true
	}
	if hasAny(style, "font-weight:bold", "font-weight:bolder", "font-weight:600", "font-weight:700",
		"font-weight:800", "font-weight:900") {
		st.bold = true
	}
	if hasAny(style, "font-weight:normal", "font-weight:400") {
		st.bold = false
	}
	if strings.Contains(style, "font-style:italic") || strings.Contains(style, "font-style:oblique") {
		st.italic = true
	}
	if strings.Contains(style, "font-style:normal") {
		st.italic = false
	}
	if blockAtoms[n.DataAtom] {
		switch {
		case strings.Contains(style, "text-align:center") || align == "center" ||
			hasAny(ci, "text-center", "aligncenter", "align-center", "center"):
			st.center, st.right = true, false
		case strings.Contains(style, "text-align:right") || align == "right" || hasAny(ci, "text-right", "alignright"):
			st.right, st.center = true, false
		case strings.Contains(style, "text-align:left") || strings.Contains(style, "text-align:justify") ||
			align == "left" || align == "justify":
			st.center, st.right = false, false
		}
		if hasAny(ci, "author", "tacgia", "tac-gia", "byline", "nguon", "source") {
			st.author = true
		}
		if hasAny(ci, "caption", "chuthich", "chu-thich", "image-note", "img-note", "desc") {
			st.caption = true
		}
	}
	return st
}

// walk converts n and its subtree.
func (c *htmlConv) walk(n *html.Node, st inline) {
	if c.stopped {
		return
	}
	switch n.Type {
	case html.TextNode:
		c.text(n.Data, st)
		return
	case html.ElementNode:
	case html.DocumentNode:
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			c.walk(k, st)
		}
		return
	default:
		return
	}
	if n == c.hp.listHead {
		c.flush()
		c.stopped = true
		return
	}
	if skipAtoms[n.DataAtom] || c.hp.skip[n] || n.DataAtom == atom.Nav {
		if c.hp.skip[n] && blockAtoms[n.DataAtom] {
			c.flush()
		}
		return
	}
	st = styleOf(n, st)
	switch n.DataAtom {
	case atom.Br, atom.Hr:
		c.flush()
		return
	case atom.Img:
		c.flush()
		c.image(n, st)
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		c.flush()
		c.walkChildren(n, st)
		runs := unbold(trimRuns(c.runs))
		c.runs, c.started = nil, false
		level := 2
		if isElem(n, atom.H1, atom.H2) {
			level = 1
		}
		if len(runs) > 0 {
			c.out = append(c.out, hblock{Block: doc.Block{Kind: doc.Heading, Level: level, Runs: runs}})
		}
		return
	case atom.Figure:
		c.flush()
		c.figure(n, st)
		return
	case atom.Table:
		c.flush()
		if c.dataTable(n) {
			return
		}
		c.walkChildren(n, st)
		c.flush()
		return
	case atom.Ul, atom.Ol:
		c.flush()
		num := 0
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if isElem(k, atom.Li) {
				num++
				c.flush()
				c.prefix = "- "
				if n.DataAtom == atom.Ol {
					c.prefix = fmt.Sprintf("%d. ", num)
				}
				c.walkChildren(k, styleOf(k, st))
				c.flush()
				c.prefix = ""
				continue
			}
			c.walk(k, st)
		}
		c.flush()
		return
	}
	if blockAtoms[n.DataAtom] {
		c.flush()
		c.cur = st
		c.walkChildren(n, st)
		c.flush()
		return
	}
	c.walkChildren(n, st)
}

func (c *htmlConv) walkChildren(n *html.Node, st inline) {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.walk(k, st)
	}
}

// figure converts <figure>: its images with the figcaption as caption.
func (c *htmlConv) figure(n *html.Node, st inline) {
	var caption []doc.Run
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if isElem(k, atom.Figcaption) {
			sub := &htmlConv{hp: c.hp}
			sub.walkChildren(k, inline{})
			sub.flush()
			for _, b := range sub.out {
				if len(caption) > 0 {
					caption = append(caption, doc.Run{Text: " "})
				}
				caption = append(caption, b.Runs...)
			}
		}
	}
	start := len(c.out)
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if !isElem(k, atom.Figcaption) {
			c.walk(k, st)
		}
	}
	c.flush()
	caption = trimRuns(caption)
	for i := start; i < len(c.out); i++ {
		if c.out[i].Kind == doc.Image {
			c.out[i].figure = true
			if len(caption) > 0 {
				c.out[i].Runs = caption
				caption = nil
			}
		}
	}
	if len(caption) > 0 { // a caption without a picture stays as text
		c.out = append(c.out, hblock{Block: doc.Block{Kind: doc.Centered, Runs: italic(caption)}})
	}
}

// dataTable converts a table of data into a Table block and reports true;
// a layout table (one column, pictures, long text in a cell) is left to be
// walked as blocks.
func (c *htmlConv) dataTable(n *html.Node) bool {
	var rows []*html.Node
	var findRows func(*html.Node)
	findRows = func(k *html.Node) {
		for x := k.FirstChild; x != nil; x = x.NextSibling {
			switch {
			case isElem(x, atom.Tr):
				rows = append(rows, x)
			case isElem(x, atom.Thead, atom.Tbody, atom.Tfoot):
				findRows(x)
			}
		}
	}
	findRows(n)
	if len(rows) == 0 || containsImg(n) {
		return false
	}
	width := 0
	var cells [][]*html.Node
	for _, r := range rows {
		var cs []*html.Node
		for x := r.FirstChild; x != nil; x = x.NextSibling {
			if isElem(x, atom.Td, atom.Th) {
				cs = append(cs, x)
				if utf8.RuneCountInString(textOf(x)) > 600 {
					return false
				}
			}
		}
		width = max(width, len(cs))
		cells = append(cells, cs)
	}
	if width < 2 && (len(cells) < 2 || utf8.RuneCountInString(textOf(n)) > 200*len(cells)) {
		return false // a framed box, not a table
	}
	b := hblock{Block: doc.Block{Kind: doc.Table}}
	header := isElem(rows[0].Parent, atom.Thead)
	if !header && len(cells[0]) > 0 {
		header = true
		for _, x := range cells[0] {
			header = header && isElem(x, atom.Th)
		}
	}
	b.Header = header && len(rows) > 1
	for _, cs := range cells {
		if len(cs) == 0 {
			continue
		}
		row := make([]doc.Cell, 0, width)
		for _, x := range cs {
			sub := &htmlConv{hp: c.hp}
			sub.walkChildren(x, inline{})
			sub.flush()
			var runs []doc.Run
			for _, bl := range sub.out {
				if bl.Kind == doc.Table {
					for _, tr := range bl.Rows {
						for _, tc := range tr {
							runs = append(runs, doc.Run{Text: " "})
							runs = append(runs, tc.Runs...)
						}
					}
					continue
				}
				if len(runs) > 0 {
					runs = append(runs, doc.Run{Text: " "})
				}
				runs = append(runs, bl.Runs...)
			}
			runs = trimRuns(runs)
			if b.Header && len(b.Rows) == 0 {
				runs = unbold(runs)
			}
			row = append(row, doc.Cell{Runs: runs})
			if span := attr(x, "colspan"); span != "" {
				var k int
				fmt.Sscanf(span, "%d", &k)
				for j := 1; j < k && len(row) < width; j++ {
					row = append(row, doc.Cell{})
				}
			}
		}
		for len(row) < width {
			row = append(row, doc.Cell{})
		}
		b.Rows = append(b.Rows, row)
	}
	c.out = append(c.out, b)
	return true
}
