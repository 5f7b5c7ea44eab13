// Package export is the one way out of Biên Tập: one entry per output that
// the window (ui/export.go) and the command line (ui/cli/export_*.go) both
// call, so that a new output or layout is added in one place.
//
//	PDF        a record's print view: news, or the Decree-30 document
//	Docx       a record as a Word file a clerk can keep editing
//	HTML       the portal's fragment, pictures and .zip
//	Mail       an .eml draft with the record's PDF attached
//	Register   the year's sổ đăng ký văn bản đi, one book per agency and series
//	NewsList   "Các tin đã đăng" of a date range
//
// Each takes the archive's settings through Options; what a document's
// header says comes from model/decree for all of them. The writers proper
// live in the sub-packages (pdf, docx, htmlexport, mail); files are written
// atomically (WriteFile).
package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"bientap/export/atomicfile"
	"bientap/export/docx"
	"bientap/export/fonts"
	"bientap/export/htmlexport"
	"bientap/export/mail"
	"bientap/export/pdf"
	"bientap/model"
	"bientap/model/decree"
	"bientap/model/store"
)

// Archive is what the exports read from the archive besides the record:
// the revisions of a draft (for its DỰ THẢO mark) and the records of the
// registers. *store.Store is one.
type Archive interface {
	Revisions(recordID int64) ([]store.Revision, error)
	OutgoingRegister(year int) ([]*model.Record, error)
	PublishedNews(from, to time.Time) ([]*model.Record, error)
}

// Layout chooses how a record is printed.
type Layout int

// The layouts: by the record's kind, or forced.
const (
	LayoutAuto     Layout = iota // news print view for news, the Decree-30 layout for documents
	LayoutNews                   // the news print view ("tin")
	LayoutDocument               // the Decree-30 layout ("vanban")
)

// ParseLayout reads a layout name of the command line: "" (by kind),
// "tin" or "vanban".
func ParseLayout(s string) (Layout, error) {
	switch s {
	case "", "auto":
		return LayoutAuto, nil
	case "tin", "news":
		return LayoutNews, nil
	case "vanban", "document":
		return LayoutDocument, nil
	}
	return LayoutAuto, fmt.Errorf("bố cục không hợp lệ %q (dùng: tin, vanban)", s)
}

// Options are the settings every export takes.
type Options struct {
	// Settings are the archive's: fonts, margins, line spacing, the
	// office's agencies and portal name.
	Settings model.Settings
	// Font overrides Settings.PDFFont when not empty ("liberation", "times").
	Font string
	// FontDir overrides the Windows fonts folder Times New Roman is read from.
	FontDir string
	// Layout of the PDF (and of the Word file): by kind unless forced.
	Layout Layout
	// Archive gives a draft's revision number; nil leaves it out. The
	// registers need it.
	Archive Archive
	// Clock dates the mail (nil: the system clock).
	Clock model.Clock
	// From and To are the mail's envelope (optional).
	From, To string
	// Progress, when set, hears of the steps of a long export (the
	// registers); returning false cancels it with ErrCancelled.
	Progress func(done, total int, msg string) bool
}

// ErrCancelled is returned when Progress asked to stop.
var ErrCancelled = errors.New("đã hủy")

// Result tells what an export produced.
type Result struct {
	Pages    int      // pages of a PDF
	Font     string   // font family used
	Warnings []string // one Vietnamese line each
	Count    int      // records in a register
	// Attachment is the file name of a mail's attached PDF.
	Attachment string
}

// document reports whether r is laid out as an administrative document.
func (o Options) document(r *model.Record) bool {
	switch o.Layout {
	case LayoutNews:
		return false
	case LayoutDocument:
		return true
	}
	return r.Kind.IsDocument()
}

// family is the font family chosen.
func (o Options) family() (fonts.Family, error) {
	name := o.Settings.PDFFont
	if o.Font != "" {
		name = o.Font
	}
	return fonts.ParseFamily(name)
}

// HeaderOptions are what every output's document header takes for r: the
// office's agencies and, for a draft, its saved revision.
func (o Options) HeaderOptions(r *model.Record) decree.Options {
	return decree.Options{AgencyParent: o.Settings.AgencyParent, Agency: o.Settings.Agency, Revision: o.revision(r)}
}

// revision is the number of r's saved revisions (0 when unknown or not a
// draft).
func (o Options) revision(r *model.Record) int {
	if o.Archive == nil || r.ID == 0 || (r.Status != model.StatusDraft && r.Status != model.StatusReview) {
		return 0
	}
	revs, err := o.Archive.Revisions(r.ID)
	if err != nil {
		return 0 // the mark then gives only the time
	}
	return len(revs)
}

// pdfOptions are the print options for r.
func (o Options) pdfOptions(r *model.Record) (pdf.Options, error) {
	f, err := o.family()
	if err != nil {
		return pdf.Options{}, err
	}
	p := pdf.OptionsFrom(o.Settings)
	p.Font, p.FontDir = f, o.FontDir
	if r != nil {
		p.Revision = o.revision(r)
	}
	return p, nil
}

// PDF writes r's print view: the news print view or the Decree-30 layout,
// as its kind (or Options.Layout) asks.
func PDF(w io.Writer, r *model.Record, o Options) (Result, error) {
	po, err := o.pdfOptions(r)
	if err != nil {
		return Result{}, err
	}
	var res pdf.Result
	if o.document(r) {
		res, err = pdf.Document(w, r, po)
	} else {
		res, err = pdf.News(w, r, po)
	}
	return Result{Pages: res.Pages, Font: res.Font, Warnings: res.Warnings}, err
}

// Docx writes r as a Word file: a document in the Decree-30 layout the PDF
// has (header table, rules, page numbers from page 2, Nơi nhận beside the
// signature), a news item as a plain article.
//
// The file names the decree's Times New Roman whichever family the PDFs
// embed: Liberation Serif is its metric twin for PDFs, while a Word file
// takes its fonts from the machine that opens it (Windows has Times New
// Roman; LibreOffice without it uses Liberation Serif, which the file names
// as the alternative).
func Docx(w io.Writer, r *model.Record, o Options) (Result, error) {
	if _, err := o.family(); err != nil {
		return Result{}, err
	}
	s := o.Settings
	const font = "Times New Roman"
	res, err := docx.Write(w, r, docx.Options{
		Font: font, Document: o.document(r), Header: o.HeaderOptions(r),
		MarginTop: s.MarginTop, MarginBottom: s.MarginBottom, MarginLeft: s.MarginLeft, MarginRight: s.MarginRight,
		LineSpacing: s.LineSpacing, PortalName: s.PortalName,
	})
	return Result{Font: font, Warnings: res.Warnings}, err
}

// HTML renders r for the portal (see htmlexport): the page, its pictures
// and warnings; Page.WriteDir writes them.
func HTML(r *model.Record, o Options) *htmlexport.Page {
	return htmlexport.Options{Header: o.HeaderOptions(r)}.Build(r)
}

// Mail writes an .eml draft for r with its PDF attached.
func Mail(w io.Writer, r *model.Record, o Options) (Result, error) {
	var doc bytes.Buffer
	res, err := PDF(&doc, r, o)
	if err != nil {
		return res, err
	}
	res.Attachment = mail.AttachmentName(r)
	err = mail.Write(w, r, doc.Bytes(), mail.Options{From: o.From, To: o.To, Date: o.Clock.Now()})
	return res, err
}

// step reports progress; false means cancel.
func (o Options) step(done, total int, msg string) bool {
	return o.Progress == nil || o.Progress(done, total, msg)
}

// Register writes the year's register of outgoing documents (sổ đăng ký văn
// bản đi): the approved and published documents with a number
// (store.OutgoingRegister), one book per issuing agency and number series.
func Register(w io.Writer, year int, o Options) (Result, error) {
	if o.Archive == nil {
		return Result{}, errors.New("không có kho dữ liệu để lập sổ")
	}
	po, err := o.pdfOptions(nil)
	if err != nil {
		return Result{}, err
	}
	if !o.step(0, 2, fmt.Sprintf("Đang đọc văn bản năm %d…", year)) {
		return Result{}, ErrCancelled
	}
	recs, err := o.Archive.OutgoingRegister(year)
	if err != nil {
		return Result{}, err
	}
	if !o.step(1, 2, fmt.Sprintf("Đang dàn trang %d văn bản…", len(recs))) {
		return Result{}, ErrCancelled
	}
	res, err := pdf.Register(w, year, recs, po)
	return Result{Pages: res.Pages, Font: res.Font, Warnings: res.Warnings, Count: len(recs)}, err
}

// NewsList writes "Các tin đã đăng": the news items published from from to
// to (store.PublishedNews).
func NewsList(w io.Writer, from, to time.Time, o Options) (Result, error) {
	if o.Archive == nil {
		return Result{}, errors.New("không có kho dữ liệu để lập danh sách")
	}
	po, err := o.pdfOptions(nil)
	if err != nil {
		return Result{}, err
	}
	if !o.step(0, 2, "Đang đọc các tin đã đăng…") {
		return Result{}, ErrCancelled
	}
	recs, err := o.Archive.PublishedNews(from, to)
	if err != nil {
		return Result{}, err
	}
	if !o.step(1, 2, fmt.Sprintf("Đang dàn trang %d tin…", len(recs))) {
		return Result{}, ErrCancelled
	}
	res, err := pdf.NewsList(w, from, to, recs, po)
	return Result{Pages: res.Pages, Font: res.Font, Warnings: res.Warnings, Count: len(recs)}, err
}

// WriteFile runs an export into path atomically (atomicfile): on failure
// nothing is left behind and the error is one Vietnamese line.
func WriteFile(path string, export func(io.Writer) (Result, error)) (Result, error) {
	var res Result
	err := atomicfile.WriteFile(path, func(w io.Writer) error {
		var err error
		res, err = export(w)
		return err
	})
	return res, err
}

// MailSubject is the subject of r's mail: the title, with số and ký hiệu
// in front for a document.
func MailSubject(r *model.Record) string { return mail.SubjectText(r) }
