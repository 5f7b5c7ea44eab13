package importer

import (
	"fmt"
	"strings"
	"testing"
)

// The import benchmarks report the time per kilobyte of input at two sizes
// ten times apart: linear work gives the same ns/KB at both.
//
//	go test -run '^$' -bench 'Import' -benchtime 5x ./model/importer/

func benchSizes(b *testing.B, gen func(n int) []byte, parse func(data []byte), sizes ...int) {
	for _, n := range sizes {
		data := gen(n)
		b.Run(fmt.Sprintf("%dKB", len(data)>>10), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				parse(data)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(float64(len(data))/1024), "ns/KB")
		})
	}
}

func BenchmarkImportHTMLSpans(b *testing.B) {
	benchSizes(b, spansPage, func(d []byte) { ParseHTML(d, "", Options{}) }, 5_000, 50_000)
}

func BenchmarkImportHTMLWord(b *testing.B) {
	benchSizes(b, wordPage, func(d []byte) { ParseHTML(d, "", Options{}) }, 300, 3_000)
}

func BenchmarkImportDOCX(b *testing.B) {
	gen := func(n int) []byte {
		var body strings.Builder
		for i := 0; i < n; i++ {
			// Runs split mid-word, as Word's spell-check and revision ids leave them.
			fmt.Fprintf(&body, `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r w:rsidR="00A1"><w:t xml:space="preserve">Đoạn %d: tình hình kinh </w:t></w:r><w:r w:rsidR="00B2"><w:t>t</w:t></w:r><w:r><w:t xml:space="preserve">ế xã hội </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ổn định</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>`, i)
		}
		return buildDOCX(b, []docxFile{{"word/document.xml", []byte(`<w:document ` + wordNS + `><w:body>` + body.String() + `</w:body></w:document>`)}})
	}
	benchSizes(b, gen, func(d []byte) { ParseDOCX(d, "a.docx", Options{}) }, 1_000, 10_000)
}

func BenchmarkImportText(b *testing.B) {
	gen := func(n int) []byte {
		var s strings.Builder
		s.WriteString("Tin tức sự kiện\nThứ hai 15/8/2022\nTiêu đề của tin\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&s, "Đoạn %d: người dân được hướng dẫn phòng, chống dịch bệnh; mỗi hộ gia đình cử một người tham gia.\n", i)
		}
		return []byte(s.String())
	}
	benchSizes(b, gen, func(d []byte) { ParseText(d, Options{}) }, 1_000, 10_000)
}
