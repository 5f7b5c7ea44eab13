package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/jung-kurt/gofpdf"

	"bientap/export/fonts"
)

// face is one of the four faces of the serif family.
type face = fonts.Style

const (
	regular    = fonts.Regular
	bold       = fonts.Bold
	italic     = fonts.Italic
	boldItalic = fonts.BoldItalic
)

// ptMM converts points to millimetres.
const ptMM = 25.4 / 72

// Metrics of Times New Roman, shared by Liberation Serif (em fractions).
const (
	ascent  = 0.891 // hhea ascender
	single  = 1.15  // ascender + descender + line gap: Word's "single" spacing
	xHeight = 0.448
)

// A4 in mm.
const (
	a4Short = 210.0
	a4Long  = 297.0
)

// opKind says what an op draws.
type opKind uint8

const (
	opText  opKind = iota // a run of text on one baseline
	opLine                // a straight rule
	opRect                // a stroked rectangle
	opImage               // a registered image
	opMark                // a flow instruction; draws nothing
)

// op is one drawing operation of the display list; coordinates are mm from
// the page's top-left corner (or from a unit's top while inside a unit).
type op struct {
	kind  opKind
	x, y  float64 // text: left end and baseline; line: start; rect, image: top-left
	x2    float64 // line: end x
	y2    float64 // line: end y
	w, h  float64 // text: cell width (justified text fills it); rect, image: size
	face  face
	size  float64 // pt
	text  string
	just  bool    // stretch the spaces of text to fill w
	lw    float64 // line width (mm)
	red   bool    // draw in red (urgency stamp)
	image string  // registered image name
}

// page is one page of the display list.
type page struct {
	ops []op
}

// engine builds one PDF: it measures text for layout, collects the display
// list and finally draws it with gofpdf.
type engine struct {
	pdf      *gofpdf.Fpdf
	set      *fonts.Set
	family   string
	reg      [4]bool
	mFace    face
	mSize    float64
	mSet     bool
	spaceW   [4]float64 // width of a space at 1 pt, per face (0: not yet measured)
	pageW    float64
	pageH    float64
	orient   string
	pages    []*page
	warnings []string
	dropped  int // runes outside the BMP dropped from the text
	nimg     int
	images   map[string]*pdfImage // by record image name
}

func newEngine(opt Options, landscape bool) *engine {
	set, reason := fonts.Load(opt.Font, opt.FontDir)
	e := &engine{set: set, family: set.Name(), orient: "P", pageW: a4Short, pageH: a4Long,
		images: map[string]*pdfImage{}}
	if reason != "" {
		e.warn("Phông chữ: %s", reason)
	}
	if landscape {
		e.orient, e.pageW, e.pageH = "L", a4Long, a4Short
	}
	e.pdf = gofpdf.New(e.orient, "mm", "A4", "")
	e.pdf.SetAutoPageBreak(false, 0)
	e.pdf.SetCellMargin(0)
	e.pdf.SetMargins(0, 0, 0)
	e.pdf.SetCatalogSort(true)
	return e
}

// warn records a one-line warning for the Result.
func (e *engine) warn(format string, args ...any) {
	e.warnings = append(e.warnings, fmt.Sprintf(format, args...))
}

// use registers a face the first time it is needed, so that only the faces
// a document uses are embedded. Each registration gets its own copy of the
// font bytes (gofpdf writes into them).
func (e *engine) use(f face) {
	if e.reg[f] {
		return
	}
	e.reg[f] = true
	e.pdf.AddUTF8FontFromBytes(e.family, f.Code(), bytes.Clone(e.set.TTF(f)))
}

// font makes f at size the current font (for measuring and drawing).
func (e *engine) font(f face, size float64) {
	if e.mSet && e.mFace == f && e.mSize == size {
		return
	}
	e.use(f)
	e.pdf.SetFont(e.family, f.Code(), size)
	e.mFace, e.mSize, e.mSet = f, size, true
}

// width is the width of s in mm.
func (e *engine) width(s string, f face, size float64) float64 {
	if s == "" {
		return 0
	}
	e.font(f, size)
	return e.pdf.GetStringWidth(s)
}

// space is the width of one space in mm.
func (e *engine) space(f face, size float64) float64 {
	if e.spaceW[f] == 0 {
		e.spaceW[f] = e.width(" ", f, 1)
	}
	return e.spaceW[f] * size
}

// newPage appends an empty page to the display list.
func (e *engine) newPage() *page {
	p := &page{}
	e.pages = append(e.pages, p)
	return p
}

// meta is the document information dictionary.
type meta struct {
	title, author, subject, keywords string
	date                             time.Time
}

// render draws the display list and writes the PDF to w.
func (e *engine) render(w io.Writer, m meta) (Result, error) {
	p := e.pdf
	if m.date.IsZero() {
		m.date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	p.SetCreationDate(m.date)
	p.SetModificationDate(m.date)
	p.SetTitle(e.clean(m.title), true)
	p.SetAuthor(e.clean(m.author), true)
	p.SetSubject(e.clean(m.subject), true)
	p.SetKeywords(e.clean(m.keywords), true)
	p.SetCreator("Biên Tập", true)
	p.SetProducer("Biên Tập (gofpdf)", true)
	if len(e.pages) == 0 {
		e.newPage()
	}
	e.mSet = false
	for _, pg := range e.pages {
		p.AddPage()
		e.mSet = false
		for i := range pg.ops {
			e.draw(&pg.ops[i])
		}
	}
	if e.dropped > 0 {
		e.warn("Đã bỏ %d ký tự không in được (biểu tượng cảm xúc hoặc ký tự ngoài bảng mã cơ bản)", e.dropped)
	}
	res := Result{Pages: len(e.pages), Font: e.set.Family.String(), Warnings: e.warnings}
	if err := p.Error(); err != nil {
		return res, fmt.Errorf("không tạo được PDF: %w", err)
	}
	if err := p.Output(w); err != nil {
		return res, fmt.Errorf("không ghi được PDF: %w", err)
	}
	return res, nil
}

// draw executes one op on the current gofpdf page.
func (e *engine) draw(o *op) {
	p := e.pdf
	if o.red {
		p.SetTextColor(200, 0, 0)
		p.SetDrawColor(200, 0, 0)
		defer func() { p.SetTextColor(0, 0, 0); p.SetDrawColor(0, 0, 0) }()
	}
	switch o.kind {
	case opText:
		if o.text == "" {
			return
		}
		e.font(o.face, o.size)
		// A cell of height 0 puts the baseline 0.3 em below its top.
		p.SetXY(o.x, o.y-0.3*o.size*ptMM)
		align := "L"
		if o.just {
			align = "J"
		}
		p.CellFormat(o.w, 0, o.text, "", 0, align, false, 0, "")
	case opLine:
		p.SetLineWidth(o.lw)
		p.Line(o.x, o.y, o.x2, o.y2)
	case opRect:
		p.SetLineWidth(o.lw)
		p.Rect(o.x, o.y, o.w, o.h, "D")
	case opImage:
		p.ImageOptions(o.image, o.x, o.y, o.w, o.h, false, gofpdf.ImageOptions{}, 0, "")
	}
}

// textOp is a left-aligned text op with its baseline at y.
func textOp(x, y float64, s string, f face, size float64) op {
	return op{kind: opText, x: x, y: y, text: s, face: f, size: size}
}

// lineOp is a horizontal or vertical rule.
func lineOp(x1, y1, x2, y2, lw float64) op {
	return op{kind: opLine, x: x1, y: y1, x2: x2, y2: y2, lw: lw}
}

// shift moves ops down by dy (from unit-relative to page coordinates).
func shift(ops []op, dy float64) []op {
	out := make([]op, len(ops))
	for i, o := range ops {
		o.y += dy
		if o.kind == opLine {
			o.y2 += dy
		}
		out[i] = o
	}
	return out
}

// itoa is strconv.Itoa.
func itoa(n int) string { return strconv.Itoa(n) }
