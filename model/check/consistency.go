package check

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// yearRangeRe matches "2021-2026", "2021 - 2026", "2021 – 2026", … with the
// years in groups 2 and 4 and the separator (spaces and dash) in group 3;
// groups 1 and 5 keep the years from being parts of longer numbers.
var yearRangeRe = regexp.MustCompile(`(^|[^0-9])((?:19|20)[0-9]{2})([ \t]*[-–—][ \t]*)((?:19|20)[0-9]{2})($|[^0-9])`)

// yearRanges flags year ranges written in a form other than the one the
// document mostly uses; the fix rewrites the separator in that form.
func yearRanges(t *text) []Finding {
	type occ struct{ off, n int }
	forms := map[string][]occ{}
	var order []string
	for _, r := range t.regions() {
		seg := t.s[r.start:r.end]
		for pos := 0; pos < len(seg); {
			m := yearRangeRe.FindStringSubmatchIndex(seg[pos:])
			if m == nil {
				break
			}
			y1, _ := strconv.Atoi(seg[pos+m[4] : pos+m[5]])
			y2, _ := strconv.Atoi(seg[pos+m[8] : pos+m[9]])
			sep := seg[pos+m[6] : pos+m[7]]
			if y2 > y1 {
				if _, ok := forms[sep]; !ok {
					order = append(order, sep)
				}
				forms[sep] = append(forms[sep], occ{r.start + pos + m[6], len(sep)})
			}
			pos += m[8] // the second year may start the next range
		}
	}
	if len(order) < 2 {
		return nil
	}
	major := order[0]
	for _, f := range order[1:] {
		if len(forms[f]) > len(forms[major]) {
			major = f
		}
	}
	var fs []Finding
	for _, f := range order {
		if f == major {
			continue
		}
		for _, o := range forms[f] {
			fs = append(fs, t.finding(o.off, o.n, Info, "year-range",
				fmt.Sprintf("Khoảng năm viết “năm%snăm”, trong khi văn bản chủ yếu viết “năm%snăm”", f, major),
				&Fix{Label: "Viết “" + strings.TrimSpace(major) + "” như phần còn lại", Offset: o.off, Length: o.n, Replacement: major}))
		}
	}
	return fs
}

// Tone marks of Vietnamese (combining): huyền, sắc, ngã, hỏi, nặng.
func isTone(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return false
}

// letter is one letter of a word, decomposed.
type letter struct {
	base  rune   // lower-case base letter
	upper bool   // written upper case
	tone  rune   // tone mark or 0
	marks []rune // other marks (circumflex, breve, horn)
}

func decompose(r rune) letter {
	var l letter
	d := []rune(norm.NFD.String(string(r)))
	l.base = unicode.ToLower(d[0])
	l.upper = unicode.IsUpper(d[0])
	for _, m := range d[1:] {
		if isTone(m) {
			l.tone = m
		} else {
			l.marks = append(l.marks, m)
		}
	}
	return l
}

func (l letter) compose() string {
	b := l.base
	if l.upper {
		b = unicode.ToUpper(b)
	}
	s := string(b) + string(l.marks)
	if l.tone != 0 {
		s += string(l.tone)
	}
	return norm.NFC.String(s)
}

func isVowelBase(b rune) bool { return strings.ContainsRune("aeiouy", b) }

// toneStyle classifies a syllable whose vowels are "oa", "oe" or "uy" with no
// final consonant: 1 for the old placement ("hòa", "khỏe", "thủy"), 2 for the
// new one ("hoà", "khoẻ", "thuỷ"), 0 for any other word. alt is the word in
// the other placement.
func toneStyle(word string) (style int, alt string) {
	var ls []letter
	for _, r := range word {
		ls = append(ls, decompose(r))
	}
	k := 0
	for k < len(ls) && !isVowelBase(ls[k].base) {
		k++
	}
	if k > 0 && ls[k-1].base == 'q' && k < len(ls) && ls[k].base == 'u' {
		return 0, "" // "qu" is a consonant: "quý" has one placement
	}
	if len(ls)-k != 2 {
		return 0, ""
	}
	v1, v2 := ls[k], ls[k+1]
	pair := string([]rune{v1.base, v2.base})
	if pair != "oa" && pair != "oe" && pair != "uy" || len(v1.marks) > 0 || len(v2.marks) > 0 {
		return 0, ""
	}
	switch {
	case v1.tone != 0 && v2.tone == 0:
		style = 1
	case v2.tone != 0 && v1.tone == 0:
		style = 2
	default:
		return 0, ""
	}
	v1.tone, v2.tone = v2.tone, v1.tone
	var b strings.Builder
	for _, l := range ls[:k] {
		b.WriteString(l.compose())
	}
	b.WriteString(v1.compose())
	b.WriteString(v2.compose())
	return style, b.String()
}

// toneStyles flags the minority tone placement when a document mixes both
// ("hòa" and "hoà"); on a tie the placement met first wins.
func toneStyles(t *text) []Finding {
	type occ struct {
		off  int
		word string
		alt  string
	}
	var found [3][]occ
	firstStyle := 0
	for _, r := range t.regions() {
		seg := t.s[r.start:r.end]
		for i := 0; i < len(seg); {
			c, n := utf8.DecodeRuneInString(seg[i:])
			if !unicode.IsLetter(c) {
				i += n
				continue
			}
			j := i
			for j < len(seg) {
				d, m := utf8.DecodeRuneInString(seg[j:])
				if !unicode.IsLetter(d) && !unicode.Is(unicode.Mn, d) {
					break
				}
				j += m
			}
			if st, alt := toneStyle(seg[i:j]); st != 0 {
				found[st] = append(found[st], occ{r.start + i, seg[i:j], alt})
				if firstStyle == 0 {
					firstStyle = st
				}
			}
			i = j
		}
	}
	if len(found[1]) == 0 || len(found[2]) == 0 {
		return nil
	}
	major := firstStyle
	if len(found[1]) != len(found[2]) {
		major = 1
		if len(found[2]) > len(found[1]) {
			major = 2
		}
	}
	minor := 3 - major
	names := [3]string{"", "cũ (“hòa”, “thủy”)", "mới (“hoà”, “thuỷ”)"}
	var fs []Finding
	for _, o := range found[minor] {
		fs = append(fs, t.finding(o.off, len(o.word), Info, "tone-style",
			fmt.Sprintf("“%s” bỏ dấu kiểu %s, khác kiểu %s dùng nhiều hơn trong văn bản", o.word, names[minor], names[major]),
			&Fix{Label: "Sửa thành “" + o.alt + "”", Offset: o.off, Length: len(o.word), Replacement: o.alt}))
	}
	return fs
}
