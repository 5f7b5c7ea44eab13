package vntext

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestSafeFileName(t *testing.T) {
	long := strings.Repeat("Tăng cường phòng chống dịch bệnh ", 10)
	tests := []struct{ title, ext, want string }{
		{"CÔNG ĐIỆN: Tăng cường phòng, chống dịch", "pdf", "CÔNG ĐIỆN - Tăng cường phòng, chống dịch.pdf"},
		{"Quyết định 123/QĐ-UBND", ".docx", "Quyết định 123-QĐ-UBND.docx"},
		{`Về việc "Tháng hành động" <2022>?*`, "pdf", "Về việc 'Tháng hành động' 2022.pdf"},
		{"Họp lúc 10:30 | phòng 2", "", "Họp lúc 10-30 - phòng 2"},
		{"a\\b", "txt", "a-b.txt"},
		{"Thông báo...  ", "pdf", "Thông báo.pdf"},
		{" .ẩn tệp. ", "pdf", "ẩn tệp.pdf"},
		{"Dòng 1\nDòng\t2\x00", "pdf", "Dòng 1 Dòng 2.pdf"},
		{"CON", "txt", "CON_.txt"},
		{"con.tar", "gz", "con_.tar.gz"},
		{"Lpt9 ", "pdf", "Lpt9_.pdf"},
		{"COM10", "pdf", "COM10.pdf"},
		{"AUX - Tài liệu", "pdf", "AUX - Tài liệu.pdf"},
		{"???", "pdf", "van-ban.pdf"},
		{"", "", "van-ban"},
		{norm.NFD.String("Kế hoạch"), "pdf", "Kế hoạch.pdf"},
		{"Ủy\u00ADban\u200B", "pdf", "Ủyban.pdf"},
		{"x", " .PDF ", "x.PDF"},
		{"Hồ sơ \u202Efdp.exe\u202C \u2067x\u2069\u200F", "pdf", "Hồ sơ fdp.exe x.pdf"},
		{"Báo cáo\u202Efdp.exe", "pdf", "Báo cáofdp.exe.pdf"},
		{"\u2067CON\u2069", "pdf", "CON_.pdf"},
		{"conin$", "txt", "conin$_.txt"},
		{"COM0", "pdf", "COM0_.pdf"},
		{"a\u2062b\U000E0041", "pdf", "ab.pdf"},
	}
	for _, tt := range tests {
		if got := SafeFileName(tt.title, tt.ext); got != tt.want {
			t.Errorf("SafeFileName(%q, %q) = %q, want %q", tt.title, tt.ext, got, tt.want)
		}
	}
	got := SafeFileName(long, "pdf")
	stem := strings.TrimSuffix(got, ".pdf")
	if n := utf8.RuneCountInString(stem); n > 120 || n < 60 {
		t.Errorf("long title gives %d runes: %q", n, stem)
	}
	if !strings.HasPrefix(long, stem+" ") {
		t.Errorf("long title not cut at a word boundary: %q", stem)
	}
	heavy := strings.Repeat("ệ", 150)
	if got := SafeFileName(heavy, "pdf"); len(got) > 255 || !utf8.ValidString(got) {
		t.Errorf("heavy title: %d bytes, valid %v", len(got), utf8.ValidString(got))
	}
}

func TestSafeFileNameProperties(t *testing.T) {
	for _, title := range []string{"a:b", "CÔNG ĐIỆN: Tăng cường", "nul", "....", "COM1.txt", "\x01\x02",
		"Số 01/2022/NQ-HĐND ngày 15/8/2022 của Hội đồng nhân dân tỉnh Lai Châu về việc ban hành quy định", "- -"} {
		got := SafeFileName(title, "pdf")
		stem := strings.TrimSuffix(got, ".pdf")
		if stem == "" || strings.ContainsAny(stem, `<>:"/\|?*`) || strings.HasSuffix(stem, ".") ||
			strings.HasSuffix(stem, " ") || !norm.NFC.IsNormalString(got) {
			t.Errorf("SafeFileName(%q) = %q is not safe", title, got)
		}
		base, _, _ := strings.Cut(stem, ".")
		if reservedNames[strings.ToUpper(base)] {
			t.Errorf("SafeFileName(%q) = %q is reserved", title, got)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CÔNG ĐIỆN: Tăng cường phòng, chống…", "cong-dien-tang-cuong-phong-chong"},
		{"Ủy ban nhân dân tỉnh Lào Cai", "uy-ban-nhan-dan-tinh-lao-cai"},
		{"Quyết định số 123/QĐ-UBND", "quyet-dinh-so-123-qd-ubnd"},
		{norm.NFD.String("Đường Hoàng Liên"), "duong-hoang-lien"},
		{"\u00D0ảng ủy khối", "dang-uy-khoi"},
		{"  --Ấp chiến lược--  ", "ap-chien-luoc"},
		{"Hòa và hoà; thủy, thuỷ", "hoa-va-hoa-thuy-thuy"},
		{"!!!", "van-ban"},
		{"北京", "van-ban"},
		{"Con", "van-ban-con"},
		{"NUL:", "van-ban-nul"},
		{"com1", "van-ban-com1"},
		{"lpt¹", "lpt"},
		{"Con đường", "con-duong"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := Slug(strings.Repeat("Tăng cường công tác phòng chống ", 8))
	if len(long) > 80 || strings.HasSuffix(long, "-") || !strings.HasPrefix("tang-cuong-cong-tac-phong-chong-tang-cuong-cong-tac-phong-chong-tang-cuong-cong-tac-phong-chong", long) {
		t.Errorf("long slug %q", long)
	}
	for _, part := range strings.Split(long, "-") {
		if part == "" {
			t.Errorf("long slug has an empty part: %q", long)
		}
	}
}

// FuzzFileNames: whatever the title (any length: a title read from a
// broken file can be megabytes), the file name and the slug are safe on
// Windows and on Linux.
func FuzzFileNames(f *testing.F) {
	for _, s := range []string{"CÔNG ĐIỆN: Tăng cường", "con", "NUL.txt", "a\u202Eb", "  ..  ", "COM¹", "x/y\\z",
		strings.Repeat("ệ", 300), "\u2067CON\u2069", "Số 01/2022/NQ-HĐND"} {
		f.Add(s, "pdf")
	}
	f.Fuzz(func(t *testing.T, title, ext string) {
		name := SafeFileName(title, ext)
		if name == "" || !utf8.ValidString(name) || !norm.NFC.IsNormalString(name) || len(name) > 255 {
			t.Fatalf("SafeFileName(%q, %q) = %q", title, ext, name)
		}
		for _, r := range name {
			if strings.ContainsRune(`<>:"/\|?*`, r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
				t.Fatalf("SafeFileName(%q, %q) = %q holds %U", title, ext, name, r)
			}
		}
		if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") || strings.HasPrefix(name, " ") {
			t.Fatalf("SafeFileName(%q, %q) = %q: bad ends", title, ext, name)
		}
		stem, _, _ := strings.Cut(name, ".")
		if reservedNames[strings.ToUpper(strings.TrimRight(stem, " "))] {
			t.Fatalf("SafeFileName(%q, %q) = %q is a device name", title, ext, name)
		}
		slug := Slug(title)
		if slug == "" || len(slug) > slugMax+len(fallbackName)+1 || strings.HasPrefix(slug, "-") || strings.HasSuffix(slug, "-") ||
			strings.Contains(slug, "--") || reservedNames[strings.ToUpper(slug)] {
			t.Fatalf("Slug(%q) = %q", title, slug)
		}
		for _, r := range slug {
			if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-') {
				t.Fatalf("Slug(%q) = %q holds %q", title, slug, r)
			}
		}
	})
}
