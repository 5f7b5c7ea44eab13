package importer

import (
	"strings"
	"testing"
	"time"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/vntext"
)

// FuzzParseDOCX: any bytes (a zip or not, of any size) never panic, and what
// is read is clean NFC text with a title.
func FuzzParseDOCX(f *testing.F) {
	f.Add(sampleDOCX(f, "media/image1.jpeg"))
	f.Add(buildDOCX(f, []docxFile{{"word/document.xml", []byte(`<w:document ` + wordNS + `><w:body>` +
		para("", run("", "Số: 07/TB-VPUBND")+`<w:r><w:tab/></w:r>`+run("<w:i/>", "Lai Châu, ngày 05 tháng 01 năm 2026")) +
		`</w:body></w:document>`)}}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		p, err := ParseDOCX(data, "tệp.docx", Options{})
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("%d bytes took %v", len(data), d)
		}
		if err == nil {
			checkOutput(t, p)
		}
	})
}

// FuzzDOCXBody builds a .docx whose body is a fuzzed piece of
// WordprocessingML repeated up to 4,000 times (hundreds of kilobytes: the
// slow paths of a reader only show on large input): no panic, clean output,
// every word of the w:t text kept, and time within a bound that linear work
// meets by far (quadratic work on such input takes minutes).
func FuzzDOCXBody(f *testing.F) {
	f.Add(para("", run("", "Ủy ban ")+run("<w:b/>", "nhân")+run("", " dân")), uint16(3000))
	f.Add(`<w:tbl><w:tr><w:tc>`+para("", run("", "Nơi nhận:"))+`</w:tc><w:tc>`+para(`<w:jc w:val="center"/>`, run("<w:b/>", "CHỦ TỊCH"))+`</w:tc></w:tr></w:tbl>`, uint16(500))
	f.Add(para(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`, `<w:ins><w:r><w:t>a<!---->b</w:t></w:r></w:ins><w:del><w:r><w:delText>x</w:delText></w:r></w:del>`), uint16(4000))
	f.Add(para("", `<w:r><w:t>Số: 15/QĐ-UBND</w:t><w:tab/><w:t>Hà Nội, ngày 1 tháng 2 năm 2026</w:t></w:r>`), uint16(100))
	f.Fuzz(func(t *testing.T, piece string, reps uint16) {
		n := int(reps%4000) + 1
		body := strings.Repeat(piece, n)
		data := buildDOCX(t, []docxFile{
			{"word/document.xml", []byte(`<w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`)},
			{"word/numbering.xml", []byte(numberingXML)},
		})
		start := time.Now()
		p, err := ParseDOCX(data, "tệp.docx", Options{})
		if d := time.Since(start); d > 20*time.Second+time.Duration(len(body))*20*time.Microsecond {
			t.Fatalf("%d bytes took %v", len(body), d)
		}
		if err != nil {
			return
		}
		checkOutput(t, p)
		// Text of w:t in a run of a paragraph of the body is never lost
		// (deleted text, fields' codes and the like are not there).
		if strings.Contains(piece, "rFonts") {
			return // legacy fonts are converted
		}
		root, err := parseXML([]byte("<body>" + piece + "</body>"))
		if err != nil {
			return
		}
		hay := haystack(p)
		r := p.Records[0]
		hay += r.Summary + "\n" + r.Title + "\n" + r.Place + "\n" + r.Number + "/" + r.Sign + "\n" + r.Agency + "\n" +
			r.AgencyParent + "\n" + r.SignerName + "\n" + r.SignerPosition + "\n" + r.SignerAuthority + "\n" +
			strings.Join(r.To, "\n") + strings.Join(r.Recipients, "\n") + r.Urgency
		// The fixed lines and labels of a Decree-30 layout are printed again
		// from the record's fields, not kept as text.
		hay += "\n" + decree.QuocHieu + "\n" + decree.TieuNgu + "\nSố ngày tháng năm Kính gửi Nơi nhận V/v Về việc điện\n"
		for _, k := range model.Kinds {
			hay += k.Name + "\n"
		}
		for _, para := range root.child("body").kids {
			if para.name != "p" {
				continue
			}
			for _, rn := range para.kids {
				if rn.name != "r" {
					continue
				}
				for _, tx := range rn.kids {
					if tx.name != "t" {
						continue
					}
					for _, w := range wordsOf(vntext.Clean(tx.text)) {
						if !strings.Contains(hay, w) && !strings.Contains(strings.ToUpper(hay), strings.ToUpper(w)) {
							t.Fatalf("word %q lost; piece %q\nrecord: %q", w, piece, hay)
						}
					}
				}
			}
		}
	})
}
