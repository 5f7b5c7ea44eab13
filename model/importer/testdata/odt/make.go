// Command make writes the LibreOffice fixtures of the .docx importer: five
// administrative documents written as OpenDocument (flat .fodt, the way
// Writer stores them) and converted to .docx by LibreOffice itself
// (soffice --headless --convert-to docx), into ../docx/lo-*.docx. Each
// lays its header and signature block out in its own way: borderless
// tables, tab stops, stacked paragraphs, text frames, and the legacy TCVN3
// fonts .VnTime and .VnTimeH.
//
//	go run ./model/importer/testdata/odt/make.go   (from the repository root;
//	scripts/make-docx-fixtures does it)
//
// The results are committed; importer_lo_test.go reads them.
package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

const head = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>%s</dc:title><meta:creation-date>2026-01-05T08:00:00</meta:creation-date></office:meta>
<office:font-face-decls>
<style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"/>
<style:font-face style:name=".VnTime" svg:font-family=".VnTime" style:font-charset="x-symbol"/>
<style:font-face style:name=".VnTimeH" svg:font-family=".VnTimeH" style:font-charset="x-symbol"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/><style:text-properties style:font-name="Times New Roman" fo:font-size="14pt" fo:language="vi" fo:country="VN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<text:list-style style:name="Khoan">
<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="1.27cm"/></style:list-level-properties></text:list-level-style-number>
<text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="1.27cm"/></style:list-level-properties></text:list-level-style-number>
</text:list-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/></style:page-layout>
<style:style style:name="C" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="CB" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="CI" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="J" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm" fo:margin-top="0.21cm"/></style:style>
<style:style style:name="JI" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm"/><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="L" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="R" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="TAB" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="3.3cm" style:type="center"/><style:tab-stop style:position="11.6cm" style:type="center"/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="KG" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="6cm" fo:text-indent="-2.2cm"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="SIG" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-left="8cm"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="NN" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:font-style="italic"/></style:style>
<style:style style:name="NL" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="V" style:family="text"><style:text-properties style:font-name=".VnTime"/></style:style>
<style:style style:name="VH" style:family="text"><style:text-properties style:font-name=".VnTimeH"/></style:style>
<style:style style:name="VHB" style:family="text"><style:text-properties style:font-name=".VnTimeH" fo:font-weight="bold"/></style:style>
<style:style style:name="VI" style:family="text"><style:text-properties style:font-name=".VnTime" fo:font-style="italic"/></style:style>
<style:style style:name="HT" style:family="table"><style:table-properties style:width="16.5cm" table:align="left"/></style:style>
<style:style style:name="HTa" style:family="table-column"><style:table-column-properties style:column-width="6.5cm"/></style:style>
<style:style style:name="HTb" style:family="table-column"><style:table-column-properties style:column-width="10cm"/></style:style>
<style:style style:name="FTa" style:family="table-column"><style:table-column-properties style:column-width="8.25cm"/></style:style>
<style:style style:name="HC" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0cm"/></style:style>
<style:style style:name="GT" style:family="table"><style:table-properties style:width="12cm" table:align="center"/></style:style>
<style:style style:name="GC" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
<style:style style:name="fr" style:family="graphic"><style:graphic-properties style:wrap="none" fo:border="none" fo:padding="0cm" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="from-left" style:horizontal-rel="paragraph"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
`

const tail = "</office:text></office:body></office:document>\n"

func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// p is a paragraph in style st; its content is already XML.
func p(st, content string) string {
	return `<text:p text:style-name="` + st + `">` + content + "</text:p>\n"
}

// t is text, escaped; span is text in a text style.
func t(s string) string { return esc(s) }
func span(st, s string) string {
	return `<text:span text:style-name="` + st + `">` + esc(s) + `</text:span>`
}
func tab() string { return "<text:tab/>" }
func note(n int, s string) string {
	return fmt.Sprintf(`<text:note text:id="ftn%d" text:note-class="footnote"><text:note-citation>%d</text:note-citation><text:note-body>`, n, n) + p("L", t(s)) + `</text:note-body></text:note>`
}

// twoColumns is a borderless table of two columns (widths a and b).
func twoColumns(a, b string, rows ...[2]string) string {
	var s strings.Builder
	s.WriteString(`<table:table table:style-name="HT"><table:table-column table:style-name="` + a + `"/><table:table-column table:style-name="` + b + `"/>`)
	for _, r := range rows {
		s.WriteString(`<table:table-row><table:table-cell table:style-name="HC" office:value-type="string">` + r[0] + `</table:table-cell><table:table-cell table:style-name="HC" office:value-type="string">` + r[1] + `</table:table-cell></table:table-row>`)
	}
	s.WriteString("</table:table>\n")
	return s.String()
}

// khoan is an automatically numbered list: items at level 1, sub-items at
// level 2 (all XML already).
func khoan(items ...[]string) string {
	var s strings.Builder
	s.WriteString(`<text:list text:style-name="Khoan">`)
	for _, it := range items {
		s.WriteString(`<text:list-item>` + p("J", it[0]))
		if len(it) > 1 {
			s.WriteString(`<text:list>`)
			for _, sub := range it[1:] {
				s.WriteString(`<text:list-item>` + p("J", sub) + `</text:list-item>`)
			}
			s.WriteString(`</text:list>`)
		}
		s.WriteString(`</text:list-item>`)
	}
	s.WriteString("</text:list>\n")
	return s.String()
}

func gridTable(rows ...[2]string) string {
	var s strings.Builder
	s.WriteString(`<table:table table:style-name="GT"><table:table-column table:number-columns-repeated="2"/>`)
	for i, r := range rows {
		st := "L"
		if i == 0 {
			st = "CB"
		}
		s.WriteString(`<table:table-row><table:table-cell table:style-name="GC" office:value-type="string">` + p(st, t(r[0])) + `</table:table-cell><table:table-cell table:style-name="GC" office:value-type="string">` + p(st, t(r[1])) + `</table:table-cell></table:table-row>`)
	}
	s.WriteString("</table:table>\n")
	return s.String()
}

// picture is an embedded PNG with its caption paragraph after it.
func picture(caption string) string {
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for y := 0; y < 30; y++ {
		for x := 0; x < 40; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 6), 120, uint8(y * 8), 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return p("C", `<draw:frame draw:name="Ảnh 1" text:anchor-type="as-char" svg:width="6cm" svg:height="4.5cm"><draw:image><office:binary-data>`+
		base64.StdEncoding.EncodeToString(b.Bytes())+`</office:binary-data></draw:image></draw:frame>`) + p("CI", t(caption))
}

// The five documents.
var docs = map[string]func() (title, body string){
	// A decision: header and footer in borderless tables, legal bases,
	// "Điều" with bold labels, numbered khoản, a footnote, a table.
	"lo-quyet-dinh": func() (string, string) {
		h := twoColumns("HTa", "HTb",
			[2]string{p("C", t("UBND TỈNH LAI CHÂU")) + p("CB", t("VĂN PHÒNG")) + p("C", t("_______")),
				p("CB", t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) + p("CB", t("Độc lập - Tự do - Hạnh phúc")) + p("C", t("________________________"))},
			[2]string{p("C", t("Số: 15/QĐ-VPUBND")), p("CI", t("Lai Châu, ngày 12 tháng 3 năm 2026"))})
		b := p("CB", t("QUYẾT ĐỊNH")) +
			p("CB", t("Về việc thành lập Tổ biên tập Cổng thông tin điện tử")) +
			p("C", t("__________")) +
			p("CB", t("CHÁNH VĂN PHÒNG UBND TỈNH LAI CHÂU")) +
			p("JI", t("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;")) +
			p("JI", t("Theo đề nghị của Trưởng phòng Hành chính - Tổ chức.")) +
			p("CB", t("QUYẾT ĐỊNH:")) +
			p("J", span("B", "Điều 1.")+t(" Thành lập Tổ biên tập Cổng thông tin điện tử tỉnh gồm các ông, bà:")) +
			khoan([]string{t("Ông Lê Văn Hùng, Phó Chánh Văn phòng, Tổ trưởng;")}, []string{t("Các thành viên") + note(1, "Danh sách kèm theo Quyết định."), t("Bà Nguyễn Thị Mai;"), t("Ông Hoàng Văn Nam.")}) +
			gridTable([2]string{"Họ tên", "Nhiệm vụ"}, [2]string{"Lê Văn Hùng", "Tổ trưởng"}) +
			p("J", span("B", "Điều 2.")+t(" Quyết định này có hiệu lực kể từ ngày ký./."))
		f := twoColumns("FTa", "FTa", [2]string{
			p("NN", t("Nơi nhận:")) + p("NL", t("- Như Điều 2;")) + p("NL", t("- Lưu: VT, HCTC.")),
			p("CB", t("CHÁNH VĂN PHÒNG")) + p("C", "") + p("C", "") + p("CB", t("Trần Quốc Bảo"))})
		return "Quyết định thành lập Tổ biên tập Cổng thông tin điện tử", h + b + f
	},
	// A công văn: header with tab stops, V/v under the number, Kính gửi
	// to several, footer with tab stops.
	"lo-cong-van": func() (string, string) {
		h := p("TAB", tab()+t("UBND TỈNH LAI CHÂU")+tab()+span("B", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) +
			p("TAB", tab()+span("B", "VĂN PHÒNG")+tab()+span("B", "Độc lập - Tự do - Hạnh phúc")) +
			p("TAB", tab()+t("Số: 208/VPUBND-KGVX")+tab()+span("I", "Lai Châu, ngày 03 tháng 02 năm 2026")) +
			p("TAB", tab()+t("V/v chuẩn bị Hội nghị tổng kết")) +
			p("TAB", tab()+t("công tác văn thư, lưu trữ"))
		b := p("KG", t("Kính gửi:")+tab()+t("- Sở Nội vụ;")) +
			p("KG", tab()+t("- Sở Văn hóa, Thể thao và Du lịch;")) +
			p("KG", tab()+t("- UBND các huyện, thành phố.")) +
			p("J", t("Thực hiện chỉ đạo của Chủ tịch UBND tỉnh, Văn phòng UBND tỉnh đề nghị các cơ quan, đơn vị chuẩn bị báo cáo tổng kết công tác văn thư, lưu trữ năm 2025.")) +
			p("J", t("Báo cáo gửi về Văn phòng UBND tỉnh trước ngày 20 tháng 02 năm 2026./."))
		f := p("TAB", span("B", "Nơi nhận:")+tab()+tab()+span("B", "KT. CHÁNH VĂN PHÒNG")) +
			p("TAB", t("- Như trên;")+tab()+tab()+span("B", "PHÓ CHÁNH VĂN PHÒNG")) +
			p("TAB", t("- Lưu: VT, KGVX.")) +
			p("TAB", "") + p("TAB", "") +
			p("TAB", tab()+tab()+span("B", "Đỗ Thị Lan"))
		return "", h + b + f
	},
	// A notice: stacked paragraphs, a picture with its caption, the signer
	// above Nơi nhận.
	"lo-thong-bao": func() (string, string) {
		h := p("C", t("UBND TỈNH LAI CHÂU")) + p("CB", t("VĂN PHÒNG")) +
			p("CB", t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) + p("CB", t("Độc lập - Tự do - Hạnh phúc")) +
			p("C", t("Số: 21/TB-VPUBND")) + p("R", span("I", "Lai Châu, ngày 20 tháng 01 năm 2026"))
		b := p("CB", t("THÔNG BÁO")) +
			p("CB", t("Lịch nghỉ Tết Nguyên đán Bính Ngọ năm 2026")) +
			p("J", t("Căn cứ Thông báo số 05/TB-UBND ngày 10 tháng 01 năm 2026 của UBND tỉnh, Văn phòng UBND tỉnh thông báo lịch nghỉ Tết như sau:")) +
			khoan([]string{t("Thời gian nghỉ: từ ngày 14 đến hết ngày 22 tháng 02 năm 2026.")}, []string{t("Trực cơ quan theo lịch phân công.")}) +
			picture("Ảnh: Trụ sở UBND tỉnh") +
			p("J", t("Văn phòng UBND tỉnh thông báo để các phòng, đơn vị biết, thực hiện./."))
		f := p("SIG", t("CHÁNH VĂN PHÒNG")) + p("SIG", "") + p("SIG", t("Trần Quốc Bảo")) +
			p("NN", t("Nơi nhận:")) + p("NL", t("- Các phòng, đơn vị thuộc Văn phòng;")) + p("NL", t("- Lưu: VT."))
		return "Thông báo lịch nghỉ Tết Nguyên đán Bính Ngọ năm 2026", h + b + f
	},
	// A công điện whose header stands in two text frames, urgent.
	"lo-cong-dien": func() (string, string) {
		frame := func(name, x, w, content string) string {
			return `<draw:frame draw:style-name="fr" draw:name="` + name + `" text:anchor-type="paragraph" svg:x="` + x + `" svg:y="0cm" svg:width="` + w + `" draw:z-index="0"><draw:text-box fo:min-height="2cm">` + content + `</draw:text-box></draw:frame>`
		}
		left := p("C", t("UBND TỈNH LAI CHÂU")) + p("CB", t("VĂN PHÒNG")) + p("C", t("Số: 02/CĐ-VPUBND")) + p("CB", t("HỎA TỐC"))
		right := p("CB", t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) + p("CB", t("Độc lập - Tự do - Hạnh phúc")) + p("CI", t("Lai Châu, ngày 08 tháng 7 năm 2026"))
		h := p("L", frame("Khung 1", "0cm", "6.5cm", left)+frame("Khung 2", "6.5cm", "10cm", right)) +
			p("L", "") + p("L", "") + p("L", "") + p("L", "") + p("L", "")
		b := p("CB", t("CÔNG ĐIỆN")) + p("CB", t("Về việc ứng phó với bão số 2")) +
			p("CB", t("CHÁNH VĂN PHÒNG UBND TỈNH điện:")) +
			p("J", t("- Trưởng các phòng, đơn vị thuộc Văn phòng;")) +
			p("J", t("- Đội xe cơ quan.")) +
			p("J", t("Để chủ động ứng phó với bão số 2, Chánh Văn phòng yêu cầu các phòng, đơn vị bố trí trực 24/24 giờ./."))
		f := twoColumns("FTa", "FTa", [2]string{
			p("NN", t("Nơi nhận:")) + p("NL", t("- Như trên;")) + p("NL", t("- Lưu: VT.")),
			p("CB", t("CHÁNH VĂN PHÒNG")) + p("CI", t("(Đã ký)")) + p("CB", t("Trần Quốc Bảo"))})
		return "", h + b + f
	},
	// A report typed long ago in the TCVN3 fonts: capitals in .VnTimeH, the
	// rest in .VnTime.
	"lo-tcvn3": func() (string, string) {
		h := twoColumns("HTa", "HTb",
			[2]string{p("C", span("VH", tcvn3("ubnd tỉnh lai châu"))) + p("C", span("VHB", tcvn3("văn phòng"))),
				p("C", span("VHB", tcvn3("cộng hòa xã hội chủ nghĩa việt nam"))) + p("C", span("VHB", tcvn3("Độc lập - Tự do - Hạnh phúc")))},
			[2]string{p("C", span("V", tcvn3("Số: 09/BC-VPUBND"))), p("C", span("VI", tcvn3("Lai Châu, ngày 25 tháng 12 năm 2025")))})
		b := p("C", span("VHB", tcvn3("báo cáo"))) +
			p("C", `<text:span text:style-name="VHB">`+esc(tcvn3("Kết quả công tác năm 2025"))+`</text:span>`) +
			p("J", span("V", tcvn3("Năm 2025, Văn phòng UBND tỉnh đã hoàn thành các nhiệm vụ được giao; tham mưu ban hành 1.245 văn bản./.")))
		f := twoColumns("FTa", "FTa", [2]string{
			p("NN", span("V", tcvn3("Nơi nhận:"))) + p("NL", span("V", tcvn3("- Lưu: VT."))),
			p("CB", span("VHB", tcvn3("chánh văn phòng"))) + p("C", "") + p("CB", span("V", tcvn3("Trần Quốc Bảo")))})
		return "", h + b + f
	},
}

// tcvn3 writes s in TCVN3 bytes, each shown as its Latin-1 character (as
// .VnTime text is stored). Capitals with tone marks have no byte of their
// own: they take the lower-case byte (the .VnTimeH font draws it upper case).
func tcvn3(s string) string {
	table := map[rune]byte{'Ă': 0xA1, 'Â': 0xA2, 'Ê': 0xA3, 'Ô': 0xA4, 'Ơ': 0xA5, 'Ư': 0xA6, 'Đ': 0xA7,
		'ă': 0xA8, 'â': 0xA9, 'ê': 0xAA, 'ô': 0xAB, 'ơ': 0xAC, 'ư': 0xAD, 'đ': 0xAE,
		'à': 0xB5, 'ả': 0xB6, 'ã': 0xB7, 'á': 0xB8, 'ạ': 0xB9, 'ằ': 0xBB, 'ẳ': 0xBC, 'ẵ': 0xBD, 'ắ': 0xBE, 'ặ': 0xC6,
		'ầ': 0xC7, 'ẩ': 0xC8, 'ẫ': 0xC9, 'ấ': 0xCA, 'ậ': 0xCB, 'è': 0xCC, 'ẻ': 0xCE, 'ẽ': 0xCF, 'é': 0xD0, 'ẹ': 0xD1,
		'ề': 0xD2, 'ể': 0xD3, 'ễ': 0xD4, 'ế': 0xD5, 'ệ': 0xD6, 'ì': 0xD7, 'ỉ': 0xD8, 'ĩ': 0xDC, 'í': 0xDD, 'ị': 0xDE,
		'ò': 0xDF, 'ỏ': 0xE1, 'õ': 0xE2, 'ó': 0xE3, 'ọ': 0xE4, 'ồ': 0xE5, 'ổ': 0xE6, 'ỗ': 0xE7, 'ố': 0xE8, 'ộ': 0xE9,
		'ờ': 0xEA, 'ở': 0xEB, 'ỡ': 0xEC, 'ớ': 0xED, 'ợ': 0xEE, 'ù': 0xEF, 'ủ': 0xF1, 'ũ': 0xF2, 'ú': 0xF3, 'ụ': 0xF4,
		'ừ': 0xF5, 'ử': 0xF6, 'ữ': 0xF7, 'ứ': 0xF8, 'ự': 0xF9, 'ỳ': 0xFA, 'ỷ': 0xFB, 'ỹ': 0xFC, 'ý': 0xFD, 'ỵ': 0xFE}
	var b strings.Builder
	for _, r := range s {
		switch c, ok := table[r]; {
		case r < 0x80:
			b.WriteRune(r)
		case ok:
			b.WriteRune(rune(c))
		default:
			c, ok := table[[]rune(strings.ToLower(string(r)))[0]]
			if !ok {
				log.Fatalf("no TCVN3 byte for %q", r)
			}
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

func main() {
	out, err := filepath.Abs(filepath.Join("model", "importer", "testdata", "docx"))
	if err != nil {
		log.Fatal(err)
	}
	if _, err := os.Stat(out); err != nil {
		log.Fatalf("run from the repository root: %v", err)
	}
	work, err := os.MkdirTemp("", "odt-fixtures")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	var inputs []string
	for name, make := range docs {
		title, body := make()
		f := filepath.Join(work, name+".fodt")
		if err := os.WriteFile(f, []byte(fmt.Sprintf(head, esc(title))+body+tail), 0o644); err != nil {
			log.Fatal(err)
		}
		inputs = append(inputs, f)
	}
	// A profile of its own, so that a LibreOffice already running (another
	// user's, a window) neither blocks nor changes the conversion.
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(work, "profile"), "--headless",
		"--convert-to", "docx:MS Word 2007 XML", "--outdir", out}, inputs...)
	cmd := exec.Command("soffice", args...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("soffice: %v", err)
	}
}
