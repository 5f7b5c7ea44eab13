// Package docx writes a record as a Word document (.docx, Office Open XML)
// that a clerk can keep editing: real paragraphs in named styles (see
// styles.go), not text boxes or one paragraph per line.
//
// An administrative document is laid out as its PDF is (export/pdf): A4,
// the same margins, the header as a borderless two-column table (agencies,
// rule, Số and V/v | Quốc hiệu, Tiêu ngữ, rule, place and date), tên loại
// and trích yếu with their rule, Kính gửi, the body in the roles of
// model/decree, then Nơi nhận and the signature side by side in a second
// borderless table; page numbers centred in the top margin from page 2 (a
// PAGE field in the default header, a different first page). Every line of
// the header and footer comes from decree.Of, as in the preview, the PDF and
// the HTML. Rules are empty paragraphs with a top border, indented to the
// rule's length (Word and LibreOffice place them the same way, and they
// move with the text a clerk edits). A news item is a plain article:
// title, date, sapo, the featured picture, body with pictures and captions,
// byline.
//
// The package is written by hand with archive/zip and encoding/xml's
// escaping: WordprocessingML needs no more, and the output is byte-for-byte
// the same for the same record.
package docx

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"

	"bientap/export/pdf"
	"bientap/model"
	"bientap/model/decree"
)

// Options are the settings the Word file is made with.
type Options struct {
	// Font is the family named in the file ("Times New Roman" when empty).
	Font string
	// Document lays the record out as an administrative document (else as
	// a news article).
	Document bool
	// Header are the office's agencies and the draft's revision
	// (decree.Options).
	Header decree.Options
	// Margins (mm) and body line spacing, as the PDF's settings: 0 means the
	// middle of the Decree-30 range; values outside it are brought in.
	MarginTop, MarginBottom, MarginLeft, MarginRight, LineSpacing float64
	// PortalName heads a news article (optional).
	PortalName string
}

// Result tells what was written.
type Result struct {
	Warnings []string // one Vietnamese line each
}

// Write writes r as a .docx to w.
func Write(w io.Writer, r *model.Record, o Options) (Result, error) {
	if strings.TrimSpace(o.Font) == "" {
		o.Font = "Times New Roman"
	}
	g := pdf.DocumentGeometry(pdf.Options{MarginTop: o.MarginTop, MarginBottom: o.MarginBottom,
		MarginLeft: o.MarginLeft, MarginRight: o.MarginRight, LineSpacing: o.LineSpacing})
	d := &docWriter{r: r, o: o, g: g, media: map[string]string{}, shown: map[string]bool{}}
	d.warnings = append(d.warnings, g.Warnings...)
	var body string
	if o.Document {
		body = d.document()
	} else {
		body = d.news()
	}
	for i, im := range r.Images {
		if !d.shown[im.Name] {
			d.warn("Ảnh %d (%s) không có trong thân bài, không xuất", i+1, im.Name)
		}
	}
	return Result{Warnings: d.warnings}, d.pack(w, body)
}

// docWriter builds one file.
type docWriter struct {
	r        *model.Record
	o        Options
	g        *pdf.Geometry
	h        decree.Header
	warnings []string

	rels     []rel             // relationships of document.xml beyond the fixed ones
	media    map[string]string // record image name → relationship id
	shown    map[string]bool   // record images the body or the article shows, by name
	files    []file            // word/media/… parts
	headers  []string          // header parts: default, first
	footers  []string          // footer parts (news: the page number)
	drawings int               // drawings so far (their ids)
}

type rel struct{ id, typ, target string }

type file struct {
	name string
	data []byte
}

func (d *docWriter) warn(format string, args ...any) {
	d.warnings = append(d.warnings, fmt.Sprintf(format, args...))
}

// Relationship types.
const (
	relImage  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
	relHeader = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
	relFooter = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
)

// pack writes the zip: content types, relationships, properties, styles,
// settings, the headers, the pictures and document.xml.
func (d *docWriter) pack(w io.Writer, body string) error {
	stamp := d.r.Updated
	if stamp.IsZero() {
		stamp = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	zw := zip.NewWriter(w)
	add := func(name string, data []byte, method uint16) error {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: stamp.UTC()})
		if err != nil {
			return err
		}
		_, err = fw.Write(data)
		return err
	}
	parts := []file{
		{"[Content_Types].xml", []byte(d.contentTypes())},
		{"_rels/.rels", []byte(rootRels)},
		{"docProps/core.xml", []byte(d.core())},
		{"docProps/app.xml", []byte(appXML)},
		{"word/styles.xml", []byte(stylesXML(d.o.Font, d.bodyLine(), d.bodySize()))},
		{"word/settings.xml", []byte(settingsXML)},
		{"word/fontTable.xml", []byte(fontTable(d.o.Font))},
		{"word/_rels/document.xml.rels", []byte(d.documentRels())},
		{"word/document.xml", []byte(body)},
	}
	for i, h := range d.headers {
		parts = append(parts, file{fmt.Sprintf("word/header%d.xml", i+1), []byte(h)})
	}
	for i, f := range d.footers {
		parts = append(parts, file{fmt.Sprintf("word/footer%d.xml", i+1), []byte(f)})
	}
	for _, p := range parts {
		if err := add(p.name, p.data, zip.Deflate); err != nil {
			return err
		}
	}
	for _, f := range d.files {
		if err := add(f.name, f.data, zip.Store); err != nil { // pictures are compressed already
			return err
		}
	}
	return zw.Close()
}

func (d *docWriter) contentTypes() string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="png" ContentType="image/png"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
		`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)
	for i := range d.headers {
		fmt.Fprintf(&b, `<Override PartName="/word/header%d.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`, i+1)
	}
	for i := range d.footers {
		fmt.Fprintf(&b, `<Override PartName="/word/footer%d.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`, i+1)
	}
	b.WriteString("</Types>")
	return b.String()
}

const rootRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appXML = xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Biên Tập</Application></Properties>`

const settingsXML = xmlHead + `<w:settings xmlns:w="` + nsW + `"><w:defaultTabStop w:val="720"/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// fontTable names the family, with Liberation Serif as the stand-in a
// machine without Times New Roman uses (the same metrics).
func fontTable(font string) string {
	alt := ""
	if font == "Times New Roman" {
		alt = `<w:altName w:val="Liberation Serif"/>`
	}
	return xmlHead + `<w:fonts xmlns:w="` + nsW + `"><w:font w:name="` + esc(font) + `">` + alt +
		`<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`
}

// core is docProps/core.xml: the title and the dates a Word file carries
// (an importer falls back to them).
func (d *docWriter) core() string {
	title := strings.TrimSpace(d.r.Title)
	if d.o.Document {
		title = d.h.Title
	}
	// A record never saved has no times: the file then says none (rather
	// than a made-up date an importer would take for the record's).
	created, modified := d.r.Created, d.r.Updated
	if created.IsZero() {
		created = modified
	}
	var b strings.Builder
	b.WriteString(xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	fmt.Fprintf(&b, `<dc:title>%s</dc:title>`, esc(xmlText(title)))
	if s := strings.TrimSpace(d.r.Summary); s != "" {
		fmt.Fprintf(&b, `<dc:subject>%s</dc:subject>`, esc(xmlText(s)))
	}
	creator := strings.TrimSpace(d.r.Author)
	if d.o.Document {
		creator = strings.Join(d.h.Agency, " ")
	}
	if creator != "" {
		fmt.Fprintf(&b, `<dc:creator>%s</dc:creator>`, esc(xmlText(creator)))
	}
	if c := strings.TrimSpace(d.r.Category); c != "" {
		fmt.Fprintf(&b, `<cp:category>%s</cp:category>`, esc(xmlText(c)))
	}
	b.WriteString(`<dc:language>vi-VN</dc:language>`)
	if !created.IsZero() {
		fmt.Fprintf(&b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>`, created.UTC().Format(time.RFC3339))
	}
	if !modified.IsZero() {
		fmt.Fprintf(&b, `<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, modified.UTC().Format(time.RFC3339))
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

func (d *docWriter) documentRels() string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>`)
	for _, r := range d.rels {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s" Target="%s"/>`, r.id, r.typ, r.target)
	}
	b.WriteString("</Relationships>")
	return b.String()
}

// addHeader adds a header part and returns its relationship id.
func (d *docWriter) addHeader(content string) string {
	d.headers = append(d.headers, xmlHead+`<w:hdr xmlns:w="`+nsW+`" xmlns:r="`+nsR+`">`+content+`</w:hdr>`)
	id := fmt.Sprintf("rIdHeader%d", len(d.headers))
	d.rels = append(d.rels, rel{id, relHeader, fmt.Sprintf("header%d.xml", len(d.headers))})
	return id
}

// addFooter adds a footer part and returns its relationship id.
func (d *docWriter) addFooter(content string) string {
	d.footers = append(d.footers, xmlHead+`<w:ftr xmlns:w="`+nsW+`" xmlns:r="`+nsR+`">`+content+`</w:ftr>`)
	id := fmt.Sprintf("rIdFooter%d", len(d.footers))
	d.rels = append(d.rels, rel{id, relFooter, fmt.Sprintf("footer%d.xml", len(d.footers))})
	return id
}

// bodySize is the body's font size (pt).
func (d *docWriter) bodySize() float64 {
	if d.o.Document {
		return pdf.SizeBody
	}
	return newsBody
}

// bodyLine is the body's exact line height in twips: the PDF's line
// (single spacing × the setting), so that pages break alike.
func (d *docWriter) bodyLine() int {
	return tw(pdf.Single * pdf.SizeBody * ptMM * d.g.LineSpacing)
}

// documentXML wraps the body's paragraphs and the section properties.
func documentXML(body, sect string) string {
	return xmlHead + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" ` +
		`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
		`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
		`xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
		"<w:body>\n" + body + sect + "</w:body></w:document>"
}
