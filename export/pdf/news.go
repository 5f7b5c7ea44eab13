package pdf

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
	"bientap/model/vntext"
)

// News print view geometry (mm) and sizes (pt). The view is not bound by
// Decree 30; it follows the portal's print page.
const (
	newsTop, newsBottom, newsSide = 16.0, 22.0, 20.0
	nsHeader                      = 10.0
	nsDate                        = 11.0
	nsTitle                       = 20.0
	nsSapo                        = 13.0
	nsBody                        = 13.0
	nsCaption                     = 11.0
	nsFooter                      = 9.0
	nsSpacing                     = 1.2
)

// News writes r as the news print view: a header line with the portal or
// agency and the category, the weekday and date, the title large and bold,
// the sapo in bold, the featured image at the text width with its caption in
// italics, the justified body, the byline right-aligned in bold, and
// "Trang N/M" with the item's portal address in every page's footer. A draft
// or an item awaiting review carries the DỰ THẢO mark on every page.
func News(w io.Writer, r *model.Record, opt Options) (Result, error) {
	e := newEngine(opt, false)
	d := doc.Parse(r.Body)
	left, right := newsSide, e.pageW-newsSide
	tw := right - left
	bottom := e.pageH - newsBottom
	fl := e.newFlow(newsTop, bottom)
	var us []unit

	// Header line: portal or agency on the left, category on the right.
	portal := cmp.Or(strings.TrimSpace(opt.PortalName), strings.TrimSpace(oneLine(r.Agency)), strings.TrimSpace(opt.Agency))
	cat := strings.TrimSpace(e.clean(r.Category))
	var hops []op
	hb := ascent * nsHeader * ptMM
	catW := 0.0
	if cat != "" {
		catW = e.width(cat, italic, nsHeader)
		hops = append(hops, op{kind: opText, x: right - catW, y: hb, w: catW, text: cat, face: italic, size: nsHeader})
	}
	if portal != "" {
		avail := tw - catW - 6
		ls := e.breakLines(e.words(e.plain(strings.ToUpper(portal), bold), nsHeader), avail, avail, nsHeader)
		hops = append(hops, lineOps(ls[0], left, hb, avail, 'L', nsHeader)...)
	}
	hops = append(hops, lineOp(left, hb+2.2, right, hb+2.2, 0.4))
	us = append(us, unit{h: hb + 2.2, ops: hops})

	// Weekday and date.
	if !r.Date.IsZero() {
		us = append(us, e.para(e.plain(vntext.NewsDate(r.Date), italic), left, tw, 0, lineHeight(nsDate, 1), nsDate, 'L', 4)...)
	}
	// Title.
	title := cmp.Or(strings.TrimSpace(r.Title), strings.TrimSpace(r.Summary))
	// The title fills the width, as the portal shows it (not balanced into
	// narrow lines).
	tl := e.breakLines(e.words(e.plain(title, bold), nsTitle), tw, tw, nsTitle)
	us = append(us, keepAll(e.lineUnits(tl, left, tw, 0, lineHeight(nsTitle, 1.05), nsTitle, 'L', 3))...)
	// Sapo.
	if s := strings.TrimSpace(r.Summary); s != "" && s != strings.TrimSpace(title) {
		us = append(us, e.para(e.plain(s, bold), left, tw, 0, lineHeight(nsSapo, nsSpacing), nsSapo, 'J', 4)...)
	}
	// Featured image, unless the body shows it itself.
	skip := ""
	if fi := r.FeaturedImage(); fi != nil {
		inBody := false
		for _, b := range d.Blocks {
			if b.Kind == doc.Image && b.Src == fi.Name && fi.Name != "" {
				inBody = true
			}
		}
		if !inBody {
			us = append(us, e.imageUnits(fi, e.plain(fi.Caption, regular), left, tw, 115, nsCaption, 5)...)
		}
	}
	// Body.
	st := bodyStyle{x: left, w: tw, size: nsBody, spacing: nsSpacing, indent: 0, gap: 6 * ptMM, align: 'J',
		tableSize: 11, captionSize: nsCaption, maxImageH: 115, head1: 15, head2: nsBody}
	bu := e.body(r, d, st, skip)
	if len(bu) > 0 {
		bu[0].before = 5
		bu[len(bu)-1].keep = true // the byline does not stand alone
	}
	us = append(us, bu...)
	// Byline.
	author := cmp.Or(strings.TrimSpace(r.Author), model.DefaultAuthor)
	us = append(us, e.para(e.plain(author, bold), left, tw, 0, lineHeight(nsBody, nsSpacing), nsBody, 'R', 4)...)
	fl.place(us)

	// Footer on every page: the portal address and "Trang N/M".
	url := strings.TrimSpace(e.clean(r.URL))
	n := len(e.pages)
	fy := e.pageH - newsBottom + 8
	for i, p := range e.pages {
		p.ops = append(p.ops, lineOp(left, fy-4, right, fy-4, 0.2))
		pn := "Trang " + itoa(i+1) + "/" + itoa(n)
		pw := e.width(pn, regular, nsFooter)
		p.ops = append(p.ops, op{kind: opText, x: right - pw, y: fy, w: pw, text: pn, size: nsFooter})
		if url != "" {
			avail := tw - pw - 6
			ls := e.breakLines(e.words(e.plain(url, regular), nsFooter), avail, avail, nsFooter)
			p.ops = append(p.ops, lineOps(ls[0], left, fy, avail, 'L', nsFooter)...)
		}
	}
	e.draftMarks(decree.Of(r, opt.headerOptions()), left, right, newsTop)
	return e.render(w, meta{
		title:    title,
		author:   cmp.Or(portal, author),
		subject:  r.Summary,
		keywords: strings.TrimSpace(strings.Join(nonEmpty(cat, "tin bài"), ", ")),
		date:     r.Updated,
	})
}

// nonEmpty returns the non-blank strings among ss.
func nonEmpty(ss ...string) []string {
	return slices.DeleteFunc(ss, func(s string) bool { return strings.TrimSpace(s) == "" })
}
