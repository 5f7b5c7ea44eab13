package importer

import (
	"strings"

	"bientap/model/vntext"
)

// part is a part of a Decree-30 document that a paragraph style may name.
// Word templates of provincial offices, and the files Biên Tập writes
// (export/docx), give each part of the layout its own style; a style so
// named tells what its paragraph is without guessing from the text.
type part int

// The parts, in the order a document prints them.
const (
	partNone        part = iota
	partParent           // cơ quan chủ quản
	partAgency           // cơ quan ban hành
	partNumber           // "Số: 05/TB-UBND"
	partSummaryCV        // a công văn's "V/v …" under the number
	partUrgency          // "HỎA TỐC"
	partQuocHieu         // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	partTieuNgu          // "Độc lập - Tự do - Hạnh phúc"
	partPlaceDate        // "Lai Châu, ngày 05 tháng 01 năm 2026"
	partRule             // a rule under a header line
	partKind             // tên loại, "THÔNG BÁO"
	partSummary          // trích yếu
	partKinhGui          // "Kính gửi: …"
	partBody             // a paragraph of the body
	partBasis            // a legal basis ("Căn cứ …"), italic by its role
	partArticle          // "Điều 1. …", its label bold by its role
	partCentreBold       // centred bold: a level-1 heading, or "QUYẾT ĐỊNH:", a division, the authority
	partBold             // bold: a level-2 heading, or "I. MỤC ĐÍCH", "1. Mục đích"
	partCentred          // a centred line
	partCaption          // a picture's caption
	partFeatured         // news: the featured picture, which the body does not place
	partNoiNhan          // "Nơi nhận:"
	partNoiNhanLine      // "- Như trên;"
	partSigner           // quyền hạn, chức vụ of the signer
	partAuthority        // the quyền hạn alone ("TM. ỦY BAN NHÂN DÂN")
	partPosition         // the chức vụ alone ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
	partSignerName       // họ tên of the signer
	partPageNumber       // the page number in a header part
	partDraft            // the DỰ THẢO mark
	partPortal           // news: the portal's name
	partNewsDate         // news: weekday and date
	partSapo             // news: sapo
	partByline           // news: the author
)

// partStyles maps style ids and names, folded and without spaces or
// punctuation, to parts: the ids export/docx writes ("SoKyHieu") and their
// Vietnamese names ("Số, ký hiệu"), and names Word templates use.
var partStyles = map[string]part{}

func init() {
	for p, keys := range map[part][]string{
		partParent:      {"coquanchuquan"},
		partAgency:      {"coquanbanhanh", "tencoquanbanhanh"},
		partNumber:      {"sokyhieu", "sovakyhieu"},
		partSummaryCV:   {"trichyeucongvan"},
		partUrgency:     {"dokhan"},
		partQuocHieu:    {"quochieu"},
		partTieuNgu:     {"tieungu"},
		partPlaceDate:   {"diadanhngaythang", "diadanhvangaythang", "diadanh"},
		partRule:        {"duongke"},
		partKind:        {"tenloai", "tenloaivanban"},
		partSummary:     {"trichyeu", "trichyeunoidung"},
		partKinhGui:     {"kinhgui"},
		partBody:        {"noidung", "noidungvanban"},
		partBasis:       {"cancu"},
		partArticle:     {"dieu"},
		partCentreBold:  {"giuadam", "donggiuaindam"},
		partBold:        {"mucdam", "muckhoanindam"},
		partCentred:     {"donggiua"},
		partCaption:     {"chuthichanh"},
		partFeatured:    {"anhdaidien"},
		partNoiNhan:     {"noinhan"},
		partNoiNhanLine: {"noinhandong"},
		partSigner:      {"quyenhanchucvu", "quyenhanchucvunguoiky", "chucvunguoiky"},
		partAuthority:   {"quyenhan", "quyenhannguoiky"},
		partPosition:    {"chucvu"},
		partSignerName:  {"nguoiky", "hotennguoiky"},
		partPageNumber:  {"sotrang"},
		partDraft:       {"duthao"},
		partPortal:      {"congthongtin"},
		partNewsDate:    {"ngaydang"},
		partSapo:        {"sapo"},
		partByline:      {"tacgia"},
	} {
		for _, k := range keys {
			partStyles[k] = p
		}
	}
}

// styleKey folds a style id or name for partStyles: "Số, ký hiệu" and
// "SoKyHieu" both give "sokyhieu".
func styleKey(s string) string {
	var b strings.Builder
	for _, r := range vntext.Fold(s) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// partOfStyle is the part a paragraph style names, by its id or its name.
func partOfStyle(id, name string) part {
	if p, ok := partStyles[styleKey(id)]; ok {
		return p
	}
	return partStyles[styleKey(name)]
}
