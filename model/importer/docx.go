package importer

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"bientap/model"
	"bientap/model/doc"
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
		return nil, fmt.Errorf("tệp .docx không có nội dung đọc được (%s): %w", mainPart, err)
	}
	root, err := parseXML(docXML)
	if err != nil {
		return nil, fmt.Errorf("nội dung .docx hỏng (%s): %w", mainPart, err)
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
	bs = joinCaptions(bs)
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
			wordCount(t, 40) <= 40 && !isSentence(t) {
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
		r.Date = opts.today()
		dx.rep.warn("không thấy ngày trong tệp; tạm lấy ngày %s", r.Date.Format("02/01/2006"))
	}
	// Byline and sapo.
	if n := len(bs); n > 0 && (bs[n-1].Kind == doc.Paragraph || bs[n-1].Kind == doc.Centered) && isByline(doc.PlainText(bs[n-1].Runs)) {
		r.Author = doc.PlainText(bs[n-1].Runs)
		bs = bs[:n-1]
	}
	if kind == model.KindNews && len(bs) > 1 && bs[0].Kind == doc.Paragraph && allBold(bs[0].Runs) &&
		wordCount(doc.PlainText(bs[0].Runs), 12) >= 12 {
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

var decreeDateRe = regexp.MustCompile(`(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)

// joinCaptions makes a Caption-styled (or short italic) paragraph after a
// picture the picture's caption.
func joinCaptions(bs []dblock) []dblock {
	out := bs[:0]
	for i := 0; i < len(bs); i++ {
		b := bs[i]
		if b.Kind == doc.Image && i+1 < len(bs) {
			nx := bs[i+1]
			t := doc.PlainText(nx.Runs)
			if nx.Kind != doc.Image && nx.Kind != doc.Table && (nx.caption || isCaption(t, true) ||
				allItalic(nx.Runs) && wordCount(t, 50) <= 50) {
				b.Runs = nonItalic(nx.Runs)
				i++
			}
		}
		out = append(out, b)
	}
	return out
}
