package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// fileNameMax bounds a file name before its extension, in runes;
	// fileNameBytes keeps it within Linux's 255-byte limit in UTF-8.
	fileNameMax   = 120
	fileNameBytes = 200
	// slugMax bounds a URL slug, in bytes (a slug is ASCII).
	slugMax = 80
	// fallbackName is used when a title leaves nothing usable.
	fallbackName = "van-ban"
)

// reservedNames are device names Windows refuses as a file name, with or
// without an extension (upper case; Windows ignores case).
var reservedNames = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"CONIN$": true, "CONOUT$": true, "CLOCK$": true}

func init() {
	for _, d := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
		reservedNames["COM"+d] = true
		reservedNames["LPT"+d] = true
	}
}

// SafeFileName makes a Windows-safe file name from a title, keeping the
// Vietnamese letters (NFC): "/" and "\" become "-" ("123/QĐ-UBND" →
// "123-QĐ-UBND"), ":" and "|" become " - " (or "-" between digits), '"'
// becomes "'", < > ? * and control characters go, and so do the bidi
// controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) that
// could disguise a name; spaces are collapsed; no
// leading or trailing dot, space or dash; at most 120 runes (and 200 bytes),
// cut at a space when one is near; a reserved device name (CON, NUL, COM1, …) gets "_"
// after it. Never empty: "van-ban" is the fallback. ext ("pdf" or ".pdf")
// is cleaned the same way and appended.
func SafeFileName(title, ext string) string {
	name := cleanName(title)
	rs, cut, size := []rune(name), 0, 0
	for cut < len(rs) && cut < fileNameMax && size+utf8.RuneLen(rs[cut]) <= fileNameBytes {
		size += utf8.RuneLen(rs[cut])
		cut++
	}
	if cut < len(rs) {
		if rs[cut] != ' ' {
			for i := cut - 1; i > cut/2; i-- {
				if rs[i] == ' ' {
					cut = i
					break
				}
			}
		}
		name = trimName(string(rs[:cut]))
	}
	if name == "" {
		name = fallbackName
	}
	stem, rest, _ := strings.Cut(name, ".")
	if reservedNames[strings.ToUpper(strings.TrimRight(stem, " "))] {
		name = strings.TrimRight(stem, " ") + "_"
		if rest != "" {
			name += "." + rest
		}
	}
	if ext = cleanName(strings.TrimPrefix(strings.TrimSpace(ext), ".")); ext != "" {
		name += "." + ext
	}
	return name
}

// cleanName replaces what Windows forbids and trims the result.
func cleanName(s string) string {
	rs := []rune(Clean(s))
	var b strings.Builder
	for i, r := range rs {
		switch {
		case r == '/' || r == '\\':
			b.WriteByte('-')
		case r == ':' || r == '|':
			if i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]) {
				b.WriteByte('-')
			} else {
				b.WriteString(" - ")
			}
		case r == '"':
			b.WriteByte('\'')
		case r == '<' || r == '>' || r == '?' || r == '*' || unicode.IsControl(r) || unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.Is(unicode.Cf, r): // format characters: invisible in a name
		case r == utf8.RuneError:
		default:
			b.WriteRune(r)
		}
	}
	name := strings.Join(strings.Fields(b.String()), " ")
	for strings.Contains(name, " - - ") {
		name = strings.ReplaceAll(name, " - - ", " - ")
	}
	return trimName(name)
}

func trimName(s string) string { return strings.Trim(s, " .-") }

// Slug makes the ASCII URL slug portals use: folded (no diacritics, đ→d),
// lower case, every run of other characters one "-", no dash at either
// end, at most 80 bytes cut at a dash when one is near. "CÔNG ĐIỆN: Tăng
// cường phòng, chống" → "cong-dien-tang-cuong-phong-chong". Never empty:
// "van-ban" is the fallback, and a slug that Windows would take for a device
// ("con", "nul", "com1"…) gets it as a prefix ("van-ban-con").
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(Clean(title)) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	s := b.String()
	if len(s) > slugMax {
		cut := slugMax
		if s[cut] != '-' {
			if i := strings.LastIndexByte(s[:cut], '-'); i > slugMax/2 {
				cut = i
			}
		}
		s = strings.Trim(s[:cut], "-")
	}
	if s == "" {
		return fallbackName
	}
	if reservedNames[strings.ToUpper(s)] {
		s = fallbackName + "-" + s
	}
	return s
}
