package docx

import (
	"fmt"
	"strings"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
	"bientap/model/vntext"
)

// News article sizes (pt) and page (mm), as the news print view.
const (
	newsBody            = 13.0
	newsTop, newsBottom = 16.0, 22.0
	newsSide            = 20.0
	newsMaxImage        = 115.0 // mm, the tallest picture
	newsFooterSize      = 9.0   // pt, the page number
)

// news is document.xml of a news item: a plain article.
func (d *docWriter) news() string {
	r := d.r
	dd := doc.Parse(r.Body)
	width := 210 - 2*newsSide
	var b strings.Builder
	if s := strings.TrimSpace(d.o.PortalName); s != "" {
		b.WriteString(paragraph(para(stCongTT), run(strings.ToUpper(s), rPr{})))
	}
	if !r.Date.IsZero() {
		b.WriteString(paragraph(para(stNgayDang), run(vntext.NewsDate(r.Date), rPr{})))
	}
	title := strings.TrimSpace(r.Title)
	if title == "" {
		title = strings.TrimSpace(r.Summary)
	}
	b.WriteString(paragraph(para(stTitle), run(title, rPr{})))
	if s := strings.Join(strings.Fields(r.Summary), " "); s != "" && s != title {
		b.WriteString(paragraph(para(stSapo), run(s, rPr{})))
	}
	if fi := r.FeaturedImage(); fi != nil && !placed(dd, fi.Name) {
		b.WriteString(d.pictureOf(fi, fi.Caption, stAnhDaiDien, -1, width, newsMaxImage))
	}
	for _, bl := range dd.Blocks {
		switch bl.Kind {
		case doc.Heading:
			st := stHeading1
			if bl.Level >= 2 {
				st = stHeading2
			}
			b.WriteString(paragraph(para(st), docRuns(bl.Runs)...))
		case doc.Centered:
			p := para(stNoiDungTin)
			p.align = "center"
			b.WriteString(paragraph(p, docRuns(bl.Runs)...))
		case doc.Image:
			b.WriteString(d.picture(bl, -1, width, newsMaxImage))
		case doc.Table:
			b.WriteString(d.table(bl))
		default:
			b.WriteString(paragraph(para(stNoiDungTin), docRuns(bl.Runs)...))
		}
	}
	author := strings.TrimSpace(r.Author)
	if author == "" {
		author = model.DefaultAuthor
	}
	b.WriteString(paragraph(para(stTacGia), run(author, rPr{})))
	if h := d.newsDraftHeader(); h != "" {
		d.addHeader(h)
	}
	footer := d.addFooter(newsFooter(width))
	sect := fmt.Sprintf(`<w:sectPr>%s<w:footerReference w:type="default" r:id="%s"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/></w:sectPr>`,
		d.headerRefs(), footer, tw(newsTop), tw(newsSide), tw(newsBottom), tw(newsSide), tw(5), tw(8))
	return documentXML(b.String(), sect)
}

// newsFooter is the footer of every page of a news item: a rule and "Trang
// N/M" at the right, as in the news print view (Word and LibreOffice fill
// in the numbers). The print view's portal address is left out: a draft
// handed to a leader has none yet, and an address the importer cannot read
// back would make the file of an imported item differ from the original's.
func newsFooter(width float64) string {
	p := pPr{align: "left", noIndent: true, border: border([]string{"top"}, 2, 4), tabs: []tab{{"right", tw(width)}}}
	size := rPr{size: newsFooterSize}
	return paragraph(p, run("\tTrang ", size), field("PAGE", "1", size), run("/", size), field("NUMPAGES", "1", size))
}

// newsDraftHeader is the DỰ THẢO mark of a news item not yet approved, in
// the header of every page; "" otherwise.
func (d *docWriter) newsDraftHeader() string {
	r := d.r
	if r.Status != model.StatusDraft && r.Status != model.StatusReview {
		return ""
	}
	d.h = decree.Of(r, d.o.Header)
	if d.h.Draft == nil {
		return ""
	}
	return paragraph(para(stDuThao), run(d.h.Draft.Label, rPr{border: true})) + d.draftNote()
}

// headerRefs references the header parts added (news: the draft mark on
// every page).
func (d *docWriter) headerRefs() string {
	if len(d.headers) == 0 {
		return ""
	}
	return `<w:headerReference w:type="default" r:id="rIdHeader1"/>`
}

// placed reports whether the body shows the picture named name.
func placed(d doc.Document, name string) bool {
	for _, b := range d.Blocks {
		if b.Kind == doc.Image && b.Src == name {
			return true
		}
	}
	return false
}
