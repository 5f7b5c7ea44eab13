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
// layout and search: soft hyphen, zero-width space/joiners, BOM, word joiner.
func invisible(r rune) bool {
	switch r {
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}
	return false
}

// Clean is the boundary normalisation every input goes through: invalid UTF-8
// bytes become U+FFFD, invisible characters (soft hyphen, zero-width
// characters, BOM) are removed, look-alikes of Đ are replaced, and the result
// is NFC. No-break spaces are kept. Clean of clean text is the identity.
func Clean(s string) string {
	if isCleanASCII(s) || (!needsCleaning(s) && norm.NFC.IsNormalString(s)) {
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

// needsCleaning reports invalid UTF-8, invisible characters or look-alikes.
func needsCleaning(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || invisible(r) || r == '\u00D0' || r == '\u0189' {
			return true
		}
		i += n
	}
	return false
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
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			// Slow path from the first non-ASCII byte on.
			b.WriteString(strings.ToLower(s[:i]))
			for _, r := range s[i:] {
				if f := foldRune(r); f >= 0 {
					b.WriteRune(f)
				}
			}
			return b.String()
		}
	}
	return strings.ToLower(s)
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
