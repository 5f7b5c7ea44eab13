package check

import (
	"fmt"
	"unicode"
)

type mark struct {
	r   rune
	off int
}

// balance finds unbalanced brackets within a paragraph (or table cell) and
// unbalanced quotes. Quotes may span paragraphs, as an amended article
// quoted in full does: a curly “ may close in a later paragraph, and a
// paragraph with an odd number of straight quotes pairs with the next such
// paragraph.
func balance(t *text) []Finding {
	var fs []Finding
	var curly []mark    // open “ waiting for ”
	var dangling []mark // the unpaired " of paragraphs with an odd count
	for _, r := range t.regions() {
		var stack []mark
		var straight []mark
		for i, c := range t.s[r.start:r.end] {
			off := r.start + i
			switch c {
			case '(', '[':
				stack = append(stack, mark{c, off})
			case ')', ']':
				open := '('
				if c == ']' {
					open = '['
				}
				k := len(stack) - 1
				for k >= 0 && stack[k].r != open {
					k--
				}
				if k < 0 {
					if c == ')' && listLabel(t.s[r.start:off]) {
						continue // "a)", "2)", "iv)"
					}
					fs = append(fs, t.finding(off, 1, Warning, "bracket",
						fmt.Sprintf("Dấu “%c” không có dấu “%c” mở tương ứng", c, open), nil))
					continue
				}
				for _, m := range stack[k+1:] {
					fs = append(fs, unclosed(t, m))
				}
				stack = stack[:k]
			case '“':
				curly = append(curly, mark{c, off})
			case '”':
				if len(curly) == 0 {
					fs = append(fs, t.finding(off, len("”"), Warning, "quote",
						"Dấu ngoặc kép đóng “”” không có dấu mở tương ứng", nil))
					continue
				}
				curly = curly[:len(curly)-1]
			case '"':
				straight = append(straight, mark{c, off})
			}
		}
		for _, m := range stack {
			fs = append(fs, unclosed(t, m))
		}
		if len(straight)%2 == 1 {
			dangling = append(dangling, straight[len(straight)-1])
		}
	}
	for _, m := range curly {
		fs = append(fs, t.finding(m.off, len("“"), Warning, "quote", "Dấu ngoặc kép mở “““ chưa được đóng", nil))
	}
	if len(dangling)%2 == 1 {
		m := dangling[len(dangling)-1]
		fs = append(fs, t.finding(m.off, 1, Warning, "quote", "Dấu ngoặc kép \" chưa được đóng (số dấu \" lẻ)", nil))
	}
	return fs
}

func unclosed(t *text, m mark) Finding {
	return t.finding(m.off, 1, Warning, "bracket", fmt.Sprintf("Dấu “%c” chưa được đóng", m.r), nil)
}

// listLabel reports whether text (what precedes a ")") ends with an item
// label: one letter, up to three digits or a small Roman numeral, standing
// at the start or after a space, "-", "+", "*" or ".".
func listLabel(text string) bool {
	rs := []rune(text)
	k := len(rs)
	for k > 0 && (unicode.IsLetter(rs[k-1]) || unicode.IsDigit(rs[k-1])) {
		k--
	}
	tok := string(rs[k:])
	if k > 0 {
		p := rs[k-1]
		if !unicode.IsSpace(p) && p != '-' && p != '+' && p != '*' && p != '.' {
			return false
		}
	}
	n := len([]rune(tok))
	switch {
	case n == 0:
		return false
	case n == 1:
		return true
	case allIn(tok, "0123456789"):
		return n <= 3
	case allIn(tok, "ivxIVX"):
		return n <= 4
	}
	return false
}

func allIn(s, set string) bool {
	for _, c := range s {
		found := false
		for _, d := range set {
			if c == d {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
