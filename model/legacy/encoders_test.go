package legacy

// Encoders from Unicode to the legacy encodings, written from the reference
// tables independently of the decoders, so that tests can produce legacy
// text from real Vietnamese sentences.

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// tcvn3Ref is the TCVN3 table of shared/reference/vietnamese-text.md.
const tcvn3Ref = `A1 Ă A2 Â A3 Ê A4 Ô A5 Ơ A6 Ư A7 Đ A8 ă A9 â AA ê AB ô AC ơ AD ư AE đ
B5 à B6 ả B7 ã B8 á B9 ạ BB ằ BC ẳ BD ẵ BE ắ C6 ặ C7 ầ C8 ẩ C9 ẫ CA ấ CB ậ
CC è CE ẻ CF ẽ D0 é D1 ẹ D2 ề D3 ể D4 ễ D5 ế D6 ệ D7 ì D8 ỉ DC ĩ DD í DE ị
DF ò E1 ỏ E2 õ E3 ó E4 ọ E5 ồ E6 ổ E7 ỗ E8 ố E9 ộ EA ờ EB ở EC ỡ ED ớ EE ợ
EF ù F1 ủ F2 ũ F3 ú F4 ụ F5 ừ F6 ử F7 ữ F8 ứ F9 ự FA ỳ FB ỷ FC ỹ FD ý FE ỵ`

var tcvn3Enc = func() map[rune]byte {
	m := map[rune]byte{}
	f := strings.Fields(tcvn3Ref)
	for i := 0; i < len(f); i += 2 {
		var b byte
		for _, c := range f[i] {
			b = b<<4 | byte(strings.IndexRune("0123456789ABCDEF", c))
		}
		m[[]rune(f[i+1])[0]] = b
	}
	return m
}()

// encodeTCVN3 encodes s as TCVN3 bytes. Toned capitals, which VN3 lacks,
// take the lower-case byte, as text typed for the .VnTimeH font does.
func encodeTCVN3(t testing.TB, s string) []byte {
	var out []byte
	for _, r := range norm.NFC.String(s) {
		switch b, ok := tcvn3Enc[r]; {
		case r < 0x80:
			out = append(out, byte(r))
		case ok:
			out = append(out, b)
		default:
			b, ok := tcvn3Enc[unicode.ToLower(r)]
			if !ok {
				t.Fatalf("encodeTCVN3: no byte for %q", r)
			}
			out = append(out, b)
		}
	}
	return out
}

// latin1 shows bytes as the CP1252/Latin-1 characters pasted text carries.
func latin1(b []byte) string { return cp1252ViewForTest(b) }

func cp1252ViewForTest(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		if c >= 0x80 && c < 0xA0 {
			s.WriteRune(charmap.Windows1252.DecodeByte(c))
		} else {
			s.WriteRune(rune(c))
		}
	}
	return s.String()
}

// split breaks a letter into its plain ASCII base, modifier ('^' '(' '+' or
// 0) and tone mark (a combining rune or 0), using NFD.
func split(r rune) (base rune, mod rune, tone rune) {
	for _, c := range norm.NFD.String(string(r)) {
		switch c {
		case '\u0302':
			mod = '^'
		case '\u0306':
			mod = '('
		case '\u031B':
			mod = '+'
		case '\u0301', '\u0300', '\u0309', '\u0303', '\u0323':
			tone = c
		default:
			base = c
		}
	}
	return
}

func toneIndex(tone rune) int {
	for i, m := range []rune{0, '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'} {
		if m == tone {
			return i
		}
	}
	return -1
}

// encodeVNI encodes s as VNI-Windows bytes from the reference description.
func encodeVNI(t testing.TB, s string) []byte {
	pick := func(upper bool, lo, up string, i int) byte {
		if upper {
			return up[i]
		}
		return lo[i]
	}
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		if r == 'đ' || r == 'Đ' {
			out = append(out, pick(r == 'Đ', "\xF1", "\xD1", 0))
			continue
		}
		base, mod, tone := split(r)
		upper := unicode.IsUpper(base)
		lb, ti := unicode.ToLower(base), toneIndex(tone)
		switch {
		case base == 0 || ti < 0:
			t.Fatalf("encodeVNI: cannot encode %q", r)
		case lb == 'i' && ti > 0: // í ì ỉ ĩ ị are single bytes
			out = append(out, pick(upper, "\xED\xEC\xE6\xF3\xF2", "\xCD\xCC\xC6\xD3\xD2", ti-1))
		case lb == 'y' && ti == 5:
			out = append(out, pick(upper, "\xEE", "\xCE", 0))
		case mod == '+': // ơ ư, then a tone byte
			out = append(out, pick(upper, map[rune]string{'o': "\xF4", 'u': "\xF6"}[lb], map[rune]string{'o': "\xD4", 'u': "\xD6"}[lb], 0))
			if ti > 0 {
				out = append(out, pick(upper, "\xF9\xF8\xFB\xF5\xEF", "\xD9\xD8\xDB\xD5\xCF", ti-1))
			}
		case mod == '^':
			out = append(out, byte(base), pick(upper, "\xE2\xE1\xE0\xE5\xE3\xE4", "\xC2\xC1\xC0\xC5\xC3\xC4", ti))
		case mod == '(':
			out = append(out, byte(base), pick(upper, "\xEA\xE9\xE8\xFA\xFC\xEB", "\xCA\xC9\xC8\xDA\xDC\xCB", ti))
		case ti > 0:
			out = append(out, byte(base), pick(upper, "\xF9\xF8\xFB\xF5\xEF", "\xD9\xD8\xDB\xD5\xCF", ti-1))
		default:
			t.Fatalf("encodeVNI: cannot encode %q", r)
		}
	}
	return out
}

// encodeVIQR writes s in VIQR; a mark character that follows a vowel in s is
// escaped with a backslash.
func encodeVIQR(t testing.TB, s string) string {
	var b strings.Builder
	prevVowel := false
	for _, r := range norm.NFC.String(s) {
		switch {
		case r == 'đ':
			b.WriteString("dd")
		case r == 'Đ':
			b.WriteString("DD")
		case r < 0x80:
			if prevVowel && strings.ContainsRune("(^+'`?~.", r) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		default:
			base, mod, tone := split(r)
			if base == 0 || base >= 0x80 {
				t.Fatalf("encodeVIQR: cannot encode %q", r)
			}
			b.WriteRune(base)
			if mod != 0 {
				b.WriteRune(mod)
			}
			if ti := toneIndex(tone); ti > 0 {
				b.WriteByte("'`?~."[ti-1])
			}
		}
		prevVowel = isVowel(r)
	}
	return b.String()
}

// encodeCP1258 encodes s as Windows-1258: letters the code page has as such,
// others as a base letter plus a combining tone byte.
func encodeCP1258(t testing.TB, s string) []byte {
	toneByte := map[rune]byte{'\u0301': 0xEC, '\u0300': 0xCC, '\u0309': 0xD2, '\u0303': 0xDE, '\u0323': 0xF2}
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if c, ok := charmap.Windows1258.EncodeRune(r); ok {
			out = append(out, c)
			continue
		}
		base, mod, tone := split(r)
		plain := norm.NFC.String(string(base) + map[rune]string{'^': "\u0302", '(': "\u0306", '+': "\u031B", 0: ""}[mod])
		c, ok := charmap.Windows1258.EncodeRune([]rune(plain)[0])
		if !ok || tone == 0 {
			t.Fatalf("encodeCP1258: cannot encode %q", r)
		}
		out = append(out, c, toneByte[tone])
	}
	return out
}
