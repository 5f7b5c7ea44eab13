package doc

import (
	"regexp"
	"strings"
	"unicode"

	"bientap/model/vntext"
)

// Markup renders the document back to Biên Tập's markup, so that Parse of the
// result gives the same document. Blocks are written one per line; where the
// blocks' Line numbers leave room, blank lines are put back so that a parsed
// body keeps its line numbers. Literal stars, backslashes and pipes are
// escaped only where they would otherwise be read as markup, so ordinary text
// stays as the clerk typed it.
func (d Document) Markup() string {
	var b strings.Builder
	cur := 1 // line number the next written line gets
	prevTable := false
	for _, bl := range d.Blocks {
		lines := blockLines(bl)
		if len(lines) == 0 {
			continue
		}
		gap := bl.Line - cur
		if prevTable && bl.Kind == Table && gap < 1 {
			gap = 1 // two tables need a blank line between them
		}
		for ; gap > 0; gap-- {
			b.WriteByte('\n')
			cur++
		}
		for _, l := range lines {
			b.WriteString(l)
			b.WriteByte('\n')
			cur++
		}
		prevTable = bl.Kind == Table
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// blockLines renders one block; nil for a block with nothing to show.
func blockLines(bl Block) []string {
	switch bl.Kind {
	case Heading:
		text := renderInline(bl.Runs, false)
		if strings.TrimSpace(text) == "" {
			return nil
		}
		if bl.Level >= 2 {
			return []string{"## " + text}
		}
		return []string{"# " + text}
	case Centered:
		text := renderInline(bl.Runs, false)
		if strings.TrimSpace(text) == "" {
			return nil
		}
		return []string{"-> " + text + " <-"}
	case Image:
		src := strings.NewReplacer("(", "", ")", "", "\n", " ").Replace(strings.TrimSpace(bl.Src))
		if src == "" {
			return nil
		}
		return []string{"![" + renderInline(bl.Runs, false) + "](" + src + ")"}
	case Table:
		return tableLines(bl)
	}
	text := renderInline(bl.Runs, false)
	if strings.TrimSpace(text) == "" {
		return nil
	}
	return []string{protectLineStart(text)}
}

// protectLineStart escapes the first character of a paragraph line that
// would otherwise be read as a heading, centred line, image or table row.
func protectLineStart(line string) string {
	t := strings.TrimSpace(line)
	_, _, heading := headingLine(t)
	_, centred := centredLine(t)
	_, _, image := imageLine(t)
	if heading || centred || image || isTableRow(t) {
		return `\` + line
	}
	return line
}

func tableLines(bl Block) []string {
	if len(bl.Rows) == 0 {
		return nil
	}
	width := 1
	for _, r := range bl.Rows {
		width = max(width, len(r))
	}
	var lines []string
	for i, r := range bl.Rows {
		cells := make([]string, width)
		for j := range cells {
			if j < len(r) {
				cells[j] = renderInline(r[j].Runs, true)
			}
		}
		if i == 1 && !bl.Header && isSeparatorRow(cells) {
			cells[0] = `\` + cells[0] // a data row that looks like a header rule
		}
		lines = append(lines, "| "+strings.Join(cells, " | ")+" |")
		if i == 0 && bl.Header {
			lines = append(lines, "|"+strings.Repeat("---|", width))
		}
	}
	return lines
}

// outRune is one character of rendered inline markup: literal text or part of
// an emphasis marker.
type outRune struct {
	r   rune
	lit bool
}

// renderInline writes runs as inline markup; cell says the text sits in a
// table cell, where "|" must be escaped. Every context parses its inline text
// on its own (a cell, a caption, a heading's text), so the text's edges count
// as spaces. At each change of style the stars of the styles that change are
// written: "**" for bold, "*" for italic, "***" for both (see parseInline).
func renderInline(runs []Run, cell bool) string {
	runs = edgeSpaces(runs)
	var out []outRune
	bold, italic := false, false
	toggle := func(b, i bool) {
		n := 0
		if b != bold {
			n += 2
		}
		if i != italic {
			n++
		}
		for ; n > 0; n-- {
			out = append(out, outRune{'*', false})
		}
		bold, italic = b, i
	}
	for _, r := range runs {
		toggle(r.Bold, r.Italic)
		for _, c := range r.Text {
			if c == '\n' || c == '\r' {
				c = ' '
			}
			out = append(out, outRune{c, true})
		}
	}
	toggle(false, false)
	// Every context trims its text, and edge spaces are plain text: drop them.
	return strings.TrimSpace(escapeOut(out, cell))
}

// escapeOut writes the rendered characters, escaping literal characters that
// would otherwise be read as markup.
func escapeOut(out []outRune, cell bool) string {
	var b strings.Builder
	at := func(i int) rune { // the character at i; the edges count as spaces
		if i < 0 || i >= len(out) {
			return ' '
		}
		return out[i].r
	}
	for i := 0; i < len(out); i++ {
		o := out[i]
		switch {
		case o.r == '*':
			// The whole star run decides: it stays bare only if it holds no
			// marker and scanInline would read it as literal.
			j := i
			markers := false
			for j < len(out) && out[j].r == '*' {
				markers = markers || !out[j].lit
				j++
			}
			prev, next := at(i-1), at(j)
			bracketed := prev == '(' && next == ')' || prev == '[' && next == ']'
			safe := !markers && (j-i > 3 || bracketed || unicode.IsSpace(prev) && unicode.IsSpace(next))
			for ; i < j; i++ {
				if out[i].lit && !safe {
					b.WriteByte('\\')
				}
				b.WriteByte('*')
			}
			i--
		case o.r == '\\':
			if n := at(i + 1); n < 0x80 && isASCIIPunct(byte(n)) {
				b.WriteString(`\\`)
			} else {
				b.WriteByte('\\')
			}
		case o.r == '|':
			if cell {
				b.WriteByte('\\')
			}
			b.WriteByte('|')
		case o.r == ')' || o.r == ']':
			// "(*)" and "[*]" hold literal stars: a marker must not look so.
			if i > 0 && !out[i-1].lit {
				b.WriteByte('\\')
			}
			b.WriteRune(o.r)
		default:
			b.WriteRune(o.r)
		}
	}
	return b.String()
}

// edgeSpaces takes spaces at the edges of a styled stretch out of that style:
// a marker must touch text ("**a **" is not bold), so a bold or italic stretch
// cannot begin or end with a space in markup. Parsed documents never have such
// spaces; documents built by importers may.
func edgeSpaces(runs []Run) []Run {
	type ch struct {
		r    rune
		b, i bool
	}
	var cs []ch
	for _, r := range runs {
		for _, c := range r.Text {
			cs = append(cs, ch{c, r.Bold, r.Italic})
		}
	}
	for _, bold := range []bool{true, false} {
		has := func(k int) bool {
			if bold {
				return cs[k].b
			}
			return cs[k].i
		}
		clear := func(k int) {
			if bold {
				cs[k].b = false
			} else {
				cs[k].i = false
			}
		}
		for k := 0; k < len(cs); {
			if !has(k) {
				k++
				continue
			}
			end := k
			for end < len(cs) && has(end) {
				end++
			}
			for j := k; j < end && unicode.IsSpace(cs[j].r); j++ {
				clear(j)
			}
			for j := end - 1; j >= k && unicode.IsSpace(cs[j].r); j-- {
				clear(j)
			}
			k = end
		}
	}
	var res []Run
	var b strings.Builder
	for k, c := range cs {
		b.WriteRune(c.r)
		if k+1 == len(cs) || cs[k+1].b != c.b || cs[k+1].i != c.i {
			res = append(res, Run{Text: b.String(), Bold: c.b, Italic: c.i})
			b.Reset()
		}
	}
	return res
}

// mergeRuns drops empty runs and joins neighbours of the same style.
func mergeRuns(runs []Run) []Run {
	var m []Run
	for k := 0; k < len(runs); k++ {
		r := runs[k]
		if r.Text == "" {
			continue
		}
		j := k + 1
		for j < len(runs) && (runs[j].Text == "" || runs[j].Bold == r.Bold && runs[j].Italic == r.Italic) {
			j++
		}
		if j > k+1 {
			var b strings.Builder
			for _, x := range runs[k:j] {
				b.WriteString(x.Text)
			}
			r.Text = b.String()
		}
		m = append(m, Run{Text: r.Text, Bold: r.Bold, Italic: r.Italic})
		k = j - 1
	}
	return m
}

// Escape returns text as markup that reads back as exactly that literal text
// wherever it is put: a paragraph line, a heading, a caption, a table cell or
// between emphasis markers. Importers use it to insert text taken from
// elsewhere. Line breaks become spaces; the text is normalised (vntext.Clean).
func Escape(text string) string {
	text = vntext.Clean(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(text))
	var b strings.Builder
	rs := []rune(text)
	for i, c := range rs {
		switch c {
		case '*':
			spaced := i > 0 && unicode.IsSpace(rs[i-1]) && i+1 < len(rs) && unicode.IsSpace(rs[i+1])
			if spaced {
				b.WriteByte('*')
			} else {
				b.WriteString(`\*`)
			}
		case '\\':
			if i+1 == len(rs) || rs[i+1] < 0x80 && isASCIIPunct(byte(rs[i+1])) {
				b.WriteString(`\\`)
			} else {
				b.WriteByte('\\')
			}
		case '|':
			b.WriteString(`\|`)
		case '#', '!', '-':
			// A heading, image or centred line could start here.
			if i == 0 && (c != '-' || len(rs) > 1 && rs[1] == '>') && (c != '!' || len(rs) > 1 && rs[1] == '[') {
				b.WriteByte('\\')
			}
			b.WriteRune(c)
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// FromPlainText builds a document from plain lines of text (no markup): every
// non-blank line is a paragraph with one unstyled run, numbered by its
// position in lines. Markup of the result is the escaped text.
func FromPlainText(lines []string) Document {
	var d Document
	for i, l := range lines {
		l = strings.TrimSpace(vntext.Clean(strings.NewReplacer("\r", " ", "\n", " ").Replace(l)))
		if l == "" {
			continue
		}
		d.Blocks = append(d.Blocks, Block{Kind: Paragraph, Line: i + 1, Runs: []Run{{Text: l}}})
	}
	return d
}

var (
	articleRe  = regexp.MustCompile(`^Điều\s+\d+[a-zđ]?\s*[.:]`)
	divisionRe = regexp.MustCompile(`^(?:(?:Phần|PHẦN|Chương|CHƯƠNG)\s+[IVXLC]+|(?:Mục|MỤC)\s+\d+)\s*\.?$`)
)

// IsArticleHeading reports whether a paragraph's text starts an article,
// "Điều 5. Tổ chức thực hiện", which the Decree-30 layout prints bold.
func IsArticleHeading(text string) bool {
	return articleRe.MatchString(strings.TrimSpace(text))
}

// IsDivisionHeading reports whether a line is a division of a document on a
// line of its own, "Chương II", "Phần I" or "Mục 3", which the Decree-30
// layout centres and prints bold (with its title on the next line).
func IsDivisionHeading(text string) bool {
	return divisionRe.MatchString(strings.TrimSpace(text))
}
