package check

import (
	"strings"
	"testing"
	"unicode/utf8"

	"bientap/model"
)

// Correct text that no check may fire on, one case per kind of trap.
var correctTexts = []struct{ name, text string }{
	{"numbers dates times", "Tổng kinh phí 1.250.000.000 đồng, tăng 3,5% so với năm 2023; họp lúc 09:30 ngày 15.8.2024 và 14h00 ngày 16/8/2024."},
	{"signs and abbreviations", "Thực hiện Công văn số 05/TB-UBND ngày 05/01/2024 và V/v tổ chức Hội nghị tại TP.HCM, T.Ư Đoàn, v.v."},
	{"urls and mail", "Chi tiết xem tại Cổng thông tin điện tử tỉnh (https://laichau.gov.vn/tin-tuc) hoặc laichau.gov.vn; góp ý gửi vanthu@laichau.gov.vn, tệp kèm theo Bao-cao.docx."},
	{"end mark and ellipsis", "Các đơn vị báo cáo kết quả trước ngày 30/6/2024 (các nội dung khác…) để tổng hợp, báo cáo UBND tỉnh./."},
	{"ellipsis before end mark", "Tuyên truyền, vận động…./.\nTuyên truyền, vận động..../.\nTuyên truyền, vận động.../."},
	{"ellipsis after comma", "Tuyên truyền về phòng, chống dịch bệnh, an toàn giao thông, ..."},
	{"fill-in blanks", "Lai Châu, ngày      tháng      năm 2024\nKính gửi: ..........................................\nHọ và tên: ..... Chức vụ: ....."},
	{"list labels", "a) Sở Nội vụ chủ trì;\nb) Sở Tài chính phối hợp;\n- Các nội dung: 1) tuyên truyền; 2) kiểm tra; iv) tổng kết.\nđ) Nhiệm vụ khác."},
	{"brackets and footnotes", "Chỉ tiêu (*) được giao tại Phụ lục I [kèm theo Kế hoạch (số 45/KH-UBND)]; chỉ tiêu (**) do huyện tự đặt."},
	{"scale ratio", "Bản đồ quy hoạch tỷ lệ 1 : 2.000 và 1:500."},
	{"multi-paragraph curly quote", "1. Sửa đổi khoản 2 Điều 3 như sau:\n“2. Thời gian tiếp nhận hồ sơ:\na) Buổi sáng: từ 07 giờ 30 phút đến 11 giờ 30 phút;\nb) Buổi chiều: từ 13 giờ 30 phút đến 17 giờ 00 phút.”"},
	{"multi-paragraph straight quote", "2. Bổ sung Điều 5a như sau:\n\"Điều 5a. Trách nhiệm của Văn phòng\nVăn phòng UBND tỉnh theo dõi, đôn đốc.\""},
	{"balanced quotes", "Phát động phong trào thi đua “Chung tay xây dựng nông thôn mới” và cuộc vận động \"Người Việt Nam ưu tiên dùng hàng Việt Nam\"."},
	{"consistent years", "Giai đoạn 2021-2025 đạt kết quả tốt; kế hoạch 2021-2025 được điều chỉnh; tầm nhìn 2026-2030."},
	{"consistent old tone", "Ủy ban nhân dân tỉnh chỉ đạo bảo đảm hòa bình, thủy lợi, sức khỏe nhân dân; tùy tình hình, Ủy ban điều chỉnh."},
	{"consistent new tone", "Uỷ ban nhân dân tỉnh chỉ đạo bảo đảm hoà bình, thuỷ lợi, sức khoẻ nhân dân; tuỳ tình hình, Uỷ ban điều chỉnh."},
	{"tone neutral words", "Hoàn thành quý I, khuya nay, quả thật, hoạt động, Huỳnh Thúc Kháng, thuở trước, quý vị và Ủy ban."},
	{"short lines repeat", "1. Mục đích\n- Như trên;\n- Lưu: VT.\n1. Mục đích\n- Như trên;\nThời gian thực hiện: Quý II/2024.\nThời gian thực hiện: Quý II/2024."},
	{"markup", "# I. MỤC ĐÍCH, YÊU CẦU\n## 1. Mục đích\n-> **KẾ HOẠCH** <-\n**Điều 1.** Ban hành kèm theo Quyết định này *Quy chế làm việc*.\n![Quang cảnh hội nghị (ảnh: Văn phòng)](anh-1.jpg)\n\\*Ghi chú: 5 * 3 = 15."},
	{"table alignment", "| STT | Nội dung        | Thời gian  |\n|:---:|-----------------|------------|\n| 1   | Tuyên truyền    | Quý I      |\n| 2   | Kiểm tra, đánh giá | Quý II  |"},
	{"indentation", "    Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\tCăn cứ Nghị định số 30/2020/NĐ-CP."},
	{"roman and decimal headings", "I. MỤC ĐÍCH, YÊU CẦU\n1.1. Mục tiêu chung\nII. NỘI DUNG"},
}

func TestBodySilentOnCorrectText(t *testing.T) {
	for _, tt := range correctTexts {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range Body(tt.text) {
				t.Errorf("%d:%d %s: %s", f.Line, f.Col, f.Code, f.Message)
			}
		})
	}
}

func TestBodyFindsMistakes(t *testing.T) {
	long := "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố nghiêm túc triển khai thực hiện."
	long2 := "Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị liên quan theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này."
	tests := []struct {
		name      string
		text      string
		code      string
		line, col int
		fixed     string // text after applying the finding's fix; "" when no fix
	}{
		{"missing space after semicolon", "Căn cứ Luật Tổ chức chính quyền địa phương;Luật Ngân sách nhà nước;",
			"space-after", 1, 43, "Căn cứ Luật Tổ chức chính quyền địa phương; Luật Ngân sách nhà nước;"},
		{"missing space after comma", "Lai Châu,ngày 05 tháng 01 năm 2024", "space-after", 1, 9, "Lai Châu, ngày 05 tháng 01 năm 2024"},
		{"missing space after colon", "Kính gửi:Sở Nội vụ", "space-after", 1, 9, "Kính gửi: Sở Nội vụ"},
		{"roman heading", "I.MỤC ĐÍCH, YÊU CẦU", "space-after", 1, 2, "I. MỤC ĐÍCH, YÊU CẦU"},
		{"sentence joined", "Đề nghị các đơn vị thực hiện.Báo cáo trước ngày 30/6.", "space-after", 1, 29, "Đề nghị các đơn vị thực hiện. Báo cáo trước ngày 30/6."},
		{"after markers, no fix", "**Điều 1.**Phạm vi điều chỉnh", "space-after", 1, 9, ""},
		{"space before comma", "Lãnh đạo các sở , ban, ngành", "space-before", 1, 16, "Lãnh đạo các sở, ban, ngành"},
		{"space before colon", "Kính gửi :", "space-before", 1, 9, "Kính gửi:"},
		{"space before question", "Đã thực hiện chưa ?", "space-before", 1, 18, "Đã thực hiện chưa?"},
		{"four dots", "Các nội dung khác....", "dots", 1, 18, "Các nội dung khác..."},
		{"ellipsis and dot", "Tuyên truyền, vận động…. Kiểm tra", "dots", 1, 23, "Tuyên truyền, vận động… Kiểm tra"},
		{"double space", "Ủy ban  nhân dân tỉnh", "double-space", 1, 7, "Ủy ban nhân dân tỉnh"},
		{"double space in cell", "| 1 | Tuyên  truyền |", "double-space", 1, 12, "| 1 | Tuyên truyền |"},
		{"year range form", "Giai đoạn 2021-2025 và kế hoạch 2021-2025;\nđịnh hướng 2021 - 2025.", "year-range", 2, 16,
			"Giai đoạn 2021-2025 và kế hoạch 2021-2025;\nđịnh hướng 2021-2025."},
		{"year range en dash", "Giai đoạn 2021 – 2025, 2026 – 2030 và 2021-2025.", "year-range", 1, 43, "Giai đoạn 2021 – 2025, 2026 – 2030 và 2021 – 2025."},
		{"tone style minority new", "Bảo đảm hòa bình, hòa hợp và hoà giải.", "tone-style", 1, 30, "Bảo đảm hòa bình, hòa hợp và hòa giải."},
		{"tone style minority old", "Uỷ ban chỉ đạo thuỷ lợi; Ủy ban.", "tone-style", 1, 26, "Uỷ ban chỉ đạo thuỷ lợi; Uỷ ban."},
		{"tone style capitals", "SỨC KHOẺ, sức khoẻ, sức khỏe", "tone-style", 1, 25, "SỨC KHOẺ, sức khoẻ, sức khoẻ"},
		{"unclosed bracket", "Danh sách (có phụ lục kèm theo.", "bracket", 1, 11, ""},
		{"stray closing bracket", "Danh sách có phụ lục kèm theo).", "bracket", 1, 30, ""},
		{"mismatched square", "Phụ lục [kèm theo.", "bracket", 1, 9, ""},
		{"unclosed curly quote", "Phong trào “Chung tay xây dựng nông thôn mới.", "quote", 1, 12, ""},
		{"stray curly close", "Phong trào Chung tay” xây dựng.", "quote", 1, 21, ""},
		{"odd straight quotes", "Cuộc vận động \"Người Việt Nam ưu tiên dùng hàng Việt Nam.", "quote", 1, 15, ""},
		{"paragraph pasted twice", long + "\n" + long2 + "\n" + long, "repeat", 3, 1, long + "\n" + long2},
		{"run pasted twice", "Mở đầu.\n" + long + "\n\n" + long2 + "\n" + long + "\n" + long2 + "\nKết thúc./.", "repeat", 5, 1,
			"Mở đầu.\n" + long + "\n\n" + long2 + "\nKết thúc./."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Body(tt.text)
			var got *Finding
			for i := range fs {
				if fs[i].Code == tt.code {
					got = &fs[i]
					break
				}
			}
			if got == nil {
				t.Fatalf("no %s finding; got %+v", tt.code, fs)
			}
			if got.Line != tt.line || got.Col != tt.col {
				t.Errorf("at %d:%d, want %d:%d (%s)", got.Line, got.Col, tt.line, tt.col, got.Message)
			}
			checkPosition(t, tt.text, *got)
			if tt.fixed == "" {
				if got.Fix != nil {
					t.Errorf("unexpected fix %+v", got.Fix)
				}
				return
			}
			if got.Fix == nil {
				t.Fatalf("no fix")
			}
			if res := Apply(tt.text, *got.Fix); res != tt.fixed {
				t.Errorf("fixed:\n got %q\nwant %q", res, tt.fixed)
			}
			for _, f := range Body(tt.fixed) {
				if f.Code == tt.code {
					t.Errorf("after the fix still %s at %d:%d", f.Code, f.Line, f.Col)
				}
			}
		})
	}
}

// checkPosition verifies that Line/Col and Offset agree.
func checkPosition(t *testing.T, text string, f Finding) {
	t.Helper()
	if f.Offset < 0 || f.Offset+f.Length > len(text) {
		t.Fatalf("finding %+v outside the text", f)
	}
	lines := strings.Split(text[:f.Offset], "\n")
	if len(lines) != f.Line || utf8.RuneCountInString(lines[len(lines)-1])+1 != f.Col {
		t.Errorf("offset %d is %d:%d, finding says %d:%d", f.Offset, len(lines), utf8.RuneCountInString(lines[len(lines)-1])+1, f.Line, f.Col)
	}
}

func TestFindingsSorted(t *testing.T) {
	fs := Body("Kính gửi :Sở Nội vụ\nỦy ban  nhân dân;lập kế hoạch….")
	if len(fs) < 4 {
		t.Fatalf("want several findings, got %+v", fs)
	}
	for i := 1; i < len(fs); i++ {
		if fs[i].Line < fs[i-1].Line || fs[i].Line == fs[i-1].Line && fs[i].Offset < fs[i-1].Offset {
			t.Errorf("not sorted: %+v before %+v", fs[i-1], fs[i])
		}
	}
}

func TestApply(t *testing.T) {
	tests := []struct {
		text string
		fix  Fix
		want string
	}{
		{"ab", Fix{Offset: 1, Replacement: " "}, "a b"},
		{"a  b", Fix{Offset: 1, Length: 2, Replacement: " "}, "a b"},
		{"ab", Fix{Offset: 3}, "ab"},
		{"ab", Fix{Offset: -1}, "ab"},
		{"ấy", Fix{Offset: 1, Length: 1}, "ấy"}, // would cut a character
	}
	for _, tt := range tests {
		if got := Apply(tt.text, tt.fix); got != tt.want {
			t.Errorf("Apply(%q, %+v) = %q, want %q", tt.text, tt.fix, got, tt.want)
		}
	}
}

func TestToneStyle(t *testing.T) {
	tests := []struct {
		word  string
		style int
		alt   string
	}{
		{"hòa", 1, "hoà"}, {"hoà", 2, "hòa"}, {"Thủy", 1, "Thuỷ"}, {"ỦY", 1, "UỶ"}, {"khoẻ", 2, "khỏe"},
		{"xòe", 1, "xoè"}, {"tọa", 1, "toạ"}, {"lũy", 1, "luỹ"},
		{"hoàn", 0, ""}, {"quý", 0, ""}, {"khuya", 0, ""}, {"thuở", 0, ""}, {"hoa", 0, ""}, {"của", 0, ""}, {"hoặc", 0, ""},
	}
	for _, tt := range tests {
		st, alt := toneStyle(tt.word)
		if st != tt.style || alt != tt.alt {
			t.Errorf("toneStyle(%q) = %d %q, want %d %q", tt.word, st, alt, tt.style, tt.alt)
		}
	}
}

func docRecord(body string) *model.Record {
	return &model.Record{Kind: model.KindThongBao, Number: "05", Sign: "TB-UBND", Body: body,
		Recipients: []string{"- Các sở, ban, ngành tỉnh;", "- UBND các huyện, thành phố;", "- Lưu: VT, VX."}}
}

func TestRecordChecks(t *testing.T) {
	ok := "Đề nghị các cơ quan, đơn vị thực hiện./."
	tests := []struct {
		name  string
		rec   *model.Record
		code  string // "" when the record must have no finding
		line  int
		field string
		fixed string
	}{
		{"correct", docRecord(ok), "", 0, "", ""},
		{"number 12", func() *model.Record { r := docRecord(ok); r.Number = "12"; return r }(), "", 0, "", ""},
		{"no number", func() *model.Record { r := docRecord(ok); r.Number = ""; return r }(), "", 0, "", ""},
		{"number 5", func() *model.Record { r := docRecord(ok); r.Number = "5"; return r }(), "number-zero", 0, "Number", ""},
		{"news has no document checks", &model.Record{Kind: model.KindNews, Number: "5", Body: "Tin bài không có dấu kết thúc"}, "", 0, "", ""},
		{"missing end mark", docRecord("Đề nghị các cơ quan, đơn vị thực hiện."), "end-mark", 1, "", "Đề nghị các cơ quan, đơn vị thực hiện./."},
		{"missing end mark after word", docRecord("Mở đầu.\n\nĐề nghị các đơn vị thực hiện\n\n"), "end-mark", 3, "", "Mở đầu.\n\nĐề nghị các đơn vị thực hiện./.\n\n"},
		{"semicolon instead of end mark", docRecord("Đề nghị các đơn vị thực hiện;"), "end-mark", 1, "", "Đề nghị các đơn vị thực hiện./."},
		{"end mark inside bold", docRecord("**Đề nghị các đơn vị thực hiện./.**"), "", 0, "", ""},
		{"end mark with ellipsis", docRecord("Tuyên truyền, vận động.../."), "", 0, "", ""},
		{"end mark before pasted Nơi nhận", docRecord("Đề nghị các đơn vị thực hiện./.\n***Nơi nhận:***\n- Như trên;\n- Lưu: VT."), "", 0, "", ""},
		{"body ends with a table", docRecord("Chi tiết như sau:\n| 1 | a |"), "", 0, "", ""},
		{"place date wrong", docRecord("*Lai Châu, ngày 5 tháng 1 năm 2024*\n" + ok), "place-date", 1, "",
			"*Lai Châu, ngày 05 tháng 01 năm 2024*\n" + ok},
		{"place date digits", docRecord("-> Phong Thổ, 15/8/2024 <-\n" + ok), "place-date", 1, "", "-> Phong Thổ, ngày 15 tháng 8 năm 2024 <-\n" + ok},
		{"place date correct", docRecord("Lai Châu, ngày 05 tháng 01 năm 2024\nHà Nội, ngày 15 tháng 8 năm 2022\n" + ok), "", 0, "", ""},
		{"sentence ending in a date", docRecord("Căn cứ Công văn số 12/UBND-VX, ngày 5/1/2024\nThông báo số 12/TB-UBND, ngày 5/1/2024\nHội nghị tổ chức tại Hà Nội, ngày 5/1/2024\n" + ok), "", 0, "", ""},
		{"no Lưu line", func() *model.Record {
			r := docRecord(ok)
			r.Recipients = []string{"- Như trên;", "- UBND các huyện."}
			return r
		}(), "recipients-luu", 0, "Recipients", ""},
		{"Lưu not last", func() *model.Record {
			r := docRecord(ok)
			r.Recipients = []string{"- Lưu: VT.", "- Như trên."}
			return r
		}(), "recipients-luu", 0, "Recipients", ""},
		{"Lưu variants", func() *model.Record {
			r := docRecord(ok)
			r.Recipients = []string{"- Như trên;", "- Lưu: VT."}
			return r
		}(), "", 0, "", ""},
		{"no recipients", func() *model.Record { r := docRecord(ok); r.Recipients = nil; return r }(), "", 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Record(tt.rec)
			if tt.code == "" {
				for _, f := range fs {
					t.Errorf("%d:%d %s: %s", f.Line, f.Col, f.Code, f.Message)
				}
				return
			}
			if len(fs) != 1 || fs[0].Code != tt.code || fs[0].Line != tt.line || fs[0].Field != tt.field {
				t.Fatalf("want one %s at line %d (field %q), got %+v", tt.code, tt.line, tt.field, fs)
			}
			f := fs[0]
			if f.Severity != Error {
				t.Errorf("severity %v", f.Severity)
			}
			if f.Line > 0 {
				checkPosition(t, tt.rec.Body, f)
			}
			if tt.fixed != "" {
				if f.Fix == nil {
					t.Fatal("no fix")
				}
				if got := Apply(tt.rec.Body, *f.Fix); got != tt.fixed {
					t.Errorf("fixed:\n got %q\nwant %q", got, tt.fixed)
				}
			}
		})
	}
}

// A whole plan of a provincial People's Committee, written correctly.
const keHoach = `Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2024 của Ủy ban nhân dân tỉnh Lai Châu về thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025; Ủy ban nhân dân huyện Tam Đường ban hành Kế hoạch triển khai năm 2024, cụ thể như sau:

# I. MỤC ĐÍCH, YÊU CẦU
## 1. Mục đích
- Tiếp tục nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về vị trí, vai trò của Chương trình; phát huy vai trò chủ thể của người dân trong xây dựng nông thôn mới.
- Phấn đấu đến hết năm 2024 có thêm 02 xã đạt chuẩn nông thôn mới, thu nhập bình quân đầu người đạt 38,5 triệu đồng/năm.
## 2. Yêu cầu
- Các nhiệm vụ phải cụ thể, khả thi, gắn với trách nhiệm của từng cơ quan, đơn vị (có phụ lục kèm theo).
- Bảo đảm hòa hợp giữa phát triển kinh tế với giữ gìn bản sắc văn hóa các dân tộc; tùy điều kiện thực tế, các xã chủ động lựa chọn nội dung ưu tiên.

# II. NỘI DUNG
1. Công tác tuyên truyền
a) Tuyên truyền trên Cổng thông tin điện tử huyện (tamduong.laichau.gov.vn), Đài Truyền thanh - Truyền hình huyện và hệ thống loa truyền thanh cơ sở.
b) Tổ chức phong trào thi đua “Tam Đường chung sức xây dựng nông thôn mới” giai đoạn 2021-2025.
2. Phát triển sản xuất
Hỗ trợ 1.200 hộ phát triển chè, mắc ca, quế theo chuỗi giá trị; ưu tiên các hộ nghèo, hộ cận nghèo (tỷ lệ hộ nghèo giảm 3,5%/năm).
3. Bảo vệ sức khỏe Nhân dân
Duy trì tỷ lệ người dân tham gia bảo hiểm y tế trên 95%; củng cố mạng lưới y tế cơ sở, thủy lợi nhỏ và nước sạch nông thôn.

| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |
|:---:|---|---|---|
| 1 | Rà soát tiêu chí (*) | Phòng Nông nghiệp và PTNT | Quý I/2024 |
| 2 | Hỗ trợ sản xuất | UBND các xã | Năm 2024 |

# III. TỔ CHỨC THỰC HIỆN
1. Phòng Nông nghiệp và Phát triển nông thôn là cơ quan thường trực, chủ trì theo dõi, đôn đốc, tổng hợp kết quả; báo cáo UBND huyện trước ngày 15/12/2024 (qua địa chỉ thư điện tử vpubnd@laichau.gov.vn).
2. Phòng Tài chính - Kế hoạch tham mưu bố trí kinh phí thực hiện theo quy định.
3. Ủy ban nhân dân các xã xây dựng kế hoạch cụ thể, triển khai thực hiện; định kỳ 6 tháng, 01 năm báo cáo kết quả (trước 09:00 ngày 20/6 và ngày 15/12).
Trên đây là Kế hoạch triển khai Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2024 trên địa bàn huyện Tam Đường. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo UBND huyện (qua Phòng Nông nghiệp và PTNT) để xem xét, giải quyết./.`

func TestLongDocumentHasNoFinding(t *testing.T) {
	r := &model.Record{Kind: model.KindKeHoach, Number: "102", Sign: "KH-UBND", Body: keHoach,
		Recipients: []string{"- UBND tỉnh (b/c);", "- Sở Nông nghiệp và PTNT;", "- TT. Huyện ủy, HĐND huyện;", "- Các phòng, ban, đơn vị;", "- UBND các xã;", "- Lưu: VT, NN."}}
	for _, f := range Record(r) {
		t.Errorf("%d:%d %s: %s", f.Line, f.Col, f.Code, f.Message)
	}
	// The same text pasted twice is caught, once.
	r.Body = keHoach + "\n" + keHoach
	n := 0
	for _, f := range Record(r) {
		if f.Code == "repeat" {
			n++
		} else {
			t.Errorf("doubled text: unexpected %s at %d:%d: %s", f.Code, f.Line, f.Col, f.Message)
		}
	}
	if n != 1 {
		t.Errorf("doubled text: %d repeat findings, want 1", n)
	}
}

func FuzzBody(f *testing.F) {
	for _, c := range correctTexts {
		f.Add(c.text)
	}
	f.Add("Kính gửi :Sở;lập  kế hoạch…. “a ( ] \" 2021-2025 2021 - 2025 hòa hoà")
	f.Add(keHoach)
	f.Fuzz(func(t *testing.T, text string) {
		r := docRecord(text)
		r.Number = "5"
		for _, fd := range Record(r) {
			if fd.Line == 0 {
				continue
			}
			if fd.Offset < 0 || fd.Offset+fd.Length > len(text) || fd.Line < 1 || fd.Col < 1 {
				t.Fatalf("bad position %+v in %q", fd, text)
			}
			if fd.Fix != nil {
				fx := *fd.Fix
				if fx.Offset < 0 || fx.Length < 0 || fx.Offset+fx.Length > len(text) {
					t.Fatalf("bad fix %+v in %q", fx, text)
				}
				if utf8.ValidString(text) && !utf8.ValidString(Apply(text, fx)) {
					t.Fatalf("fix %+v breaks UTF-8 in %q", fx, text)
				}
			}
		}
	})
}

func TestSignForm(t *testing.T) {
	ok := "Đề nghị các cơ quan, đơn vị thực hiện./."
	tests := []struct {
		kind model.Kind
		sign string
		want string // "" when silent, else a part of the message
	}{
		{model.KindToTrinh, "TTr-VPUBND", ""},
		{"quy-dinh", "QyĐ-UBND", ""},
		{"chuong-trinh", "CTr-UBND", ""},
		{model.KindCongVan, "UBND-VX", ""},
		{model.KindThongBao, "", ""},
		{model.KindToTrinh, "TTR-VPUBND", "viết “TTr-VPUBND”"},
		{model.KindThongBao, "tb-ubnd", "viết “TB-UBND”"},
		{model.KindThongBao, "KH-UBND", "bắt đầu bằng “TB-”"},
		{model.KindCongVan, "ubnd-vx", "viết “UBND-VX”"},
	}
	for _, tc := range tests {
		r := docRecord(ok)
		r.Kind, r.Sign = tc.kind, tc.sign
		var got []Finding
		for _, f := range Record(r) {
			if f.Code == "sign-form" {
				got = append(got, f)
			}
		}
		switch {
		case tc.want == "" && len(got) > 0:
			t.Errorf("%s %q: unexpected %q", tc.kind, tc.sign, got[0].Message)
		case tc.want != "" && (len(got) != 1 || !strings.Contains(got[0].Message, tc.want) || got[0].Severity != Warning || got[0].Field != "Sign"):
			t.Errorf("%s %q: got %+v, want a warning with %q", tc.kind, tc.sign, got, tc.want)
		}
	}
}
