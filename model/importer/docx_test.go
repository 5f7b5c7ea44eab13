package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bientap/model"
)

// docxFile is one part of a generated .docx.
type docxFile struct {
	name string
	data []byte
}

// buildDOCX writes a .docx archive as Word does (deflated parts).
func buildDOCX(t testing.TB, files []docxFile) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(f.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
		`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
		`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
		`xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
		`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
		`xmlns:v="urn:schemas-microsoft-com:vml"`
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`
	// Vietnamese Word names its built-in styles' ids after the localised
	// names ("u1" for Đầu đề 1); the style names stay English.
	stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + wordNS + `>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="u1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="u2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Tiu"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Chuthich"><w:name w:val="caption"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Trichdan"><w:name w:val="Quote"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Manh"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>`
	numberingXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ` + wordNS + `>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`
	footnotesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes ` + wordNS + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Số liệu đến hết tháng 7/2022.</w:t></w:r></w:p></w:footnote></w:footnotes>`
	coreXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title></dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2022-08-10T02:00:00Z</dcterms:created></cp:coreProperties>`
)

func docRels(imageTarget string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="` + imageTarget + `"/>
<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://example.com/x.jpg" TargetMode="External"/>
</Relationships>`
}

func drawing(rid string) string {
	return `<w:r><w:drawing><wp:inline><wp:extent cx="3000000" cy="2000000"/><wp:docPr id="1" name="Picture 1" descr="ảnh"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="` + rid + `"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
}

func para(ppr, runs string) string {
	if ppr != "" {
		ppr = "<w:pPr>" + ppr + "</w:pPr>"
	}
	return "<w:p>" + ppr + runs + "</w:p>"
}

func run(rpr, text string) string {
	if rpr != "" {
		rpr = "<w:rPr>" + rpr + "</w:rPr>"
	}
	return `<w:r>` + rpr + `<w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

// sampleDocument is a news item as a clerk writes it in Word.
func sampleDocument() string {
	body := para(`<w:pStyle w:val="Tiu"/>`, run("", "Hội nghị triển khai kế hoạch chuyển đổi số năm 2022")) +
		para("", run("", "Thứ tư 10/8/2022")) +
		para("", run("<w:b/>", "Sáng 10/8, Văn phòng UBND tỉnh tổ chức hội nghị triển khai kế hoạch chuyển đổi số năm 2022 cho cán bộ, công chức, viên chức.")) +
		para(`<w:jc w:val="center"/>`, drawing("rId5")) +
		para(`<w:pStyle w:val="Chuthich"/><w:jc w:val="center"/>`, run("", "Quang cảnh hội nghị")) +
		para("", run("", "Tại hội nghị, các đại biểu được quán triệt ")+run("<w:b/>", "mục tiêu")+run("", ", ")+
			run("<w:i/>", "nhiệm vụ")+run("", " và ")+run(`<w:b/><w:i/>`, "giải pháp")+run("", " trọng tâm")+
			`<w:r><w:footnoteReference w:id="1"/></w:r>`+run("", ".")) +
		para(`<w:pStyle w:val="u1"/>`, run("", "Các nhiệm vụ chính")) +
		para(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`, run("", "Hoàn thiện hạ tầng số;")) +
		para(`<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>`, run("", "Nâng cấp mạng nội bộ;")) +
		para(`<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>`, run("", "Trang bị máy tính mới.")) +
		para(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`, run("", "Đào tạo kỹ năng số.")) +
		para(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>`, run("", "Gạch đầu dòng tự động")) +
		para(`<w:pStyle w:val="u2"/>`, run("", "Kết quả")) +
		`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>` +
		`<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>` + para("", run("", "Nội dung")) + `</w:tc><w:tc>` + para("", run("", "Số lượng")) + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + para("", run("", "Máy tính | mới")) + `</w:tc><w:tc>` + para("", run("", "120")) + `</w:tc></w:tr>` +
		`<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + para("", run("", "Tổng cộng")) + `</w:tc></w:tr>` +
		`</w:tbl>` +
		para("", `<w:r><w:t>Dòng một</w:t><w:br/><w:t>dòng hai</w:t><w:tab/><w:t>sau tab</w:t></w:r>`) +
		para("", `<w:ins w:id="1"><w:r><w:t>Chèn </w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>đã xóa </w:delText></w:r></w:del>`+
			`<w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Manh"/></w:rPr><w:t>liên kết</w:t></w:r></w:hyperlink>`+
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`) +
		para("", `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>`+
			para("", run("", "Chữ trong hộp văn bản"))+`</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>`+
			`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>`+para("", run("", "Chữ trong hộp văn bản"))+
			`</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`) +
		para(`<w:pStyle w:val="Trichdan"/>`, run("", "Trích dẫn nghiêng theo kiểu")+run(`<w:i w:val="0"/>`, " thường")) +
		para("", run("", "Ký hiệu *sao* và # thăng")) +
		para("", drawing("rId6")) +
		para(`<w:jc w:val="right"/>`, run("<w:b/>", "Ban biên tập")) +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:document " + wordNS + "><w:body>" + body + "</w:body></w:document>"
}

func sampleDOCX(t testing.TB, imageTarget string, extra ...docxFile) []byte {
	files := []docxFile{
		{"[Content_Types].xml", []byte(contentTypes)},
		{"_rels/.rels", []byte(packageRels)},
		{"word/document.xml", []byte(sampleDocument())},
		{"word/_rels/document.xml.rels", []byte(docRels(imageTarget))},
		{"word/styles.xml", []byte(stylesXML)},
		{"word/numbering.xml", []byte(numberingXML)},
		{"word/footnotes.xml", []byte(footnotesXML)},
		{"docProps/core.xml", []byte(coreXML)},
		{"word/media/image1.jpeg", smallJPEG(t)},
	}
	return buildDOCX(t, append(files, extra...))
}

func TestParseDOCX(t *testing.T) {
	data := sampleDOCX(t, "media/image1.jpeg")
	dir := t.TempDir()
	path := filepath.Join(dir, "Hội nghị.docx")
	os.WriteFile(path, data, 0o644)
	p, err := ParseFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("report:\n%s", p.Report.String())
	if len(p.Records) != 1 {
		t.Fatalf("%d records", len(p.Records))
	}
	r := p.Records[0]
	if r.Title != "Hội nghị triển khai kế hoạch chuyển đổi số năm 2022" || !r.Date.Equal(date(2022, 8, 10)) ||
		r.Author != "Ban biên tập" || r.Status != model.StatusDraft || r.Kind != model.KindNews {
		t.Errorf("title %q date %v author %q status %s", r.Title, r.Date, r.Author, r.Status)
	}
	if r.Summary != "Sáng 10/8, Văn phòng UBND tỉnh tổ chức hội nghị triển khai kế hoạch chuyển đổi số năm 2022 cho cán bộ, công chức, viên chức." {
		t.Errorf("sapo %q", r.Summary)
	}
	want := strings.Join([]string{
		"![Quang cảnh hội nghị](anh-1.jpg)",
		"Tại hội nghị, các đại biểu được quán triệt **mục tiêu**, *nhiệm vụ* và ***giải pháp*** trọng tâm[1].",
		"# Các nhiệm vụ chính",
		"1. Hoàn thiện hạ tầng số;",
		"a) Nâng cấp mạng nội bộ;",
		"b) Trang bị máy tính mới.",
		"2. Đào tạo kỹ năng số.",
		"- Gạch đầu dòng tự động",
		"## Kết quả",
		"| Nội dung | Số lượng |",
		"|---|---|",
		`| Máy tính \| mới | 120 |`,
		"| Tổng cộng |  |",
		"Dòng một",
		"dòng hai sau tab",
		"Chèn **liên kết**",
		"Chữ trong hộp văn bản",
		"*Trích dẫn nghiêng theo kiểu* thường",
		`Ký hiệu \*sao\* và # thăng`,
		"[1] Số liệu đến hết tháng 7/2022.",
	}, "\n")
	if r.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", r.Body, want)
	}
	if len(r.Images) != 1 || r.Images[0].MediaType != "image/jpeg" || r.Images[0].Caption != "Quang cảnh hội nghị" {
		t.Errorf("images %v", imageSummary(r.Images))
	}
	if !strings.Contains(strings.Join(p.Report.Warnings, "\n"), "http://example.com/x.jpg") {
		t.Errorf("external picture not reported: %q", p.Report.Warnings)
	}
}

// A relationship or an entry that points outside the archive is refused,
// and nothing is ever written to disk.
func TestParseDOCXZipSlip(t *testing.T) {
	for _, target := range []string{"../../../../etc/passwd", "/../../evil.jpeg", `..\..\evil.jpeg`} {
		dir := t.TempDir()
		data := sampleDOCX(t, target,
			docxFile{"../evil.jpeg", smallJPEG(t)}, docxFile{"../../etc/evil.txt", []byte("x")})
		p, err := ParseDOCX(data, "a.docx", Options{})
		if err != nil {
			t.Fatal(err)
		}
		r := p.Records[0]
		if len(r.Images) != 0 {
			t.Errorf("%s: image read from outside the archive", target)
		}
		w := strings.Join(p.Report.Warnings, "\n")
		if !strings.Contains(w, "ra ngoài tệp .docx") || !strings.Contains(w, "tên bất thường") {
			t.Errorf("%s: not reported:\n%s", target, w)
		}
		entries, _ := os.ReadDir(dir)
		parent, _ := os.ReadDir(filepath.Dir(dir))
		if len(entries) != 0 {
			t.Errorf("files written: %v", entries)
		}
		for _, e := range parent {
			if strings.Contains(e.Name(), "evil") {
				t.Errorf("file written next to the temp dir: %s", e.Name())
			}
		}
	}
}

// Pictures are size-checked from their header before decoding; a part that
// inflates beyond its bound (a zip bomb) stops at the bound.
func TestParseDOCXBombs(t *testing.T) {
	data := buildDOCX(t, []docxFile{
		{"_rels/.rels", []byte(packageRels)},
		{"word/document.xml", []byte(`<w:document ` + wordNS + `><w:body>` + para("", run("", "Tiêu đề")) + para("", drawing("rId5")) + `</w:body></w:document>`)},
		{"word/_rels/document.xml.rels", []byte(docRels("media/huge.png"))},
		{"word/media/huge.png", hugePNG(t)},
	})
	p, err := ParseDOCX(data, "a.docx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Records[0].Images) != 0 || !strings.Contains(strings.Join(p.Report.Warnings, "\n"), "quá lớn") {
		t.Errorf("oversized picture accepted or not reported: %q", p.Report.Warnings)
	}

	// 80 MB of zeros deflate to about 80 kB; the header lies about the size.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate})
	w.Write([]byte(`<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>`))
	zeros := make([]byte, 1<<20)
	for i := 0; i < 80; i++ {
		w.Write(zeros)
	}
	zw.Close()
	bomb := buf.Bytes()
	if len(bomb) > 1<<20 {
		t.Fatalf("bomb is %d bytes", len(bomb))
	}
	if _, err := ParseDOCX(bomb, "bom.docx", Options{}); err == nil || !strings.Contains(err.Error(), "quá lớn") {
		t.Errorf("zip bomb: %v", err)
	}
}

func TestParseDOCXErrors(t *testing.T) {
	for name, data := range map[string][]byte{
		"not a zip":   []byte("đây không phải tệp zip"),
		"no document": buildDOCX(t, []docxFile{{"a.txt", []byte("x")}}),
		"broken xml":  buildDOCX(t, []docxFile{{"word/document.xml", []byte("<w:document><w:body><w:p>")}}),
		"no body":     buildDOCX(t, []docxFile{{"word/document.xml", []byte("<w:document " + wordNS + "/>")}}),
	} {
		if _, err := ParseDOCX(data, "x.docx", Options{}); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// No styles part: the style ids name the styles.
	data0 := buildDOCX(t, []docxFile{{"word/document.xml", []byte(`<w:document ` + wordNS + `><w:body>` +
		para(`<w:pStyle w:val="Title"/>`, run("", "Tiêu đề")) + para(`<w:pStyle w:val="Heading1"/>`, run("", "Mục một")) +
		para(`<w:pStyle w:val="Heading2"/>`, run("", "Mục nhỏ")) + para("", run("", "Văn bản.")) + `</w:body></w:document>`)}})
	p0, err := ParseDOCX(data0, "x.docx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r := p0.Records[0]; r.Title != "Tiêu đề" || r.Body != "# Mục một\n## Mục nhỏ\nVăn bản." {
		t.Errorf("without styles: %q %q", r.Title, r.Body)
	}
	// A document without title or date: the file name and today.
	data := buildDOCX(t, []docxFile{{"word/document.xml", []byte(`<w:document ` + wordNS + `><w:body>` +
		para("", run("", "Một câu văn bình thường của văn bản này, không phải tiêu đề.")) + `</w:body></w:document>`)}})
	p, err := ParseDOCX(data, "Báo cáo tháng 8.docx", Options{Clock: clockOn(2030, 5, 6)})
	if err != nil {
		t.Fatal(err)
	}
	if r := p.Records[0]; r.Title != "Báo cáo tháng 8" || !r.Date.Equal(date(2030, 5, 6)) || r.Body == "" {
		t.Errorf("fallbacks: %q %v %q", r.Title, r.Date, r.Body)
	}
}
