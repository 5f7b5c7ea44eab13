// This file holds the page heuristics of the HTML importer: where the list
// of earlier items, the title, the date, the category, the sapo and the
// article's container are, and the rules applied to the converted blocks.

package importer

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"bientap/model/doc"
)

func (hp *htmlPage) findListHeading() *html.Node {
	for _, n := range hp.elements() {
		if isElem(n, atom.Body, atom.Html) {
			continue
		}
		t, ok := shortText(n, 400)
		if ok && t != "" && isListHeading(t) {
			// The innermost element holding only the heading.
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && textOf(c) == t {
					n = c
				}
			}
			hp.skip[n] = true
			hp.rep.drop(t, DropHeading)
			return n
		}
	}
	return nil
}

// findTitle picks the article title among headings and title-classed
// elements; the page's <title> is the fallback.
func (hp *htmlPage) findTitle(pageTitle string) *html.Node {
	og := hp.meta["og:title"]
	if hp.ours && og != "" {
		hp.title = og
		return nil
	}
	var best *html.Node
	bestScore, bestSure := 0, false
	for _, n := range hp.elements() {
		ci := classID(n)
		score := 0
		switch n.DataAtom {
		case atom.H1:
			score = 4
		case atom.H2:
			score = 3
		case atom.H3:
			score = 1
		}
		titleClass := hasAny(ci, "title", "tieude", "tieu-de", "tieu_de", "headline", "heading")
		if score == 0 && !titleClass {
			continue
		}
		if score == 0 {
			// A title-classed container must not hold the article itself.
			if hasBlockChild(n) {
				continue
			}
			score = 2
		}
		if titleClass {
			score += 3
		}
		t, ok := shortText(n, 2000)
		if l := utf8.RuneCountInString(t); !ok || l < 4 || l > 400 || isListHeading(t) || isLinkLine(t, false) {
			continue
		}
		matches := og != "" && t == og || pageTitle != "" && strings.Contains(pageTitle, t)
		if matches {
			score += 4
		}
		if hasAny(ci, "logo", "site", "banner", "menu", "brand") || insideAny(n, atom.Header, atom.Footer, atom.Aside, atom.Nav) {
			score -= 6
		}
		if hp.listHead != nil && hp.before(hp.listHead, n) {
			score -= 5
		}
		if score > bestScore {
			best, bestScore, bestSure = n, score, titleClass || matches
		}
	}
	if best != nil && !bestSure && og != "" {
		best = nil // a heading that is neither named nor matching: og:title is surer
	}
	if best != nil {
		hp.title = textOf(best)
		hp.skip[best] = true
		return best
	}
	switch {
	case og != "":
		hp.title = og
	case pageTitle != "":
		hp.title = pageTitle
		for _, sep := range []string{" | ", " - ", " – ", " — "} {
			if i := strings.Index(pageTitle, sep); i > 0 && wordCount(pageTitle[:i], 3) >= 3 {
				hp.title = pageTitle[:i]
				break
			}
		}
	}
	if hp.title != "" {
		hp.rep.warn("không thấy thẻ tiêu đề trong trang; lấy tiêu đề từ tên trang: %s", hp.title)
	}
	return nil
}

// findDate reads the date line nearest the title, else a <time> element or
// a date meta tag.
func (hp *htmlPage) findDate(titleNode *html.Node) {
	var best *html.Node
	bestDist := -1
	for _, n := range hp.elements() {
		if hp.skip[n] || isElem(n, atom.Body, atom.Html) || hp.listHead != nil && hp.before(hp.listHead, n) {
			continue
		}
		t, short := shortText(n, 600)
		if !short || t == "" || utf8.RuneCountInString(t) > 100 {
			continue
		}
		d, ok := parseDateLine(t)
		if !ok {
			continue
		}
		dist := 0
		if titleNode != nil {
			dist = hp.order[n] - hp.order[titleNode]
			if dist < 0 {
				dist = -dist
			}
		}
		if best == nil || dist < bestDist || dist == bestDist && hp.order[n] < hp.order[best] {
			best, bestDist, hp.date = n, dist, d
		}
	}
	if best != nil {
		// The outermost element holding only the date line.
		for best.Parent != nil && !isElem(best.Parent, atom.Body) && textOf(best.Parent) == textOf(best) {
			best = best.Parent
		}
		hp.skip[best] = true
		hp.dateFound = true
		hp.rep.drop(textOf(best), DropDate)
		return
	}
	for _, n := range hp.elements() {
		if isElem(n, atom.Time) {
			if d, ok := isoDate(attr(n, "datetime")); ok {
				hp.date, hp.dateFound = d, true
				return
			}
		}
	}
	for _, k := range []string{"article:published_time", "dcterms.date", "dc.date", "date", "pubdate",
		"publish-date", "datepublished", "og:published_time", "dcterms.created", "article:modified_time"} {
		if d, ok := isoDate(hp.meta[k]); ok {
			hp.date, hp.dateFound = d, true
			return
		}
	}
	hp.date = hp.opts.today()
	hp.rep.warn("không thấy ngày đăng trong trang; tạm lấy ngày %s", hp.date.Format("02/01/2006"))
}

// findCategory reads a breadcrumb's last part, a category element or meta
// article:section.
func (hp *htmlPage) findCategory(titleNode *html.Node) {
	for _, n := range hp.elements() {
		ci := classID(n)
		if !hasAny(ci, "breadcrumb", "duongdan", "duong-dan", "category", "chuyenmuc", "chuyen-muc", "catname",
			"cat-name", "danhmuc", "danh-muc") || hp.skip[n] {
			continue
		}
		var parts []string
		var walk func(*html.Node)
		walk = func(c *html.Node) {
			if isElem(c, atom.A, atom.Li, atom.Span) && textOf(c) != "" && !hasBlockChild(c) {
				if !isLinkLine(textOf(c), false) { // "Trang chủ" is no category
					parts = append(parts, textOf(c))
				}
				return
			}
			for k := c.FirstChild; k != nil; k = k.NextSibling {
				walk(k)
			}
		}
		walk(n)
		if len(parts) == 0 {
			if t := textOf(n); t != "" && !isLinkLine(t, false) && !strings.ContainsAny(t, "»›>") {
				parts = []string{t}
			} else {
				continue
			}
		}
		last := strings.Trim(parts[len(parts)-1], " >»›/|")
		if last == hp.title && len(parts) > 1 {
			last = strings.Trim(parts[len(parts)-2], " >»›/|")
		}
		if last == "" || utf8.RuneCountInString(last) > 80 {
			continue
		}
		hp.category = last
		hp.skip[n] = true
		return
	}
	hp.category = hp.meta["article:section"]
}

var sapoClasses = []string{"sapo", "summary", "lead", "description", "intro", "chapeau", "tomtat", "tom-tat",
	"mota", "mo-ta", "trichyeu", "trich-yeu", "abstract", "excerpt", "teaser", "desc-news", "news-desc"}

// findSapo finds an element whose class names it the sapo.
func (hp *htmlPage) findSapo() *html.Node {
	for _, n := range hp.elements() {
		if hp.skip[n] || isElem(n, atom.Body, atom.Html) || (hp.listHead != nil && hp.before(hp.listHead, n)) {
			continue
		}
		ci := classID(n)
		if !hasAny(ci, sapoClasses...) || hasAny(ci, "caption", "image", "img", "photo") {
			continue
		}
		c := &htmlConv{hp: hp}
		c.walk(n, inline{})
		c.flush()
		var runs []doc.Run
		for _, b := range c.out {
			if len(runs) > 0 {
				runs = append(runs, doc.Run{Text: " "})
			}
			runs = append(runs, b.Runs...)
		}
		runs = trimRuns(runs)
		if len(runs) == 0 || len(c.out) > 3 {
			continue
		}
		hp.sapo = unbold(runs)
		hp.skip[n] = true
		return n
	}
	return nil
}

// findContainer scores elements by the paragraph text they hold (a
// paragraph counts fully for its parent and half for its grandparent),
// favouring article-like classes and penalising navigation-like ones and
// link-heavy text.
func (hp *htmlPage) findContainer() *html.Node {
	score := map[*html.Node]float64{}
	for _, n := range hp.elements() {
		if !isElem(n, atom.P, atom.Pre, atom.Td, atom.Div, atom.Li, atom.Blockquote, atom.Figure, atom.Table, atom.H2, atom.H3) {
			continue
		}
		if !isElem(n, atom.P, atom.Pre, atom.Figure, atom.Table) && hasBlockChild(n) {
			continue
		}
		l := float64(utf8.RuneCountInString(textOf(n)))
		if isElem(n, atom.Figure, atom.Table) || containsImg(n) {
			l += 50
		}
		if l < 20 {
			continue
		}
		if p := n.Parent; p != nil {
			score[p] += l
			if g := p.Parent; g != nil {
				score[g] += l / 2
			}
		}
	}
	var best *html.Node
	bestScore := 0.0
	for n, s := range score {
		if isElem(n, atom.Html) {
			continue
		}
		ci := classID(n)
		if hasAny(ci, "content", "detail", "chitiet", "chi-tiet", "noidung", "noi-dung", "article", "entry", "body",
			"post", "story", "news", "text", "main") {
			s *= 1.25
		}
		if hasAny(ci, "comment", "footer", "menu", "sidebar", "side-bar", "related", "tinkhac", "tin-khac",
			"lienquan", "lien-quan", "widget", "banner", "advert", "share", "social", "breadcrumb", "other",
			"copyright") || isElem(n, atom.Nav, atom.Footer, atom.Header, atom.Aside) {
			s *= 0.5
		}
		s *= 1 - linkDensity(n)
		if s > bestScore || s == bestScore && best != nil && hp.order[n] < hp.order[best] {
			best, bestScore = n, s
		}
	}
	return best
}

// finishBlocks applies the page rules to the converted blocks: remains of
// links go, captions join their pictures, pictures that could not be read
// leave their caption as a centred italic line, the byline becomes the
// author, a first all-bold paragraph becomes the sapo, a run pasted twice is
// kept once.
func (hp *htmlPage) finishBlocks(haveSapo bool) {
	if hp.ours {
		hp.finishOurs()
		return
	}
	var bs []hblock
	for _, b := range hp.blocks {
		if b.Kind == doc.Paragraph || b.Kind == doc.Centered {
			t := doc.PlainText(b.Runs)
			if isLinkLine(t, false) {
				hp.rep.drop(t, DropLink)
				continue
			}
		}
		bs = append(bs, b)
	}
	// Captions: a short paragraph right after a picture.
	joined := bs[:0]
	for i := 0; i < len(bs); i++ {
		b := bs[i]
		if b.Kind == doc.Image && len(b.Runs) == 0 && !b.figure && i+1 < len(bs) {
			nx := bs[i+1]
			t := doc.PlainText(nx.Runs)
			if (nx.Kind == doc.Paragraph || nx.Kind == doc.Centered) && (nx.captionClass || isCaption(t, true) ||
				allItalic(nx.Runs) && wordCount(t, 50) <= 50 || nx.Kind == doc.Centered && isCaption(t, false)) {
				b.Runs = nonItalic(nx.Runs)
				i++
			}
		}
		joined = append(joined, b)
	}
	bs = joined
	// Without a caption, the picture's alternative text serves.
	for i := range bs {
		if bs[i].Kind == doc.Image && len(bs[i].Runs) == 0 && !bs[i].figure {
			bs[i].Runs = bs[i].alt
		}
	}
	for i := range bs {
		if bs[i].remote != "" {
			if len(bs[i].Runs) > 0 {
				bs[i].Block = doc.Block{Kind: doc.Centered, Runs: italic(bs[i].Runs)}
			} else {
				bs[i].Kind = -1
			}
		}
	}
	// Byline: the last paragraph.
	for i := len(bs) - 1; i >= 0; i-- {
		if bs[i].Kind == -1 {
			continue
		}
		t := doc.PlainText(bs[i].Runs)
		if (bs[i].Kind == doc.Paragraph || bs[i].Kind == doc.Centered) &&
			(bs[i].authorClass && utf8.RuneCountInString(t) <= 100 || isByline(t)) {
			hp.author = t
			bs = append(bs[:i], bs[i+1:]...)
		}
		break
	}
	// Sapo: a first paragraph in bold, when the page names none.
	if !haveSapo {
		for i, b := range bs {
			if b.Kind == -1 {
				continue
			}
			t := doc.PlainText(b.Runs)
			if b.Kind == doc.Paragraph && allBold(b.Runs) && wordCount(t, 12) >= 12 && i+1 < len(bs) {
				hp.sapo = unbold(b.Runs)
				bs = append(bs[:i], bs[i+1:]...)
				hp.rep.found("Sapo lấy từ đoạn in đậm đầu tiên")
			}
			break
		}
	}
	// A run of blocks pasted twice in a row.
	keys := make([]string, len(bs))
	for i, b := range bs {
		if b.Kind != -1 {
			keys[i] = doc.Document{Blocks: []doc.Block{b.Block}}.Markup()
		}
	}
	keep := collapseRepeats(keys)
	var out []hblock
	for i, b := range bs {
		switch {
		case b.Kind == -1:
		case !keep[i]:
			hp.rep.drop(keys[i], DropDuplicate)
		default:
			out = append(out, b)
		}
	}
	if len(out) < len(bs) && len(hp.rep.Dropped) > 0 && hp.rep.Dropped[len(hp.rep.Dropped)-1].Why == DropDuplicate {
		hp.rep.warn("có đoạn bị dán lặp lại liền nhau; đã giữ một bản")
	}
	hp.blocks = out
}

// finishOurs completes a page Biên Tập wrote: the byline is the paragraph
// so classed, a picture that could not be read leaves its caption; nothing
// else moves.
func (hp *htmlPage) finishOurs() {
	var out []hblock
	for _, b := range hp.blocks {
		switch {
		case b.remote != "" && len(b.Runs) > 0:
			out = append(out, hblock{Block: doc.Block{Kind: doc.Centered, Runs: italic(b.Runs)}})
		case b.remote != "":
		case b.authorClass && b.Kind != doc.Image && b.Kind != doc.Table:
			hp.author = doc.PlainText(b.Runs)
		default:
			out = append(out, b)
		}
	}
	hp.blocks = out
}

// readList reads the items after the "Các tin đã đăng" heading.
func (hp *htmlPage) readList() {
	if hp.listHead == nil {
		return
	}
	var lines []string
	started := false
	var walk func(*html.Node)
	done := false
	walk = func(n *html.Node) {
		if done || n.Type != html.ElementNode && n.Type != html.DocumentNode || skipAtoms[n.DataAtom] {
			return
		}
		if isElem(n, atom.Li, atom.P, atom.Tr, atom.Dt, atom.Dd) || isElem(n, atom.Div, atom.A) && !hasBlockChild(n) {
			if hp.before(hp.listHead, n) && !isDescendant(n, hp.listHead) {
				t := textOf(n)
				if t != "" {
					lines = append(lines, t)
					if len(lines) > 500 {
						done = true
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(hp.root)
	for _, l := range lines {
		if it, ok := parseListItem(l, true); ok {
			hp.items = append(hp.items, it)
			hp.rep.drop(it.datePart, DropDate)
			started = true
			continue
		}
		if isLinkLine(l, true) {
			hp.rep.drop(l, DropLink)
			continue
		}
		if started || isListHeading(l) {
			if isListHeading(l) {
				hp.rep.drop(l, DropHeading)
				continue
			}
			break
		}
	}
}
