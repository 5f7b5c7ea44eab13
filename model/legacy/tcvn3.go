package legacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"bientap/model/vntext"
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
// letters and the capitals 0xA1–0xA7. The other letters (the toned ones)
// are case-neutral. late counts the certain capitals after the word's
// first letter.
func tcvn3Case(tok string) (upper, lower, late int) {
	first := true
	for _, r := range tok {
		switch {
		case 'A' <= r && r <= 'Z', 0xA1 <= r && r <= 0xA7:
			upper++
			if !first {
				late++
			}
		case 'a' <= r && r <= 'z':
			lower++
		}
		first = false
	}
	return
}

// tcvn3Word is what a word of a TCVN3 line says about case.
type tcvn3Word struct {
	text, dec string
	// caps: the word is written in capitals (a certain capital after its
	// first letter, no certain lower-case letter: "TØNH", "ñY"); lower: it
	// has a certain lower-case letter; title: only its first letter is a
	// certain capital ("Sè", "Bé", "Y"), so it reads as "Số" or "SỐ".
	caps, lower, title bool
	// syllable: the word in capitals is a Vietnamese syllable, so it is
	// evidence of a line in capitals ("BAN"), unlike an abbreviation
	// ("UBND", "CĐ") that is in capitals in any sentence.
	syllable bool
	start    bool // the word starts a sentence
}

// tcvn3Line converts one line of TCVN3 text and restores the capitals the
// ".VnTimeH" font carried, from the letters whose case is certain:
//
//   - a word with a certain capital after its first letter and no certain
//     lower-case letter is in capitals ("TØNH" → "TỈNH", "ñY" → "ỦY");
//   - a word whose only certain letter is a first capital ("Sè", "Bé") is in
//     capitals when the nearest words that tell (capital syllables or words
//     with lower-case letters; abbreviations such as "UBND" and "CĐ" tell
//     nothing) are in capitals, or, when no word tells, when the line holds
//     two or more such words ("Bé Y TÕ" → "BỘ Y TẾ"); otherwise it keeps its
//     lower-case toned letters ("Sè: 15/C§-UBND" → "Số: 15/CĐ-UBND");
//   - a word of toned letters only follows its neighbours the same way, and
//     its first letter is capitalised at the start of a sentence ("ë ®©y"
//     → "Ở đây").
//
// A toned capital inside a mixed-case sentence ("tØnh Êp" for "tỉnh Ấp")
// cannot be told apart and stays lower case; a converter that knows the
// run's font (ConvertFont) needs no guess.
func tcvn3Line(line string) string {
	type piece struct {
		sep  string
		word int // index in words, or -1
	}
	var pieces []piece
	var words []tcvn3Word
	start := true
	titles := 0
	for s := range segments(line) {
		if !s.word {
			pieces = append(pieces, piece{s.text, -1})
			start = sentenceEnd(s.text, start)
			continue
		}
		w := tcvn3Word{text: s.text, start: start}
		w.dec, _ = tcvn3Token(s.text)
		u, l, late := tcvn3Case(s.text)
		switch {
		case l > 0:
			w.lower = true
		case late > 0:
			w.caps = true
			w.syllable = validSyllable(strings.ToLower(vntext.Clean(w.dec)))
		case u > 0:
			w.title = true
			if validSyllable(strings.ToLower(vntext.Clean(w.dec))) {
				titles++
			}
		}
		pieces = append(pieces, piece{word: len(words)})
		words = append(words, w)
		start = false
	}
	// tells: +1 for a word in capitals that is a syllable, -1 for a word
	// with lower-case letters, 0 for the others.
	tells := func(w tcvn3Word) int {
		switch {
		case w.caps && w.syllable:
			return 1
		case w.lower:
			return -1
		}
		return 0
	}
	// context is the nearest telling word before i, else after it.
	context := func(i int) int {
		for j := i - 1; j >= 0; j-- {
			if t := tells(words[j]); t != 0 {
				return t
			}
		}
		for j := i + 1; j < len(words); j++ {
			if t := tells(words[j]); t != 0 {
				return t
			}
		}
		return 0
	}
	var b strings.Builder
	for _, p := range pieces {
		if p.word < 0 {
			b.WriteString(p.sep)
			continue
		}
		w := words[p.word]
		dec := w.dec
		switch {
		case w.caps:
			dec = strings.ToUpper(dec)
		case w.lower:
			if w.start && toned(w.text) {
				dec = upperFirst(dec)
			}
		default: // title-like or toned letters only
			c := context(p.word)
			switch {
			case c > 0 || c == 0 && titles >= 2:
				dec = strings.ToUpper(dec)
			case w.start:
				dec = upperFirst(dec)
			}
		}
		b.WriteString(dec)
	}
	return b.String()
}

// toned reports whether a TCVN3 word starts with a case-neutral toned letter.
func toned(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r >= 0xA8 && r < 0x100 && tcvn3[r] != 0
}

// upperFirst puts the first letter of s in capitals.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
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

// FontEncoding tells from a font's name how text set in it is encoded:
// the TCVN3 fonts (".VnTime", ".VnArial"…, ".VnTimeH" and the other names
// ending in "H" drawing every letter as a capital) and the VNI fonts
// ("VNI-Times", "VNI-Helve"…); UTF8 for any other font.
func FontEncoding(font string) (enc Encoding, capitals bool) {
	f := strings.TrimSpace(font)
	switch {
	case len(f) > 3 && strings.EqualFold(f[:3], ".vn"):
		return TCVN3, strings.HasSuffix(f, "H")
	case len(f) > 4 && strings.EqualFold(f[:4], "vni-"):
		return VNI, false
	}
	return UTF8, false
}

// ConvertFont converts text set in a legacy font, as a .docx or a saved web
// page stores it (each byte as the CP1252 character): the font says the
// encoding and, for TCVN3, the case, which needs no guess: ".VnTimeH" draws
// capitals, ".VnTime" draws the toned letters in lower case. Text in any
// other font, and text holding Vietnamese Unicode letters, is returned
// unchanged. The result is NFC.
func ConvertFont(s, font string) string {
	enc, capitals := FontEncoding(font)
	if enc == UTF8 || s == "" {
		return s
	}
	for _, r := range s {
		if isVietRune(r) {
			return s
		}
	}
	var out string
	switch enc {
	case TCVN3:
		dec, _ := tcvn3Token(s)
		out = dec
		if capitals {
			out = strings.ToUpper(dec)
		}
	case VNI:
		out = convertLine(VNI, s)
	}
	return vntext.Clean(out)
}
