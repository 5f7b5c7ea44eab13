// Package htmlexport renders a record as clean HTML for the portal: a
// fragment to paste into the portal's editor ("Sao chép HTML"), the pictures
// as files named by an ASCII slug, a standalone page and one .zip holding
// both for upload.
//
// The fragment is what goes into the portal's content box; the portal has its
// own fields for the title and the date, so the fragment holds, in order:
//
//	<p class="sapo"><strong>sapo</strong></p>          the sapo, when there is one
//	<figure><img src="slug-1.jpg" alt="…"><figcaption>…</figcaption></figure>
//	                                                  the featured picture, when the body does not place it
//	the body, rendered from model/doc: <p>, <strong>, <em>, <h2> (# heading),
//	<h3> (## heading), <p style="text-align:center"> (centred line),
//	<figure>/<img>/<figcaption> (pictures), <table> with <thead>/<tbody>
//	<p class="tac-gia" style="text-align:right"><strong>byline</strong></p>
//
// An administrative document has its own shape, drawn from the header every
// output shares (model/decree):
//
//	<p class="du-thao">                               a draft's DỰ THẢO mark
//	<table class="the-thuc">                           the header: agencies, Số (and V/v) | Quốc hiệu, Tiêu ngữ, place and date
//	<p class="do-khan">, <p class="ten-loai">          urgency; tên loại with the trích yếu
//	<p class="kinh-gui">                               the addressees
//	the body, each paragraph in its decree.Roles (legal bases <em>, "Điều" <strong>, …)
//	<table class="ky-ten">                             Nơi nhận | the signature
//
// Nothing else is ever written: every text the clerk typed is escaped, no
// attribute carries clerk text except the picture's alt (escaped), and the
// markup is built from the document model, never copied from input. Two or
// more spaces in a row are kept as no-break spaces, so that the page shows
// the text exactly as typed.
package htmlexport

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"bientap/export/atomicfile"
	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
	"bientap/model/vntext"
)

// Generator is written in the page's <meta name="generator">; the importer
// reads pages carrying it literally, without the portal-page heuristics.
const Generator = "Biên Tập"

// File is one picture written beside the page.
type File struct {
	Name      string // "hoi-nghi-chuyen-doi-so-1.jpg"
	MediaType string
	Data      []byte
}

// Page is a record rendered for the portal.
type Page struct {
	Slug     string // ASCII file stem from the title
	Title    string
	Date     time.Time
	Category string
	Author   string
	Fragment string   // the HTML to paste into the portal's editor
	Images   []File   // the pictures the fragment refers to, in order
	Warnings []string // Vietnamese: pictures missing or left out
}

// Options are what the HTML takes from outside the record: the office's
// agencies for a document that names none and a draft's revision, as every
// output's header gets them (decree.Options).
type Options struct {
	Header decree.Options
}

// Fragment returns the clean HTML fragment of a record, for "Sao chép HTML".
// Pictures are referred to by the file names Build gives them.
func Fragment(r *model.Record) string { return Build(r).Fragment }

// Build renders a record with no office settings (Options.Build).
func Build(r *model.Record) *Page { return Options{}.Build(r) }

// Build renders a record: a news item as the portal's article (sapo,
// featured picture, body, byline), an administrative document in its own
// shape drawn from the shared header (decree.Of): the header table, tên loại
// and trích yếu, Kính gửi, the body in its decree.Roles, then Nơi nhận and
// the signature side by side.
func (o Options) Build(r *model.Record) *Page {
	p := &Page{Slug: vntext.Slug(r.Title), Title: r.Title, Date: r.Date, Category: r.Category, Author: r.Author}
	w := &writer{rec: r, page: p, names: map[string]string{}}
	d := doc.Parse(r.Body)
	if r.Kind.IsDocument() {
		h := decree.Of(r, o.Header)
		p.Title, p.Author = h.Title, strings.Join(h.Agency, " ")
		if strings.TrimSpace(r.Title) == "" {
			p.Slug = vntext.Slug(h.Title)
		}
		w.documentHead(h)
		roles := decree.Roles(r.Kind, d)
		for i, b := range d.Blocks {
			w.docBlock(b, roles[i])
		}
		w.documentFoot(h)
	} else {
		if s := strings.TrimSpace(r.Summary); s != "" {
			w.printf("<p class=\"sapo\"><strong>%s</strong></p>\n", text(strings.Join(strings.Fields(s), " ")))
		}
		if f := r.FeaturedImage(); f != nil && !referenced(d, f.Name) {
			w.figure(f.Name, []doc.Run{{Text: f.Caption}})
		}
		for _, b := range d.Blocks {
			w.block(b)
		}
		if a := strings.TrimSpace(r.Author); a != "" {
			w.printf("<p class=\"tac-gia\" style=\"text-align:right\"><strong>%s</strong></p>\n", text(a))
		}
	}
	for i, im := range r.Images {
		if _, used := w.names[im.Name]; !used {
			p.Warnings = append(p.Warnings, fmt.Sprintf("ảnh %d (%s) không có trong thân bài, không xuất", i+1, im.Name))
		}
	}
	p.Fragment = w.b.String()
	return p
}

func referenced(d doc.Document, name string) bool {
	for _, b := range d.Blocks {
		if b.Kind == doc.Image && b.Src == name {
			return true
		}
	}
	return false
}

type writer struct {
	rec   *model.Record
	page  *Page
	b     strings.Builder
	names map[string]string // record image name → exported file name
}

func (w *writer) printf(format string, args ...any) { fmt.Fprintf(&w.b, format, args...) }

func (w *writer) block(b doc.Block) {
	switch b.Kind {
	case doc.Heading:
		tag := "h2"
		if b.Level >= 2 {
			tag = "h3"
		}
		w.printf("<%s>%s</%s>\n", tag, runs(b.Runs), tag)
	case doc.Centered:
		w.printf("<p style=\"text-align:center\">%s</p>\n", runs(b.Runs))
	case doc.Image:
		w.figure(b.Src, b.Runs)
	case doc.Table:
		w.table(b)
	default:
		w.printf("<p>%s</p>\n", runs(b.Runs))
	}
}

// docBlock writes one block of a document's body: paragraphs in their role
// (bold, italic, centred as decree.Roles says), the rest as in news.
func (w *writer) docBlock(b doc.Block, st decree.Style) {
	if b.Kind != doc.Paragraph {
		w.block(b)
		return
	}
	switch {
	case st.Role == decree.DispatchHead:
		// written with the addressing (Header.AddressLabel)
	case st.Role.Centred():
		w.printf("<p style=\"text-align:center\">%s</p>\n", runs(st.Apply(b.Runs)))
	default:
		w.printf("<p>%s</p>\n", runs(st.Apply(b.Runs)))
	}
}

// cellStyle is a header or footer cell: no border, content at the top.
const (
	cellCentre = `style="text-align:center;vertical-align:top"`
	cellLeft   = `style="vertical-align:top"`
)

// lines joins escaped lines with <br>, each wrapped in tag when given.
func lines(ss []string, tag string) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = text(s)
		if tag != "" {
			out[i] = "<" + tag + ">" + out[i] + "</" + tag + ">"
		}
	}
	return strings.Join(out, "<br>")
}

// documentHead writes the Decree-30 header: the draft's mark, a two-column
// table (agencies and number on the left; Quốc hiệu, Tiêu ngữ and the
// place/date line on the right), the urgency, tên loại and trích yếu, and
// the addressees.
func (w *writer) documentHead(h decree.Header) {
	if h.Draft != nil {
		w.printf("<p class=\"du-thao\" style=\"text-align:right\"><strong>%s</strong>", text(h.Draft.Label))
		if h.Draft.Note != "" {
			w.printf(" <em>(%s)</em>", text(h.Draft.Note))
		}
		w.b.WriteString("</p>\n")
	}
	left := nonEmpty(lines(h.AgencyParent, ""), lines(h.Agency, "strong"))
	number := []string{text(h.NumberLine)}
	if h.SummaryUnderNumber {
		number = append(number, lines(h.Summary, ""))
	}
	w.b.WriteString("<table class=\"the-thuc\">\n<tbody>\n")
	w.printf("<tr><td %s>%s</td><td %s><strong>%s</strong><br><strong>%s</strong></td></tr>\n",
		cellCentre, strings.Join(left, "<br>"), cellCentre, text(h.QuocHieu), text(h.TieuNgu))
	w.printf("<tr><td %s>%s</td><td %s><em>%s</em></td></tr>\n",
		cellCentre, strings.Join(number, "<br>"), cellCentre, text(h.PlaceDate))
	w.b.WriteString("</tbody>\n</table>\n")
	if h.Urgency != "" {
		w.printf("<p class=\"do-khan\"><strong>%s</strong></p>\n", text(h.Urgency))
	}
	if h.KindName != "" {
		w.printf("<p class=\"ten-loai\" style=\"text-align:center\"><strong>%s</strong>", text(h.KindName))
		if len(h.Summary) > 0 {
			w.printf("<br>%s", lines(h.Summary, "strong"))
		}
		w.b.WriteString("</p>\n")
	}
	switch {
	case h.Addressing == decree.Dispatch:
		if h.AddressLabel != "" {
			w.printf("<p class=\"kinh-gui\" style=\"text-align:center\"><strong>%s</strong></p>\n", text(h.AddressLabel))
		}
		for _, s := range h.ToLines {
			w.printf("<p>%s</p>\n", text(s))
		}
	case len(h.ToLines) == 1:
		w.printf("<p class=\"kinh-gui\" style=\"text-align:center\">%s %s</p>\n", text(h.AddressLabel), text(h.ToLines[0]))
	case len(h.ToLines) > 1:
		w.printf("<p class=\"kinh-gui\">%s<br>%s</p>\n", text(h.AddressLabel), lines(h.ToLines, ""))
	}
}

// documentFoot writes Nơi nhận and the signature side by side.
func (w *writer) documentFoot(h decree.Header) {
	if !h.HasFooter() {
		return
	}
	var left string
	if len(h.Recipients) > 0 {
		left = "<strong><em>" + text(decree.NoiNhanLabel) + "</em></strong><br>" + lines(h.Recipients, "")
	}
	right := lines(h.Signer, "strong")
	if h.SignerName != "" {
		right += "<br><br><br><br><strong>" + text(h.SignerName) + "</strong>"
	}
	w.b.WriteString("<table class=\"ky-ten\">\n<tbody>\n")
	w.printf("<tr><td %s>%s</td><td %s>%s</td></tr>\n", cellLeft, left, cellCentre, strings.TrimPrefix(right, "<br>"))
	w.b.WriteString("</tbody>\n</table>\n")
}

// nonEmpty returns the non-empty strings among ss.
func nonEmpty(ss ...string) []string {
	return slices.DeleteFunc(ss, func(s string) bool { return s == "" })
}

// figure writes a picture with its caption; a picture the record lacks
// leaves its caption as a centred italic line and a warning.
func (w *writer) figure(name string, caption []doc.Run) {
	im := w.rec.ImageByName(name)
	capText := strings.TrimSpace(doc.PlainText(caption))
	if im == nil || len(im.Data) == 0 {
		w.page.Warnings = append(w.page.Warnings, fmt.Sprintf("thân bài nhắc ảnh %q nhưng tin không có ảnh này", name))
		if capText != "" {
			w.printf("<p style=\"text-align:center\"><em>%s</em></p>\n", runs(caption))
		}
		return
	}
	file, ok := w.names[name]
	if !ok {
		ext := ".jpg"
		if im.MediaType == "image/png" || model.SniffImageType(im.Data) == "image/png" {
			ext = ".png"
		}
		file = fmt.Sprintf("%s-%d%s", w.page.Slug, len(w.page.Images)+1, ext)
		w.names[name] = file
		w.page.Images = append(w.page.Images, File{Name: file, MediaType: im.MediaType, Data: im.Data})
	}
	w.printf("<figure><img src=\"%s\" alt=\"%s\">", html.EscapeString(file), html.EscapeString(capText))
	if capText != "" {
		w.printf("<figcaption>%s</figcaption>", runs(caption))
	}
	w.b.WriteString("</figure>\n")
}

func (w *writer) table(b doc.Block) {
	w.b.WriteString("<table>\n")
	rows := b.Rows
	if b.Header && len(rows) > 0 {
		w.b.WriteString("<thead>\n<tr>")
		for _, c := range rows[0] {
			w.printf("<th>%s</th>", runs(c.Runs))
		}
		w.b.WriteString("</tr>\n</thead>\n")
		rows = rows[1:]
	}
	w.b.WriteString("<tbody>\n")
	for _, r := range rows {
		w.b.WriteString("<tr>")
		for _, c := range r {
			w.printf("<td>%s</td>", runs(c.Runs))
		}
		w.b.WriteString("</tr>\n")
	}
	w.b.WriteString("</tbody>\n</table>\n")
}

// runs writes inline text: bold as <strong>, italic as <em>.
func runs(rs []doc.Run) string {
	var b strings.Builder
	for _, r := range rs {
		t := text(r.Text)
		switch {
		case r.Bold && r.Italic:
			t = "<strong><em>" + t + "</em></strong>"
		case r.Bold:
			t = "<strong>" + t + "</strong>"
		case r.Italic:
			t = "<em>" + t + "</em>"
		}
		b.WriteString(t)
	}
	return b.String()
}

// text escapes clerk text for HTML; of a run of spaces all but the last
// become no-break spaces, so that the page keeps them. Control characters,
// which HTML cannot carry, are dropped.
func text(s string) string {
	s = strings.Map(func(r rune) rune {
		if r != '\t' && r != '\n' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	s = html.EscapeString(s)
	if !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if r == ' ' && i+1 < len(rs) && rs[i+1] == ' ' {
			b.WriteString("&nbsp;")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Document is the standalone page (UTF-8): the fragment as its body, the
// title, date, category and author in its head.
func (p *Page) Document() []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", html.EscapeString(p.Title))
	meta := func(attr, key, val string) {
		if val != "" {
			fmt.Fprintf(&b, "<meta %s=\"%s\" content=\"%s\">\n", attr, key, html.EscapeString(val))
		}
	}
	meta("name", "generator", Generator)
	meta("property", "og:title", p.Title)
	if !p.Date.IsZero() {
		meta("property", "article:published_time", p.Date.Format(model.ISODate))
	}
	meta("property", "article:section", p.Category)
	meta("name", "author", p.Author)
	b.WriteString("</head>\n<body>\n")
	b.WriteString(p.Fragment)
	b.WriteString("</body>\n</html>\n")
	return b.Bytes()
}

// WriteZip writes one .zip for upload: index.html (Document) and the
// pictures, all at the archive's top level.
func (p *Page) WriteZip(w io.Writer) error {
	zw := zip.NewWriter(w)
	add := func(name string, data []byte, method uint16) error {
		h := &zip.FileHeader{Name: name, Method: method}
		h.Modified = time.Now()
		f, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	if err := add("index.html", p.Document(), zip.Deflate); err != nil {
		return err
	}
	for _, im := range p.Images {
		if err := add(im.Name, im.Data, zip.Store); err != nil { // pictures are compressed already
			return err
		}
	}
	return zw.Close()
}

// Written lists the files WriteDir wrote.
type Written struct {
	HTML   string   // DIR/<slug>.html
	Images []string // DIR/<slug>-1.jpg, …
	Zip    string   // DIR/<slug>.zip
}

// WriteDir writes DIR/<slug>.html, the pictures beside it and DIR/<slug>.zip,
// creating DIR if needed. Each file is written through a temporary file and
// renamed into place, so a failure leaves no half-written file. Errors are
// one Vietnamese line.
func (p *Page) WriteDir(dir string) (Written, error) {
	var out Written
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return out, atomicfile.Describe(err, filepath.Join(dir, p.Slug+".html"))
	}
	out.HTML = filepath.Join(dir, p.Slug+".html")
	if err := writeFile(out.HTML, p.Document()); err != nil {
		return out, err
	}
	for _, im := range p.Images {
		path := filepath.Join(dir, im.Name)
		if err := writeFile(path, im.Data); err != nil {
			return out, err
		}
		out.Images = append(out.Images, path)
	}
	var zb bytes.Buffer
	if err := p.WriteZip(&zb); err != nil {
		return out, fmt.Errorf("không tạo được tệp nén: %w", err)
	}
	out.Zip = filepath.Join(dir, p.Slug+".zip")
	if err := writeFile(out.Zip, zb.Bytes()); err != nil {
		return out, err
	}
	return out, nil
}

// writeFile writes data atomically (see atomicfile).
func writeFile(path string, data []byte) error {
	return atomicfile.WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
