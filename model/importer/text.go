package importer

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"bientap/model"
	"bientap/model/doc"
	"bientap/model/legacy"
	"bientap/model/vntext"
)

// ParseText reads a portal news page copied as text (select all, copy, save
// as .txt). The page is expected in the portal's order, and variants are
// tolerated:
//
//	Tin tức sự kiện                     category (a breadcrumb gives its last part)
//	Thứ hai 15/8/2022                   date line (weekday and time optional)
//	Tiêu đề của tin                     title (may also come before the date line)
//	Đoạn mở đầu (sapo)…                 body paragraphs; a short caption near the top
//	Ảnh: …                              becomes a centred italic line, the paragraph
//	…                                   before it the sapo
//	Ban biên tập                        byline (optional)
//	print  send mail  Quay lại          remains of links: left out, reported
//	Các tin đã đăng                     list heading (optional)
//	• Tiêu đề tin cũ   (27/01/2021)     listed items: one published record each
//
// Blank lines and lines of spaces are ignored; CRLF, a UTF-8 BOM, UTF-16 and
// the legacy encodings (TCVN3, VNI, VIQR, Windows-1258) are accepted. A run
// of lines pasted twice in a row is kept once. Lines that fit no field stay
// in the body (lines found after the list go to its end, with a warning).
func ParseText(data []byte, opts Options) (*Parsed, error) {
	return parseText(data, "", opts)
}

// parseText is ParseText of a file named name (the title of last resort).
func parseText(data []byte, name string, opts Options) (*Parsed, error) {
	text, enc, err := decodeText(data, opts.Encoding)
	if err != nil {
		return nil, err
	}
	p := &Parsed{Report: Report{Format: FormatText, Encoding: enc}}
	var lines []string
	for _, l := range strings.Split(vntext.CleanLines(text), "\n") {
		l = strings.TrimSpace(strings.ReplaceAll(l, "\t", " "))
		if l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return nil, errors.New("tệp không có chữ nào")
	}
	lines = dropRepeats(lines, &p.Report)
	pg := readPage(lines, &p.Report, opts)
	p.Records = pg.records(&p.Report, name, opts)
	return p, nil
}

// decodeText turns the bytes of a text file into a string and describes
// the encoding used (legacy.DecodeBytes: UTF-8, UTF-16, TCVN3, VNI, VIQR,
// Windows-1258; valid Unicode is left untouched).
func decodeText(data []byte, from string) (string, string, error) {
	if len(data) == 0 {
		return "", "", errors.New("tệp rỗng")
	}
	enc, err := legacy.ParseEncoding(from)
	if err != nil {
		return "", "", err
	}
	s, rep, err := legacy.DecodeBytes(data, enc)
	if err != nil {
		return "", "", err
	}
	return s, rep.Detail, nil
}

// dropRepeats removes a run of lines pasted twice in a row, reporting it.
func dropRepeats(lines []string, rep *Report) []string {
	keep := collapseRepeats(lines)
	var out []string
	n := 0
	for i, l := range lines {
		if keep[i] {
			out = append(out, l)
			continue
		}
		n++
		rep.drop(l, DropDuplicate)
	}
	if n > 0 {
		rep.warn("%d dòng bị dán lặp lại liền nhau; đã giữ một bản", n)
	}
	return out
}

// page is what readPage recognised.
type page struct {
	category  string
	date      time.Time
	dateFound bool
	title     string
	sapo      string
	body      []string // paragraphs, plain text
	caption   int      // index in body of an image caption, or -1
	author    string
	items     []listItem
	extra     []string // lines that fit no field, appended to the body
}

func readPage(lines []string, rep *Report, opts Options) *page {
	pg := &page{caption: -1}
	// Remains of links anywhere outside the list are left out.
	var ls []string
	for _, l := range lines {
		if isLinkLine(l, false) {
			rep.drop(l, DropLink)
			continue
		}
		ls = append(ls, l)
	}
	if len(ls) == 0 {
		pg.title = lines[0]
		rep.warn("tệp chỉ có liên kết của trang, không có nội dung tin")
		return pg
	}

	// Header: the date line within the first lines.
	d := -1
	for i := 0; i < len(ls) && i < 8; i++ {
		if t, ok := parseDateLine(ls[i]); ok && i+1 < len(ls) {
			d, pg.date, pg.dateFound = i, t, true
			rep.drop(ls[i], DropDate)
			break
		}
	}
	var pre, rest []string
	if d < 0 {
		pg.title, rest = ls[0], ls[1:]
		pg.date = opts.today()
		rep.warn("không thấy dòng ngày tháng (ví dụ «Thứ hai 15/8/2022»); tạm lấy ngày %s", pg.date.Format("02/01/2006"))
	} else {
		pre = ls[:d]
		after := ls[d+1:]
		if len(pre) >= 1 && len(after) > 0 && isSentence(after[0]) && wordCount(after[0], 15) > 15 &&
			!isSentence(pre[len(pre)-1]) &&
			!isListHeading(pre[len(pre)-1]) {
			// Category, title, date: the title came before the date line.
			pg.title, pre, rest = pre[len(pre)-1], pre[:len(pre)-1], after
		} else {
			pg.title, rest = after[0], after[1:]
		}
		if n := len(pre); n > 0 {
			pg.category = categoryOf(pre[n-1], rep)
			pre = pre[:n-1]
		}
	}
	if !titleLike(pg.title) {
		rep.warn("dòng đầu dài %d ký tự, không phải tiêu đề; đã để trong thân bài", utf8.RuneCountInString(pg.title))
		rest = append([]string{pg.title}, rest...)
		pg.title = ""
	}
	if len(pre) > 0 {
		pg.extra = append(pg.extra, pre...)
		rep.warn("%d dòng ở đầu trang không nhận ra (ví dụ «%s»); đã đưa vào cuối thân bài", len(pre), shorten(pre[0], 40))
	}

	// Tail: the list heading, or a trailing run of bulleted dated items.
	h := -1
	for i, l := range rest {
		if isListHeading(l) {
			h = i
			break
		}
	}
	listStart := h + 1
	if h < 0 {
		h = len(rest)
		for h > 0 && hasBulletRe.MatchString(rest[h-1]) {
			if _, ok := parseListItem(rest[h-1], false); !ok {
				break
			}
			h--
		}
		if len(rest)-h < 2 {
			h = len(rest)
		}
		listStart = h
	} else {
		rep.drop(rest[h], DropHeading)
	}
	body := rest[:h]
	if n := len(body); n > 0 && isByline(body[n-1]) {
		pg.author, body = body[n-1], body[:n-1]
	}
	pg.body = body
	pg.readList(rest[listStart:], rep)
	pg.findCaption()
	return pg
}

// isSentence reports whether a line reads as running text: it ends like a
// sentence or is long.
func isSentence(l string) bool {
	last, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(".!?…:;", last) || wordCount(l, 40) > 40
}

// categoryOf reads the category line; a breadcrumb ("Trang chủ > Tin tức >
// Tin địa phương") gives its last part.
func categoryOf(l string, rep *Report) string {
	parts := strings.FieldsFunc(l, func(r rune) bool { return strings.ContainsRune(">»›|/\\", r) })
	if len(parts) <= 1 {
		return l
	}
	for _, p := range parts[:len(parts)-1] {
		rep.drop(strings.TrimSpace(p), DropLink)
	}
	return strings.TrimSpace(parts[len(parts)-1])
}

// readList reads the lines after the list heading: dated items, paging
// links, further list headings; anything else goes to the body's end.
func (pg *page) readList(lines []string, rep *Report) {
	var leftover []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if it, ok := parseListItem(l, true); ok {
			pg.items = append(pg.items, it)
			rep.drop(it.datePart, DropDate)
			continue
		}
		// A title whose date went to the next line.
		if i+1 < len(lines) && dateOnlyRe.MatchString(lines[i+1]) && hasLetter(l) {
			if it, ok := parseListItem(l+" ("+strings.Trim(lines[i+1], "()[] ")+")", true); ok {
				pg.items = append(pg.items, it)
				rep.drop(lines[i+1], DropDate)
				i++
				continue
			}
		}
		switch {
		case isListHeading(l):
			rep.drop(l, DropHeading)
		case isLinkLine(l, true):
			rep.drop(l, DropLink)
		default:
			leftover = append(leftover, l)
		}
	}
	if len(leftover) > 0 {
		pg.extra = append(pg.extra, leftover...)
		rep.warn("%d dòng sau danh sách tin không nhận ra (ví dụ «%s»); đã đưa vào cuối thân bài",
			len(leftover), shorten(leftover[0], 40))
	}
}

// findCaption looks for an image caption among the first paragraphs; when
// it is the second paragraph, the first is the sapo.
func (pg *page) findCaption() {
	for i := 0; i < len(pg.body) && i < 3; i++ {
		// Without a caption word ("Ảnh:"), only a short line between a long
		// first paragraph (the sapo) and a longer one counts.
		strict := !(i == 1 && wordCount(pg.body[0], 20) >= 20 && i+1 < len(pg.body) &&
			len(pg.body[i+1]) > 2*len(pg.body[i]))
		if isCaption(pg.body[i], strict) {
			pg.caption = i
			break
		}
	}
	if pg.caption == 1 {
		pg.sapo = pg.body[0]
		pg.body = pg.body[1:]
		pg.caption = 0
	}
}

// records builds the article and the listed items.
func (pg *page) records(rep *Report, fileName string, opts Options) []*model.Record {
	a := &article{fileName: fileName, title: pg.title, sapo: pg.sapo, category: pg.category, author: pg.author, date: pg.date,
		dateFound: pg.dateFound, items: pg.items}
	for i, l := range pg.body {
		if i == pg.caption {
			a.blocks = append(a.blocks, doc.Block{Kind: doc.Centered, Runs: []doc.Run{{Text: l, Italic: true}}})
			continue
		}
		a.blocks = append(a.blocks, doc.Block{Kind: doc.Paragraph, Runs: []doc.Run{{Text: l}}})
	}
	for _, l := range pg.extra {
		a.blocks = append(a.blocks, doc.Block{Kind: doc.Paragraph, Runs: []doc.Run{{Text: l}}})
	}
	recs := a.records(rep, opts, model.StatusPublished)
	if pg.caption >= 0 {
		rep.found("Chú thích ảnh (ảnh không có trong tệp văn bản, giữ chú thích thành dòng căn giữa): «%s»",
			shorten(pg.body[pg.caption], 60))
	}
	return recs
}
