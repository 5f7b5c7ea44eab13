package docx

import (
	"fmt"
	"strings"

	"bientap/export/pdf"
)

// Paragraph styles, by their ids in styles.xml. The ids are ASCII, the
// names Vietnamese (what Word shows in its style gallery); an importer can
// recognise every part of a Decree-30 document by them.
const (
	stNormal       = "Normal"
	stChuQuan      = "CoQuanChuQuan"    // ô 2, cơ quan chủ quản
	stBanHanh      = "CoQuanBanHanh"    // ô 2, cơ quan ban hành
	stSoKyHieu     = "SoKyHieu"         // ô 3
	stTrichYeuCV   = "TrichYeuCongVan"  // ô 5b
	stQuocHieu     = "QuocHieu"         // ô 1
	stTieuNgu      = "TieuNgu"          // ô 1
	stDiaDanh      = "DiaDanhNgayThang" // ô 4
	stDuongKe      = "DuongKe"          // a rule under a header line
	stDoKhan       = "DoKhan"           // ô 10b
	stTenLoai      = "TenLoai"          // ô 5a
	stTrichYeu     = "TrichYeu"         // ô 5a
	stKinhGui      = "KinhGui"          // ô 9a
	stNoiDung      = "NoiDung"          // ô 6, a paragraph of the body
	stCanCu        = "CanCu"            // a legal basis, italic
	stDieu         = "Dieu"             // "Điều 1. …"
	stGiuaDam      = "GiuaDam"          // centred bold: QUYẾT ĐỊNH:, Chương, the issuing authority
	stMucDam       = "MucDam"           // bold: "I. MỤC ĐÍCH", "1. Mục đích"
	stDongGiua     = "DongGiua"         // a centred line
	stDeMuc1       = "DeMuc1"           // a "#" heading of a document: centred bold, outline level 1
	stDeMuc2       = "DeMuc2"           // a "##" heading of a document: bold, outline level 2
	stAnh          = "Anh"              // a paragraph holding a picture
	stAnhDaiDien   = "AnhDaiDien"       // news: the featured picture the body does not place
	stChuThich     = "ChuThichAnh"      // a picture's caption
	stBang         = "Bang"             // text in a table cell
	stBangTin      = "BangTin"          // news: text in a table cell
	stNoiNhan      = "NoiNhan"          // ô 9b label
	stNoiNhanDong  = "NoiNhanDong"      // ô 9b lines
	stQuyenHan     = "QuyenHan"         // ô 7a, a line of the quyền hạn ("TM. ỦY BAN NHÂN DÂN")
	stChucVu       = "ChucVu"           // ô 7a, a line of the chức vụ ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
	stNguoiKy      = "NguoiKy"          // ô 7b
	stSoTrang      = "SoTrang"          // the page number in the header
	stDuThao       = "DuThao"           // the DỰ THẢO mark
	stTitle        = "Title"            // news: title
	stNgayDang     = "NgayDang"         // news: weekday and date
	stCongTT       = "CongThongTin"     // news: the portal's name
	stSapo         = "Sapo"             // news: sapo
	stHeading1     = "Heading1"         // news: # heading
	stHeading2     = "Heading2"         // news: ## heading
	stNoiDungTin   = "NoiDungTin"       // news: body paragraph
	stTacGia       = "TacGia"           // news: byline
	tblKhongVien   = "KhongVien"        // borderless layout table
	tblLuoi        = "LuoiBang"         // bordered body table
	defaultTabStop = 720
)

// style is one paragraph style of styles.xml.
type style struct {
	id, name string
	basedOn  string
	next     string
	p        pPr
	r        rPr
}

// stylesXML writes styles.xml: Times New Roman (or font) 14 pt by default,
// single spacing, Vietnamese language, and the styles above. bodyLine is
// the body's exact line height in twips.
func stylesXML(font string, bodyLine int, body float64) string {
	ex := func(pt float64) int { return int(pt*20 + 0.5) }
	hdr := func(p pPr) pPr { p.align = "center"; p.before, p.after = 0, 0; return p }
	centre := func(s string, pt float64, bold, italic bool) style {
		return style{id: s, p: hdr(para("")), r: rPr{bold: bold, italic: italic, size: pt}}
	}
	headerLine := ex(headerStepPt)
	styles := []style{
		{id: stChuQuan, name: "Cơ quan chủ quản", p: func() pPr { p := hdr(para("")); p.line, p.lineRule = headerLine, "exact"; return p }(), r: rPr{size: 13}},
		{id: stBanHanh, name: "Cơ quan ban hành", p: func() pPr { p := hdr(para("")); p.line, p.lineRule = headerLine, "exact"; return p }(), r: rPr{bold: true, size: 13}},
		{id: stQuocHieu, name: "Quốc hiệu", p: func() pPr { p := hdr(para("")); p.line, p.lineRule = headerLine, "exact"; return p }(), r: rPr{bold: true, size: 13}},
		{id: stTieuNgu, name: "Tiêu ngữ", p: func() pPr { p := hdr(para("")); p.line, p.lineRule = headerLine, "exact"; return p }(), r: rPr{bold: true, size: 14}},
		{id: stDuongKe, name: "Đường kẻ", p: func() pPr {
			p := hdr(para(""))
			p.line, p.lineRule, p.markSize = 20, "exact", 1
			return p
		}(), r: rPr{size: 1}},
		withName(centre(stSoKyHieu, 13, false, false), "Số, ký hiệu"),
		withName(centre(stTrichYeuCV, 13, false, false), "Trích yếu công văn"),
		withName(centre(stDiaDanh, 14, false, true), "Địa danh, ngày tháng"),
		withName(centre(stDoKhan, 13, true, false), "Độ khẩn"),
		withName(keep(centre(stTenLoai, 14, true, false)), "Tên loại văn bản"),
		withName(keep(func() style {
			s := centre(stTrichYeu, 14, true, false)
			s.p.left, s.p.right = tw(10), tw(10) // the PDF's trích yếu is 20 mm narrower than the text
			return s
		}()), "Trích yếu"),
		{id: stKinhGui, name: "Kính gửi", p: func() pPr {
			p := para("")
			p.before, p.after, p.line, p.lineRule = 0, 0, bodyLine, "exact"
			return p
		}(), r: rPr{size: body}},
		{id: stNoiDung, name: "Nội dung", p: func() pPr {
			p := para("")
			p.align, p.firstLine = "both", tw(indentMM)
			p.before, p.after, p.line, p.lineRule = ex(paraGapPt), 0, bodyLine, "exact"
			return p
		}(), r: rPr{size: body}},
		{id: stCanCu, name: "Căn cứ", basedOn: stNoiDung, p: para(""), r: rPr{italic: true}},
		{id: stDieu, name: "Điều", basedOn: stNoiDung, p: para("")},
		{id: stGiuaDam, name: "Dòng giữa in đậm", basedOn: stNoiDung, next: stNoiDung, p: func() pPr {
			p := para("")
			p.align, p.keepNext, p.noIndent = "center", true, true
			return p
		}(), r: rPr{bold: true}},
		{id: stMucDam, name: "Mục, khoản in đậm", basedOn: stNoiDung, next: stNoiDung, p: func() pPr {
			p := para("")
			p.align, p.keepNext = "left", true
			return p
		}(), r: rPr{bold: true}},
		{id: stDeMuc1, name: "Đề mục 1", basedOn: stGiuaDam, next: stNoiDung, p: func() pPr { p := para(""); p.outline = 1; return p }()},
		{id: stDeMuc2, name: "Đề mục 2", basedOn: stMucDam, next: stNoiDung, p: func() pPr { p := para(""); p.outline = 2; return p }()},
		{id: stDongGiua, name: "Dòng giữa", basedOn: stNoiDung, p: func() pPr {
			p := para("")
			p.align, p.noIndent = "center", true
			return p
		}()},
		{id: stAnh, name: "Ảnh", p: func() pPr {
			p := para("")
			p.align, p.before, p.after = "center", ex(paraGapPt), 0 // kept with its caption, when it has one
			return p
		}()},
		{id: stAnhDaiDien, name: "Ảnh đại diện", basedOn: stAnh, p: para("")},
		withName(centre(stChuThich, 12, false, true), "Chú thích ảnh"),
		{id: stBang, name: "Chữ trong bảng", p: func() pPr {
			p := para("")
			p.before, p.after = 0, 0
			return p
		}(), r: rPr{size: 13}},
		{id: stBangTin, name: "Chữ trong bảng (tin)", basedOn: stBang, p: para(""), r: rPr{size: 11}},
		{id: stNoiNhan, name: "Nơi nhận", p: func() pPr { p := para(""); p.before, p.after = 0, 0; return p }(), r: rPr{bold: true, italic: true, size: 12}},
		{id: stNoiNhanDong, name: "Nơi nhận (dòng)", p: func() pPr { p := para(""); p.before, p.after = 0, 0; return p }(), r: rPr{size: 11}},
		withName(keep(centre(stQuyenHan, 14, true, false)), "Quyền hạn"),
		withName(keep(centre(stChucVu, 14, true, false)), "Chức vụ"),
		withName(centre(stNguoiKy, 14, true, false), "Họ tên người ký"),
		withName(centre(stSoTrang, 13, false, false), "Số trang"),
		{id: stDuThao, name: "Dự thảo", p: func() pPr { p := para(""); p.align, p.before, p.after = "right", 0, 0; return p }(), r: rPr{bold: true, size: 13}},
		// News.
		{id: stTitle, name: "Title", p: func() pPr { p := para(""); p.before, p.after, p.keepNext = 120, 0, true; return p }(), r: rPr{bold: true, size: 20}},
		{id: stCongTT, name: "Cổng thông tin", p: func() pPr { p := para(""); p.before, p.after = 0, 0; return p }(), r: rPr{bold: true, size: 10}},
		{id: stNgayDang, name: "Ngày đăng", p: func() pPr { p := para(""); p.before, p.after = 80, 0; return p }(), r: rPr{italic: true, size: 11}},
		{id: stSapo, name: "Sapo", p: func() pPr { p := para(""); p.align, p.before, p.after = "both", 160, 0; return p }(), r: rPr{bold: true, size: 13}},
		{id: stNoiDungTin, name: "Nội dung tin", p: func() pPr {
			p := para("")
			p.align, p.before, p.after, p.line, p.lineRule = "both", 120, 0, 288, "auto"
			return p
		}(), r: rPr{size: 13}},
		{id: stHeading1, name: "heading 1", basedOn: stNoiDungTin, next: stNoiDungTin, p: func() pPr { p := para(""); p.align, p.keepNext = "left", true; return p }(), r: rPr{bold: true, size: 15}},
		{id: stHeading2, name: "heading 2", basedOn: stNoiDungTin, next: stNoiDungTin, p: func() pPr { p := para(""); p.align, p.keepNext = "left", true; return p }(), r: rPr{bold: true, italic: true, size: 13}},
		{id: stTacGia, name: "Tác giả", basedOn: stNoiDungTin, p: func() pPr { p := para(""); p.align = "right"; return p }(), r: rPr{bold: true}},
	}
	var b strings.Builder
	b.WriteString(xmlHead)
	fmt.Fprintf(&b, `<w:styles xmlns:w="%s">`, nsW)
	f := esc(font)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s"/>`+
		`<w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`,
		f, f, f, f, halfPt(body), halfPt(body))
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	for _, s := range styles {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="%d" w:styleId="%s"><w:name w:val="%s"/>`, boolInt(!builtin(s.id)), s.id, esc(s.name))
		based := s.basedOn
		if based == "" {
			based = stNormal
		}
		fmt.Fprintf(&b, `<w:basedOn w:val="%s"/>`, based)
		if s.next != "" {
			fmt.Fprintf(&b, `<w:next w:val="%s"/>`, s.next)
		}
		b.WriteString("<w:qFormat/>")
		if px := s.p.xml(); px != "<w:pPr></w:pPr>" {
			b.WriteString(px)
		}
		b.WriteString(s.r.xml())
		b.WriteString("</w:style>")
	}
	// Tables: one without borders for the header and the signature blocks,
	// one with a grid for the body's tables. No cell margins left or right
	// in the layout table, so its columns' centres are the PDF's.
	fmt.Fprintf(&b, `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>`+
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	fmt.Fprintf(&b, `<w:style w:type="table" w:customStyle="1" w:styleId="%s"><w:name w:val="Bảng không viền"/><w:basedOn w:val="TableNormal"/><w:tblPr>`+
		`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`+
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`, tblKhongVien)
	fmt.Fprintf(&b, `<w:style w:type="table" w:customStyle="1" w:styleId="%s"><w:name w:val="Bảng có lưới"/><w:basedOn w:val="TableNormal"/><w:tblPr>`+
		`<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>`+
		`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>`+
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>`+
		`<w:tblCellMar><w:top w:w="%d" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`,
		tblLuoi, tw(pdf.TablePaddingY), tw(pdf.TablePaddingX), tw(pdf.TablePaddingY), tw(pdf.TablePaddingX))
	b.WriteString("</w:styles>")
	return b.String()
}

func withName(s style, name string) style { s.name = name; return s }

func keep(s style) style { s.p.keepNext = true; return s }

// builtin reports the style ids Word knows by themselves.
func builtin(id string) bool {
	switch id {
	case stTitle, stHeading1, stHeading2, stNormal:
		return true
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
