// Package importer brings existing news and documents into the archive: a
// portal news page copied as text (.txt, UTF-8, UTF-16 or a legacy
// Vietnamese encoding), a portal page saved as HTML, a Word .docx file and a
// JSON Lines archive. Every importer builds model.Record values whose body is
// Biên Tập's markup (model/doc), never live HTML: imported text is escaped,
// and only paragraphs, headings, centred lines, images, tables and bold or
// italic runs survive. Each import comes with a Report (Vietnamese lines) of
// what was recognised; text that fits no field stays in the body.
//
// The package knows nothing of widgets or PDFs. Parse* functions read input
// only; Import and ImportFile file the records in a store, skipping (or, on
// request, updating) items already there with the same title and date.
package importer

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"bientap/model"
)

// Limits that protect the import from hostile or broken files: what is
// read is bounded whatever the file, and a larger file is refused with a
// message that says so.
const (
	// MaxFileBytes bounds the size of one imported file of any format.
	MaxFileBytes = 256 << 20
	// MaxTextBytes bounds a text file (.txt, and the input of convert and
	// check): a portal page copied as text is well under a megabyte.
	MaxTextBytes = 16 << 20
	// MaxHTMLBytes bounds a saved HTML page, pictures inlined as data: URIs
	// included.
	MaxHTMLBytes = 64 << 20
	// MaxImageBytes bounds the stored size of one image.
	MaxImageBytes = 40 << 20
	// MaxImagePixels bounds width × height of an image, checked from its
	// header before the image is decoded.
	MaxImagePixels = 40_000_000
)

// Format names what kind of file an import read.
type Format string

// The formats ParseFile recognises (by extension, then by content).
const (
	FormatText  Format = "txt"
	FormatHTML  Format = "html"
	FormatDOCX  Format = "docx"
	FormatJSONL Format = "jsonl"
)

// limit is the most a file of the format may hold.
func (f Format) limit() int64 {
	switch f {
	case FormatText:
		return MaxTextBytes
	case FormatHTML:
		return MaxHTMLBytes
	}
	return MaxFileBytes
}

var (
	errOldWord = errors.New("tệp Word cũ (.doc) chưa hỗ trợ: hãy mở bằng Word và lưu thành .docx")
	errPDF     = errors.New("không nhập được PDF: hãy nhập tệp .docx, .txt hoặc .html")
)

// Label is the Vietnamese name of the format for reports.
func (f Format) Label() string {
	switch f {
	case FormatText:
		return "trang tin dạng văn bản (.txt)"
	case FormatHTML:
		return "trang tin lưu dạng HTML"
	case FormatDOCX:
		return "tệp Word (.docx)"
	case FormatJSONL:
		return "kho lưu trữ JSONL"
	}
	return string(f)
}

// Options steer an import.
type Options struct {
	// Update replaces an existing item with the same title and date by the
	// imported one (a new revision) instead of skipping it. Items of a
	// "Các tin đã đăng" list (title and date only) never overwrite anything.
	Update bool
	// Encoding forces the source encoding of a .txt or .html file ("tcvn3",
	// "vni", "viqr", "cp1258", "utf8"; see legacy.ParseEncoding); empty or
	// "auto" detects it.
	Encoding string
	// Kind of the main record; empty means news (model.KindNews).
	Kind model.Kind
	// Status of the main record; empty means published for portal pages
	// (they are on the portal already) and draft for Word files.
	Status model.Status
	// Clock gives "today", the date used when a file carries none; nil is
	// the system clock.
	Clock model.Clock
}

// today is the date an import falls back to.
func (o Options) today() time.Time { return o.Clock.Today() }

// DropReason says why a piece of the input is not in any record.
type DropReason string

// The reasons text may be left out: everything else stays in the record.
const (
	DropLink      DropReason = "liên kết của trang"       // "In", "Gửi email", "Quay lại"…
	DropDate      DropReason = "ngày tháng đã đọc"        // the weekday-and-date line, a list item's date
	DropHeading   DropReason = "tiêu đề danh sách tin"    // "Các tin đã đăng"
	DropDuplicate DropReason = "đoạn dán lặp"             // a block pasted twice in a row (one copy kept)
	DropImage     DropReason = "ảnh không nhập được"      // an image reference whose picture could not be read
	DropInBatch   DropReason = "tin trùng trong cùng tệp" // the same title and date twice in one file
	DropHeader    DropReason = "phần đầu, cuối văn bản"   // header or footer text that fits no field
	DropRead      DropReason = "đã đọc vào các trường"    // a header or footer line read into the record's fields
)

// Dropped is one piece of input deliberately not imported.
type Dropped struct {
	Text string
	Why  DropReason
}

// Report tells the clerk what an import recognised, in Vietnamese.
type Report struct {
	File     string   // the file as named by the caller
	Format   Format   // what the file was read as
	Encoding string   // text files: the encoding used and how sure the guess was
	Found    []string // what was recognised, one line each
	Guessed  []string // what was not written in the file but inferred: check it
	Warnings []string // what needs the clerk's attention
	Dropped  []Dropped
}

func (r *Report) found(format string, args ...any) {
	r.Found = append(r.Found, fmt.Sprintf(format, args...))
}

func (r *Report) guess(format string, args ...any) {
	r.Guessed = append(r.Guessed, fmt.Sprintf(format, args...))
}

func (r *Report) warn(format string, args ...any) {
	r.Warnings = append(r.Warnings, fmt.Sprintf(format, args...))
}

func (r *Report) drop(text string, why DropReason) {
	r.Dropped = append(r.Dropped, Dropped{Text: text, Why: why})
}

// Lines renders the report for display: format and encoding, what was
// recognised, what was guessed (prefixed "Đoán:"), a count of what was left out and why (dates and list headings,
// which were read into fields, are not repeated), then the warnings
// (prefixed "Chú ý:").
func (r *Report) Lines() []string {
	var out []string
	head := "Định dạng: " + r.Format.Label()
	if r.Encoding != "" {
		head += "; bảng mã: " + r.Encoding
	}
	out = append(out, head)
	out = append(out, r.Found...)
	for _, g := range r.Guessed {
		out = append(out, "Đoán: "+g)
	}
	counts := map[DropReason]int{}
	var order []DropReason
	for _, d := range r.Dropped {
		if d.Why == DropDate || d.Why == DropHeading || d.Why == DropRead {
			continue // read into fields, shown above
		}
		if counts[d.Why] == 0 {
			order = append(order, d.Why)
		}
		counts[d.Why]++
	}
	for _, why := range order {
		var samples []string
		for _, d := range r.Dropped {
			if d.Why == why && len(samples) < 4 {
				samples = append(samples, "«"+shorten(d.Text, 40)+"»")
			}
		}
		more := ""
		if counts[why] > len(samples) {
			more = ", …"
		}
		out = append(out, fmt.Sprintf("Bỏ %d mục (%s): %s%s", counts[why], why, strings.Join(samples, ", "), more))
	}
	for _, w := range r.Warnings {
		out = append(out, "Chú ý: "+w)
	}
	return out
}

// String is Lines joined by newlines.
func (r *Report) String() string { return strings.Join(r.Lines(), "\n") }

// Parsed is what one file gave: its records in order (the article first when
// the file has one, then the items of its "Các tin đã đăng" list) and the
// report.
type Parsed struct {
	Records []*model.Record
	Report  Report
}

// DetectFormat decides how to read a file: by extension first (.txt, .html,
// .htm, .docx, .jsonl, .ndjson), then by content for other names; with no
// content (nil) an unknown extension gives "". Old Word (.doc) and PDF files
// are refused with a message that says what to do.
func DetectFormat(name string, data []byte) (Format, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return FormatText, nil
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML, nil
	case ".docx", ".docm":
		return FormatDOCX, nil
	case ".jsonl", ".ndjson":
		return FormatJSONL, nil
	case ".doc":
		return "", errOldWord
	case ".pdf":
		return "", errPDF
	}
	if data == nil {
		return "", nil
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), " \t\r\n")
	switch {
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")):
		return "", errOldWord
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "", errPDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return FormatDOCX, nil
	case len(head) > 0 && head[0] == '<':
		return FormatHTML, nil
	case len(head) > 0 && head[0] == '{':
		return FormatJSONL, nil
	}
	return FormatText, nil
}

// ParseFile reads and parses one file of any supported format. Images that an
// HTML page refers to are looked up next to the file (its "_files" folder).
func ParseFile(path string, opts Options) (*Parsed, error) {
	format, err := DetectFormat(path, nil)
	if err != nil {
		return nil, err
	}
	limit := format.limit()
	if format == "" {
		limit = MaxFileBytes
	}
	data, err := ReadFile(path, limit)
	if err != nil {
		return nil, err
	}
	if format == "" {
		if format, err = DetectFormat(path, data); err != nil {
			return nil, err
		}
		if int64(len(data)) > format.limit() {
			return nil, tooLarge(int64(len(data)), format.limit())
		}
	}
	var p *Parsed
	switch format {
	case FormatText:
		p, err = parseText(data, filepath.Base(path), opts)
	case FormatHTML:
		p, err = parseHTML(data, filepath.Dir(path), filepath.Base(path), opts)
	case FormatDOCX:
		p, err = ParseDOCX(data, filepath.Base(path), opts)
	case FormatJSONL:
		p, err = parseJSONL(data)
	}
	if err != nil {
		return nil, err
	}
	p.Report.File = path
	return p, nil
}

func parseJSONL(data []byte) (*Parsed, error) {
	recs, err := model.ParseJSONL(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	p := &Parsed{Records: recs, Report: Report{Format: FormatJSONL}}
	p.Report.found("%d bản ghi", len(recs))
	return p, nil
}

// shorten cuts s to at most n runes, marking the cut with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
