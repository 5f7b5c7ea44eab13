package store

import (
	"strings"
	"unicode/utf8"

	"bientap/model/vntext"
)

// Snippet returns about width bytes of text around the first occurrence of
// any of the folded words, in the original spelling, on one line; with no
// match it returns "" (or, with no words, the start of the text). Only the
// line that matches is mapped back, so long bodies cost little.
func Snippet(text string, folded []string, width int) string {
	if len(folded) == 0 {
		return cut(strings.Join(strings.Fields(text), " "), 0, width)
	}
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		f := vntext.Fold(line)
		hit := false
		for _, w := range folded {
			if indexWord(f, w) >= 0 {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		line = strings.Join(strings.Fields(line), " ")
		f, offs := vntext.FoldMap(line)
		best := -1
		for _, w := range folded {
			if i := indexWord(f, w); i >= 0 && (best < 0 || i < best) {
				best = i
			}
		}
		if best < 0 {
			continue
		}
		return cut(line, max(offs[best]-width/3, 0), width)
	}
	return ""
}

// indexWord finds w at the start of a word in f.
func indexWord(f, w string) int {
	for from := 0; ; {
		i := strings.Index(f[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		if i == 0 || !isWordByte(f[i-1]) {
			return i
		}
		from = i + 1
	}
}

func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b >= utf8.RuneSelf
}

// cut returns text[start:start+width] widened to whole words, with "…" marks.
func cut(text string, start, width int) string {
	for start > 0 && start < len(text) && text[start-1] != ' ' {
		start--
	}
	end := start + width
	if end >= len(text) {
		end = len(text)
	} else {
		for end > start && text[end] != ' ' {
			end--
		}
		if end == start {
			end = start + width
			for end < len(text) && !utf8.RuneStart(text[end]) {
				end++
			}
		}
	}
	out := text[start:end]
	if start > 0 {
		out = "…" + out
	}
	if end < len(text) {
		out += "…"
	}
	return out
}
