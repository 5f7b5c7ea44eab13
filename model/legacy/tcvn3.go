package legacy

import (
	"strings"
	"unicode"
)

// tcvn3 maps the TCVN3 (ABC, TCVN 5712:1993 VN3) bytes 0xA1–0xFE to letters;
// 0 marks an unused byte. ASCII is unchanged. Text pasted from a CP1252 view
// carries the byte b as the rune U+00bb, so the table serves both.
//
// VN3 has no upper-case toned letters: the ".VnTimeH" font draws the
// lower-case bytes in capitals, so case only lives in the font name. The
// decoder therefore recovers case from context (see tcvn3Line).
var tcvn3 = [256]rune{
	0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ',
	0xA8: 'ă', 0xA9: 'â', 0xAA: 'ê', 0xAB: 'ô', 0xAC: 'ơ', 0xAD: 'ư', 0xAE: 'đ',
	0xB5: 'à', 0xB6: 'ả', 0xB7: 'ã', 0xB8: 'á', 0xB9: 'ạ',
	0xBB: 'ằ', 0xBC: 'ẳ', 0xBD: 'ẵ', 0xBE: 'ắ', 0xC6: 'ặ',
	0xC7: 'ầ', 0xC8: 'ẩ', 0xC9: 'ẫ', 0xCA: 'ấ', 0xCB: 'ậ',
	0xCC: 'è', 0xCE: 'ẻ', 0xCF: 'ẽ', 0xD0: 'é', 0xD1: 'ẹ',
	0xD2: 'ề', 0xD3: 'ể', 0xD4: 'ễ', 0xD5: 'ế', 0xD6: 'ệ',
	0xD7: 'ì', 0xD8: 'ỉ', 0xDC: 'ĩ', 0xDD: 'í', 0xDE: 'ị',
	0xDF: 'ò', 0xE1: 'ỏ', 0xE2: 'õ', 0xE3: 'ó', 0xE4: 'ọ',
	0xE5: 'ồ', 0xE6: 'ổ', 0xE7: 'ỗ', 0xE8: 'ố', 0xE9: 'ộ',
	0xEA: 'ờ', 0xEB: 'ở', 0xEC: 'ỡ', 0xED: 'ớ', 0xEE: 'ợ',
	0xEF: 'ù', 0xF1: 'ủ', 0xF2: 'ũ', 0xF3: 'ú', 0xF4: 'ụ',
	0xF5: 'ừ', 0xF6: 'ử', 0xF7: 'ữ', 0xF8: 'ứ', 0xF9: 'ự',
	0xFA: 'ỳ', 0xFB: 'ỷ', 0xFC: 'ỹ', 0xFD: 'ý', 0xFE: 'ỵ',
}

// tcvn3Token decodes one word; ok is false when it holds a rune TCVN3 cannot
// produce (those are kept as they are).
func tcvn3Token(tok string) (string, bool) {
	var b strings.Builder
	ok := true
	for _, r := range tok {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100 && tcvn3[r] != 0:
			b.WriteRune(tcvn3[r])
		default:
			b.WriteRune(r)
			ok = false
		}
	}
	return b.String(), ok
}

// tcvn3Case counts the letters of a TCVN3 word whose case is certain: ASCII
// letters and the capitals 0xA1–0xA7. The other letters are case-neutral.
func tcvn3Case(tok string) (upper, lower int) {
	for _, r := range tok {
		switch {
		case 'A' <= r && r <= 'Z', 0xA1 <= r && r <= 0xA7:
			upper++
		case 'a' <= r && r <= 'z':
			lower++
		}
	}
	return
}

// tcvn3Line converts one line of TCVN3 text and restores the capitals the
// font carried: a word with no certain lower-case letter is put in capitals
// when it has two certain capitals ("TØNH" → "TỈNH") or the whole line is in
// capitals ("Uû BAN" → "ỦY BAN"); a toned first letter of a sentence is
// capitalised ("ë ®©y" at a line start → "Ở đây"). A toned capital inside a
// mixed-case sentence ("tØnh Êp" for "tỉnh Ấp") cannot be told apart and
// stays lower case.
func tcvn3Line(line string) string {
	up, lo := 0, 0
	for s := range segments(line) {
		if s.word {
			u, l := tcvn3Case(s.text)
			up, lo = up+u, lo+l
		}
	}
	caps := up >= 2 && lo == 0
	start := true
	var b strings.Builder
	for s := range segments(line) {
		if !s.word {
			b.WriteString(s.text)
			start = sentenceEnd(s.text, start)
			continue
		}
		dec, _ := tcvn3Token(s.text)
		u, l := tcvn3Case(s.text)
		first := []rune(s.text)[0]
		switch {
		case l == 0 && (u >= 2 || caps):
			dec = strings.ToUpper(dec)
		case start && first >= 0xB5 && first < 0x100 && tcvn3[first] != 0:
			rs := []rune(dec)
			rs[0] = unicode.ToUpper(rs[0])
			dec = string(rs)
		}
		b.WriteString(dec)
		start = false
	}
	return b.String()
}

// sentenceEnd tells, from the text between two words, whether the next word
// starts a sentence; prev is the answer before this text.
func sentenceEnd(sep string, prev bool) bool {
	t := strings.TrimRight(sep, " \t\u00A0\"'“‘«([-–—•*+")
	if t == "" {
		return prev
	}
	return strings.ContainsAny(t[len(t)-1:], ".!?") || strings.HasSuffix(t, "…")
}
