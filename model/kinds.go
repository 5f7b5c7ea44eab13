package model

import "fmt"

// Kind identifies what a record is: a news item or one of the administrative
// document types of Decree 30/2020. The value is the interchange key: "news",
// or the ASCII slug of the type name ("thong-bao", "cong-van", …).
type Kind string

// KindNews is a news item (tin bài) for the portal.
const KindNews Kind = "news"

// Well-known administrative kinds, named for the code that treats them specially.
const (
	KindThongBao  Kind = "thong-bao"
	KindKeHoach   Kind = "ke-hoach"
	KindCongVan   Kind = "cong-van"
	KindCongDien  Kind = "cong-dien"
	KindBaoCao    Kind = "bao-cao"
	KindQuyetDinh Kind = "quyet-dinh"
	KindGiayMoi   Kind = "giay-moi"
	KindToTrinh   Kind = "to-trinh"
	KindHuongDan  Kind = "huong-dan"
	KindChiThi    Kind = "chi-thi"
	KindBienBan   Kind = "bien-ban"
)

// KindInfo describes a kind: its Vietnamese name and Decree-30 abbreviation.
type KindInfo struct {
	Key  Kind
	Name string // "Thông báo"
	Abbr string // "TB"; empty for công văn and thư công, whose sign names the issuer
}

// Kinds lists news first, then every administrative document type of Decree
// 30/2020 (Article 7 and Phụ lục III), the common ones of a People's Committee
// office first.
var Kinds = []KindInfo{
	{KindNews, "Tin bài", ""},
	{KindThongBao, "Thông báo", "TB"},
	{KindKeHoach, "Kế hoạch", "KH"},
	{KindCongVan, "Công văn", ""},
	{KindCongDien, "Công điện", "CĐ"},
	{KindBaoCao, "Báo cáo", "BC"},
	{KindQuyetDinh, "Quyết định", "QĐ"},
	{KindGiayMoi, "Giấy mời", "GM"},
	{KindToTrinh, "Tờ trình", "TTr"},
	{KindHuongDan, "Hướng dẫn", "HD"},
	{KindChiThi, "Chỉ thị", "CT"},
	{KindBienBan, "Biên bản", "BB"},
	{"nghi-quyet", "Nghị quyết", "NQ"},
	{"quy-che", "Quy chế", "QC"},
	{"quy-dinh", "Quy định", "QyĐ"},
	{"thong-cao", "Thông cáo", "TC"},
	{"chuong-trinh", "Chương trình", "CTr"},
	{"phuong-an", "Phương án", "PA"},
	{"de-an", "Đề án", "ĐA"},
	{"du-an", "Dự án", "DA"},
	{"hop-dong", "Hợp đồng", "HĐ"},
	{"ban-ghi-nho", "Bản ghi nhớ", "BGN"},
	{"ban-thoa-thuan", "Bản thỏa thuận", "BTT"},
	{"giay-uy-quyen", "Giấy ủy quyền", "GUQ"},
	{"giay-gioi-thieu", "Giấy giới thiệu", "GGT"},
	{"giay-nghi-phep", "Giấy nghỉ phép", "GNP"},
	{"phieu-gui", "Phiếu gửi", "PG"},
	{"phieu-chuyen", "Phiếu chuyển", "PC"},
	{"phieu-bao", "Phiếu báo", "PB"},
	{"thu-cong", "Thư công", ""},
}

var kindIndex = func() map[Kind]int {
	m := make(map[Kind]int, len(Kinds))
	for i, k := range Kinds {
		m[k.Key] = i
	}
	return m
}()

// Info returns the description of k; an unknown kind gets its key as name.
func (k Kind) Info() KindInfo {
	if i, ok := kindIndex[k]; ok {
		return Kinds[i]
	}
	return KindInfo{Key: k, Name: string(k)}
}

// Label is the Vietnamese name of the kind ("Thông báo").
func (k Kind) Label() string { return k.Info().Name }

// Abbr is the Decree-30 abbreviation ("TB"), empty where there is none.
func (k Kind) Abbr() string { return k.Info().Abbr }

// IsDocument reports whether k is an administrative document (not news).
func (k Kind) IsDocument() bool { return k != KindNews }

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { _, ok := kindIndex[k]; return ok }

// ParseKind accepts a kind key ("thong-bao") or its Vietnamese name ("Thông báo").
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if s == string(k.Key) || s == k.Name {
			return k.Key, nil
		}
	}
	return "", fmt.Errorf("loại văn bản không hợp lệ %q (ví dụ: news, thong-bao, cong-van)", s)
}

// DocumentKinds lists the keys of every administrative kind (all but news).
func DocumentKinds() []Kind {
	ks := make([]Kind, 0, len(Kinds)-1)
	for _, k := range Kinds {
		if k.Key.IsDocument() {
			ks = append(ks, k.Key)
		}
	}
	return ks
}
