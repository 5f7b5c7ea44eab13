package importer

import (
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"bientap/model"
	"bientap/model/doc"
	"bientap/model/vntext"
)

// article is what a page importer (text, HTML, a news .docx) found of the
// main item, before it becomes a record.
type article struct {
	fileName                      string // the title of last resort
	title, sapo, category, author string
	date                          time.Time
	dateFound                     bool
	blocks                        []doc.Block
	images                        []model.Image
	items                         []listItem // a "Các tin đã đăng" list
}

// records builds the article's record (kind and status from opts, else news
// and defaultStatus) and one published record per listed item, and reports
// what was recognised. The images take their captions from the body.
func (a *article) records(rep *Report, opts Options, defaultStatus model.Status) []*model.Record {
	kind, status := opts.Kind, opts.Status
	if kind == "" {
		kind = model.KindNews
	}
	if status == "" {
		status = defaultStatus
	}
	d := doc.Document{Blocks: make([]doc.Block, len(a.blocks))}
	paras := make([]string, 0, len(a.blocks))
	for i, b := range a.blocks {
		b.Line = i + 1
		d.Blocks[i] = b
		if b.Kind == doc.Image {
			if im := findImage(a.images, b.Src); im != nil {
				im.Caption = doc.PlainText(b.Runs)
			}
		}
		paras = append(paras, doc.PlainText(b.Runs))
	}
	title := a.title
	if !titleLike(title) && title != "" {
		rep.warn("tiêu đề tìm thấy dài %d ký tự, không dùng", utf8.RuneCountInString(title))
		title = ""
	}
	if title == "" {
		title = fileTitle(a.fileName)
		if title == "" {
			title = "(Không có tiêu đề)"
			rep.warn("không tìm được tiêu đề của tin; hãy đặt tiêu đề")
		} else {
			rep.warn("không thấy tiêu đề trong tệp; lấy tên tệp «%s» làm tiêu đề", title)
		}
	}
	art := &model.Record{Kind: kind, Status: status, Title: title, Summary: a.sapo, Body: d.Markup(),
		Category: a.category, Author: a.author, Date: a.date, Images: a.images}
	reportArticle(rep, art, a.dateFound, a.blocks)
	warnRepeatedParagraphs(rep, paras)
	return append([]*model.Record{art}, listRecords(a.items, art, rep)...)
}

// maxTitleRunes bounds a title read from a file: a longer line is text, not
// a title.
const maxTitleRunes = 300

// titleLike reports whether a line may be a title: not empty and not
// longer than maxTitleRunes.
func titleLike(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && utf8.RuneCountInString(s) <= maxTitleRunes
}

// fileTitle is a file name without its extension, cleaned, as a title of
// last resort ("" when nothing usable is left).
func fileTitle(name string) string {
	t := strings.TrimSpace(vntext.Clean(strings.TrimSuffix(name, path.Ext(name))))
	if !titleLike(t) {
		t = shorten(t, 120)
	}
	return t
}

// reportArticle writes what was recognised of the main record.
func reportArticle(rep *Report, r *model.Record, dateFound bool, blocks []doc.Block) {
	if r.Category != "" {
		rep.found("Chuyên mục: %s", shorten(r.Category, 80))
	}
	if dateFound {
		rep.found("Ngày: %s", r.Date.Format("02/01/2006"))
	}
	rep.found("Tiêu đề: %s", shorten(r.Title, 120))
	if r.Summary != "" {
		rep.found("Sapo: «%s»", shorten(r.Summary, 60))
	}
	n := 0
	for _, b := range blocks {
		if b.Kind != doc.Image {
			n++
		}
	}
	rep.found("Thân bài: %d đoạn, %d ảnh", n, len(r.Images))
	if r.Author != "" {
		rep.found("Tác giả: %s", shorten(r.Author, 80))
	} else {
		rep.found("Không thấy dòng tác giả; dùng «%s»", model.DefaultAuthor)
	}
}

// listRecords turns listed items into published records (title and date,
// empty body) in the article's category; repeats of the article or of an
// earlier item are left out.
func listRecords(items []listItem, art *model.Record, rep *Report) []*model.Record {
	seen := map[string]bool{art.Title + "\x00" + art.Date.Format(model.ISODate): true}
	var recs []*model.Record
	for _, it := range items {
		key := it.title + "\x00" + it.date.Format(model.ISODate)
		if seen[key] {
			rep.drop(it.title, DropInBatch)
			continue
		}
		seen[key] = true
		recs = append(recs, &model.Record{Kind: model.KindNews, Status: model.StatusPublished, Title: it.title,
			Date: it.date, Category: art.Category})
	}
	if len(items) > 0 {
		rep.found("Các tin đã đăng: %d tin (mỗi tin thành một bản ghi đã đăng, chỉ có tiêu đề và ngày)", len(recs))
	}
	return recs
}

// warnRepeatedParagraphs warns about a long paragraph found twice in the
// body (not in a row: those were dropped); both copies are kept.
func warnRepeatedParagraphs(rep *Report, paras []string) {
	seen := map[string]bool{}
	for _, p := range paras {
		if utf8.RuneCountInString(p) < 60 {
			continue
		}
		if seen[p] {
			rep.warn("đoạn «%s» xuất hiện hai lần trong thân bài; hãy kiểm tra", shorten(p, 40))
			continue
		}
		seen[p] = true
	}
}

// isoDate reads the date part of an ISO timestamp ("2022-08-15T09:30+07:00")
// or a day-first date.
func isoDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' {
		s = s[:10]
	}
	if s == "" {
		return time.Time{}, false
	}
	t, err := vntext.ParseDate(s)
	return t, err == nil
}
