package store

import (
	"slices"
	"strings"
	"unicode/utf8"

	"bientap/model/doc"
	"bientap/model/vntext"
)

// Span is a byte range [Start, End) of a text: a match to show highlighted.
type Span struct{ Start, End int }

// Snippet sizes, in bytes of the original text: the snippet starts a few
// words before its first match, so that a narrow list row still shows it.
const (
	snippetWidth = 120
	snippetLead  = 24
)

// Snippet returns a line of text around its best match of the query words
// (folded, as words gives them) in the original spelling, and where the
// words are in it. The best match is in the paragraph holding the most
// distinct words (the first such), at the place where most of them come
// together. With no match it returns "" (with no words, the start of the
// text). Only the paragraph chosen is mapped back to the original, so long
// bodies cost little.
func Snippet(text string, ws []string) (string, []Span) {
	if len(ws) == 0 {
		return cut(strings.Join(strings.Fields(text), " "), 0, snippetWidth), nil
	}
	best, bestN := "", 0
	for len(text) > 0 && bestN < len(ws) {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		f := vntext.Fold(line)
		n := 0
		for i, w := range ws {
			if _, ok := findWord(f, w, isPrefix(ws, i), 0); ok {
				n++
			}
		}
		if n > bestN {
			best, bestN = line, n
		}
	}
	if bestN == 0 {
		return "", nil
	}
	line := strings.Join(strings.Fields(plainLine(best)), " ")
	f, offs := vntext.FoldMap(line)
	at := anchor(f, ws)
	out := cut(line, max(offs[at]-snippetLead, 0), snippetWidth)
	return out, Marks(out, ws)
}

// plainLine is a line of a body as the reader sees it, without its markup
// (heading marks, centring arrows, emphasis stars, table bars, picture
// syntax: model/doc's rules); table cells are joined with " · ".
func plainLine(line string) string {
	var parts []string
	for _, b := range doc.Parse(line).Blocks {
		if b.Kind == doc.Table {
			for _, row := range b.Rows {
				for _, c := range row {
					parts = append(parts, doc.PlainText(c.Runs))
				}
			}
			continue
		}
		parts = append(parts, doc.PlainText(b.Runs))
	}
	return strings.Join(parts, " · ")
}

// anchor returns the folded offset of the match after which most distinct
// query words follow within the snippet's width (the first such).
func anchor(f string, ws []string) int {
	type hit struct{ at, word int }
	var hits []hit
	for i, w := range ws {
		for from := 0; len(hits) < 256; {
			j, ok := findWord(f, w, isPrefix(ws, i), from)
			if !ok {
				break
			}
			hits = append(hits, hit{j, i})
			from = j + 1
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return a.at - b.at })
	best, bestN := 0, 0
	seen := make([]bool, len(ws))
	for i, h := range hits {
		clear(seen)
		n := 0
		for _, g := range hits[i:] {
			if g.at >= h.at+snippetWidth-snippetLead {
				break
			}
			if !seen[g.word] {
				seen[g.word], n = true, n+1
			}
		}
		if n > bestN {
			best, bestN = h.at, n
		}
	}
	return best
}

// Marks returns where the query words (folded, as words gives them) occur
// in text, in order and without overlaps: each word where a word of text
// starts with it, whole for all but the last word of the query, which the
// clerk may still be typing (marked to the end of the word it begins).
func Marks(text string, ws []string) []Span {
	if len(ws) == 0 || text == "" {
		return nil
	}
	f, offs := vntext.FoldMap(text)
	var spans []Span
	for i, w := range ws {
		prefix := isPrefix(ws, i)
		for from := 0; ; {
			j, ok := findWord(f, w, prefix, from)
			if !ok {
				break
			}
			end := j + len(w)
			for end < len(f) && isWordByte(f[end]) {
				end++
			}
			spans = append(spans, Span{offs[j], offs[end]})
			from = end
		}
	}
	slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	merged := spans[:0]
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp.Start <= merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, sp.End)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// isPrefix reports whether query word i matches as a prefix: the last word,
// once it has two letters (as the index query has it: matchExpr).
func isPrefix(ws []string, i int) bool {
	return i == len(ws)-1 && utf8.RuneCountInString(ws[i]) >= 2
}

// findWord finds w in the folded text f from offset from, where a word of f
// starts: whole, or as the word's beginning when prefix.
func findWord(f, w string, prefix bool, from int) (int, bool) {
	for from <= len(f) {
		j := indexWord(f[from:], w)
		if j < 0 {
			return 0, false
		}
		j += from
		if end := j + len(w); prefix || end == len(f) || !isWordByte(f[end]) {
			return j, true
		}
		from = j + 1
	}
	return 0, false
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
