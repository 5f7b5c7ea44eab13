package importer

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"bientap/model"
	"bientap/model/doc"
	"bientap/model/legacy"
	"bientap/model/vntext"
)

// ParseHTML reads a portal news page saved as HTML. dir is the folder the
// page was saved in: images are read from files below it (the "…_files"
// folder a browser writes) or from data: URIs; images on the web cannot be
// fetched offline, their captions are kept and the address is reported.
//
// The page is parsed with a real HTML parser (golang.org/x/net/html), and
// the article is found by heuristics: the title is the h1/h2 (or element
// whose class names a title) that best matches the page title; the date is
// the element nearest the title whose text is a date line (else <time> or a
// date meta tag); the category comes from a breadcrumb, a category element or
// meta article:section; the body is the element holding most paragraph text.
// Only text and allowed structure survive, by construction: paragraphs,
// headings, centred lines, images with captions, simple tables, and bold or
// italic runs. Scripts, styles, forms, links' targets and every attribute are
// dropped, and text is escaped into Biên Tập's markup, so no imported markup
// is ever live. The "Các tin đã đăng" list is read as in ParseText.
func ParseHTML(data []byte, dir string, opts Options) (*Parsed, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("tệp rỗng")
	}
	text, enc, err := decodeHTML(data, opts.Encoding)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("không đọc được HTML: %v", err)
	}
	p := &Parsed{Report: Report{Format: FormatHTML, Encoding: enc}}
	hp := newHTMLPage(root, dir, &p.Report, opts)
	p.Records = hp.records(opts)
	return p, nil
}

// decodeHTML reads the page's bytes as text: in the encoding the clerk chose
// (from), else UTF-16 and other declared multi-byte charsets through their
// decoders, UTF-8, Windows-1258 and undeclared single-byte text through the
// legacy converters (old pages in TCVN3 or VNI declare windows-1252 or
// nothing).
func decodeHTML(data []byte, from string) (string, string, error) {
	forced, err := legacy.ParseEncoding(from)
	if err != nil {
		return "", "", err
	}
	if forced != legacy.Auto {
		s, rep, err := legacy.DecodeBytes(data, forced)
		return s, rep.Detail, err
	}
	e, name, _ := charset.DetermineEncoding(data, "")
	switch {
	case utf8.Valid(data) || name == "windows-1252" || name == "iso-8859-1" || strings.HasPrefix(name, "utf-16"):
		s, rep, err := legacy.DecodeBytes(data, legacy.Auto)
		return s, rep.Detail, err
	case name == "windows-1258":
		s, rep, err := legacy.DecodeBytes(data, legacy.CP1258)
		return s, rep.Detail, err
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("không đọc được bảng mã %s của trang: %v", name, err)
	}
	return vntext.Clean(string(out)), "Đọc theo bảng mã khai báo " + name, nil
}

// htmlPage is the analysis of one page.
type htmlPage struct {
	root  *html.Node
	dir   string
	rep   *Report
	opts  Options
	order map[*html.Node]int // document order of elements
	meta  map[string]string  // <meta name|property> → content, lower-case keys
	skip  map[*html.Node]bool
	ours  bool // written by Biên Tập (htmlexport): read literally

	title, category, author string
	sapo                    []doc.Run
	date                    time.Time
	dateFound               bool
	listHead                *html.Node
	blocks                  []hblock
	imgs                    imageSet
	items                   []listItem
}

// hblock is a converted block with what the conversion knew of its source.
type hblock struct {
	doc.Block
	authorClass  bool   // the source element's class names an author
	captionClass bool   // … a caption
	right        bool   // right-aligned
	figure       bool   // a picture of a <figure>: its caption is the figcaption
	remote       string // a picture that could not be read: its address
	alt          []doc.Run
}

// skipped elements carry no article text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Form: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Option: true,
	atom.Head: true, atom.Audio: true, atom.Video: true, atom.Map: true, atom.Area: true, atom.Meta: true,
	atom.Link: true, atom.Title: true, atom.Dialog: true,
}

// blockAtoms start a new paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Aside: true,
	atom.Header: true, atom.Footer: true, atom.Blockquote: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Caption: true, atom.Figure: true,
	atom.Figcaption: true, atom.Center: true, atom.Address: true, atom.Pre: true, atom.Hr: true,
	atom.Fieldset: true, atom.Details: true, atom.Summary: true, atom.Body: true, atom.Html: true, atom.Nav: true,
}

func isElem(n *html.Node, a ...atom.Atom) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	for _, x := range a {
		if n.DataAtom == x {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// classID is the element's class and id, lower case, for heuristics.
func classID(n *html.Node) string {
	return strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
}

func hasAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// textOf is the visible text of n, whitespace collapsed, blocks separated
// by spaces.
func textOf(n *html.Node) string {
	t, _ := shortText(n, -1)
	return t
}

// shortText is textOf for an element whose raw text is at most limit bytes
// (any length when limit < 0); ok is false, and the walk stops early, for
// longer text.
func shortText(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	over := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if over {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			if limit >= 0 && b.Len() > limit {
				over = true
				return
			}
		case html.ElementNode:
			if skipAtoms[n.DataAtom] {
				return
			}
			if blockAtoms[n.DataAtom] || n.DataAtom == atom.Br {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockAtoms[n.DataAtom] {
			b.WriteByte(' ')
		}
	}
	walk(n)
	if over {
		return "", false
	}
	return cleanInline(b.String()), true
}

// hasText reports whether n holds any visible non-space text.
func hasText(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		return strings.TrimSpace(n.Data) != ""
	case html.ElementNode:
		if skipAtoms[n.DataAtom] {
			return false
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasText(c) {
			return true
		}
	}
	return false
}

// cleanInline normalises text of HTML: NFC, whitespace collapsed (a run
// holding an ordinary space or line break is one space; a lone no-break
// space between words is kept), trimmed.
func cleanInline(s string) string {
	return strings.TrimSpace(collapseSpace(vntext.Clean(s)))
}

// collapseSpace collapses whitespace runs without trimming the ends, so
// that runs of text can be joined. As in a browser, ordinary whitespace
// shows as one space and each no-break space as one more: editors write a
// double space as "&nbsp; ", which becomes two spaces.
func collapseSpace(s string) string {
	isWS := func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' }
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isWS(rs[i]) && rs[i] != '\u00A0' {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j, ws, nb := i, 0, 0
		for ; j < len(rs) && (isWS(rs[j]) || rs[j] == '\u00A0'); j++ {
			if rs[j] == '\u00A0' {
				nb++
			} else {
				ws++
			}
		}
		switch {
		case ws == 0:
			b.WriteString(strings.Repeat("\u00A0", nb)) // no-break spaces alone stay
		default:
			b.WriteString(strings.Repeat(" ", 1+nb))
		}
		i = j
	}
	return b.String()
}

func newHTMLPage(root *html.Node, dir string, rep *Report, opts Options) *htmlPage {
	hp := &htmlPage{root: root, dir: dir, rep: rep, opts: opts, order: map[*html.Node]int{},
		meta: map[string]string{}, skip: map[*html.Node]bool{}}
	var pageTitle string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			hp.order[n] = len(hp.order)
			switch n.DataAtom {
			case atom.Meta:
				k := strings.ToLower(attr(n, "name") + attr(n, "property") + attr(n, "itemprop"))
				if k != "" && hp.meta[k] == "" {
					hp.meta[k] = cleanInline(attr(n, "content"))
				}
			case atom.Title:
				if pageTitle == "" && n.FirstChild != nil {
					pageTitle = cleanInline(n.FirstChild.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	// A page Biên Tập exported says exactly what each part is: no heuristic
	// may move its text (round trip).
	hp.ours = strings.HasPrefix(hp.meta["generator"], "Biên Tập")
	if !hp.ours {
		hp.listHead = hp.findListHeading()
	}
	titleNode := hp.findTitle(pageTitle)
	hp.findDate(titleNode)
	hp.findCategory(titleNode)
	sapoNode := hp.findSapo()
	container := hp.findContainer()
	if container == nil {
		container = root
	}
	hp.convert(container)
	hp.finishBlocks(sapoNode != nil)
	hp.readList()
	return hp
}

// before reports whether a comes before b in the document.
func (hp *htmlPage) before(a, b *html.Node) bool { return hp.order[a] < hp.order[b] }

// elements lists the document's elements in order, without those inside
// skipped elements.
func (hp *htmlPage) elements() []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if skipAtoms[n.DataAtom] {
				return
			}
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(hp.root)
	return out
}

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
			if i := strings.Index(pageTitle, sep); i > 0 && len(strings.Fields(pageTitle[:i])) >= 3 {
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

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockAtoms[c.DataAtom] && hasText(c) {
			return true
		}
	}
	return false
}

func insideAny(n *html.Node, as ...atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if isElem(p, as...) {
			return true
		}
	}
	return false
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
	hp.date = hp.opts.now()
	hp.rep.warn("không thấy ngày đăng trong trang; tạm lấy ngày %s", hp.date.Format("02/01/2006"))
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

func containsImg(n *html.Node) bool {
	if isElem(n, atom.Img) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if containsImg(c) {
			return true
		}
	}
	return false
}

// linkDensity is the share of an element's text inside links.
func linkDensity(n *html.Node) float64 {
	all := utf8.RuneCountInString(textOf(n))
	if all == 0 {
		return 0
	}
	in := 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if isElem(c, atom.A) {
			in += utf8.RuneCountInString(textOf(c))
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return min(float64(in)/float64(all), 0.9)
}

// inline is the inline style in force during conversion.
type inline struct {
	bold, italic, center, right bool
	author, caption             bool
	pre                         bool
}

// htmlConv turns a container into blocks.
type htmlConv struct {
	hp      *htmlPage
	out     []hblock
	runs    []doc.Run
	cur     inline // style of the paragraph being built
	prefix  string // list mark to put before the next text ("- ", "2. ")
	stopped bool
}

// flush ends the paragraph being built.
func (c *htmlConv) flush() {
	runs := trimRuns(c.runs)
	c.runs = nil
	if len(runs) == 0 {
		return
	}
	b := hblock{Block: doc.Block{Kind: doc.Paragraph, Runs: runs}, authorClass: c.cur.author,
		captionClass: c.cur.caption, right: c.cur.right}
	if c.cur.center {
		b.Kind = doc.Centered
	}
	c.out = append(c.out, b)
}

// text adds text in style st.
func (c *htmlConv) text(s string, st inline) {
	if !st.pre {
		s = collapseSpace(vntext.Clean(s))
	} else {
		s = vntext.Clean(s)
	}
	if s == "" {
		return
	}
	if len(trimRuns(c.runs)) == 0 {
		if strings.TrimSpace(s) == "" {
			return
		}
		c.cur = st
		if c.prefix != "" {
			c.runs = append(c.runs, doc.Run{Text: c.prefix})
			c.prefix = ""
		}
	}
	c.runs = append(c.runs, doc.Run{Text: s, Bold: st.bold, Italic: st.italic})
}

// styleOf applies an element's own styling to st.
func styleOf(n *html.Node, st inline) inline {
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	align := strings.ToLower(attr(n, "align"))
	ci := classID(n)
	switch n.DataAtom {
	case atom.B, atom.Strong:
		st.bold = true
	case atom.I, atom.Em, atom.Cite, atom.Dfn, atom.Var:
		st.italic = true
	case atom.Center:
		st.center = true
	case atom.Pre:
		st.pre = true
	}
	if hasAny(style, "font-weight:bold", "font-weight:bolder", "font-weight:600", "font-weight:700",
		"font-weight:800", "font-weight:900") {
		st.bold = true
	}
	if hasAny(style, "font-weight:normal", "font-weight:400") {
		st.bold = false
	}
	if strings.Contains(style, "font-style:italic") || strings.Contains(style, "font-style:oblique") {
		st.italic = true
	}
	if strings.Contains(style, "font-style:normal") {
		st.italic = false
	}
	if blockAtoms[n.DataAtom] {
		switch {
		case strings.Contains(style, "text-align:center") || align == "center" ||
			hasAny(ci, "text-center", "aligncenter", "align-center", "center"):
			st.center, st.right = true, false
		case strings.Contains(style, "text-align:right") || align == "right" || hasAny(ci, "text-right", "alignright"):
			st.right, st.center = true, false
		case strings.Contains(style, "text-align:left") || strings.Contains(style, "text-align:justify") ||
			align == "left" || align == "justify":
			st.center, st.right = false, false
		}
		if hasAny(ci, "author", "tacgia", "tac-gia", "byline", "nguon", "source") {
			st.author = true
		}
		if hasAny(ci, "caption", "chuthich", "chu-thich", "image-note", "img-note", "desc") {
			st.caption = true
		}
	}
	return st
}

// walk converts n and its subtree.
func (c *htmlConv) walk(n *html.Node, st inline) {
	if c.stopped {
		return
	}
	switch n.Type {
	case html.TextNode:
		c.text(n.Data, st)
		return
	case html.ElementNode:
	case html.DocumentNode:
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			c.walk(k, st)
		}
		return
	default:
		return
	}
	if n == c.hp.listHead {
		c.flush()
		c.stopped = true
		return
	}
	if skipAtoms[n.DataAtom] || c.hp.skip[n] || n.DataAtom == atom.Nav {
		if c.hp.skip[n] && blockAtoms[n.DataAtom] {
			c.flush()
		}
		return
	}
	st = styleOf(n, st)
	switch n.DataAtom {
	case atom.Br, atom.Hr:
		c.flush()
		return
	case atom.Img:
		c.flush()
		c.image(n, st)
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		c.flush()
		c.walkChildren(n, st)
		runs := unbold(trimRuns(c.runs))
		c.runs = nil
		level := 2
		if isElem(n, atom.H1, atom.H2) {
			level = 1
		}
		if len(runs) > 0 {
			c.out = append(c.out, hblock{Block: doc.Block{Kind: doc.Heading, Level: level, Runs: runs}})
		}
		return
	case atom.Figure:
		c.flush()
		c.figure(n, st)
		return
	case atom.Table:
		c.flush()
		if c.dataTable(n) {
			return
		}
		c.walkChildren(n, st)
		c.flush()
		return
	case atom.Ul, atom.Ol:
		c.flush()
		num := 0
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if isElem(k, atom.Li) {
				num++
				c.flush()
				c.prefix = "- "
				if n.DataAtom == atom.Ol {
					c.prefix = fmt.Sprintf("%d. ", num)
				}
				c.walkChildren(k, styleOf(k, st))
				c.flush()
				c.prefix = ""
				continue
			}
			c.walk(k, st)
		}
		c.flush()
		return
	}
	if blockAtoms[n.DataAtom] {
		c.flush()
		c.cur = st
		c.walkChildren(n, st)
		c.flush()
		return
	}
	c.walkChildren(n, st)
}

func (c *htmlConv) walkChildren(n *html.Node, st inline) {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.walk(k, st)
	}
}

// figure converts <figure>: its images with the figcaption as caption.
func (c *htmlConv) figure(n *html.Node, st inline) {
	var caption []doc.Run
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if isElem(k, atom.Figcaption) {
			sub := &htmlConv{hp: c.hp}
			sub.walkChildren(k, inline{})
			sub.flush()
			for _, b := range sub.out {
				if len(caption) > 0 {
					caption = append(caption, doc.Run{Text: " "})
				}
				caption = append(caption, b.Runs...)
			}
		}
	}
	start := len(c.out)
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if !isElem(k, atom.Figcaption) {
			c.walk(k, st)
		}
	}
	c.flush()
	caption = trimRuns(caption)
	for i := start; i < len(c.out); i++ {
		if c.out[i].Kind == doc.Image {
			c.out[i].figure = true
			if len(caption) > 0 {
				c.out[i].Runs = caption
				caption = nil
			}
		}
	}
	if len(caption) > 0 { // a caption without a picture stays as text
		c.out = append(c.out, hblock{Block: doc.Block{Kind: doc.Centered, Runs: italic(caption)}})
	}
}

// dataTable converts a table of data into a Table block and reports true;
// a layout table (one column, pictures, long text in a cell) is left to be
// walked as blocks.
func (c *htmlConv) dataTable(n *html.Node) bool {
	var rows []*html.Node
	var findRows func(*html.Node)
	findRows = func(k *html.Node) {
		for x := k.FirstChild; x != nil; x = x.NextSibling {
			switch {
			case isElem(x, atom.Tr):
				rows = append(rows, x)
			case isElem(x, atom.Thead, atom.Tbody, atom.Tfoot):
				findRows(x)
			}
		}
	}
	findRows(n)
	if len(rows) == 0 || containsImg(n) {
		return false
	}
	width := 0
	var cells [][]*html.Node
	for _, r := range rows {
		var cs []*html.Node
		for x := r.FirstChild; x != nil; x = x.NextSibling {
			if isElem(x, atom.Td, atom.Th) {
				cs = append(cs, x)
				if utf8.RuneCountInString(textOf(x)) > 600 {
					return false
				}
			}
		}
		width = max(width, len(cs))
		cells = append(cells, cs)
	}
	if width < 2 && (len(cells) < 2 || utf8.RuneCountInString(textOf(n)) > 200*len(cells)) {
		return false // a framed box, not a table
	}
	b := hblock{Block: doc.Block{Kind: doc.Table}}
	header := isElem(rows[0].Parent, atom.Thead)
	if !header && len(cells[0]) > 0 {
		header = true
		for _, x := range cells[0] {
			header = header && isElem(x, atom.Th)
		}
	}
	b.Header = header && len(rows) > 1
	for _, cs := range cells {
		if len(cs) == 0 {
			continue
		}
		row := make([]doc.Cell, 0, width)
		for _, x := range cs {
			sub := &htmlConv{hp: c.hp}
			sub.walkChildren(x, inline{})
			sub.flush()
			var runs []doc.Run
			for _, bl := range sub.out {
				if bl.Kind == doc.Table {
					for _, tr := range bl.Rows {
						for _, tc := range tr {
							runs = append(runs, doc.Run{Text: " "})
							runs = append(runs, tc.Runs...)
						}
					}
					continue
				}
				if len(runs) > 0 {
					runs = append(runs, doc.Run{Text: " "})
				}
				runs = append(runs, bl.Runs...)
			}
			runs = trimRuns(runs)
			if b.Header && len(b.Rows) == 0 {
				runs = unbold(runs)
			}
			row = append(row, doc.Cell{Runs: runs})
			if span := attr(x, "colspan"); span != "" {
				var k int
				fmt.Sscanf(span, "%d", &k)
				for j := 1; j < k && len(row) < width; j++ {
					row = append(row, doc.Cell{})
				}
			}
		}
		for len(row) < width {
			row = append(row, doc.Cell{})
		}
		b.Rows = append(b.Rows, row)
	}
	c.out = append(c.out, b)
	return true
}

// image converts an <img>: a stored picture, or, when it cannot be read, a
// block that remembers the address so that its caption can stay as text.
func (c *htmlConv) image(n *html.Node, st inline) {
	src := strings.TrimSpace(attr(n, "src"))
	if src == "" {
		src = strings.TrimSpace(attr(n, "data-src"))
	}
	alt := cleanInline(attr(n, "alt"))
	if src == "" {
		return
	}
	var altRuns []doc.Run
	if alt != "" && !looksLikeFileName(alt) {
		altRuns = []doc.Run{{Text: alt}}
	}
	data, remote, err := c.hp.loadImage(src)
	if err == nil {
		data, mt, aerr := acceptImage(data)
		if aerr == nil {
			name := c.hp.imgs.add(data, mt, "")
			c.out = append(c.out, hblock{Block: doc.Block{Kind: doc.Image, Src: name}, right: st.right, alt: altRuns})
			return
		}
		err = aerr
	}
	if remote {
		c.hp.rep.warn("ảnh trên mạng không tải được khi không có mạng: %s (giữ lại chú thích nếu có)", shorten(src, 80))
	} else {
		c.hp.rep.warn("ảnh %s: %v (giữ lại chú thích nếu có)", shorten(src, 60), err)
	}
	c.hp.rep.drop(src, DropImage)
	b := hblock{remote: src, alt: altRuns}
	b.Kind = doc.Image
	c.out = append(c.out, b)
}

func looksLikeFileName(s string) bool {
	ext := strings.ToLower(filepath.Ext(s))
	return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".gif" || ext == ".webp" || !strings.Contains(s, " ") && len(s) > 20
}

// loadImage reads an image reference: a data: URI, or a file below the
// page's folder (opened through os.Root, so neither "../" nor a symbolic
// link can lead outside it). remote is true for web addresses.
func (hp *htmlPage) loadImage(src string) (data []byte, remote bool, err error) {
	if strings.HasPrefix(strings.ToLower(src), "data:") {
		return decodeDataURI(src)
	}
	u, err := url.Parse(src)
	if err != nil {
		return nil, false, errors.New("địa chỉ ảnh không hợp lệ")
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "ftp":
		return nil, true, errors.New("ảnh trên mạng")
	case "":
		if u.Host != "" { // "//example.com/a.jpg"
			return nil, true, errors.New("ảnh trên mạng")
		}
	case "file":
	default:
		return nil, false, fmt.Errorf("kiểu địa chỉ ảnh %q không hỗ trợ", u.Scheme)
	}
	if hp.dir == "" {
		return nil, false, errors.New("không biết thư mục của trang để tìm ảnh")
	}
	p := strings.ReplaceAll(u.Path, "\\", "/")
	if u.Scheme == "file" {
		abs, err := filepath.Abs(hp.dir)
		if err != nil {
			return nil, false, err
		}
		rel, err := filepath.Rel(abs, filepath.FromSlash(p))
		if err != nil {
			return nil, false, errors.New("ảnh nằm ngoài thư mục của trang")
		}
		p = filepath.ToSlash(rel)
	}
	rel := filepath.FromSlash(strings.TrimPrefix(p, "./"))
	if !filepath.IsLocal(rel) {
		return nil, false, errors.New("ảnh nằm ngoài thư mục của trang, không đọc")
	}
	root, err := os.OpenRoot(hp.dir)
	if err != nil {
		return nil, false, fmt.Errorf("không mở được thư mục %s", hp.dir)
	}
	defer root.Close()
	f, err := root.Open(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, errors.New("không thấy tệp ảnh cạnh trang (thư mục «…_files»)")
	}
	if err != nil {
		return nil, false, errors.New("không đọc được tệp ảnh (liên kết ra ngoài thư mục của trang?)")
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return nil, false, errors.New("không đọc được tệp ảnh")
	}
	if st.Size() > MaxImageBytes {
		return nil, false, fmt.Errorf("ảnh quá lớn (%d MB, tối đa %d MB)", st.Size()>>20, MaxImageBytes>>20)
	}
	data, err = io.ReadAll(io.LimitReader(f, MaxImageBytes+1))
	if err != nil {
		return nil, false, errors.New("không đọc được tệp ảnh")
	}
	return data, false, nil
}

// decodeDataURI reads "data:image/png;base64,…" (size-checked before
// decoding).
func decodeDataURI(src string) ([]byte, bool, error) {
	comma := strings.IndexByte(src, ',')
	if comma < 0 {
		return nil, false, errors.New("ảnh data: hỏng")
	}
	head, payload := strings.ToLower(src[5:comma]), src[comma+1:]
	if !strings.HasSuffix(head, ";base64") {
		s, err := url.PathUnescape(payload)
		if err != nil {
			return nil, false, errors.New("ảnh data: hỏng")
		}
		return []byte(s), false, nil
	}
	payload = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, payload)
	if base64.StdEncoding.DecodedLen(len(payload)) > MaxImageBytes+3 {
		return nil, false, fmt.Errorf("ảnh quá lớn (tối đa %d MB)", MaxImageBytes>>20)
	}
	data, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		data, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(payload, "="))
	}
	if err != nil {
		return nil, false, errors.New("ảnh data: hỏng (base64)")
	}
	return data, false, nil
}

// convert turns the container into the body's blocks.
func (hp *htmlPage) convert(container *html.Node) {
	c := &htmlConv{hp: hp}
	c.walk(container, styleOf(container, inline{}))
	c.flush()
	hp.blocks = c.out
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
	for i := 0; i+1 < len(bs); i++ {
		if bs[i].Kind != doc.Image || len(bs[i].Runs) > 0 || bs[i].figure {
			continue
		}
		nx := bs[i+1]
		if nx.Kind != doc.Paragraph && nx.Kind != doc.Centered {
			continue
		}
		t := doc.PlainText(nx.Runs)
		if nx.captionClass || isCaption(t, true) || allItalic(nx.Runs) && len(strings.Fields(t)) <= 50 ||
			nx.Kind == doc.Centered && isCaption(t, false) {
			bs[i].Runs = nonItalic(nx.Runs)
			bs = append(bs[:i+1], bs[i+2:]...)
		}
	}
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
			if b.Kind == doc.Paragraph && allBold(b.Runs) && len(strings.Fields(t)) >= 12 && i+1 < len(bs) {
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

func isDescendant(n, anc *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == anc {
			return true
		}
	}
	return false
}

// records builds the article and the listed items.
func (hp *htmlPage) records(opts Options) []*model.Record {
	kind, status := opts.Kind, opts.Status
	if kind == "" {
		kind = model.KindNews
	}
	if status == "" {
		status = model.StatusPublished
	}
	var d doc.Document
	for _, b := range hp.blocks {
		b.Line = len(d.Blocks) + 1
		d.Blocks = append(d.Blocks, b.Block)
	}
	// Captions live in the body markup; the record's images carry them too.
	for _, b := range d.Blocks {
		if b.Kind == doc.Image {
			if im := findImage(hp.imgs.images, b.Src); im != nil {
				im.Caption = doc.PlainText(b.Runs)
			}
		}
	}
	title := hp.title
	if title == "" {
		title = "(Không có tiêu đề)"
		hp.rep.warn("không tìm được tiêu đề của tin; hãy đặt tiêu đề")
	}
	var sapo string
	if len(hp.sapo) > 0 {
		sapo = strings.TrimSpace(doc.PlainText(hp.sapo))
	}
	art := &model.Record{Kind: kind, Status: status, Title: title, Summary: sapo, Body: d.Markup(),
		Category: hp.category, Author: hp.author, Date: hp.date, Images: hp.imgs.images}
	reportArticle(hp.rep, art, hp.dateFound)
	var paras []string
	for _, b := range d.Blocks {
		paras = append(paras, doc.PlainText(b.Runs))
	}
	warnRepeatedParagraphs(hp.rep, paras)
	return append([]*model.Record{art}, listRecords(hp.items, art, hp.rep)...)
}

func findImage(ims []model.Image, name string) *model.Image {
	for i := range ims {
		if ims[i].Name == name {
			return &ims[i]
		}
	}
	return nil
}

// trimRuns drops empty runs, merges neighbours of one style, joins the
// whitespace between runs and trims the ends.
func trimRuns(runs []doc.Run) []doc.Run {
	var out []doc.Run
	for _, r := range runs {
		if r.Text == "" {
			continue
		}
		if n := len(out); n > 0 {
			prev := out[n-1].Text
			if strings.HasSuffix(prev, " ") && strings.HasPrefix(r.Text, " ") {
				r.Text = strings.TrimLeft(r.Text, " ")
				if r.Text == "" {
					continue
				}
			}
			if out[n-1].Bold == r.Bold && out[n-1].Italic == r.Italic {
				out[n-1].Text += r.Text
				continue
			}
		}
		out = append(out, r)
	}
	for len(out) > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " \u00A0")
		if out[0].Text != "" {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		n := len(out) - 1
		out[n].Text = strings.TrimRight(out[n].Text, " \u00A0")
		if out[n].Text != "" {
			break
		}
		out = out[:n]
	}
	return out
}

func allBold(runs []doc.Run) bool {
	for _, r := range runs {
		if !r.Bold && strings.TrimSpace(r.Text) != "" {
			return false
		}
	}
	return len(runs) > 0
}

func allItalic(runs []doc.Run) bool {
	for _, r := range runs {
		if !r.Italic && strings.TrimSpace(r.Text) != "" {
			return false
		}
	}
	return len(runs) > 0
}

func unbold(runs []doc.Run) []doc.Run {
	out := make([]doc.Run, len(runs))
	for i, r := range runs {
		r.Bold = false
		out[i] = r
	}
	return trimRuns(out)
}

func italic(runs []doc.Run) []doc.Run {
	out := make([]doc.Run, len(runs))
	for i, r := range runs {
		r.Italic = true
		out[i] = r
	}
	return trimRuns(out)
}

func nonItalic(runs []doc.Run) []doc.Run {
	if !allItalic(runs) {
		return runs
	}
	out := make([]doc.Run, len(runs))
	for i, r := range runs {
		r.Italic = false
		out[i] = r
	}
	return trimRuns(out)
}
