package importer

import (
	"fmt"
	"strings"
	"testing"
)

// The inputs below each grew the work faster than the input (issue: 5,000
// <span>s in one paragraph took a minute, text split by comments in a
// .docx ran past two minutes). Four times the input must cost about four
// times the memory and the time, never sixteen. Memory is the sharp test
// (it does not depend on the machine's load); time catches work that does
// not allocate.

func spansPage(n int) []byte {
	return []byte("<html><body><h1>Tiêu đề của tin</h1><div class=content><p>" +
		strings.Repeat("<span>ab </span>", n) + "</p></div></body></html>")
}

// wordPage is a page as Word saves it: every paragraph a MsoNormal with
// spans in spans, words split by language and spell-check marks.
func wordPage(paras int) []byte {
	var b strings.Builder
	b.WriteString(`<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15"><title>Báo cáo</title></head><body lang=EN-US style='tab-interval:36.0pt'><div class=WordSection1>`)
	b.WriteString(`<p class=MsoTitle><b><span lang=VI>Báo cáo tình hình kinh tế - xã hội</span></b></p>`)
	for i := 0; i < paras; i++ {
		fmt.Fprintf(&b, `<p class=MsoNormal style='text-align:justify;text-indent:36.0pt'><span lang=VI style='font-size:14.0pt;line-height:115%%;font-family:"Times New Roman",serif'>Đoạn %d: tình hình </span><span class=SpellE><span lang=VI style='font-size:14.0pt'>kinh</span></span><span lang=VI style='font-size:14.0pt'> tế </span><b><span lang=VI>xã hội</span></b><span lang=VI> trên địa bàn tỉnh tiếp tục ổn định<o:p></o:p></span></p>`+"\n", i)
	}
	b.WriteString(`</div></body></html>`)
	return []byte(b.String())
}

func docxWith(t testing.TB, body string) []byte {
	t.Helper()
	return buildDOCX(t, []docxFile{{"word/document.xml", []byte(`<w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`)}})
}

func TestImportLinear(t *testing.T) {
	cases := []struct {
		name  string
		n     int
		parse func(n int)
	}{
		{"html spans in one paragraph", 8000, func(n int) { ParseHTML(spansPage(n), "", Options{}) }},
		{"html saved by Word", 500, func(n int) { ParseHTML(wordPage(n), "", Options{}) }},
		{"docx text split by comments", 20000, func(n int) {
			ParseDOCX(docxWith(t, `<w:p><w:r><w:t>`+strings.Repeat("a<!---->", n)+`</w:t></w:r></w:p>`), "a.docx", Options{})
		}},
		{"docx runs in one paragraph", 5000, func(n int) {
			// Word splits words into runs of one style (spell-check, rsids).
			ParseDOCX(docxWith(t, `<w:p>`+strings.Repeat(`<w:r w:rsidR="00A1"><w:t>ab</w:t></w:r><w:r><w:t xml:space="preserve">c </w:t></w:r>`, n)+`</w:p>`), "a.docx", Options{})
		}},
		{"docx runs of alternating style", 5000, func(n int) {
			ParseDOCX(docxWith(t, `<w:p>`+strings.Repeat(`<w:r><w:t>ab</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>c </w:t></w:r>`, n)+`</w:p>`), "a.docx", Options{})
		}},
		{"docx pictures with captions", 3000, func(n int) {
			ParseDOCX(docxWith(t, strings.Repeat(`<w:p><w:r><w:t>Chữ</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t>Ảnh: chú thích</w:t></w:r></w:p>`, n)), "a.docx", Options{})
		}},
		{"text one long line", 200_000, func(n int) {
			ParseText([]byte("Tiêu đề\n"+strings.Repeat("chữ ", n)), Options{})
		}},
		{"text many lines", 20_000, func(n int) {
			var b strings.Builder
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, "Dòng %d của trang tin.\n", i)
			}
			ParseText([]byte(b.String()), Options{})
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			alloc, elapsed := growthWithin(12, func(big bool) {
				if big {
					c.parse(4 * c.n)
				} else {
					c.parse(c.n)
				}
			})
			t.Logf("4× input: %.1f× memory, %.1f× time", alloc, elapsed)
			// Quadratic work gives 16×; the time bound leaves room for a
			// loaded machine.
			if alloc > 6 || elapsed > 12 {
				t.Errorf("4× input took %.1f× memory and %.1f× time", alloc, elapsed)
			}
		})
	}
}
