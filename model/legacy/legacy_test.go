package legacy

import (
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"

	"bientap/model/vntext"
)

// sentences are real-looking lines of provincial office text. Toned
// capitals appear only where TCVN3 can recover them (sentence starts, lines
// in capitals); see TestTCVN3CaseLimit for the rest.
var sentences = []string{
	"Ủy ban nhân dân tỉnh Lào Cai",
	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"Độc lập - Tự do - Hạnh phúc",
	"ỦY BAN NHÂN DÂN HUYỆN BẢO THẮNG",
	"Người dân được hướng dẫn phòng, chống dịch bệnh; mỗi hộ gia đình cử một người tham gia.",
	"Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Uỷ ban nhân dân tỉnh.",
	"Ở các xã vùng cao, trường học được sửa chữa trước mùa mưa lũ năm 2022.",
	"Ông Nguyễn Văn Thắng, Chủ tịch UBND huyện, yêu cầu các phòng ban khẩn trương triển khai.",
	"Khuyến khích người dân trồng rừng, giữ gìn an ninh trật tự; xoá đói giảm nghèo bền vững.",
	"Thông báo số 15/TB-UBND về việc nghỉ lễ Quốc khánh 02/9.",
}

func TestTCVN3RoundTrip(t *testing.T) {
	for _, s := range sentences {
		raw := encodeTCVN3(t, s)
		// From a file: bytes that are not UTF-8.
		got, rep, err := DecodeBytes(raw, Auto)
		if err != nil || got != s || rep.Encoding != TCVN3 {
			t.Errorf("DecodeBytes(TCVN3 %q) = %q, %+v, %v", s, got, rep, err)
		}
		// Pasted: the bytes arrive as CP1252 characters.
		got, rep = ConvertString(latin1(raw), Auto)
		if got != s || rep.Encoding != TCVN3 {
			t.Errorf("ConvertString(%q) = %q, %+v; want %q", latin1(raw), got, rep, s)
		}
		if got, _ := ConvertString(latin1(raw), TCVN3); got != s {
			t.Errorf("ConvertString(%q, TCVN3) = %q", latin1(raw), got)
		}
	}
	// A whole document, CRLF kept.
	doc := strings.Join(sentences, "\r\n") + "\r\n"
	got, rep, err := DecodeBytes(encodeTCVN3(t, doc), Auto)
	if err != nil || got != doc {
		t.Errorf("TCVN3 document: got %q, %v", got, err)
	}
	if rep.Encoding != TCVN3 || rep.Confidence < 0.9 || !strings.Contains(rep.Detail, "TCVN3") {
		t.Errorf("TCVN3 document report %+v", rep)
	}
}

func TestTCVN3Specials(t *testing.T) {
	tests := []struct{ in, want string }{
		{"B¶o Th¾ng", "Bảo Thắng"},
		// 0xAD is ư and also the soft hyphen that Clean would strip.
		{"Ng\u00ADêi d©n tr\u00ADêng", "Người dân trường"},
		{"Uû ban nh©n d©n", "Uỷ ban nhân dân"},
		{"Uû BAN NH¢N D¢N", "UỶ BAN NHÂN DÂN"},
		{"UBND TØNH LAI CH¢U", "UBND TỈNH LAI CHÂU"},
		{"ë ®©y. ¸p dông tõ n¨m 2022", "Ở đây. Áp dụng từ năm 2022"},
		{"- ¸p dông", "- Áp dụng"},
		{"NhiÖt ®é 25°C", "Nhiệt độ 25°C"},
	}
	for _, tt := range tests {
		if got, rep := ConvertString(tt.in, Auto); got != tt.want || rep.Encoding != TCVN3 {
			t.Errorf("ConvertString(%q) = %q (%v), want %q", tt.in, got, rep.Encoding, tt.want)
		}
	}
}

// TestTCVN3CaseLimit documents what TCVN3 cannot carry: a toned capital
// inside a mixed-case sentence comes back lower case.
func TestTCVN3CaseLimit(t *testing.T) {
	raw := latin1(encodeTCVN3(t, "Đoàn công tác sang Ấn Độ"))
	if got, _ := ConvertString(raw, Auto); got != "Đoàn công tác sang ấn Độ" {
		t.Errorf("got %q", got)
	}
}

func TestVNI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"chaøo baïn", "chào bạn"},
		{"Vieät Nam", "Việt Nam"},
		{"ñöôïc höôùng daãn", "được hướng dẫn"},
		{"UÛY BAN NHAÂN DAÂN", "ỦY BAN NHÂN DÂN"},
		{"thôøi tieát", "thời tiết"},
		{"khuyeán khích, giöõ gìn", "khuyến khích, giữ gìn"},
		{"laøm vieäc luùc 7 giôø", "làm việc lúc 7 giờ"},
	}
	for _, tt := range tests {
		if got, rep := ConvertString(tt.in, Auto); got != tt.want || rep.Encoding != VNI {
			t.Errorf("ConvertString(%q) = %q (%+v), want %q", tt.in, got, rep, tt.want)
		}
	}
	for _, s := range sentences {
		raw := encodeVNI(t, s)
		if got, rep, err := DecodeBytes(raw, Auto); err != nil || got != s || rep.Encoding != VNI {
			t.Errorf("DecodeBytes(VNI %q) = %q, %+v, %v", s, got, rep, err)
		}
		if got, rep := ConvertString(latin1(raw), Auto); got != s || rep.Encoding != VNI {
			t.Errorf("ConvertString(VNI %q) = %q, %+v", latin1(raw), got, rep)
		}
	}
}

func TestVIQR(t *testing.T) {
	tests := []struct {
		in   string
		from Encoding
		want string
		enc  Encoding
	}{
		{"Vie^.t Nam", VIQR, "Việt Nam", VIQR},
		{"Ba.n ddi dda^u?", VIQR, "Bạn đi đâu?", VIQR},
		{"DDo^`ng chi' Tra^`n", VIQR, "Đồng chí Trần", VIQR},
		{"Ho^m nay la` ngu+o+`i ddi ra\\.", VIQR, "Hôm nay là người đi ra.", VIQR},
		{"Hello? Yes. Address e.g.", VIQR, "Hello? Yes. Address e.g.", VIQR},
		{"Tho^ng ba'o ve^` vie^.c nghi? le^~ Quo^'c kha'nh.", Auto, "Thông báo về việc nghỉ lễ Quốc khánh.", VIQR},
		{"Hello? Yes.", Auto, "Hello? Yes.", UTF8},
		{"Meeting at 9 a.m. or 10 a.m. Okay? Go.", Auto, "Meeting at 9 a.m. or 10 a.m. Okay? Go.", UTF8},
		{"C++ and x^2 (see a(b)), it's fine", Auto, "C++ and x^2 (see a(b)), it's fine", UTF8},
	}
	for _, tt := range tests {
		got, rep := ConvertString(tt.in, tt.from)
		if got != tt.want || rep.Encoding != tt.enc {
			t.Errorf("ConvertString(%q, %v) = %q (%+v), want %q (%v)", tt.in, tt.from, got, rep, tt.want, tt.enc)
		}
	}
	for _, s := range sentences {
		v := encodeVIQR(t, s)
		if got, rep := ConvertString(v, Auto); got != s || rep.Encoding != VIQR {
			t.Errorf("ConvertString(VIQR %q) = %q, %+v; want %q", v, got, rep, s)
		}
	}
}

func TestCP1258(t *testing.T) {
	for _, s := range sentences {
		raw := encodeCP1258(t, s)
		if got, rep, err := DecodeBytes(raw, Auto); err != nil || got != s || rep.Encoding != CP1258 {
			t.Errorf("DecodeBytes(CP1258 %q) = %q, %+v, %v", s, got, rep, err)
		}
		if got, _, err := DecodeBytes(raw, CP1258); err != nil || got != s {
			t.Errorf("DecodeBytes(CP1258 %q, CP1258) = %q, %v", s, got, err)
		}
		if got, rep := ConvertString(latin1(raw), Auto); got != s || rep.Encoding != CP1258 {
			t.Errorf("ConvertString(CP1258 %q) = %q, %+v", latin1(raw), got, rep)
		}
	}
}

// unicodeTexts must come back unchanged (after Clean) whatever is asked.
var unicodeTexts = []string{
	"Ủy ban nhân dân tỉnh Lào Cai",
	"Tôi là ai? Có cá, có gà.",
	"hoà hòa thuỷ thủy khoẻ khỏe",
	"Hòa à, cá đâu?",
	"Tin tức · Sự kiện © 2022 UBND tỉnh",
	"Café à Paris, l'été est là. Größe für ölig.",
	"Hello? Yes. The meeting is at 9 a.m.",
	"Ðảng ủy khối cơ quan", // look-alike Ð
	"«Tôi» và «anh»",
	"",
}

func TestUnicodeUnchanged(t *testing.T) {
	texts := append([]string{}, unicodeTexts...)
	texts = append(texts, sentences...)
	for _, s := range texts {
		want := vntext.Clean(s)
		for _, in := range []string{s, norm.NFD.String(s)} {
			got, rep := ConvertString(in, Auto)
			if got != want || rep.Encoding != UTF8 {
				t.Errorf("ConvertString(%q) = %q (%+v), want unchanged", in, got, rep)
			}
			if got, rep, err := DecodeBytes([]byte(in), Auto); err != nil || got != want || rep.Encoding != UTF8 {
				t.Errorf("DecodeBytes(%q) = %q (%+v), %v, want unchanged", in, got, rep, err)
			}
		}
	}
	// A line with Vietnamese Unicode letters is kept even when the caller
	// names a legacy encoding.
	for _, e := range []Encoding{TCVN3, VNI, VIQR, CP1258} {
		if got, _ := ConvertString("Việt Nam có tôi", e); got != "Việt Nam có tôi" {
			t.Errorf("ConvertString(Unicode, %v) = %q", e, got)
		}
	}
}

func TestMixed(t *testing.T) {
	body := latin1(encodeTCVN3(t, "Người dân được hướng dẫn phòng, chống dịch bệnh.\nĐiều 1. Ban hành kèm theo Quyết định này."))
	in := "THÔNG BÁO KHẨN\nTôi là ai\n" + body + "\n"
	got, rep := ConvertString(in, Auto)
	want := "THÔNG BÁO KHẨN\nTôi là ai\nNgười dân được hướng dẫn phòng, chống dịch bệnh.\nĐiều 1. Ban hành kèm theo Quyết định này.\n"
	if got != want || rep.Encoding != TCVN3 || !strings.Contains(rep.Detail, "lẫn Unicode") {
		t.Errorf("mixed: got %q, %+v", got, rep)
	}
	// One odd legacy-looking word among Unicode text is not enough.
	in = "Ủy ban nhân dân tỉnh\nB¶o\n"
	if got, rep := ConvertString(in, Auto); got != in || rep.Encoding != UTF8 {
		t.Errorf("single word: got %q, %+v", got, rep)
	}
}

func TestDecodeBytesForms(t *testing.T) {
	s := "Ủy ban nhân dân\r\ntỉnh Lào Cai\r\n"
	le := func(s string, bom bool) []byte {
		var b []byte
		if bom {
			b = []byte{0xFF, 0xFE}
		}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	be := func(s string) []byte {
		b := []byte{0xFE, 0xFF}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u>>8), byte(u))
		}
		return b
	}
	u32 := func(s string, bigEndian, bom bool) []byte {
		var b []byte
		rs := []rune(s)
		if bom {
			rs = append([]rune{0xFEFF}, rs...)
		}
		for _, r := range rs {
			if bigEndian {
				b = append(b, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
			} else {
				b = append(b, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
			}
		}
		return b
	}
	tcvnUTF8 := []byte(latin1(encodeTCVN3(t, "Bảo Thắng, ngày 15 tháng 8")))
	tests := []struct {
		name string
		in   []byte
		from Encoding
		want string
		enc  Encoding
		err  string
	}{
		{"utf8", []byte(s), Auto, s, UTF8, ""},
		{"utf8 bom", append([]byte("\xEF\xBB\xBF"), s...), Auto, s, UTF8, ""},
		{"nfd", []byte(norm.NFD.String(s)), Auto, s, UTF8, ""},
		{"utf16le bom", le(s, true), Auto, s, UTF8, ""},
		{"utf16be bom", be(s), Auto, s, UTF8, ""},
		{"utf16le no bom", le(s, false), Auto, s, UTF8, ""},
		{"utf16 tcvn3", le(latin1(encodeTCVN3(t, "Bảo Thắng, ngày 15 tháng 8")), true), Auto, "Bảo Thắng, ngày 15 tháng 8", TCVN3, ""},
		{"tcvn3 saved as utf8", tcvnUTF8, Auto, "Bảo Thắng, ngày 15 tháng 8", TCVN3, ""},
		{"forced utf8", []byte(s), UTF8, s, UTF8, ""},
		{"odd utf16", append(le(s, true), 'x'), Auto, "", Auto, "số byte lẻ"},
		// UTF-32 LE's BOM starts with UTF-16 LE's: it was read as UTF-16 with NULs.
		{"utf32le bom", u32(s, false, true), Auto, s, UTF8, ""},
		{"utf32be bom", u32(s, true, true), Auto, s, UTF8, ""},
		{"utf32le no bom", u32(s, false, false), Auto, s, UTF8, ""},
		{"cut utf32", u32(s, false, true)[:13], Auto, "", Auto, "cắt cụt"},
		{"utf16 with NUL", le("ab\x00c", true), Auto, "", Auto, "ký tự 0"},
		{"binary", []byte("PK\x03\x04\x00\x00abc"), Auto, "", Auto, "nhị phân"},
		{"invalid utf8 forced", []byte("ab\xB8c"), UTF8, "", Auto, "vị trí 2"},
		{"empty", nil, Auto, "", UTF8, ""},
		{"western fallback", []byte("caf\xE9 cr\xE8me"), Auto, "café crème", CP1258, ""},
	}
	for _, tt := range tests {
		got, rep, err := DecodeBytes(tt.in, tt.from)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || strings.Contains(err.Error(), "\n") {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want || rep.Encoding != tt.enc {
			t.Errorf("%s: got %q, %+v, %v; want %q (%v)", tt.name, got, rep, err, tt.want, tt.enc)
		}
		if rep.Detail == "" || strings.Contains(rep.Detail, "\n") {
			t.Errorf("%s: detail %q", tt.name, rep.Detail)
		}
	}
	_, rep, _ := DecodeBytes([]byte("caf\xE9 cr\xE8me"), Auto)
	if rep.Confidence > 0.5 || !strings.Contains(rep.Detail, "kiểm tra") {
		t.Errorf("fallback report %+v", rep)
	}
}

// A UTF-32 code point beyond Unicode is replaced and reported.
func TestDecodeUTF32Damaged(t *testing.T) {
	b := []byte{0xFF, 0xFE, 0, 0, 'a', 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F, 'b', 0, 0, 0}
	got, rep, err := DecodeBytes(b, Auto)
	if err != nil || got != "a\uFFFDb" || !strings.Contains(rep.Detail, "1 ký tự hỏng") {
		t.Errorf("got %q, %+v, %v", got, rep, err)
	}
}

func TestParseEncoding(t *testing.T) {
	for _, e := range []Encoding{Auto, UTF8, TCVN3, VNI, VIQR, CP1258} {
		got, err := ParseEncoding(" " + strings.ToUpper(e.String()) + " ")
		if err != nil || got != e {
			t.Errorf("ParseEncoding(%q) = %v, %v", e.String(), got, err)
		}
		if e.Label() == "" {
			t.Errorf("%v has no label", e)
		}
	}
	for in, want := range map[string]Encoding{"": Auto, "abc": TCVN3, "Unicode": UTF8, "windows-1258": CP1258} {
		if got, err := ParseEncoding(in); err != nil || got != want {
			t.Errorf("ParseEncoding(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseEncoding("koi8"); err == nil || !strings.Contains(err.Error(), "bảng mã không rõ") {
		t.Errorf("ParseEncoding(koi8) error %v", err)
	}
}

func TestValidSyllable(t *testing.T) {
	for _, w := range vietWords {
		if !validSyllable(w) {
			t.Errorf("validSyllable(%q) = false", w)
		}
	}
	for _, w := range []string{"", "abc", "hellỏ", "yẹs", "tóan", "đâủ", "cem", "kan", "ngiêng", "ac", "tiê",
		"mă", "ăi", "aia", "hoàá", "x", "qa", "qúa", "ph", "ộtộ", "Viờũt", "chaứo", "ẹg", "fỹ", "mãt"} {
		if validSyllable(w) {
			t.Errorf("validSyllable(%q) = true", w)
		}
	}
}

// vietWords are real Vietnamese syllables, including the hard cases:
// gi/qu, two marks on one letter, both tone placements, three-vowel groups.
var vietWords = strings.Fields(`
a à ả ạ á ơ ở ừ ư ý yên yêu ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ua ưa
bát tiếng Việt Nam người nghiêng nghỉ khuỷu khuya giếng già gì gìn giữa giường quốc quý quỳnh
quyết quyển qua quà hoà hòa thuỷ thủy khoẻ khỏe uỵ ụy toán xoăn hoặc tuần xuân thuế huệ huênh
thuở chuyện huyện huỳnh uých xoong boong ngoài ngoặt xoáy khuấy muối rượu ngửi mới tôi kêu kéo
kìa mía ấy ếch anh ách ích inh oanh đắk lắk cháo máy cây của cửa dịch bệnh phòng chống Ủy ỦY
Lào Cai THẮNG ĐỘC LẬP TỰ HẠNH PHÚC được hướng dẫn mỗi trường sửa chữa trước lũ năm gia đình`)

// Official headers in TCVN3 keep their capitals and their lower case: the
// converter used to turn "Số:" into "SỐ:" (the ký hiệu's capitals made the
// line look all capitals) and "ỦY BAN" into "ủY BAN".
func TestTCVN3OfficialHeaders(t *testing.T) {
	for _, s := range []string{
		"Số: 15/CĐ-UBND",
		"Số: 07/TB-VPUBND",
		"ỦY BAN NHÂN DÂN",
		"ỦY BAN",
		"UBND TỈNH LAI CHÂU\nSố: 15/CĐ-UBND",
		"UBND TỈNH LAI CHÂU\r\nVĂN PHÒNG\r\nSố: 215/TB-UBND\r\n",
		"TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
		"CÔNG ĐIỆN",
		"BỘ Y TẾ",
		"Sở Y tế",
		"CHỦ TỊCH UBND TỈNH LAI CHÂU điện:",
		"Số: 15/CĐ-UBND Lai Châu, ngày 05 tháng 01 năm 2020",
		"V/v tăng cường công tác phòng cháy",
		"Hà Nội",
		"- Ủy ban nhân dân các huyện;\n- Lưu: VT, KTN.",
		"Ở đây",
	} {
		raw := latin1(encodeTCVN3(t, s))
		if got, _ := ConvertString(raw, TCVN3); got != s {
			t.Errorf("TCVN3 %q → %q, want %q", raw, got, s)
		}
	}
}

// With the font known, case needs no guess: .VnTimeH draws capitals, .VnTime
// lower-case toned letters; VNI fonts carry their own case.
func TestConvertFont(t *testing.T) {
	tests := []struct{ text, font, want string }{
		{latin1(encodeTCVN3(t, "Số: 15/CĐ-UBND")), ".VnTime", "Số: 15/CĐ-UBND"},
		{latin1(encodeTCVN3(t, "ỦY BAN NHÂN DÂN")), ".VnTimeH", "ỦY BAN NHÂN DÂN"},
		{latin1(encodeTCVN3(t, "số")), ".VnTimeH", "SỐ"},
		{latin1(encodeTCVN3(t, "tỉnh ấp")), " .VnArial ", "tỉnh ấp"},
		{"UÛY BAN", "VNI-Times", "ỦY BAN"},
		{"Bảo Thắng", ".VnTime", "Bảo Thắng"}, // already Unicode
		{"B¶o", "Times New Roman", "B¶o"},
	}
	for _, tt := range tests {
		if got := ConvertFont(tt.text, tt.font); got != tt.want {
			t.Errorf("ConvertFont(%q, %q) = %q, want %q", tt.text, tt.font, got, tt.want)
		}
	}
	for font, want := range map[string]Encoding{".VnTime": TCVN3, ".VnCentury SchoolbookH": TCVN3, "VNI-Helve": VNI, "Arial": UTF8, "": UTF8} {
		if got, _ := FontEncoding(font); got != want {
			t.Errorf("FontEncoding(%q) = %v", font, got)
		}
	}
}
