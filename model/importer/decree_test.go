package importer

import (
	"strings"
	"testing"

	"bientap/model"
	"bientap/model/doc"
)

func TestParseNumberLine(t *testing.T) {
	tests := []struct {
		in, number, sign string
		ok               bool
	}{
		{"Số: 05/TB-UBND", "05", "TB-UBND", true},
		{"Số: 15/2024/QĐ-UBND", "15", "2024/QĐ-UBND", true},
		{"Số:        /KH-UBND", "", "KH-UBND", true},
		{"Số: ......./TTr-VPUBND", "", "TTr-VPUBND", true},
		{"Số 07/TB - VPUBND", "07", "TB-VPUBND", true},
		{"SỐ: 1845 / UBND-KTN", "1845", "UBND-KTN", true},
		{"Số: 12", "12", "", true},
		{"Số:", "", "", true},
		{"Số lượng đại biểu tham dự", "", "", false},
		{"Số liệu đến hết tháng 7/2022.", "", "", false},
		{"Số: 05/TB-UBND ngày 10 tháng 01", "", "", false},
	}
	for _, tt := range tests {
		n, s, ok := parseNumberLine(tt.in)
		if n != tt.number || s != tt.sign || ok != tt.ok {
			t.Errorf("parseNumberLine(%q) = %q, %q, %v", tt.in, n, s, ok)
		}
	}
}

func TestParsePlaceDate(t *testing.T) {
	tests := []struct {
		in, place, date string
		dated, ok       bool
	}{
		{"Lai Châu, ngày 05 tháng 01 năm 2026", "Lai Châu", "2026-01-05", true, true},
		{"Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019", "Thành phố Hồ Chí Minh", "2019-06-29", true, true},
		{"Hà Nội, ngày    tháng    năm 2026", "Hà Nội", "", false, true},
		{"Lai Châu, ngày ..... tháng ..... năm .....", "Lai Châu", "", false, true},
		{"Ngày 05 tháng 01 năm 2026", "", "2026-01-05", true, true},
		{"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025", "", "", false, false},
		{"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;", "", "", false, false},
		{"Hội nghị diễn ra ngày 05 tháng 01 năm 2026 tại hội trường.", "", "", false, false},
		{"Lai Châu, ngày 31 tháng 02 năm 2026", "", "", false, false},
	}
	for _, tt := range tests {
		place, d, dated, ok := parsePlaceDate(tt.in)
		ds := ""
		if dated {
			ds = d.Format(model.ISODate)
		}
		if place != tt.place || ds != tt.date || dated != tt.dated || ok != tt.ok {
			t.Errorf("parsePlaceDate(%q) = %q, %q, %v, %v", tt.in, place, ds, dated, ok)
		}
	}
}

func TestKindOfSignAndLine(t *testing.T) {
	for sign, want := range map[string]model.Kind{
		"QĐ-UBND": model.KindQuyetDinh, "2024/QĐ-UBND": model.KindQuyetDinh, "TTr-VPUBND": model.KindToTrinh,
		"TTR-VPUBND": model.KindToTrinh, "QyĐ-UBND": "quy-dinh", "UBND-VX": model.KindCongVan, "CV-UBND": model.KindCongVan,
		"CTr-UBND": "chuong-trinh", "CT-UBND": model.KindChiThi, "GM-VP": model.KindGiayMoi,
	} {
		if k, _, ok := kindOfSign(sign); !ok || k != want {
			t.Errorf("kindOfSign(%q) = %q", sign, k)
		}
	}
	for line, want := range map[string]model.Kind{
		"THÔNG BÁO": model.KindThongBao, "Quyết định": model.KindQuyetDinh, "T H Ô N G   B Á O": model.KindThongBao,
		"BẢN THOẢ THUẬN": "ban-thoa-thuan", "GIẤY UỶ QUYỀN": "giay-uy-quyen", "THƯ CÔNG": "thu-cong",
		"THÔNG BÁO KẾT LUẬN CỦA CHỦ TỊCH": "", "Thông báo số 15": "",
	} {
		if k := kindOfLine(line); k != want {
			t.Errorf("kindOfLine(%q) = %q, want %q", line, k, want)
		}
	}
}

// A header laid out with tab stops is read column by column: the part
// before the tabs left, after them right; a line whose text starts after a
// tab stop beyond the middle of the page is in the right column.
func TestLinesOfTabs(t *testing.T) {
	b := func(text string, stops ...int) dblock {
		return dblock{Block: doc.Block{Kind: doc.Paragraph, Runs: []doc.Run{{Text: text}}}, tabStops: stops, textWidth: 9355}
	}
	tests := []struct {
		b    dblock
		want []string // "col:text"
	}{
		{b("Số: 07/TB-VP\tLai Châu, ngày 05 tháng 01 năm 2026"), []string{"0:Số: 07/TB-VP", "1:Lai Châu, ngày 05 tháng 01 năm 2026"}},
		{b("\tUBND TỈNH\tCỘNG HÒA", 1985, 6804), []string{"0:UBND TỈNH", "1:CỘNG HÒA"}},
		{b("\t\tLai Châu, ngày 05 tháng 01 năm 2026", 1985, 6804), []string{"1:Lai Châu, ngày 05 tháng 01 năm 2026"}},
		{b("\t\tdefault stops are left"), []string{"0:default stops are left"}},
		{b("\tV/v tăng cường", 1985, 6804), []string{"0:V/v tăng cường"}},
		{b("\t\t\t\t\t\t\t\tHà Trọng Hải"), []string{"1:Hà Trọng Hải"}},
		{b("Không có tab"), []string{"-1:Không có tab"}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range linesOf(tt.b, 0) {
			got = append(got, strings.Join([]string{string(rune('0' + l.col)), l.text}, ":"))
		}
		got = strings.Split(strings.ReplaceAll(strings.Join(got, "\x00"), "/:", "-1:"), "\x00")
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("linesOf(%q) = %q, want %q", doc.PlainText(tt.b.Runs), got, tt.want)
		}
	}
}

// docxOf packages a body of paragraphs with core properties.
func docxOf(t *testing.T, body, title, created string) []byte {
	core := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>` + title + `</dc:title><dcterms:created>` + created + `</dcterms:created></cp:coreProperties>`
	return buildDOCX(t, []docxFile{
		{"_rels/.rels", []byte(packageRels)},
		{"word/document.xml", []byte(`<w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`)},
		{"docProps/core.xml", []byte(core)},
	})
}

// The document's title and created date in docProps/core.xml are the
// fallbacks of a news item (core() used to read the wrong element and
// found neither).
func TestDOCXCoreProperties(t *testing.T) {
	data := docxOf(t, para("", run("", "Một câu văn bình thường của bản tin, không phải tiêu đề của nó.")),
		"Báo cáo tình hình tháng 8", "2022-08-10T02:00:00Z")
	p, err := ParseDOCX(data, "tep.docx", Options{Clock: clockOn(2030, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	r := p.Records[0]
	if r.Title != "Báo cáo tình hình tháng 8" || r.Date.Format(model.ISODate) != "2022-08-10" {
		t.Errorf("title %q date %v\n%s", r.Title, r.Date, p.Report.String())
	}
	if !strings.Contains(p.Report.String(), "Đoán: ngày lấy theo ngày tạo tệp (10/08/2022)") {
		t.Errorf("the guessed date is not reported:\n%s", p.Report.String())
	}
	// A title that old Word copied from the first header line is no title.
	data = docxOf(t, para("", run("", "Một câu văn bình thường của bản tin, không phải tiêu đề của nó.")),
		"UBND TỈNH LAI CHÂU", "2022-08-10T02:00:00Z")
	if p, _ := ParseDOCX(data, "Tin tháng 8.docx", Options{}); p.Records[0].Title != "Tin tháng 8" {
		t.Errorf("title %q", p.Records[0].Title)
	}
}

// A draft leaves the day blank: the place is read, the date is the file's
// and the report says it was guessed; the "Căn cứ … ngày …" line never
// gives the date.
func TestDecreeUndatedDraft(t *testing.T) {
	body := para(`<w:jc w:val="center"/>`, run("<w:b/>", "ỦY BAN NHÂN DÂN TỈNH")) +
		para(`<w:jc w:val="center"/>`, run("<w:b/>", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) +
		para(`<w:jc w:val="center"/>`, run("", "Số:      /KH-UBND")) +
		para(`<w:jc w:val="right"/>`, run("<w:i/>", "Lai Châu, ngày     tháng     năm 2026")) +
		para(`<w:jc w:val="center"/>`, run("<w:b/>", "KẾ HOẠCH")) +
		para(`<w:jc w:val="center"/>`, run("<w:b/>", "Triển khai chuyển đổi số năm 2026")) +
		para("", run("", "Căn cứ Nghị quyết số 05/NQ-HĐND ngày 19 tháng 02 năm 2025 của HĐND tỉnh;")) +
		para("", run("", "UBND tỉnh ban hành Kế hoạch như sau./."))
	p, err := ParseDOCX(docxOf(t, body, "", "2026-03-01T02:00:00Z"), "ke-hoach.docx", Options{Clock: clockOn(2026, 3, 5)})
	if err != nil {
		t.Fatal(err)
	}
	r := p.Records[0]
	rep := p.Report.String()
	if r.Kind != model.KindKeHoach || r.Place != "Lai Châu" || r.Date.Format(model.ISODate) != "2026-03-01" || r.Number != "" ||
		r.Sign != "KH-UBND" || r.Agency != "ỦY BAN NHÂN DÂN TỈNH" || r.Summary != "Triển khai chuyển đổi số năm 2026" {
		t.Errorf("record %+v\n%s", r, rep)
	}
	if !strings.Contains(rep, "Đoán: ngày lấy theo ngày tạo tệp") || !strings.Contains(rep, "Địa danh: Lai Châu (ngày tháng để trống)") ||
		!strings.Contains(rep, "Chú ý: không thấy khối chữ ký") {
		t.Errorf("report:\n%s", rep)
	}
	if !strings.HasPrefix(r.Body, "Căn cứ Nghị quyết") {
		t.Errorf("body %q", r.Body)
	}
}

// Kính gửi laid out in a table: the label in the first cell, the
// addressees in the second.
func TestDecreeKinhGuiTable(t *testing.T) {
	body := borderless([2]string{para(`<w:jc w:val="center"/>`, run("<w:b/>", "VĂN PHÒNG")), para(`<w:jc w:val="center"/>`, run("<w:b/>", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))},
		[2]string{para(`<w:jc w:val="center"/>`, run("", "Số: 12/VP-TH")) + para(`<w:jc w:val="center"/>`, run("", "V/v báo cáo tháng")),
			para(`<w:jc w:val="center"/>`, run("<w:i/>", "Lai Châu, ngày 02 tháng 3 năm 2026"))}) +
		borderless([2]string{para(`<w:jc w:val="right"/>`, run("", "Kính gửi:")),
			para("", run("", "- Sở Nội vụ;")) + para("", run("", "- Sở Tài chính."))}) +
		para("", run("", "Văn phòng đề nghị các sở báo cáo./.")) +
		para(`<w:ind w:left="5000"/><w:jc w:val="center"/>`, run("<w:b/>", "CHÁNH VĂN PHÒNG")) +
		para(`<w:ind w:left="5000"/><w:jc w:val="center"/>`, run("<w:b/>", "Trần Quốc Bảo"))
	p, err := ParseDOCX(docxOf(t, body, "", ""), "cv.docx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := p.Records[0]
	if r.Kind != model.KindCongVan || strings.Join(r.To, "|") != "Sở Nội vụ|Sở Tài chính" || r.Summary != "V/v báo cáo tháng" ||
		r.Body != "Văn phòng đề nghị các sở báo cáo./." || r.SignerPosition != "CHÁNH VĂN PHÒNG" || r.SignerName != "Trần Quốc Bảo" {
		t.Errorf("record %+v\n%s", r, p.Report.String())
	}
}

// News keeps working: a Word news item with a date line, a bold sapo and a
// byline is not taken for a document even when a line starts with "Số".
func TestNewsIsNotDecree(t *testing.T) {
	body := para(`<w:jc w:val="center"/>`, run("<w:b/>", "Lai Châu đẩy mạnh chuyển đổi số")) +
		para("", run("", "Thứ hai 15/8/2022")) +
		para("", run("", "Số liệu đến hết tháng 7/2022 cho thấy tỉnh đã đạt nhiều kết quả; Lai Châu, ngày 05 tháng 01 năm 2026 là mốc quan trọng.")) +
		para("", run("", "Ban biên tập"))
	p, err := ParseDOCX(docxOf(t, body, "", ""), "tin.docx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r := p.Records[0]; r.Kind != model.KindNews || r.Title != "Lai Châu đẩy mạnh chuyển đổi số" || r.Date.Format(model.ISODate) != "2022-08-15" {
		t.Errorf("record %+v\n%s", r, p.Report.String())
	}
	// With --kind news even a document imports as news.
	p, err = ParseDOCX(wordDecreeDOCX(t, wordSpec{kind: model.KindThongBao, agency: []string{"VĂN PHÒNG"}}), "tb.docx", Options{Kind: model.KindNews})
	if err != nil || p.Records[0].Kind != model.KindNews || p.Records[0].Number != "" {
		t.Errorf("forced news: %+v %v", p.Records[0], err)
	}
	// With a document kind forced, a file without a header still gets its
	// parts read and the chosen kind.
	body = para(`<w:jc w:val="center"/>`, run("<w:b/>", "THÔNG BÁO")) +
		para(`<w:jc w:val="center"/>`, run("<w:b/>", "Về việc nghỉ lễ")) +
		para("", run("", "Cơ quan nghỉ lễ theo quy định./."))
	p, err = ParseDOCX(docxOf(t, body, "", ""), "tb.docx", Options{Kind: model.KindThongBao})
	if r := p.Records[0]; err != nil || r.Kind != model.KindThongBao || r.Summary != "Về việc nghỉ lễ" || r.Body != "Cơ quan nghỉ lễ theo quy định./." {
		t.Errorf("forced kind: %+v %v\n%s", r, err, p.Report.String())
	}
}

// Nơi nhận in a table and the signer in paragraphs under it.
func TestDecreeFooterTableThenSigner(t *testing.T) {
	body := para(`<w:jc w:val="center"/>`, run("<w:b/>", "VĂN PHÒNG")) +
		para(`<w:jc w:val="center"/>`, run("<w:b/>", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) +
		para(`<w:jc w:val="center"/>`, run("", "Số: 03/TB-VP")) +
		para(`<w:jc w:val="center"/>`, run("<w:b/>", "THÔNG BÁO")) +
		para(`<w:jc w:val="center"/>`, run("<w:b/>", "Về việc nghỉ lễ")) +
		para("", run("", "Cơ quan nghỉ lễ theo quy định./.")) +
		borderless([2]string{para("", run("<w:b/><w:i/>", "Nơi nhận:")) + para("", run("", "- Lưu: VT.")), para("", "")}) +
		para(`<w:jc w:val="right"/>`, run("<w:b/>", "CHÁNH VĂN PHÒNG")) +
		para(`<w:jc w:val="right"/>`, run("<w:b/>", "Trần Quốc Bảo"))
	p, err := ParseDOCX(docxOf(t, body, "", ""), "tb.docx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := p.Records[0]
	if r.Body != "Cơ quan nghỉ lễ theo quy định./." || strings.Join(r.Recipients, "|") != "- Lưu: VT." ||
		r.SignerPosition != "CHÁNH VĂN PHÒNG" || r.SignerName != "Trần Quốc Bảo" {
		t.Errorf("record %+v\n%s", r, p.Report.String())
	}
}

func TestParsePlaceDateNeedsRoom(t *testing.T) {
	for _, s := range []string{"ngàYthángnăm", "ngàythángnăm 2026", "Lai Châu, ngày05tháng01năm2026x"} {
		if _, _, _, ok := parsePlaceDate(s); ok {
			t.Errorf("parsePlaceDate(%q) accepted", s)
		}
	}
	if _, d, dated, ok := parsePlaceDate("Lai Châu, ngày05 tháng 01 năm 2026"); !ok || !dated || d.Day() != 5 {
		t.Errorf("a missing space before the day")
	}
}

// The Kính gửi list ends with its last addressee (the one ending with "."):
// a list that opens the body is the body's.
func TestKinhGuiEndsWithLastAddressee(t *testing.T) {
	body := para(`<w:jc w:val="center"/>`, run("<w:b/>", "VĂN PHÒNG")) +
		para(`<w:jc w:val="center"/>`, run("<w:b/>", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) +
		para(`<w:jc w:val="center"/>`, run("", "Số: 12/VP-TH")) +
		para(`<w:jc w:val="center"/>`, run("", "V/v báo cáo tháng")) +
		para("", run("", "Kính gửi: Sở Nội vụ.")) +
		para("", run("", "- Báo cáo kết quả tháng 02;")) +
		para("", run("", "- Gửi trước ngày 05./."))
	p, err := ParseDOCX(docxOf(t, body, "", ""), "cv.docx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r := p.Records[0]; strings.Join(r.To, "|") != "Sở Nội vụ" || r.Body != "- Báo cáo kết quả tháng 02;\n- Gửi trước ngày 05./." {
		t.Errorf("to %q body %q", r.To, r.Body)
	}
}

// A signer's lines without styles that say which is which: the first is
// the quyền hạn when it carries a Decree-30 abbreviation and a chức vụ
// follows it.
func TestAuthorityLines(t *testing.T) {
	cases := []struct {
		lines []string
		want  int
	}{
		{[]string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, 1},
		{[]string{"KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"}, 1},
		{[]string{"TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"}, 1},
		{[]string{"TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"}, 1},
		{[]string{"Q. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"}, 1},
		{[]string{"tm. ban chỉ đạo", "trưởng ban"}, 1},
		{[]string{"CHÁNH VĂN PHÒNG", "KIÊM TRƯỞNG BAN BIÊN TẬP"}, 0},
		{[]string{"CHỦ TỊCH"}, 0},
		{[]string{"Q. GIÁM ĐỐC"}, 0},
		{[]string{"KT. CHỦ TỊCH"}, 0},
		{[]string{"QUYỀN GIÁM ĐỐC", "SỞ TÀI CHÍNH"}, 0},
		{[]string{"TMĐT. TRUNG TÂM", "GIÁM ĐỐC"}, 0},
		{nil, 0},
	}
	for _, c := range cases {
		if got := authorityLines(c.lines); got != c.want {
			t.Errorf("authorityLines(%q) = %d, want %d", c.lines, got, c.want)
		}
	}
}
