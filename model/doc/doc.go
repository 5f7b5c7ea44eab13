// Package doc is Biên Tập's one document model: a record's body text parses
// into blocks and inline runs, and the preview (ui/), the PDF and the HTML
// (export/) all render from it, so the three never disagree.
//
// The markup a clerk learns in a minute (see Parse for the exact rules):
//
//	every line is a paragraph; numbers typed ("1.", "a)", "Điều 1.") stay as typed
//	blank lines                        spacing in the source only
//	**bold**, *italic*, ***both***     inline emphasis; \* is a literal star,
//	                                   and so are "5 * 3" and "(*)"
//	# Heading / ## Sub-heading         a heading line
//	-> centred line <-                 a centred line
//	![caption](anh-1.jpg)              an image of the record, with its caption
//	| cell | cell |                    table rows; a |---|---| row marks the header
//
// Parse never fails; Markup writes a Document back so that Parse reads the
// same Document; Escape and FromPlainText bring plain text in.
package doc

// Run is a piece of inline text with one style.
type Run struct {
	Text   string
	Bold   bool
	Italic bool
}

// BlockKind says what a block is.
type BlockKind int

// The kinds of block.
const (
	Paragraph BlockKind = iota // a line of running text
	Heading                    // "# …" (Level 1) or "## …" (Level 2)
	Centered                   // "-> … <-"
	Image                      // "![caption](name)"
	Table                      // consecutive "| … |" lines
)

// Cell is one table cell.
type Cell struct {
	Runs []Run
}

// Block is one paragraph-level element of the body.
type Block struct {
	Kind  BlockKind
	Line  int   // 1-based line of the body where the block starts
	Level int   // heading level, 1 or 2
	Runs  []Run // text of a paragraph, heading or centred line; caption of an image

	Src string // image: the name of the record's image it shows

	Rows   [][]Cell // table rows
	Header bool     // table: the first row is a header row
}

// Document is a parsed body.
type Document struct {
	Blocks []Block
}

// PlainText joins the text of runs without markup.
func PlainText(runs []Run) string {
	n := 0
	for _, r := range runs {
		n += len(r.Text)
	}
	b := make([]byte, 0, n)
	for _, r := range runs {
		b = append(b, r.Text...)
	}
	return string(b)
}
