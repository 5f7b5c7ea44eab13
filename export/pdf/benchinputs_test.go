package pdf

import (
	"encoding/base64"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
)

// TestWriteBenchInputs writes the six-page benchmark document for
// scripts/bench-pdf-vs-soffice into $BIENTAP_BENCH_OUT: doc.jsonl (to import
// and export with bientap) and doc.fodt, the same text as a LibreOffice
// Writer document with the same page, font, sizes and paragraph settings.
func TestWriteBenchInputs(t *testing.T) {
	t.Parallel()
	out := os.Getenv("BIENTAP_BENCH_OUT")
	if out == "" {
		t.Skip("BIENTAP_BENCH_OUT not set")
	}
	r := sixPageRecord()
	r.ID = 0
	j, err := model.MarshalRecordJSON(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "doc.jsonl"), append(j, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "doc.fodt"), []byte(fodt(r)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fodt renders a record as a flat ODF text document laid out like Document
// with a new archive's settings (the ones the export command uses).
func fodt(r *model.Record) string {
	set := model.DefaultSettings()
	var b strings.Builder
	p := func(style, s string) {
		fmt.Fprintf(&b, "<text:p text:style-name=%q>%s</text:p>\n", style, html.EscapeString(s))
	}
	runs := func(rs []doc.Run) string {
		var s strings.Builder
		for _, r := range rs {
			st := ""
			switch {
			case r.Bold && r.Italic:
				st = "BI"
			case r.Bold:
				st = "B"
			case r.Italic:
				st = "I"
			}
			if st == "" {
				s.WriteString(html.EscapeString(r.Text))
			} else {
				fmt.Fprintf(&s, "<text:span text:style-name=%q>%s</text:span>", st, html.EscapeString(r.Text))
			}
		}
		return s.String()
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="14pt"/></style:default-style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm" fo:margin-top="6pt" fo:line-height="` + fmt.Sprintf("%.0f%%", set.LineSpacing*100) + `"/></style:style>
<style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="CenterB" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Small" style:family="paragraph"><style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="BI" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="` + cm(set.MarginTop) + `" fo:margin-bottom="` + cm(set.MarginBottom) + `" fo:margin-left="` + cm(set.MarginLeft) + `" fo:margin-right="` + cm(set.MarginRight) + `"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
<office:body><office:text>
`)
	b.WriteString(`<table:table table:name="Header"><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell>`)
	p("Center", r.AgencyParent)
	p("CenterB", r.Agency)
	p("Center", "Số: "+decree.NumberSign(r.Number, r.Sign))
	b.WriteString(`</table:table-cell><table:table-cell>`)
	p("CenterB", quocHieu)
	p("CenterB", tieuNgu)
	p("Center", r.Place+", ngày 05 tháng 3 năm 2024")
	b.WriteString("</table:table-cell></table:table-row></table:table>\n")
	p("CenterB", strings.ToUpper(r.Kind.Label()))
	p("CenterB", r.Summary)
	imgN := 0
	for _, bl := range doc.Parse(r.Body).Blocks {
		switch bl.Kind {
		case doc.Table:
			fmt.Fprintf(&b, `<table:table table:name="T%d"><table:table-column table:number-columns-repeated="%d"/>`, imgN, len(bl.Rows[0]))
			for i, row := range bl.Rows {
				if i == 0 && bl.Header {
					b.WriteString("<table:table-header-rows>")
				}
				b.WriteString("<table:table-row>")
				for _, c := range row {
					fmt.Fprintf(&b, `<table:table-cell><text:p text:style-name="Small">%s</text:p></table:table-cell>`, runs(c.Runs))
				}
				b.WriteString("</table:table-row>")
				if i == 0 && bl.Header {
					b.WriteString("</table:table-header-rows>")
				}
			}
			b.WriteString("</table:table>\n")
		case doc.Image:
			imgN++
			if im := r.ImageByName(bl.Src); im != nil {
				fmt.Fprintf(&b, `<text:p text:style-name="Center"><draw:frame draw:name="img%d" text:anchor-type="as-char" svg:width="14cm" svg:height="7cm"><draw:image><office:binary-data>%s</office:binary-data></draw:image></draw:frame></text:p>`+"\n",
					imgN, base64.StdEncoding.EncodeToString(im.Data))
			}
			fmt.Fprintf(&b, "<text:p text:style-name=\"Center\"><text:span text:style-name=\"I\">%s</text:span></text:p>\n", runs(bl.Runs))
		default:
			fmt.Fprintf(&b, "<text:p text:style-name=\"Body\">%s</text:p>\n", runs(bl.Runs))
		}
	}
	b.WriteString(`<table:table table:name="Footer"><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell>`)
	fmt.Fprintf(&b, "<text:p><text:span text:style-name=\"BI\">Nơi nhận:</text:span></text:p>\n")
	for _, s := range r.Recipients {
		p("Small", s)
	}
	b.WriteString(`</table:table-cell><table:table-cell>`)
	p("CenterB", r.SignerAuthority)
	p("CenterB", r.SignerPosition)
	for i := 0; i < 4; i++ {
		p("Center", "")
	}
	p("CenterB", r.SignerName)
	b.WriteString("</table:table-cell></table:table-row></table:table>\n</office:text></office:body></office:document>\n")
	return b.String()
}

// cm writes millimetres as an ODF length in centimetres.
func cm(mm float64) string { return fmt.Sprintf("%.2fcm", mm/10) }
