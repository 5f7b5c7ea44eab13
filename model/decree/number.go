package decree

import (
	"strings"
	"unicode"

	"bientap/model/vntext"
)

// PadNumber writes a document number the Decree-30 way (Phụ lục I, ô 3): a
// number below 10 gets its leading zero ("5" → "05"), others stay as
// written; blanks around it go. This is the one place the rule lives: the
// numbering of the store, the checks, the list and every output call it.
func PadNumber(n string) string {
	n = strings.TrimSpace(n)
	if len(n) == 1 && n[0] >= '1' && n[0] <= '9' {
		return "0" + n
	}
	return n
}

// Sign is a ký hiệu as it is printed: cleaned (NFC, no invisible
// characters), single-spaced and trimmed, otherwise exactly as the clerk
// typed it ("TTr-VPUBND", "QyĐ-UBND" keep their lower-case letters).
func Sign(s string) string {
	return strings.Join(strings.Fields(vntext.Clean(s)), " ")
}

// NumberSign is "05/TB-UBND": the padded number, "/", the ký hiệu; the
// number alone when there is no ký hiệu, "/TB-UBND" when there is no
// number yet, "" when there is neither.
func NumberSign(number, sign string) string {
	n, s := PadNumber(vntext.Clean(number)), Sign(sign)
	switch {
	case n == "" && s == "":
		return ""
	case s == "":
		return n
	case n == "":
		return "/" + s
	}
	return n + "/" + s
}

// SeriesKey is the number series a ký hiệu belongs to: numbers run from 01
// each year within one ký hiệu (the store's NextNumber keys its series the
// same way), so a register keeps one book per series.
func SeriesKey(sign string) string { return strings.TrimSpace(vntext.Clean(sign)) }

// SignAdvice compares a ký hiệu with Phụ lục III: for a kind with an
// abbreviation the first group is that abbreviation with its own capitals
// ("TTr", "QyĐ", "CTr"), the groups naming agencies and units are upper
// case. It returns the ký hiệu as Phụ lục III writes it and whether the typed
// one differs; a first group that is another kind's abbreviation, or a sign
// that cannot be read, gives ("", true) with nothing safe to suggest.
func SignAdvice(abbr, sign string) (suggest string, differs bool) {
	s := Sign(sign)
	if s == "" {
		return "", false
	}
	groups := strings.Split(s, "-")
	out := make([]string, len(groups))
	for i, g := range groups {
		if g == "" || strings.ContainsFunc(g, unicode.IsSpace) {
			return "", true
		}
		switch {
		case i == 0 && abbr != "":
			if !strings.EqualFold(g, abbr) {
				return "", true
			}
			out[i] = abbr
		default:
			out[i] = strings.ToUpper(g)
		}
	}
	suggest = strings.Join(out, "-")
	return suggest, suggest != s
}
