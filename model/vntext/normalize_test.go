package vntext

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ascii", "Thong bao", "Thong bao"},
		{"nfc stays", "Thông báo số 05", "Thông báo số 05"},
		{"nfd to nfc", norm.NFD.String("Kế hoạch phòng, chống lụt bão"), "Kế hoạch phòng, chống lụt bão"},
		{"soft hyphen", "tăng\u00ADcường", "tăngcường"},
		{"zero width", "Ủy\u200B ban\u200D\uFEFF", "Ủy ban"},
		{"nbsp kept", "Số\u00A005", "Số\u00A005"},
		{"eth lookalike", "\u00D0ảng ủy", "Đảng ủy"},
		{"invalid utf8", "ab\xffc", "ab\uFFFDc"},
		{"right-to-left override", "Báo cáo\u202Efdp.exe", "Báo cáofdp.exe"},
		{"bidi marks and isolates", "\u200FSố\u200E 05\u2067/TB\u2069\u061C\u202A-UBND\u202C", "Số 05/TB-UBND"},
		{"line separator kept", "a\u2028b", "a\u2028b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanLines(t *testing.T) {
	if got := CleanLines("a\r\nb\rc\n"); got != "a\nb\nc\n" {
		t.Errorf("CleanLines = %q", got)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Phong trào thi đua", "phong trao thi dua"},
		{"ĐẢNG", "dang"},
		{"hòa bình", "hoa binh"},
		{"hoà bình", "hoa binh"},
		{"thủy điện", "thuy dien"},
		{"thuỷ điện", "thuy dien"},
		{"ắ ấ ế ố ớ ứ ậ ặ ệ ộ ợ ự", "a a e o o u a a e o o u"},
		{norm.NFD.String("Nguyễn Văn Đức"), "nguyen van duc"},
		{"khoẻ khỏe", "khoe khoe"},
		{"ỤY uỵ", "uy uy"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldMap(t *testing.T) {
	s := "Ủy ban nhân dân tỉnh"
	f, offs := FoldMap(s)
	if f != Fold(s) {
		t.Fatalf("FoldMap folded %q, Fold %q", f, Fold(s))
	}
	if len(offs) != len(f)+1 {
		t.Fatalf("offsets %d for %d bytes", len(offs), len(f))
	}
	i := len("uy ban ")
	if got := s[offs[i]:offs[i+len("nhan")]]; got != "nhân" {
		t.Errorf("mapped back %q, want nhân", got)
	}
}

func TestHasDiacritics(t *testing.T) {
	for in, want := range map[string]bool{"hoa binh": false, "Hoa Binh": false, "hoà": true, "dang": false, "đang": true} {
		if got := HasDiacritics(in); got != want {
			t.Errorf("HasDiacritics(%q) = %v", in, got)
		}
	}
}

// TestScanAgreesWithNormaliser checks the fast NFC path against x/text for
// every rune it trusts.
func TestScanAgreesWithNormaliser(t *testing.T) {
	for r := rune(0x80); r < 0x2100; r++ {
		s := "a" + string(r) + "b"
		if dirty, sure := scan(s); !dirty && sure && !norm.NFC.IsNormalString(s) {
			t.Errorf("U+%04X trusted as NFC but is not", r)
		}
	}
}

// Bidirectional controls fold away too, so a title that carries one is
// found by the same search as one that does not.
func TestFoldDropsBidi(t *testing.T) {
	if got := Fold("Ủy\u202Eban\u2066"); got != "uyban" {
		t.Errorf("Fold = %q", got)
	}
}
