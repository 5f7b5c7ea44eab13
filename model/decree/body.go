package decree

import (
	"regexp"
	"strings"
	"unicode"

	"bientap/model"
	"bientap/model/doc"
)

// Role is how a paragraph of a document's body is set (Phụ lục I, II.6).
type Role int

// The roles. Every output gives a role the same face and alignment.
const (
	Plain         Role = iota // justified, first-line indent, upright
	Basis                     // a legal basis or proposal of the preamble ("Căn cứ …", "Xét Tờ trình …"): italic
	Order                     // the operative line "QUYẾT ĐỊNH:": centred bold
	Authority                 // the issuing authority above the preamble ("CHỦ TỊCH ỦY BAN …"): centred bold
	Division                  // "Chương I", "Phần II", "Mục 3": centred bold
	DivisionTitle             // the title line after a division alone on its line: centred bold upper case
	Article                   // "Điều 1. …" with running text: the label bold
	ArticleTitle              // "Điều 1. Phạm vi điều chỉnh": the whole line bold
	ClauseTitle               // a khoản with a title, "1. Mục đích": bold
	Section                   // "I. MỤC ĐÍCH, YÊU CẦU": bold, indented like text
	DispatchHead              // a công điện's "… điện:" line: centred bold
)

// Style is the role of one block and, for Article, the label set bold.
type Style struct {
	Role  Role
	Label string // Article: "Điều 1."
}

// Bold reports whether the role sets the whole line bold.
func (r Role) Bold() bool {
	switch r {
	case Order, Authority, Division, DivisionTitle, ArticleTitle, ClauseTitle, Section, DispatchHead:
		return true
	}
	return false
}

// Italic reports whether the role sets the line in italics.
func (r Role) Italic() bool { return r == Basis }

// Centred reports whether the role centres the line (no indent).
func (r Role) Centred() bool {
	switch r {
	case Order, Authority, Division, DivisionTitle, DispatchHead:
		return true
	}
	return false
}

// Heading reports whether the line stays on the page of the text after it.
func (r Role) Heading() bool {
	switch r {
	case Order, Authority, Division, DivisionTitle, ClauseTitle, Section, DispatchHead:
		return true
	}
	return false
}

var (
	reDieu     = regexp.MustCompile(`^Điều\s+\d+[a-zđ]?\.`)
	reDivision = regexp.MustCompile(`^(Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+([IVXLCDM]+|\d+|thứ\s+\S+)([\s.:]|$)`)
	reLabel    = regexp.MustCompile(`^([IVXLCDM]+|\d+(\.\d+)*|[a-zđ])[.)]\s`)
	reClause   = regexp.MustCompile(`^\d+(?:\.\d+)*\.\s+(\S.*)$`)
	reBasis    = regexp.MustCompile(`(?i)^(căn cứ|theo đề nghị|xét đề nghị|xét tờ trình|theo tờ trình|xét báo cáo|theo báo cáo|xét văn bản)(\s|$)`)
)

// Roles gives the style of each block of a body laid out as a document of
// kind k (one per block, in order). Only paragraphs get roles other than
// Plain: headings, centred lines, images and tables keep their own form.
// Outputs that show a news item as news do not call it.
func Roles(k model.Kind, d doc.Document) []Style {
	out := make([]Style, len(d.Blocks))
	// The lines before the operative line ("QUYẾT ĐỊNH:") are the preamble:
	// legal bases and proposals, set in italics.
	preamble := -1
	for i, b := range d.Blocks {
		if b.Kind == doc.Paragraph && isOrderLine(doc.PlainText(b.Runs)) {
			preamble = i
			break
		}
	}
	divisionTitle := false // the line after "Chương I" is its title
	first := true
	for i, b := range d.Blocks {
		if b.Kind != doc.Paragraph {
			divisionTitle = false
			continue
		}
		text := strings.TrimSpace(doc.PlainText(b.Runs))
		if text == "" {
			continue
		}
		isFirst := first
		first = false
		if reDieu.MatchString(text) {
			divisionTitle = false
		}
		switch {
		case isFirst && k == model.KindCongDien && IsDispatchLine(text):
			out[i].Role = DispatchHead
		case divisionTitle && !reDieu.MatchString(text) && !isDivision(text):
			divisionTitle = false
			out[i].Role = DivisionTitle
		case isDivision(text):
			divisionTitle = divisionRest(text) == ""
			out[i].Role = Division
		case isOrderLine(text):
			out[i].Role = Order
		case reDieu.MatchString(text):
			label := reDieu.FindString(text)
			if isTitle(strings.TrimSpace(text[len(label):]), 150) {
				out[i].Role = ArticleTitle
			} else {
				out[i] = Style{Role: Article, Label: label}
			}
		case preamble > i && reBasis.MatchString(text):
			out[i].Role = Basis
		case isUpperLine(text) && len([]rune(text)) <= 200:
			if reLabel.MatchString(text) {
				out[i].Role = Section
			} else {
				out[i].Role = Authority
			}
		case isClauseTitle(text):
			out[i].Role = ClauseTitle
		}
	}
	return out
}

// isTitle reports whether rest reads as a title: short, with no sentence
// punctuation at its end.
func isTitle(rest string, max int) bool {
	rest = strings.TrimSpace(rest)
	return rest != "" && len([]rune(rest)) <= max && !strings.ContainsAny(rest[len(rest)-1:], ".:;,")
}

// isClauseTitle recognises a khoản with a title, "1. Mục đích": its
// number, then a short title with no sentence punctuation at its end.
func isClauseTitle(s string) bool {
	m := reClause.FindStringSubmatch(s)
	return m != nil && isTitle(m[1], 100)
}

// isUpperLine reports whether s has letters and none of them lower case.
func isUpperLine(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// divisionRest is what follows "Phần I", "Chương II", "Mục 3" at the start
// of s, without the separating punctuation.
func divisionRest(s string) string {
	m := reDivision.FindString(s)
	return strings.TrimSpace(strings.TrimLeft(s[len(m):], " .:-–"))
}

// isDivision recognises a line that opens a part, chapter or section:
// "Chương I" alone, or with an upper-case title ("Chương I. QUY ĐỊNH CHUNG").
func isDivision(s string) bool {
	if !reDivision.MatchString(s) {
		return false
	}
	rest := divisionRest(s)
	return rest == "" || (isUpperLine(rest) && len([]rune(rest)) <= 120)
}

// isOrderLine recognises the operative line of a decision: "QUYẾT ĐỊNH:",
// "QUYẾT NGHỊ:", "CHỈ THỊ:" – upper-case words ending with a colon.
func isOrderLine(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ":") && len([]rune(s)) <= 40 && isUpperLine(s)
}

// EndsWithEndMark reports whether the body's last text block ends with "./.".
func EndsWithEndMark(d doc.Document) bool {
	for i := len(d.Blocks) - 1; i >= 0; i-- {
		b := d.Blocks[i]
		if b.Kind == doc.Image || b.Kind == doc.Table {
			continue
		}
		return strings.HasSuffix(strings.TrimSpace(doc.PlainText(b.Runs)), EndMark)
	}
	return false
}

// Apply returns runs set in the style: bold for the roles that are bold,
// italic for a legal basis, the label of an Article bold, a division's
// title in upper case. Outputs add only alignment and indent.
func (s Style) Apply(runs []doc.Run) []doc.Run {
	out := make([]doc.Run, 0, len(runs)+1)
	n := len(s.Label) // bytes still to set bold (Article)
	for _, r := range runs {
		if s.Role == DivisionTitle {
			r.Text = strings.ToUpper(r.Text)
		}
		r.Bold = r.Bold || s.Role.Bold()
		r.Italic = r.Italic || s.Role.Italic()
		switch {
		case n <= 0:
			out = append(out, r)
		case len(r.Text) <= n:
			r.Bold = true
			out = append(out, r)
			n -= len(r.Text)
		default:
			head, tail := r, r
			head.Text, head.Bold = r.Text[:n], true
			tail.Text = r.Text[n:]
			out = append(out, head, tail)
			n = 0
		}
	}
	return out
}
