// Package vntext holds the Vietnamese text rules of Biên Tập: normalisation to
// NFC at every boundary, folding for diacritic-insensitive search, dates in the
// forms Vietnamese offices write them, and safe file names and URL slugs.
package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// invisible reports runes that hide inside pasted text and must go before
// layout and search: soft hyphen, zero-width space/joiners, BOM, word joiner,
// and the bidirectional controls (marks U+200E, U+200F, U+061C; embeddings
// and overrides U+202A–U+202E; isolates U+2066–U+2069). Vietnamese text is
// written left to right and needs none of them; a right-to-left override
// would make a title, and a file name made from it, show other than it
// reads ("…gpj.exe").
func invisible(r rune) bool {
	switch r {
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF',
		'\u200E', '\u200F', '\u061C':
		return true
	}
	return '\u202A' <= r && r <= '\u202E' || '\u2066' <= r && r <= '\u2069'
}

// Clean is the boundary normalisation every input goes through: invalid UTF-8
// bytes become U+FFFD, invisible characters (soft hyphen, zero-width
// characters, BOM, bidirectional controls) are removed, look-alikes of Đ are replaced, and the result
// is NFC. No-break spaces are kept. Clean of clean text is the identity.
func Clean(s string) string {
	if isCleanASCII(s) {
		return s
	}
	if dirty, surelyNFC := scan(s); !dirty && (surelyNFC || norm.NFC.IsNormalString(s)) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case invisible(r):
		case r == '\u00D0' || r == '\u0189': // Ð, Ɖ pasted for Đ
			b.WriteRune('Đ')
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// CleanLines is Clean plus line-ending normalisation: CRLF and lone CR become LF.
func CleanLines(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return Clean(s)
}

// scan reports whether s holds invalid UTF-8, invisible characters or
// look-alikes (dirty), and whether it is certainly NFC without asking the
// normaliser: true when every rune is below U+0300 (Latin, including the
// precomposed Vietnamese letters of Latin-1 and Extended-A/B), in Latin
// Extended Additional (U+1E00–U+1EFF, the rest of Vietnamese) or a dash,
// quote or ellipsis (U+2010–U+2027): all stable under NFC with combining
// class 0, so any sequence of them is NFC.
func scan(s string) (dirty, surelyNFC bool) {
	surelyNFC = true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || invisible(r) || r == '\u00D0' || r == '\u0189' {
			return true, false
		}
		if !(r < 0x300 || 0x1E00 <= r && r <= 0x1EFF || 0x2010 <= r && r <= 0x2027) {
			surelyNFC = false
		}
		i += n
	}
	return false, surelyNFC
}

func isCleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldTable maps the precomposed Latin letters (U+00C0–U+024F and the
// Vietnamese block U+1E00–U+1EFF) to their folded base letter, computed once
// from Unicode decompositions so that folding needs no per-rune normalisation.
var foldTable = func() *[0x1F00]rune {
	var t [0x1F00]rune
	for r := rune(0x80); r < 0x1F00; r++ {
		switch {
		case invisible(r) || unicode.Is(unicode.Mn, r):
			t[r] = -1
		default:
			base, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r)))
			t[r] = unicode.ToLower(base)
		}
	}
	t['đ'], t['Đ'], t['\u00D0'], t['\u0189'] = 'd', 'd', 'd', 'd'
	return &t
}()

// foldRune maps one rune to its folded form: lower case, no diacritics,
// đ→d. It returns -1 for runes that vanish (combining marks, invisibles), so
// decomposed (NFD) text folds like precomposed text.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if r < 0x1F00 {
		return foldTable[r]
	}
	if invisible(r) || unicode.Is(unicode.Mn, r) {
		return -1
	}
	return unicode.ToLower(r)
}

// Fold returns s folded for search: lower case, diacritics removed, đ→d.
// Text in NFC and NFD folds alike, and both tone-placement styles ("hòa",
// "hoà") fold to the same string.
func Fold(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s))
	copy(b, s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if f := foldRune(r); f >= 0 {
			b = utf8.AppendRune(b, f)
		}
	}
	return string(b)
}

// FoldMap folds s like Fold and also returns, for each byte of the folded
// string, the byte offset in s of the rune it came from, plus a final entry
// len(s). s must be NFC (as every stored text is); it lets a match found in
// folded text be shown in the original.
func FoldMap(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	offs := make([]int, 0, len(s)+1)
	for i, r := range s {
		f := foldRune(r)
		if f < 0 {
			continue
		}
		n := utf8.RuneLen(f)
		if n < 0 {
			n = 3
		}
		for k := 0; k < n; k++ {
			offs = append(offs, i)
		}
		b.WriteRune(f)
	}
	offs = append(offs, len(s))
	return b.String(), offs
}

// HasDiacritics reports whether s carries any Vietnamese mark or đ, that is
// whether folding changes it beyond case.
func HasDiacritics(s string) bool {
	return Fold(s) != strings.ToLower(s)
}
