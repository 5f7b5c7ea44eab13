package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"bientap/model/doc"
)

// region is a stretch of one line that is text, not markup: a paragraph, a
// heading's words, a centred line's words, an image caption, one table cell.
// It is trimmed of spaces at both ends.
type region struct {
	line       line
	start, end int
}

// regions cuts every line into the parts that hold text.
func (t *text) regions() []region {
	var rs []region
	add := func(l line, a, b int) {
		a, b = trim(t.s, a, b)
		if a < b {
			rs = append(rs, region{l, a, b})
		}
	}
	for _, l := range t.lines {
		s := t.str(l)
		a, b := trim(t.s, l.start, l.end)
		switch doc.LineKind(s) {
		case doc.Heading:
			for a < b && t.s[a] == '#' {
				a++
			}
			add(l, a, b)
		case doc.Centered:
			add(l, a+2, b-2)
		case doc.Image:
			add(l, a+2, l.start+strings.LastIndex(s, "]("))
		case doc.Table:
			// Cells between unescaped pipes; a separator row holds no text.
			var cells [][2]int
			from := a + 1
			for i := a + 1; i < b; i++ {
				switch t.s[i] {
				case '\\':
					i++
				case '|':
					cells = append(cells, [2]int{from, i})
					from = i + 1
				}
			}
			if !separatorRow(t.s, cells) {
				for _, c := range cells {
					add(l, c[0], c[1])
				}
			}
		default:
			add(l, a, b)
		}
	}
	return rs
}

func separatorRow(s string, cells [][2]int) bool {
	for _, c := range cells {
		v := strings.Trim(strings.TrimSpace(s[c[0]:c[1]]), ":")
		if v == "" || strings.Trim(v, "-") != "" {
			return false
		}
	}
	return len(cells) > 0
}

// trim narrows [a, b) of s to exclude surrounding white space.
func trim(s string, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}

// at returns the rune at byte i of s (utf8.RuneError past the end) and its size.
func at(s string, i int) (rune, int) {
	if i < 0 || i >= len(s) {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// before returns the rune ending at byte i of s.
func before(s string, i int) (rune, int) {
	if i <= 0 {
		return utf8.RuneError, 0
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// exempt finds the tokens of a region where punctuation follows other rules:
// URLs, e-mail addresses, domain names and file names.
func exempt(s string, a, b int) [][2]int {
	var out [][2]int
	for i := a; i < b; {
		for i < b {
			r, n := utf8.DecodeRuneInString(s[i:b])
			if !unicode.IsSpace(r) {
				break
			}
			i += n
		}
		j := i
		for j < b {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		if j > i && addressLike(s[i:j]) {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

var addressEnds = map[string]bool{
	"vn": true, "com": true, "net": true, "org": true, "gov": true, "edu": true, "info": true, "int": true,
	"io": true, "html": true, "htm": true, "php": true, "aspx": true, "pdf": true, "doc": true, "docx": true,
	"xls": true, "xlsx": true, "ppt": true, "pptx": true, "txt": true, "rtf": true, "odt": true, "ods": true,
	"jpg": true, "jpeg": true, "png": true, "gif": true, "zip": true, "rar": true, "csv": true, "xml": true,
	"json": true, "mp4": true,
}

// addressLike reports a URL, e-mail address, domain or file name.
func addressLike(tok string) bool {
	tok = strings.TrimLeft(tok, "([{\"“'*")
	tok = strings.TrimRight(tok, ")]}\"”'.,;:!?*")
	low := strings.ToLower(tok)
	if strings.Contains(low, "://") || strings.Contains(low, "@") || strings.HasPrefix(low, "www.") {
		return true
	}
	parts := strings.Split(low, ".")
	if len(parts) < 2 || !addressEnds[parts[len(parts)-1]] {
		return false
	}
	for _, p := range parts {
		if p == "" {
			return false
		}
		for _, r := range p {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' {
				return false
			}
		}
	}
	return true
}

func inside(spans [][2]int, i int) bool {
	for _, s := range spans {
		if s[0] <= i && i < s[1] {
			return true
		}
	}
	return false
}

// punctuation runs the spacing and dot checks on every region.
func punctuation(t *text) []Finding {
	var fs []Finding
	for _, r := range t.regions() {
		ex := exempt(t.s, r.start, r.end)
		fs = append(fs, spaceAfter(t, r, ex)...)
		fs = append(fs, spaceBefore(t, r, ex)...)
		fs = append(fs, dots(t, r)...)
		fs = append(fs, doubleSpaces(t, r)...)
	}
	return fs
}

// spaceAfter finds "của tỉnh;lập": , ; : . directly followed by a letter.
func spaceAfter(t *text, r region, ex [][2]int) []Finding {
	var fs []Finding
	s := t.s[:r.end]
	for i := r.start; i < r.end; i++ {
		c := s[i]
		if c != ',' && c != ';' && c != ':' && c != '.' || inside(ex, i) {
			continue
		}
		if c == '.' {
			p, _ := before(s, i)
			if p == '.' || p == '…' || i+1 < len(s) && s[i+1] == '.' {
				continue // an ellipsis or dot run: see dots
			}
		}
		j := i + 1
		for j < r.end && s[j] == '*' {
			j++ // emphasis markers between
		}
		next, _ := at(s, j)
		if !unicode.IsLetter(next) || c == '.' && abbreviation(s, r, i) {
			continue
		}
		var fix *Fix
		if j == i+1 {
			fix = &Fix{Label: "Thêm dấu cách", Offset: i + 1, Replacement: " "}
		}
		fs = append(fs, t.finding(i, 1, Warning, "space-after",
			fmt.Sprintf("Thiếu dấu cách sau dấu “%c”", c), fix))
	}
	return fs
}

// abbreviation reports a dot inside an abbreviation: "TP.HCM", "T.Ư", "v.v",
// "U.S.A" (short capital groups, not a Roman numeral before the dot, no
// toned letter after it), so that "I.MỤC ĐÍCH" and "tỉnh.Lập" still count.
func abbreviation(s string, r region, i int) bool {
	a := i
	for a > r.start {
		c, n := before(s, a)
		if !unicode.IsLetter(c) {
			break
		}
		a -= n
	}
	b := i + 1
	for b < r.end {
		c, n := at(s, b)
		if !unicode.IsLetter(c) {
			break
		}
		b += n
	}
	pre, post := []rune(s[a:i]), []rune(s[i+1:b])
	if len(pre) == 0 || len(pre) > 4 || len(post) == 0 || len(post) > 4 {
		return false
	}
	if len(pre) == 1 && len(post) == 1 && 'a' <= pre[0] && pre[0] <= 'z' && 'a' <= post[0] && post[0] <= 'z' {
		return true // v.v
	}
	roman := true
	for _, c := range pre {
		if !unicode.IsUpper(c) {
			return false
		}
		roman = roman && strings.ContainsRune("IVXLC", c)
	}
	if roman {
		return false
	}
	for _, c := range post {
		if !('A' <= c && c <= 'Z' || c == 'Đ' || c == 'Ư') {
			return false
		}
	}
	return true
}

// spaceBefore finds "tỉnh ,": spaces before , ; : . ! ?
func spaceBefore(t *text, r region, ex [][2]int) []Finding {
	var fs []Finding
	s := t.s[:r.end]
	for i := r.start; i < r.end; i++ {
		if s[i] != ' ' && s[i] != '\t' {
			continue
		}
		j := i
		for j < r.end && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		start := i
		i = j - 1
		if j >= r.end || start == r.start || inside(ex, j) {
			continue
		}
		c := s[j]
		if !strings.ContainsRune(",;:.!?", rune(c)) {
			continue
		}
		next, _ := at(s, j+1)
		prev, _ := before(s, start)
		switch {
		case c == '.' && (next == '.' || next == '/' || unicode.IsLetter(next)):
			continue // " ...", the end mark " ./.", ".NET"
		case unicode.IsDigit(next):
			continue // ",5" or ".5" written as a number
		case c == ':' && unicode.IsDigit(prev):
			if k, _ := trim(s, j+1, r.end); k < r.end && s[k] >= '0' && s[k] <= '9' {
				continue // a scale or ratio: "1 : 500"
			}
		}
		fs = append(fs, t.finding(start, j-start, Warning, "space-before",
			fmt.Sprintf("Thừa dấu cách trước dấu “%c”", c),
			&Fix{Label: "Xóa dấu cách", Offset: start, Length: j - start}))
	}
	return fs
}

// dots finds more than three dots after a word ("tỉnh....", "v.v…."). A
// standalone row of dots is a blank to fill in ("ngày ..... tháng"), and ten
// or more dots are a leader line: both are left alone.
func dots(t *text, r region) []Finding {
	var fs []Finding
	s := t.s[:r.end]
	for i := r.start; i < r.end; {
		c, n := at(s, i)
		if c != '.' && c != '…' {
			i += n
			continue
		}
		j, count, ellipsis := i, 0, false
		for j < r.end {
			d, m := at(s, j)
			if d == '.' {
				count++
			} else if d == '…' {
				count += 3
				ellipsis = true
			} else {
				break
			}
			j += m
		}
		if j < r.end && s[j] == '/' {
			count-- // the last dot starts the end mark "./."
		}
		prev, _ := before(s, i)
		attached := i > r.start && (unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune(")]”\"", prev))
		if count > 3 && count < 10 && attached {
			repl := "..."
			if ellipsis {
				repl = "…"
			}
			fs = append(fs, t.finding(i, j-i, Warning, "dots", "Quá ba dấu chấm liền nhau",
				&Fix{Label: "Thay bằng “" + repl + "”", Offset: i, Length: j - i, Replacement: repl}))
		}
		i = j
	}
	return fs
}

// doubleSpaces finds two or more spaces inside a line's text (indentation,
// table alignment and the blank day of a draft's date line are left alone).
func doubleSpaces(t *text, r region) []Finding {
	var fs []Finding
	s := t.s[:r.end]
	for i := r.start; i < r.end; i++ {
		if s[i] != ' ' {
			continue
		}
		j := i
		for j < r.end && s[j] == ' ' {
			j++
		}
		start := i
		i = j - 1
		if j-start < 2 || j < r.end && strings.ContainsRune(",;:.!?", rune(s[j])) {
			continue // spaces before punctuation: see spaceBefore
		}
		if blankDate(s[r.start:start], s[j:r.end]) {
			continue
		}
		fs = append(fs, t.finding(start, j-start, Info, "double-space",
			fmt.Sprintf("Thừa dấu cách (%d dấu cách liền nhau)", j-start),
			&Fix{Label: "Giữ một dấu cách", Offset: start, Length: j - start, Replacement: " "}))
	}
	return fs
}

// blankDate reports the gap of an undated draft, "ngày     tháng     năm".
func blankDate(left, right string) bool {
	l := strings.ToLower(left)
	r := strings.ToLower(right)
	return strings.HasSuffix(l, "ngày") && strings.HasPrefix(r, "tháng") ||
		strings.HasSuffix(l, "tháng") && strings.HasPrefix(r, "năm")
}
