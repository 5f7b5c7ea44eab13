package legacy

import (
	"strings"
	"unicode"
)

// vniMark is what a VNI-Windows mark byte adds to the vowel before it: a
// circumflex '^' or breve '(' and/or a tone. Bytes are shown as the CP1252
// runes they arrive as; upper-case marks go with capitals.
type vniMark struct {
	mod  rune
	tone int
}

var vniMarks = map[rune]vniMark{
	'ù': {0, toneAcute}, 'ø': {0, toneGrave}, 'û': {0, toneHook}, 'õ': {0, toneTilde}, 'ï': {0, toneDot},
	'Ù': {0, toneAcute}, 'Ø': {0, toneGrave}, 'Û': {0, toneHook}, 'Õ': {0, toneTilde}, 'Ï': {0, toneDot},
	'â': {'^', 0}, 'á': {'^', toneAcute}, 'à': {'^', toneGrave}, 'å': {'^', toneHook}, 'ã': {'^', toneTilde}, 'ä': {'^', toneDot},
	'Â': {'^', 0}, 'Á': {'^', toneAcute}, 'À': {'^', toneGrave}, 'Å': {'^', toneHook}, 'Ã': {'^', toneTilde}, 'Ä': {'^', toneDot},
	'ê': {'(', 0}, 'é': {'(', toneAcute}, 'è': {'(', toneGrave}, 'ú': {'(', toneHook}, 'ü': {'(', toneTilde}, 'ë': {'(', toneDot},
	'Ê': {'(', 0}, 'É': {'(', toneAcute}, 'È': {'(', toneGrave}, 'Ú': {'(', toneHook}, 'Ü': {'(', toneTilde}, 'Ë': {'(', toneDot},
}

// vniLetters are the VNI bytes that stand for a whole letter. ơ and ư may
// still take a tone byte after them ("ôù" = ớ).
var vniLetters = map[rune]rune{
	'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư', 'ñ': 'đ', 'Ñ': 'Đ',
	'í': 'í', 'ì': 'ì', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'î': 'ỵ',
	'Í': 'Í', 'Ì': 'Ì', 'Æ': 'Ỉ', 'Ó': 'Ĩ', 'Ò': 'Ị', 'Î': 'Ỵ',
}

// vniToken decodes one VNI word. ok is false when a mark byte follows no
// vowel it can apply to, or a rune VNI cannot produce appears; such runes are
// kept as they are.
func vniToken(tok string) (string, bool) {
	var b strings.Builder
	ok := true
	var cur vowel // pending vowel; base 0 when none
	var upper, modded bool
	flush := func() {
		if cur.base != 0 {
			b.WriteRune(compose(cur.base, cur.tone, upper))
			cur.base = 0
		}
	}
	for _, r := range tok {
		if m, isMark := vniMarks[r]; isMark && cur.base != 0 {
			nb, can := cur.base, true
			if m.mod != 0 {
				nb, can = modified[[2]rune{cur.base, m.mod}]
				can = can && !modded
			}
			if can && (m.tone == toneNone || cur.tone == toneNone) {
				cur.base, modded = nb, modded || m.mod != 0
				if m.tone != toneNone {
					cur.tone = m.tone
				}
				continue
			}
		}
		flush()
		lower := unicode.ToLower(r)
		switch l, isLetter := vniLetters[r]; {
		case isLetter && (l == 'ơ' || l == 'ư' || l == 'Ơ' || l == 'Ư'):
			cur, upper, modded = vowel{unicode.ToLower(l), toneNone}, l != unicode.ToLower(l), true
		case isLetter:
			b.WriteRune(l)
		case r < 0x80 && strings.ContainsRune("aeiouy", lower):
			cur, upper, modded = vowel{lower, toneNone}, r != lower, false
		default:
			b.WriteRune(r)
			if r >= 0x80 {
				ok = false
			}
		}
	}
	flush()
	return b.String(), ok
}
