// Package check is Biên Tập's editorial proof-reading ("Soát lỗi"): it finds
// the typical mistakes of a body text (a paragraph pasted twice, missing or
// extra spaces around punctuation, mixed spellings within one document,
// unbalanced quotes and brackets) and, for administrative documents, what
// Decree 30/2020 requires (a zero-padded number, the place/date form, the
// "./." end mark, the "- Lưu: VT, …" recipient line). Each finding has a
// position for the editor and, where the correction is certain, a one-click
// fix as a text edit.
//
// The checks are tuned to stay silent on correct text: numbers (1.000, 3,5),
// times (09:30), signs (05/TB-UBND, V/v), abbreviations (TP.HCM, v.v.), URLs,
// e-mail addresses and file names, list labels ("a)"), the "./." end mark,
// table alignment and quotations that span several paragraphs are all left
// alone.
package check

import (
	"sort"
	"strings"
	"unicode/utf8"

	"bientap/model"
)

// Severity ranks a finding.
type Severity int

// Severities: Error for what breaks the Decree-30 form, Warning for a
// probable mistake, Info for an inconsistency worth a look.
const (
	Error Severity = iota
	Warning
	Info
)

// Label is the Vietnamese name of the severity.
func (s Severity) Label() string {
	switch s {
	case Error:
		return "Lỗi"
	case Warning:
		return "Cảnh báo"
	}
	return "Gợi ý"
}

// String returns the English key: "error", "warning", "info".
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// Finding is one thing the checks noticed.
type Finding struct {
	Line     int // 1-based line of the body; 0 when not in the body
	Col      int // 1-based column in runes; 0 when not in the body
	Offset   int // byte offset in the checked text, for the editor cursor
	Length   int // bytes the finding covers (0 for a missing thing)
	Severity Severity
	Code     string // stable key of the check: "space-after", "repeat", …
	Message  string // one Vietnamese sentence for the clerk
	Fix      *Fix   // a safe correction, or nil
	Field    string // for findings outside the body: the record field ("Number", "Recipients")
}

// Fix is a one-click correction: replace Length bytes at Offset of the
// checked text with Replacement.
type Fix struct {
	Label       string // the button's text, Vietnamese
	Offset      int
	Length      int
	Replacement string
}

// Apply performs a fix on the text it was computed for. A fix that does not
// fit the text (out of range, or cutting a character) leaves it unchanged.
// Offsets of other findings are stale afterwards: check again.
func Apply(text string, f Fix) string {
	end := f.Offset + f.Length
	if f.Offset < 0 || f.Length < 0 || end > len(text) ||
		!boundary(text, f.Offset) || !boundary(text, end) {
		return text
	}
	return text[:f.Offset] + f.Replacement + text[end:]
}

func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// Body checks any body text (news or document) and returns the findings
// sorted by position. The text is checked as it is, without normalising it,
// so that offsets match the editor's text; stored bodies are already NFC.
func Body(text string) []Finding {
	t := newText(text)
	var fs []Finding
	fs = append(fs, repeats(t)...)
	fs = append(fs, punctuation(t)...)
	fs = append(fs, balance(t)...)
	fs = append(fs, yearRanges(t)...)
	fs = append(fs, toneStyles(t)...)
	sortFindings(fs)
	return fs
}

// Record checks a record: its body, and for administrative documents
// (r.Kind.IsDocument()) the Decree-30 rules. Lines and offsets refer to
// r.Body; findings about other fields have Line 0 and name the Field.
func Record(r *model.Record) []Finding {
	fs := Body(r.Body)
	if r.Kind.IsDocument() {
		fs = append(fs, documentChecks(r)...)
		sortFindings(fs)
	}
	return fs
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Offset != b.Offset {
			return a.Offset < b.Offset
		}
		return a.Code < b.Code
	})
}

// text is a body split into lines, with positions.
type text struct {
	s     string
	lines []line
}

type line struct {
	no         int // 1-based
	start, end int // byte range in s, without the line break
}

func newText(s string) *text {
	t := &text{s: s}
	start := 0
	for no := 1; ; no++ {
		i := strings.IndexByte(s[start:], '\n')
		end := len(s)
		if i >= 0 {
			end = start + i
		}
		e := end
		if e > start && s[e-1] == '\r' {
			e--
		}
		t.lines = append(t.lines, line{no: no, start: start, end: e})
		if i < 0 {
			break
		}
		start = end + 1
	}
	return t
}

func (t *text) str(l line) string { return t.s[l.start:l.end] }

// lineAt returns the line holding byte offset off.
func (t *text) lineAt(off int) line {
	k := sort.Search(len(t.lines), func(i int) bool { return t.lines[i].start > off }) - 1
	if k < 0 {
		k = 0
	}
	return t.lines[k]
}

// finding builds a body finding at byte offset off.
func (t *text) finding(off, length int, sev Severity, code, msg string, fix *Fix) Finding {
	l := t.lineAt(off)
	col := utf8.RuneCountInString(t.s[l.start:min(off, len(t.s))]) + 1
	return Finding{Line: l.no, Col: col, Offset: off, Length: length, Severity: sev, Code: code, Message: msg, Fix: fix}
}
