package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"bientap/export"
	"bientap/export/docx/libreoffice"
	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
)

// The export of a record imported from a Word file keeps its content: a
// record read from a file Word made (wordlike_test.go), from LibreOffice's
// fixtures and from Biên Tập's own committed exports is written again as
// .docx and as PDF, and every word of the record is in what LibreOffice
// lays out from the .docx and in our PDF, in the record's order.

// reexportSources are the Word files of the test, by name.
func reexportSources(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	files, _ := filepath.Glob(filepath.Join("testdata", "docx", "*.docx"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".docx")] = data
	}
	if len(out) < 12 {
		t.Fatalf("%d fixtures", len(out))
	}
	for _, k := range []model.Kind{model.KindQuyetDinh, model.KindCongVan, model.KindCongDien, model.KindToTrinh, "quy-dinh"} {
		for layout := range 3 {
			spec := wordSpec{kind: k, layout: layout, agency: []string{"VĂN PHÒNG"}}
			switch k {
			case model.KindCongDien:
				spec.urgency = "HỎA TỐC"
			case model.KindCongVan:
				spec.to = []string{"Sở Nội vụ", "Sở Tài chính", "UBND các huyện, thành phố"}
				spec.agency = []string{"SỞ NÔNG NGHIỆP VÀ", "MÔI TRƯỜNG"}
			case model.KindToTrinh:
				spec.to = []string{"Ủy ban nhân dân tỉnh Lai Châu"}
				spec.urgency = "THƯỢNG KHẨN"
			}
			out[fmt.Sprintf("word-%s-%d", k, layout)] = wordDecreeDOCX(t, spec)
		}
	}
	out["word-news"] = sampleDOCX(t, "media/image1.jpeg")
	return out
}

// fieldWords are the words one field of a record prints.
type fieldWords struct {
	field string
	words []string
	upper bool // the layout prints the field in capitals
}

// recordWords are the words of what r says, field by field, each in its
// order: for a document its header and footer fields, trích yếu,
// addressees and body; for news the title, sapo, body and byline. The
// body's words include the tables' cells (row by row) and the pictures'
// captions.
func recordWords(r *model.Record) []fieldWords {
	var out []fieldWords
	add := func(field, text string, upper bool) {
		if ws := printedWords(text); len(ws) > 0 {
			out = append(out, fieldWords{field, ws, upper})
		}
	}
	// The body's running text is one sequence; a table's cells are each
	// their own (a reader of the page takes a table column by column or
	// row by row as its lines fall).
	var body []string
	var cells []string
	for _, b := range doc.Parse(r.Body).Blocks {
		switch b.Kind {
		case doc.Table:
			for _, row := range b.Rows {
				for _, c := range row {
					cells = append(cells, doc.PlainText(c.Runs))
				}
			}
		default:
			body = append(body, doc.PlainText(b.Runs))
		}
	}
	addCells := func(cells []string) {
		for i, c := range cells {
			add(fmt.Sprintf("table cell %d", i+1), c, false)
		}
	}
	if !r.Kind.IsDocument() {
		add("title", r.Title, false)
		add("sapo", r.Summary, false)
		if fi := r.FeaturedImage(); fi != nil && !strings.Contains(r.Body, "]("+fi.Name+")") {
			add("featured caption", fi.Caption, false)
		}
		add("body", strings.Join(body, "\n"), false)
		addCells(cells)
		add("author", r.Author, false)
		return out
	}
	add("agency parent", r.AgencyParent, true)
	add("agency", r.Agency, true)
	add("number", decree.NumberSign(r.Number, r.Sign), false)
	add("place", r.Place, false)
	add("urgency", r.Urgency, true)
	add("summary", r.Summary, false)
	add("to", strings.Join(r.To, "\n"), false)
	add("body", strings.Join(body, "\n"), false)
	addCells(cells)
	add("recipients", strings.Join(r.Recipients, "\n"), false)
	add("signer", r.SignerAuthority+"\n"+r.SignerPosition, true)
	add("signer name", r.SignerName, false)
	return out
}

// printedWords splits text into words without the punctuation at their edges
// (the layout adds list marks, full stops and semicolons), dropping what
// is only punctuation.
func printedWords(text string) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) || r == '+' })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func upperAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToUpper(w)
	}
	return out
}

func TestReexportKeepsContent(t *testing.T) {
	libreoffice.Tool(t, "soffice")
	libreoffice.Tool(t, "pdftotext")
	dir := t.TempDir()
	sources := reexportSources(t)
	settings := model.DefaultSettings()
	recs := map[string]*model.Record{}
	var names, docs []string
	for name, data := range sources {
		p, err := ParseDOCX(data, name+".docx", Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r := p.Records[0]
		recs[name] = r
		var b bytes.Buffer
		if _, err := export.Docx(&b, r, export.Options{Settings: settings}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		path := filepath.Join(dir, name+".docx")
		os.WriteFile(path, b.Bytes(), 0o644)
		b.Reset()
		if _, err := export.PDF(&b, r, export.Options{Settings: settings}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		os.WriteFile(filepath.Join(dir, name+"-pdf.pdf"), b.Bytes(), 0o644)
		names, docs = append(names, name), append(docs, path)
	}
	libreoffice.Convert(t, docs...)
	if out := os.Getenv("BIENTAP_DOCX_OUT"); out != "" { // to look at them
		for _, n := range names {
			for _, f := range []string{n + ".docx", n + ".pdf", n + "-pdf.pdf"} {
				data, _ := os.ReadFile(filepath.Join(dir, f))
				os.WriteFile(filepath.Join(out, f), data, 0o644)
			}
		}
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			r := recs[name]
			lo := libreoffice.Words(t, filepath.Join(dir, name+".pdf"))
			ours := libreoffice.Words(t, filepath.Join(dir, name+"-pdf.pdf"))
			rendered := map[string][]string{"LibreOffice": printedWords(strings.Join(lo, " ")), "PDF": printedWords(strings.Join(ours, " "))}
			fields := recordWords(r)
			if len(fields) < 3 {
				t.Fatalf("the record says almost nothing: %v", fields)
			}
			for _, out := range []string{"LibreOffice", "PDF"} {
				got := rendered[out]
				upper := upperAll(got)
				for _, f := range fields {
					want, in := f.words, got
					if f.upper {
						want, in = upperAll(want), upper
					}
					if m := libreoffice.Missing(want, in); m != "" {
						t.Errorf("%s of the record, in %s: %s", f.field, out, m)
					}
				}
			}
			// A document is laid out as its PDF is: the same pages, the
			// same words in the same order, the Quốc hiệu, the number, the
			// signer's name and the page number in the same places. (A
			// news item's Word file is a plain article, not the print view:
			// no page numbers, its own widths.)
			if !r.Kind.IsDocument() {
				return
			}
			ourPDF := filepath.Join(dir, name+"-pdf.pdf")
			libreoffice.SameLayout(t, ourPDF, filepath.Join(dir, name+".pdf"),
				libreoffice.DocumentAnchors(r.SignerName, libreoffice.Pages(t, ourPDF)), 3)
		})
	}
}
