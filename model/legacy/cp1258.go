package legacy

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// cp1252High holds what CP1252 shows for 0x80–0x9F; the five unused bytes
// keep their C1 code point so that no byte is lost.
var cp1252High = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// cp1252View shows single-byte text as CP1252 would, the way legacy text
// arrives when pasted: byte b ≥ 0xA0 becomes U+00bb.
func cp1252View(b []byte) string {
	var s strings.Builder
	s.Grow(len(b) + len(b)/2)
	for _, c := range b {
		switch {
		case c < 0x80 || c >= 0xA0:
			s.WriteRune(rune(c))
		default:
			s.WriteRune(cp1252High[c-0x80])
		}
	}
	return s.String()
}

// byteOf is the inverse of cp1252View for one rune.
func byteOf(r rune) (byte, bool) {
	if r < 0x100 {
		return byte(r), true
	}
	for i, h := range cp1252High {
		if h == r {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// cp1258Text re-reads text shown as CP1252 as Windows-1258; runes that no
// byte gives are kept. ok is false when there were such runes. The result is
// NFC: Windows-1258 spells most toned letters with combining marks.
func cp1258Text(s string) (string, bool) {
	var b strings.Builder
	ok := true
	for _, r := range s {
		if c, isByte := byteOf(r); isByte {
			b.WriteRune(charmap.Windows1258.DecodeByte(c))
		} else {
			b.WriteRune(r)
			ok = false
		}
	}
	return norm.NFC.String(b.String()), ok
}

// decodeCP1258 decodes raw Windows-1258 bytes to NFC.
func decodeCP1258(b []byte) string {
	var s strings.Builder
	s.Grow(len(b) + len(b)/2)
	for _, c := range b {
		if c < utf8.RuneSelf {
			s.WriteByte(c)
		} else {
			s.WriteRune(charmap.Windows1258.DecodeByte(c))
		}
	}
	return norm.NFC.String(s.String())
}
