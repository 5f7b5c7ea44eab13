package decree

import (
	"slices"
	"strings"
	"testing"
	"time"

	"bientap/model"
	"bientap/model/doc"
)

func TestPadNumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"5", "05"}, {" 5 ", "05"}, {"05", "05"}, {"10", "10"}, {"0", "0"}, {"", ""}, {"125", "125"}, {"5a", "5a"},
	} {
		if got := PadNumber(tc.in); got != tc.want {
			t.Errorf("PadNumber(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNumberSign(t *testing.T) {
	for _, tc := range []struct{ number, sign, want string }{
		{"5", "tb-ubnd", "05/tb-ubnd"},
		{"12", "TTr-VPUBND", "12/TTr-VPUBND"},
		{"", "TB-UBND", "/TB-UBND"},
		{"7", "", "07"},
		{"", "", ""},
		{" 3 ", " QyĐ-UBND ", "03/QyĐ-UBND"},
	} {
		if got := NumberSign(tc.number, tc.sign); got != tc.want {
			t.Errorf("NumberSign(%q, %q) = %q, want %q", tc.number, tc.sign, got, tc.want)
		}
	}
}

func TestSignAdvice(t *testing.T) {
	for _, tc := range []struct {
		abbr, sign, suggest string
		differs             bool
	}{
		{"TTr", "TTr-VPUBND", "TTr-VPUBND", false},
		{"TTr", "TTR-VPUBND", "TTr-VPUBND", true},
		{"QyĐ", "qyđ-ubnd", "QyĐ-UBND", true},
		{"TB", "tb-ubnd", "TB-UBND", true},
		{"TB", "KH-UBND", "", true},
		{"QĐ", "QD-UBND", "", true},
		{"", "UBND-VX", "UBND-VX", false},
		{"", "ubnd-vx", "UBND-VX", true},
		{"TB", "", "", false},
		{"TB", "TB--UBND", "", true},
	} {
		s, d := SignAdvice(tc.abbr, tc.sign)
		if s != tc.suggest || d != tc.differs {
			t.Errorf("SignAdvice(%q, %q) = %q, %v; want %q, %v", tc.abbr, tc.sign, s, d, tc.suggest, tc.differs)
		}
	}
}

func TestHeader(t *testing.T) {
	date := time.Date(2024, 2, 5, 0, 0, 0, 0, time.UTC)
	saved := time.Date(2024, 2, 4, 9, 30, 0, 0, time.Local)
	tests := []struct {
		name  string
		rec   model.Record
		opt   Options
		check func(t *testing.T, h Header)
	}{
		{"thông báo keeps the ký hiệu as typed", model.Record{Kind: model.KindThongBao, Number: "5", Sign: "tb-ubnd",
			AgencyParent: "UBND tỉnh Lai Châu", Agency: "Văn phòng", Place: "Lai Châu", Date: date,
			Summary: "Về  việc nghỉ Tết\nNguyên đán", Status: model.StatusApproved,
			SignerAuthority: "KT. Chánh văn phòng", SignerPosition: "Phó Chánh văn phòng", SignerName: " Nguyễn Văn An ",
			Recipients: []string{"Như trên;", "", "- Lưu: VT, HCTC."}},
			Options{}, func(t *testing.T, h Header) {
				want := Header{Kind: model.KindThongBao, AgencyParent: []string{"UBND TỈNH LAI CHÂU"}, Agency: []string{"VĂN PHÒNG"},
					Number: "05", Sign: "tb-ubnd", NumberSign: "05/tb-ubnd", NumberLine: "Số: 05/tb-ubnd",
					QuocHieu: QuocHieu, TieuNgu: TieuNgu, PlaceDate: "Lai Châu, ngày 05 tháng 02 năm 2024",
					KindName: "THÔNG BÁO", Summary: []string{"Về việc nghỉ Tết", "Nguyên đán"},
					Signer: []string{"KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"}, SignerName: "Nguyễn Văn An",
					Recipients: []string{"- Như trên;", "- Lưu: VT, HCTC."}, Title: "Thông báo số 05/tb-ubnd Về việc nghỉ Tết Nguyên đán"}
				if !equalHeader(h, want) {
					t.Errorf("got  %+v\nwant %+v", h, want)
				}
			}},
		{"settings' agencies only when the record names none", model.Record{Kind: model.KindToTrinh, Agency: "ỦY BAN NHÂN DÂN TỈNH"},
			Options{AgencyParent: "BỘ", Agency: "SỞ"}, func(t *testing.T, h Header) {
				if len(h.AgencyParent) != 0 || !slices.Equal(h.Agency, []string{"ỦY BAN NHÂN DÂN TỈNH"}) {
					t.Errorf("agencies %q %q", h.AgencyParent, h.Agency)
				}
			}},
		{"defaults", model.Record{Kind: model.KindToTrinh}, Options{AgencyParent: "UBND tỉnh", Agency: "Văn phòng\nUBND tỉnh"},
			func(t *testing.T, h Header) {
				if !slices.Equal(h.AgencyParent, []string{"UBND TỈNH"}) || !slices.Equal(h.Agency, []string{"VĂN PHÒNG", "UBND TỈNH"}) {
					t.Errorf("agencies %q %q", h.AgencyParent, h.Agency)
				}
				if h.NumberLine != "Số: "+blankNumber || !strings.HasPrefix(h.PlaceDate, "Ngày\u00a0") {
					t.Errorf("undated, unnumbered: %q %q", h.NumberLine, h.PlaceDate)
				}
			}},
		{"công văn: V/v under the number, one addressee", model.Record{Kind: model.KindCongVan, Summary: "tăng cường phòng chống rét",
			To: []string{"- Sở Y tế;"}, Urgency: "thượng khẩn"}, Options{}, func(t *testing.T, h Header) {
			if h.KindName != "" || !h.SummaryUnderNumber || !slices.Equal(h.Summary, []string{"V/v tăng cường phòng chống rét"}) {
				t.Errorf("summary %q under %v, kind %q", h.Summary, h.SummaryUnderNumber, h.KindName)
			}
			if h.AddressLabel != KinhGuiLabel || !slices.Equal(h.ToLines, []string{"Sở Y tế."}) {
				t.Errorf("address %q %q", h.AddressLabel, h.ToLines)
			}
			if h.Urgency != "THƯỢNG KHẨN" || h.UrgencyWidth != 40 {
				t.Errorf("urgency %q %v", h.Urgency, h.UrgencyWidth)
			}
		}},
		{"several addressees", model.Record{Kind: model.KindBaoCao, To: []string{"Sở Y tế", "Sở Tài chính;", "UBND các huyện."}},
			Options{}, func(t *testing.T, h Header) {
				want := []string{"- Sở Y tế;", "- Sở Tài chính;", "- UBND các huyện."}
				if !slices.Equal(h.ToLines, want) {
					t.Errorf("lines %q", h.ToLines)
				}
			}},
		{"công điện without its line", model.Record{Kind: model.KindCongDien, Agency: "Ủy ban nhân dân tỉnh", To: []string{"Sở Y tế"}, Body: "Theo bản tin…"},
			Options{}, func(t *testing.T, h Header) {
				if h.Addressing != Dispatch || h.AddressLabel != "ỦY BAN NHÂN DÂN TỈNH điện:" || !slices.Equal(h.ToLines, []string{"- Sở Y tế."}) {
					t.Errorf("dispatch %v %q %q", h.Addressing, h.AddressLabel, h.ToLines)
				}
			}},
		{"công điện with its line", model.Record{Kind: model.KindCongDien, Agency: "UBND", To: []string{"Sở Y tế"}, Body: "\n**CHỦ TỊCH UBND TỈNH điện:**\nTheo…"},
			Options{}, func(t *testing.T, h Header) {
				if h.AddressLabel != "CHỦ TỊCH UBND TỈNH điện:" {
					t.Errorf("label %q", h.AddressLabel)
				}
			}},
		{"draft", model.Record{Kind: model.KindThongBao, Status: model.StatusReview, Updated: saved}, Options{Revision: 3},
			func(t *testing.T, h Header) {
				if h.Draft == nil || h.DraftLine() != "DỰ THẢO (Lần 3, 09:30 ngày 4/2/2024)" {
					t.Errorf("draft %+v %q", h.Draft, h.DraftLine())
				}
			}},
		{"approved and published are clean", model.Record{Kind: model.KindThongBao, Status: model.StatusPublished, Updated: saved},
			Options{Revision: 3}, func(t *testing.T, h Header) {
				if h.Draft != nil || h.DraftLine() != "" {
					t.Errorf("draft %+v", h.Draft)
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, Of(&tc.rec, tc.opt)) })
	}
}

func equalHeader(a, b Header) bool {
	if (a.Draft == nil) != (b.Draft == nil) {
		return false
	}
	ss := func(h Header) [][]string {
		return [][]string{h.AgencyParent, h.Agency, h.Summary, h.To, h.ToLines, h.Signer, h.Recipients}
	}
	for i, s := range ss(a) {
		if !slices.Equal(s, ss(b)[i]) {
			return false
		}
	}
	a.AgencyParent, a.Agency, a.Summary, a.To, a.ToLines, a.Signer, a.Recipients, a.Draft = nil, nil, nil, nil, nil, nil, nil, nil
	b.AgencyParent, b.Agency, b.Summary, b.To, b.ToLines, b.Signer, b.Recipients, b.Draft = nil, nil, nil, nil, nil, nil, nil, nil
	return a.Kind == b.Kind && a.Number == b.Number && a.Sign == b.Sign && a.NumberSign == b.NumberSign &&
		a.NumberLine == b.NumberLine && a.PlaceDate == b.PlaceDate && a.Urgency == b.Urgency &&
		a.KindName == b.KindName && a.SummaryUnderNumber == b.SummaryUnderNumber && a.AddressLabel == b.AddressLabel &&
		a.SignerName == b.SignerName && a.Title == b.Title && a.QuocHieu == b.QuocHieu && a.TieuNgu == b.TieuNgu
}

func TestRoles(t *testing.T) {
	body := `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Xét Tờ trình số 12/TTr-STTTT ngày 01 tháng 3 năm 2024 của Sở Thông tin và Truyền thông.
QUYẾT ĐỊNH:
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Điều 2. Giao Sở Thông tin và Truyền thông chủ trì thực hiện.
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
1. Cán bộ được nghỉ Tết 07 ngày.
Căn cứ vào kết quả, các đơn vị báo cáo./.`
	want := []Style{{Role: Authority}, {Role: Basis}, {Role: Basis}, {Role: Order}, {Role: Division}, {Role: DivisionTitle},
		{Role: ArticleTitle}, {Role: Article, Label: "Điều 2."}, {Role: Section}, {Role: ClauseTitle}, {Role: Plain}, {Role: Plain}}
	got := Roles(model.KindQuyetDinh, doc.Parse(body))
	if !slices.Equal(got, want) {
		t.Errorf("roles\n got %v\nwant %v", got, want)
	}
	// A division directly followed by an article has no title line.
	if got := Roles(model.KindQuyetDinh, doc.Parse("Chương I\nĐiều 1. Phạm vi điều chỉnh\nNội dung.")); got[1].Role != ArticleTitle {
		t.Errorf("article after a division: %v", got)
	}
	cd := Roles(model.KindCongDien, doc.Parse("CHỦ TỊCH UBND TỈNH điện:\nTheo bản tin."))
	if cd[0].Role != DispatchHead || cd[1].Role != Plain {
		t.Errorf("công điện roles %v", cd)
	}
}

func TestStyleApply(t *testing.T) {
	runs := []doc.Run{{Text: "Điều "}, {Text: "1. Giao", Italic: true}, {Text: " Sở"}}
	got := Style{Role: Article, Label: "Điều 1."}.Apply(runs)
	want := []doc.Run{{Text: "Điều ", Bold: true}, {Text: "1.", Bold: true, Italic: true}, {Text: " Giao", Italic: true}, {Text: " Sở"}}
	if !slices.Equal(got, want) {
		t.Errorf("article: %v", got)
	}
	if got := (Style{Role: Basis}).Apply([]doc.Run{{Text: "Căn cứ"}}); !got[0].Italic || got[0].Bold {
		t.Errorf("basis: %v", got)
	}
	if got := (Style{Role: DivisionTitle}).Apply([]doc.Run{{Text: "Quy định chung"}}); got[0].Text != "QUY ĐỊNH CHUNG" || !got[0].Bold {
		t.Errorf("division title: %v", got)
	}
}
