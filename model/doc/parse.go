package doc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"bientap/model/vntext"
)

// Why a hand-written parser: Markdown libraries (goldmark and the like) join
// consecutive lines into one paragraph, renumber ordered lists ("3." after
// "1." becomes "2."), indent "a)" and "- …;" lines as lists and treat a
// leading "1." or "-" as structure. A clerk's body must keep every line as its
// own paragraph and every number exactly as typed, and plain pasted text must
// already be valid. The syntax is therefore line-based and small enough that a
// line classifier plus an emphasis resolver is clearer than bending a
// Markdown parser into not being one.

// Parse turns a body written in Biên Tập's markup into a Document. It never
// fails: any text yields a document. The rules:
//
//   - The text is normalised first (vntext.CleanLines: NFC, invisible
//     characters removed, CRLF → LF). Lines are trimmed of surrounding spaces.
//   - Every non-blank line is a block; blank lines produce no block. Numbers
//     typed by the clerk ("1.", "a)", "Điều 1.", "- Như trên;") are ordinary
//     text: there is no list handling and no renumbering.
//   - "# text" is a Level 1 heading, "## text" a Level 2 heading (one space
//     after the marks; "###…" and "#text" are ordinary text).
//   - "-> text <-" is a centred line.
//   - "![caption](name)" alone on its line is an image of the record; the
//     caption may carry inline styles, the name may not contain "(" or ")".
//   - Consecutive lines that start and end with an unescaped "|" form a table;
//     cells are split on unescaped "|" and trimmed. A row of dashes with
//     optional colons (|---|:--:|) right after the first row marks that row as
//     a header and is not itself a row. Short rows are padded with empty cells.
//   - Inline: **bold**, *italic*, ***both***, nesting allowed. A star run opens
//     when followed by a non-space and closes when preceded by one; a star
//     between spaces ("5 * 3") or inside brackets ("(*)", "[**]") is literal,
//     and markers without a partner stay literal text. Backslash before an
//     ASCII punctuation character makes it literal (\* \\ \| \#); any other
//     backslash is literal itself. Adjacent runs with the same style merge.
//
// Block.Line is the 1-based line of the (normalised) body where the block
// starts.
func Parse(body string) Document {
	lines := strings.Split(vntext.CleanLines(body), "\n")
	var d Document
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" {
			continue
		}
		if isTableRow(t) {
			start := i
			var rows []string
			for i < len(lines) && isTableRow(strings.TrimSpace(lines[i])) {
				rows = append(rows, strings.TrimSpace(lines[i]))
				i++
			}
			i--
			d.Blocks = append(d.Blocks, parseTable(rows, start+1))
			continue
		}
		d.Blocks = append(d.Blocks, parseLine(t, i+1))
	}
	return d
}

// parseLine classifies one trimmed, non-blank line that is not a table row.
func parseLine(t string, line int) Block {
	if level, text, ok := headingLine(t); ok {
		return Block{Kind: Heading, Line: line, Level: level, Runs: parseInline(text)}
	}
	if text, ok := centredLine(t); ok {
		return Block{Kind: Centered, Line: line, Runs: parseInline(text)}
	}
	if caption, src, ok := imageLine(t); ok {
		return Block{Kind: Image, Line: line, Runs: parseInline(caption), Src: src}
	}
	return Block{Kind: Paragraph, Line: line, Runs: parseInline(t)}
}

// headingLine recognises "# text" and "## text".
func headingLine(t string) (level int, text string, ok bool) {
	for _, l := range []int{2, 1} {
		p := strings.Repeat("#", l)
		if rest, found := strings.CutPrefix(t, p); found && rest != "" && isSpaceByte(rest[0]) {
			if text := strings.TrimSpace(rest); text != "" {
				return l, text, true
			}
		}
	}
	return 0, "", false
}

// centredLine recognises "-> text <-" with non-empty text.
func centredLine(t string) (string, bool) {
	if len(t) < 4 || !strings.HasPrefix(t, "->") || !strings.HasSuffix(t, "<-") {
		return "", false
	}
	text := strings.TrimSpace(t[2 : len(t)-2])
	if text == "" {
		return "", false
	}
	return text, true
}

// imageLine recognises "![caption](name)" filling the whole line.
func imageLine(t string) (caption, src string, ok bool) {
	if !strings.HasPrefix(t, "![") || !strings.HasSuffix(t, ")") {
		return "", "", false
	}
	k := strings.LastIndex(t, "](")
	if k < 1 {
		return "", "", false
	}
	src = strings.TrimSpace(t[k+2 : len(t)-1])
	if src == "" || strings.ContainsAny(src, "()") {
		return "", "", false
	}
	return strings.TrimSpace(t[2:k]), src, true
}

// isTableRow reports whether a trimmed line starts and ends with an
// unescaped "|".
func isTableRow(t string) bool {
	return len(t) >= 2 && t[0] == '|' && t[len(t)-1] == '|' && !escapedAt(t, len(t)-1)
}

// escapedAt reports whether the byte at i is preceded by an odd number of
// backslashes.
func escapedAt(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// splitCells splits a table row (with its outer pipes) on unescaped "|".
func splitCells(row string) []string {
	inner := row[1 : len(row)-1]
	var cells []string
	start := 0
	for i := 0; i < len(inner); i++ {
		switch inner[i] {
		case '\\':
			if i+1 < len(inner) && isASCIIPunct(inner[i+1]) {
				i++
			}
		case '|':
			cells = append(cells, strings.TrimSpace(inner[start:i]))
			start = i + 1
		}
	}
	return append(cells, strings.TrimSpace(inner[start:]))
}

// isSeparatorRow reports whether every cell is dashes with optional colons.
func isSeparatorRow(cells []string) bool {
	for _, c := range cells {
		c = strings.TrimSuffix(strings.TrimPrefix(c, ":"), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}

func parseTable(rows []string, line int) Block {
	b := Block{Kind: Table, Line: line}
	width := 0
	for i, r := range rows {
		cells := splitCells(r)
		if i == 1 && isSeparatorRow(cells) {
			b.Header = true
			continue
		}
		row := make([]Cell, len(cells))
		for j, c := range cells {
			row[j] = Cell{Runs: parseInline(c)}
		}
		width = max(width, len(row))
		b.Rows = append(b.Rows, row)
	}
	for i, row := range b.Rows {
		for len(row) < width {
			row = append(row, Cell{})
		}
		b.Rows[i] = row
	}
	return b
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' }

// isASCIIPunct reports the characters a backslash can escape.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// Inline parsing. A star run of length 1 marks italic, 2 bold, 3 both; a run
// of 4 or more, or one between spaces or brackets, is literal. Each style is
// then resolved on its own, left to right, as a toggle: while the style is
// off, a run that can open turns it on if some later run of that style can
// close it; while it is on, the next run that can close turns it off. Runs
// that do neither stay literal text (a "***" may serve one style and leave
// its other stars literal). This is linear, needs no backtracking, and every
// sequence of styled runs has one canonical markup (Markup writes, at each
// change of style, the stars of the styles that change), which is what makes
// parse → Markup → parse exact.

type starRun struct {
	pos        int  // index in the piece list
	n          int  // length
	open, shut bool // can open (followed by non-space), can close (preceded by non-space)
	bold, ital bool // resolved: toggles bold / italic
}

// parseInline parses one line's inline markup into runs.
func parseInline(s string) []Run {
	texts, stars := scanInline(s)
	resolveStyle(stars, true)
	resolveStyle(stars, false)
	return sweep(texts, stars)
}

// scanInline cuts s into literal text and star runs: texts[k] is the literal
// text before stars[k] (texts has one more entry than stars).
func scanInline(s string) (texts []string, stars []starRun) {
	var lit strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			lit.WriteByte(s[i+1])
			i += 2
		case c == '*':
			j := i
			for j < len(s) && s[j] == '*' {
				j++
			}
			prev, next := ' ', ' '
			if i > 0 {
				prev, _ = utf8.DecodeLastRuneInString(s[:i])
			}
			if j < len(s) {
				next, _ = utf8.DecodeRuneInString(s[j:])
			}
			bracketed := prev == '(' && next == ')' || prev == '[' && next == ']'
			open := !unicode.IsSpace(next) && !bracketed
			shut := !unicode.IsSpace(prev) && !bracketed
			if j-i > 3 || !open && !shut {
				lit.WriteString(s[i:j])
			} else {
				texts = append(texts, lit.String())
				lit.Reset()
				stars = append(stars, starRun{n: j - i, open: open, shut: shut})
			}
			i = j
		default:
			lit.WriteByte(c)
			i++
		}
	}
	return append(texts, lit.String()), stars
}

// resolveStyle decides which star runs toggle bold (or italic).
func resolveStyle(stars []starRun, bold bool) {
	serves := func(r starRun) bool {
		if bold {
			return r.n >= 2
		}
		return r.n != 2
	}
	// laterShut[k]: some run after k that serves the style can close.
	laterShut := make([]bool, len(stars)+1)
	for k := len(stars) - 1; k >= 0; k-- {
		laterShut[k] = laterShut[k+1] || serves(stars[k]) && stars[k].shut
	}
	on := false
	for k := range stars {
		r := &stars[k]
		if !serves(*r) {
			continue
		}
		toggle := false
		if on {
			toggle = r.shut
		} else {
			toggle = r.open && laterShut[k+1]
		}
		if toggle {
			on = !on
			if bold {
				r.bold = true
			} else {
				r.ital = true
			}
		}
	}
}

// sweep walks text and star runs and emits styled runs, merging equal
// neighbours. Stars of a run that toggle nothing stay literal, outside what
// the run opens or closes.
func sweep(texts []string, stars []starRun) []Run {
	var runs []Run
	var cur strings.Builder // text of the run being built, style curB/curI
	curB, curI := false, false
	bold, italic := false, false
	emit := func(text string) {
		if text == "" {
			return
		}
		if cur.Len() > 0 && (curB != bold || curI != italic) {
			runs = append(runs, Run{Text: cur.String(), Bold: curB, Italic: curI})
			cur.Reset()
		}
		curB, curI = bold, italic
		cur.WriteString(text)
	}
	for k, r := range stars {
		emit(texts[k])
		used := 0
		if r.bold {
			used += 2
		}
		if r.ital {
			used++
		}
		literal := strings.Repeat("*", r.n-used)
		opening := r.bold && !bold || r.ital && !italic
		if opening {
			emit(literal)
		}
		bold = bold != r.bold
		italic = italic != r.ital
		if !opening {
			emit(literal)
		}
	}
	emit(texts[len(texts)-1])
	if cur.Len() > 0 {
		runs = append(runs, Run{Text: cur.String(), Bold: curB, Italic: curI})
	}
	return runs
}

// LineKind reports what a single line of markup is on its own: Heading,
// Centered, Image, Table (a "| … |" row, separator rows included) or
// Paragraph (also for blank lines). Editors use it for highlighting and the
// editorial checks to know which part of a line is text.
func LineKind(line string) BlockKind {
	t := strings.TrimSpace(line)
	switch {
	case isTableRow(t):
		return Table
	case t == "":
		return Paragraph
	}
	return parseLine(t, 0).Kind
}
