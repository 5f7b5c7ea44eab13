package importer

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"bientap/model"
)

// This file writes .docx files of administrative documents the way Word
// writes them from Decree-30 templates: runs split in mid-word (revision
// ids, spell-check marks), bookmarks, a tracked change in the number, the
// year as a field, automatic numbering for the khoản and điểm, a footnote,
// a table, rules drawn as shapes or typed as underscores, and the header
// and signature block in each of the three layouts offices use.

// Layouts of the header and the footer.
const (
	layoutTables  = iota // borderless two-column tables
	layoutTabs           // tab stops
	layoutStacked        // paragraphs one under the other
)

// wordSpec describes one document to write.
type wordSpec struct {
	kind    model.Kind
	layout  int
	urgency string
	to      []string // Kính gửi
	agency  []string // cơ quan ban hành, one entry per line
}

// rsid numbers the revision ids Word puts on runs.
var rsid = 0x00A1B2C3

// wr writes text as Word does: split into runs at a position inside a word,
// with revision ids and a spell-check mark between them. props is the run's
// w:rPr content.
func wr(props, text string) string {
	esc := func(s string) string {
		return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	}
	one := func(s string) string {
		rsid++
		p := `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:lang w:val="vi-VN"/>` + props
		return fmt.Sprintf(`<w:r w:rsidR="%08X" w:rsidRPr="%08X"><w:rPr>%s</w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, rsid, rsid+7, p, esc(s))
	}
	rs := []rune(text)
	if len(rs) < 6 {
		return one(text)
	}
	cut := len(rs) / 2
	for cut < len(rs)-1 && rs[cut] == ' ' { // inside a word, not at a space
		cut++
	}
	return one(string(rs[:cut])) + `<w:proofErr w:type="spellStart"/>` + one(string(rs[cut:])) + `<w:proofErr w:type="spellEnd"/>`
}

func wp(ppr string, runs ...string) string {
	rsid++
	return fmt.Sprintf(`<w:p w:rsidR="%08X" w:rsidRDefault="%08X"><w:pPr>%s</w:pPr>%s</w:p>`, rsid, rsid+3, ppr, strings.Join(runs, ""))
}

const (
	wCenter  = `<w:jc w:val="center"/>`
	wRight   = `<w:jc w:val="right"/>`
	wJustify = `<w:spacing w:before="120"/><w:ind w:firstLine="720"/><w:jc w:val="both"/>`
	wBold    = `<w:b/><w:bCs/>`
	wItalic  = `<w:i/><w:iCs/>`
	wTab     = `<w:r><w:tab/></w:r>`
	// a rule drawn as a VML line, the way Word 2003-era templates do.
	wRule = `<w:r><w:pict><v:line id="_x0000_s1026" from="60pt,2pt" to="140pt,2pt" strokeweight=".5pt"/></w:pict></w:r>`
	// tab stops of a header laid out with tabs: centres of the two columns.
	wHeaderTabs = `<w:tabs><w:tab w:val="center" w:pos="1985"/><w:tab w:val="center" w:pos="6804"/></w:tabs>`
)

// borderless is a two-column table without borders, as Word templates lay
// out the header and the signature block.
func borderless(rows ...[2]string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="9356" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="01E0"/></w:tblPr><w:tblGrid><w:gridCol w:w="3686"/><w:gridCol w:w="5670"/></w:tblGrid>`)
	for _, r := range rows {
		b.WriteString(`<w:tr><w:tc><w:tcPr><w:tcW w:w="3686" w:type="dxa"/></w:tcPr>` + r[0] + `</w:tc><w:tc><w:tcPr><w:tcW w:w="5670" w:type="dxa"/></w:tcPr>` + r[1] + `</w:tc></w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

// signOf is the ký hiệu a document of kind k gets in these tests.
func signOf(k model.Kind) string {
	if a := k.Abbr(); a != "" {
		return a + "-VPUBND"
	}
	return "VPUBND-TH"
}

// wordDecree writes the document.xml body of spec.
func wordDecree(s wordSpec) string {
	var b strings.Builder
	sign := signOf(s.kind)
	number := `Số: <w:del w:id="1" w:author="Văn thư" w:date="2026-01-05T08:00:00Z"><w:r><w:delText>06</w:delText></w:r></w:del><w:ins w:id="2" w:author="Văn thư" w:date="2026-01-05T08:00:00Z"><w:r><w:t>07</w:t></w:r></w:ins>/` + sign
	numberRuns := `<w:r><w:t xml:space="preserve">` + number[:len("Số: ")] + `</w:t></w:r>` + number[len("Số: "):]
	numberRuns = strings.Replace(numberRuns, "/"+sign, "", 1) + wr("", "/"+sign)
	year := `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \@ "yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr>` + wItalic + `</w:rPr><w:t>2026</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	date := wr(wItalic, "Lai Châu, ngày 05 tháng 01 năm ") + year
	cv := s.kind == model.KindCongVan
	vv := []string{"V/v tăng cường công tác phòng cháy,", "chữa cháy rừng mùa khô"}
	agencyParas := func(ppr string) string {
		out := wp(ppr, wr("", "UBND TỈNH LAI CHÂU"))
		for _, a := range s.agency {
			out += wp(ppr, wr(wBold, a))
		}
		return out
	}
	b.WriteString(`<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>`)
	switch s.layout {
	case layoutTables:
		left1 := agencyParas(wCenter) + wp(wCenter, wRule)
		right1 := wp(wCenter, wr(wBold, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) + wp(wCenter, wr(wBold, "Độc lập - Tự do - Hạnh phúc")) + wp(wCenter, wRule)
		left2 := wp(wCenter, numberRuns)
		if cv {
			left2 += wp(wCenter, wr("", vv[0])) + wp(wCenter, wr("", vv[1]))
		}
		if s.urgency != "" {
			left2 += wp(wCenter+`<w:pBdr><w:top w:val="single" w:sz="8" w:color="FF0000"/><w:left w:val="single" w:sz="8" w:color="FF0000"/><w:bottom w:val="single" w:sz="8" w:color="FF0000"/><w:right w:val="single" w:sz="8" w:color="FF0000"/></w:pBdr>`, wr(wBold, s.urgency))
		}
		b.WriteString(borderless([2]string{left1, right1}, [2]string{left2, wp(wCenter, date)}))
	case layoutTabs:
		b.WriteString(wp(wHeaderTabs, wTab, wr("", "UBND TỈNH LAI CHÂU"), wTab, wr(wBold, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")))
		for i, a := range s.agency {
			right := ""
			if i == 0 {
				right = wTab + wr(wBold, "Độc lập - Tự do - Hạnh phúc")
			}
			b.WriteString(wp(wHeaderTabs, wTab, wr(wBold, a), right))
		}
		b.WriteString(wp(wHeaderTabs, wTab, wr("", "________"), wTab, wr("", "____________________")))
		b.WriteString(wp(wHeaderTabs, wTab, numberRuns, wTab, date))
		if cv {
			b.WriteString(wp(wHeaderTabs, wTab, wr("", vv[0])))
			b.WriteString(wp(wHeaderTabs, wTab, wr("", vv[1])))
		}
		if s.urgency != "" {
			b.WriteString(wp(wHeaderTabs, wTab, wr(wBold, s.urgency)))
		}
	case layoutStacked:
		b.WriteString(agencyParas(wCenter))
		b.WriteString(wp(wCenter, wr(wBold, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")))
		b.WriteString(wp(wCenter, wr(wBold, "Độc lập - Tự do - Hạnh phúc")))
		b.WriteString(wp(wCenter, wRule))
		b.WriteString(wp(wCenter, numberRuns))
		if cv {
			b.WriteString(wp(wCenter, wr("", vv[0]+" "+vv[1])))
		}
		b.WriteString(wp(wRight, date))
		if s.urgency != "" {
			b.WriteString(wp(wCenter, wr(wBold, s.urgency)))
		}
	}
	if !cv {
		name := strings.ToUpper(s.kind.Label())
		b.WriteString(wp(`<w:spacing w:before="240"/>`+wCenter, wr(wBold, name)))
		b.WriteString(wp(wCenter, wr(wBold, "Về việc tổ chức Hội nghị sơ kết công tác")))
		b.WriteString(wp(wCenter, wr(wBold, "cải cách hành chính năm 2025")))
		b.WriteString(wp(wCenter, wRule))
	}
	if s.kind == model.KindCongDien {
		b.WriteString(wp(wCenter, wr(wBold, "CHỦ TỊCH UBND TỈNH LAI CHÂU điện:")))
		b.WriteString(wp(wJustify, wr("", "- Chủ tịch UBND các huyện, thành phố;")))
		b.WriteString(wp(wJustify, wr("", "- Giám đốc Công an tỉnh.")))
	}
	switch len(s.to) {
	case 0:
	case 1:
		b.WriteString(wp(wCenter, wr("", "Kính gửi: "+s.to[0]+".")))
	default:
		tabs := `<w:tabs><w:tab w:val="left" w:pos="3119"/></w:tabs><w:ind w:left="3402" w:hanging="1418"/>`
		for i, t := range s.to {
			end := ";"
			if i == len(s.to)-1 {
				end = "."
			}
			if i == 0 {
				b.WriteString(wp(tabs, wr("", "Kính gửi:"), wTab, wr("", "- "+t+end)))
			} else {
				b.WriteString(wp(tabs, wTab, wr("", "- "+t+end)))
			}
		}
	}
	// The body.
	if s.kind == model.KindQuyetDinh || s.kind == "nghi-quyet" {
		b.WriteString(wp(wCenter, wr(wBold, "CHÁNH VĂN PHÒNG UBND TỈNH LAI CHÂU")))
		b.WriteString(wp(wJustify, wr(wItalic, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;")))
		b.WriteString(wp(wJustify, wr(wItalic, "Theo đề nghị của Trưởng phòng Hành chính - Tổ chức.")))
		b.WriteString(wp(wCenter, wr(wBold, "QUYẾT ĐỊNH:")))
		b.WriteString(wp(wJustify, wr(wBold, "Điều 1."), wr("", " Tổ chức Hội nghị sơ kết công tác cải cách hành chính năm 2025.")))
	} else {
		b.WriteString(wp(wJustify, wr("", "Căn cứ Kế hoạch số 12/KH-UBND ngày 19 tháng 02 năm 2025 của UBND tỉnh;")))
	}
	num := func(lvl int) string {
		return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr>`, lvl) + wJustify
	}
	b.WriteString(wp(num(0), wr("", "Các cơ quan rà soát kết quả thực hiện")+`<w:r><w:footnoteReference w:id="1"/></w:r>`+wr("", ";")))
	b.WriteString(wp(num(1), wr("", "Tổng hợp số liệu trước ngày 15 tháng 01 năm 2026;")))
	b.WriteString(wp(num(1), wr("", "Gửi báo cáo về Văn phòng.")))
	b.WriteString(wp(num(0), wr("", "Văn phòng chuẩn bị địa điểm, tài liệu.")))
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="4000"/></w:tblGrid>` +
		`<w:tr><w:tc>` + wp(wCenter, wr(wBold, "STT")) + `</w:tc><w:tc>` + wp(wCenter, wr(wBold, "Nội dung")) + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + wp("", wr("", "1")) + `</w:tc><w:tc>` + wp("", wr("", "Báo cáo kết quả")) + `</w:tc></w:tr></w:tbl>`)
	b.WriteString(wp(wJustify, wr("", "Đề nghị các cơ quan, đơn vị thực hiện nghiêm túc./.")))
	// The footer.
	signer := []string{"KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"}
	recipients := []string{"- Như trên;", "- Lưu: VT, TH."}
	noiNhan := wr(wBold+wItalic+`<w:sz w:val="24"/>`, "Nơi nhận:")
	small := `<w:sz w:val="22"/>`
	switch s.layout {
	case layoutTables:
		left := wp("", noiNhan)
		for _, r := range recipients {
			left += wp("", wr(small, r))
		}
		right := ""
		for _, l := range signer {
			right += wp(wCenter, wr(wBold, l))
		}
		right += wp(wCenter, wr(wItalic, "(Đã ký)")) + wp(wCenter, drawing("rId5")) + wp(wCenter, wr(wBold, "Nguyễn Văn An"))
		b.WriteString(borderless([2]string{left, right}))
	case layoutTabs:
		tabs := `<w:tabs><w:tab w:val="center" w:pos="6804"/></w:tabs>`
		b.WriteString(wp(tabs, noiNhan, wTab, wr(wBold, signer[0])))
		b.WriteString(wp(tabs, wr(small, recipients[0]), wTab, wr(wBold, signer[1])))
		b.WriteString(wp(tabs, wr(small, recipients[1])))
		b.WriteString(wp(tabs))
		b.WriteString(wp(tabs, wTab, wr(wBold, "Nguyễn Văn An")))
	case layoutStacked:
		ind := `<w:ind w:left="4536"/>` + wCenter
		for _, l := range signer {
			b.WriteString(wp(ind, wr(wBold, l)))
		}
		b.WriteString(wp(ind))
		b.WriteString(wp(ind, wr(wBold, "Nguyễn Văn An")))
		b.WriteString(wp("", noiNhan))
		for _, r := range recipients {
			b.WriteString(wp("", wr(small, r)))
		}
	}
	b.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`)
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:document " + wordNS + "><w:body>" + b.String() + "</w:body></w:document>"
}

// wordDecreeDOCX packages spec as Word does (styles, numbering, footnotes,
// settings, core properties whose title old Word filled with the first
// line).
func wordDecreeDOCX(t testing.TB, s wordSpec) []byte {
	core := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>UBND TỈNH LAI CHÂU</dc:title><dc:creator>Văn thư</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-12-30T02:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-05T03:00:00Z</dcterms:modified></cp:coreProperties>`
	app := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application></Properties>`
	settings := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings ` + wordNS + `><w:defaultTabStop w:val="720"/></w:settings>`
	return buildDOCX(t, []docxFile{
		{"[Content_Types].xml", []byte(contentTypes)},
		{"_rels/.rels", []byte(packageRels)},
		{"word/document.xml", []byte(wordDecree(s))},
		{"word/_rels/document.xml.rels", []byte(docRels("media/image1.jpeg"))},
		{"word/styles.xml", []byte(stylesXML)},
		{"word/numbering.xml", []byte(numberingXML)},
		{"word/footnotes.xml", []byte(footnotesXML)},
		{"word/settings.xml", []byte(settings)},
		{"docProps/core.xml", []byte(core)},
		{"docProps/app.xml", []byte(app)},
		{"word/media/image1.jpeg", smallJPEG(t)},
	})
}

// Every kind of document, in each of the three layouts, imports as itself
// with every field of its header and footer.
func TestWordDecreeEveryKind(t *testing.T) {
	for i, k := range model.DocumentKinds() {
		for layout := range 3 {
			spec := wordSpec{kind: k, layout: layout, agency: []string{"VĂN PHÒNG"}}
			if i%3 == 1 {
				spec.agency = []string{"SỞ NÔNG NGHIỆP VÀ", "MÔI TRƯỜNG"}
			}
			switch {
			case k == model.KindCongDien:
				spec.urgency = "HỎA TỐC"
			case k == model.KindCongVan:
				spec.to = []string{"Sở Nội vụ", "Sở Tài chính", "UBND các huyện, thành phố"}
			case k == model.KindToTrinh:
				spec.to = []string{"Ủy ban nhân dân tỉnh Lai Châu"}
			case i%4 == 2:
				spec.urgency = "THƯỢNG KHẨN"
			}
			name := fmt.Sprintf("%s-%d", k, layout)
			t.Run(name, func(t *testing.T) {
				p, err := ParseDOCX(wordDecreeDOCX(t, spec), name+".docx", Options{})
				if err != nil {
					t.Fatal(err)
				}
				checkWordDecree(t, spec, p)
			})
		}
	}
}

func checkWordDecree(t *testing.T, s wordSpec, p *Parsed) {
	t.Helper()
	r := p.Records[0]
	report := p.Report.String()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf(format+"\nreport:\n%s\nbody:\n%s", append(args, report, r.Body)...)
	}
	if r.Kind != s.kind {
		fail("kind %q, want %q", r.Kind, s.kind)
	}
	if r.Number != "07" || r.Sign != signOf(s.kind) {
		fail("number %q sign %q", r.Number, r.Sign)
	}
	if r.AgencyParent != "UBND TỈNH LAI CHÂU" || r.Agency != strings.Join(s.agency, "\n") {
		fail("agency %q / %q", r.AgencyParent, r.Agency)
	}
	if r.Place != "Lai Châu" || r.Date.Format(model.ISODate) != "2026-01-05" {
		fail("place %q date %v (not the Căn cứ line's)", r.Place, r.Date)
	}
	if r.Urgency != s.urgency {
		fail("urgency %q, want %q", r.Urgency, s.urgency)
	}
	wantSummary := "Về việc tổ chức Hội nghị sơ kết công tác cải cách hành chính năm 2025"
	if s.kind == model.KindCongVan {
		wantSummary = "V/v tăng cường công tác phòng cháy, chữa cháy rừng mùa khô"
	}
	if r.Summary != wantSummary {
		fail("summary %q", r.Summary)
	}
	wantTo := s.to
	if s.kind == model.KindCongDien {
		wantTo = []string{"Chủ tịch UBND các huyện, thành phố", "Giám đốc Công an tỉnh"}
	}
	if strings.Join(r.To, "|") != strings.Join(wantTo, "|") {
		fail("to %q, want %q", r.To, wantTo)
	}
	if r.SignerAuthority != "KT. CHÁNH VĂN PHÒNG" || r.SignerPosition != "PHÓ CHÁNH VĂN PHÒNG" || r.SignerName != "Nguyễn Văn An" {
		fail("signer %q / %q / %q", r.SignerAuthority, r.SignerPosition, r.SignerName)
	}
	if strings.Join(r.Recipients, "|") != "- Như trên;|- Lưu: VT, TH." {
		fail("recipients %q", r.Recipients)
	}
	if r.Title == "UBND TỈNH LAI CHÂU" || r.Title == "" || utf8.RuneCountInString(r.Title) > 200 {
		fail("title %q", r.Title)
	}
	// The header and the footer are out of the body; the body is all there.
	for _, gone := range []string{"CỘNG HÒA", "Độc lập", "Số:", "Lai Châu, ngày", "Nơi nhận", "Nguyễn Văn An", "PHÓ CHÁNH",
		"Kính gửi", "____", "(Đã ký)", "06"} {
		if strings.Contains(r.Body, gone) {
			fail("body holds %q", gone)
		}
	}
	for _, kept := range []string{
		"Căn cứ",
		"1. Các cơ quan rà soát kết quả thực hiện[1];",
		"a) Tổng hợp số liệu trước ngày 15 tháng 01 năm 2026;",
		"b) Gửi báo cáo về Văn phòng.",
		"2. Văn phòng chuẩn bị địa điểm, tài liệu.",
		"| 1 | Báo cáo kết quả |",
		"Đề nghị các cơ quan, đơn vị thực hiện nghiêm túc./.",
		"[1] Số liệu đến hết tháng 7/2022.",
	} {
		if !strings.Contains(r.Body, kept) {
			fail("body lacks %q", kept)
		}
	}
	if s.kind == model.KindCongDien && !strings.HasPrefix(r.Body, "CHỦ TỊCH UBND TỈNH LAI CHÂU điện:\n") {
		fail("công điện's addressing line not first in the body")
	}
	if len(r.Images) != 0 {
		fail("the signature picture was kept: %d images", len(r.Images))
	}
	if !strings.Contains(report, "Văn bản hành chính") {
		fail("report says nothing of the document")
	}
}
