package importer

import (
	"bytes"
	"errors"
	"fmt"
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
	return parseHTML(data, dir, "", opts)
}

// parseHTML is ParseHTML of a file named name (the title of last resort).
func parseHTML(data []byte, dir, name string, opts Options) (*Parsed, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("tệp rỗng")
	}
	p := &Parsed{Report: Report{Format: FormatHTML}}
	text, enc, err := decodeHTML(data, opts.Encoding, &p.Report)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, htmlError(err)
	}
	p.Report.Encoding = enc
	hp := newHTMLPage(root, dir, &p.Report, opts)
	a := hp.article()
	a.fileName = name
	p.Records = a.records(&p.Report, opts, model.StatusPublished)
	return p, nil
}

// decodeHTML reads the page's bytes as text: in the encoding the clerk chose
// (from), else UTF-16 and other declared multi-byte charsets through their
// decoders, UTF-8, Windows-1258 and undeclared single-byte text through the
// legacy converters (old pages in TCVN3 or VNI declare windows-1252 or
// nothing).
func decodeHTML(data []byte, from string, rep *Report) (string, string, error) {
	forced, err := legacy.ParseEncoding(from)
	if err != nil {
		return "", "", err
	}
	if forced != legacy.Auto {
		s, rep, err := legacy.DecodeBytes(data, forced)
		return s, rep.Detail, err
	}
	e, name, _ := charset.DetermineEncoding(data, "")
	if name == "utf-8" && !utf8.Valid(data) {
		return decodeBrokenUTF8(data, rep)
	}
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
		return "", "", &FileError{fmt.Sprintf("không đọc được trang theo bảng mã %s mà trang khai báo", name), err}
	}
	return vntext.Clean(string(out)), "Đọc theo bảng mã khai báo " + name, nil
}

// decodeBrokenUTF8 reads a page that declares UTF-8 but holds bytes that
// are not: when most of its non-ASCII text is valid UTF-8, the bad bytes are
// damage (each becomes U+FFFD) and the report says how many and where;
// otherwise the declaration is wrong and the page is read as legacy text.
func decodeBrokenUTF8(data []byte, rep *Report) (string, string, error) {
	valid, bad, firstLine := 0, 0, 0
	line := 1
	for i := 0; i < len(data); {
		c := data[i]
		if c == '\n' {
			line++
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			if bad == 0 {
				firstLine = line
			}
			bad++
		} else {
			valid++
		}
		i += n
	}
	if valid < bad {
		s, lr, err := legacy.DecodeBytes(data, legacy.Auto)
		if err == nil {
			rep.warn("trang khai báo bảng mã UTF-8 nhưng không phải UTF-8; đã đọc theo %s", lr.Encoding.Label())
		}
		return s, lr.Detail, err
	}
	rep.warn("trang khai báo UTF-8 nhưng có %d byte sai (đầu tiên ở dòng %d); đã thay bằng dấu �, hãy kiểm tra", bad, firstLine)
	return vntext.Clean(string(data)), "UTF-8 (có byte hỏng)", nil
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

// article is what the page gave of its main item.
func (hp *htmlPage) article() *article {
	a := &article{title: hp.title, category: hp.category, author: hp.author, date: hp.date,
		dateFound: hp.dateFound, images: hp.imgs.images, items: hp.items}
	if len(hp.sapo) > 0 {
		a.sapo = strings.TrimSpace(doc.PlainText(hp.sapo))
	}
	for _, b := range hp.blocks {
		a.blocks = append(a.blocks, b.Block)
	}
	return a
}

// htmlError puts the HTML parser's refusal into Vietnamese: it refuses
// elements nested more than 512 deep.
func htmlError(err error) error {
	msg := "không đọc được trang HTML"
	if strings.Contains(err.Error(), "open stack of elements") {
		msg = "trang HTML có thẻ lồng nhau quá sâu (hơn 512 tầng), không đọc được"
	}
	return &FileError{msg, err}
}
