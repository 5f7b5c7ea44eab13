package legacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tones, in the order the VIQR marks ' ` ? ~ . list them.
const (
	toneNone = iota
	toneAcute
	toneGrave
	toneHook
	toneTilde
	toneDot
)

var toneMark = [...]string{"", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}

// vowel is a Vietnamese vowel letter split into its lower-case base (which
// keeps breve, circumflex or horn) and its tone.
type vowel struct {
	base rune
	tone int
}

var (
	vowels   = map[rune]vowel{} // every vowel letter, both cases
	composed = map[vowel]rune{} // lower-case letter of a base and tone
	// modified adds a breve '(', circumflex '^' or horn '+' to a plain vowel.
	modified = map[[2]rune]rune{
		{'a', '('}: 'ă', {'a', '^'}: 'â', {'e', '^'}: 'ê', {'o', '^'}: 'ô',
		{'o', '+'}: 'ơ', {'u', '+'}: 'ư',
	}
)

func init() {
	for _, b := range "aăâeêioôơuưy" {
		for t := toneNone; t <= toneDot; t++ {
			r, _ := utf8.DecodeRuneInString(norm.NFC.String(string(b) + toneMark[t]))
			composed[vowel{b, t}] = r
			vowels[r] = vowel{b, t}
			vowels[unicode.ToUpper(r)] = vowel{b, t}
		}
	}
}

// compose returns the letter with this base and tone, upper case if asked.
func compose(base rune, tone int, upper bool) rune {
	r := composed[vowel{base, tone}]
	if upper {
		r = unicode.ToUpper(r)
	}
	return r
}

func isVowel(r rune) bool { _, ok := vowels[r]; return ok }

// Finals allowed after a vowel group.
const (
	finNone = iota // open syllable only: "mai", "kêu"
	finOpt         // open or closed: "ba", "bán"
	finReq         // closed only: "ăn", "tiên"
)

// rime is the rule for one vowel group: which finals it takes and which of
// its vowels may carry the tone (bit i = vowel i), open and closed.
type rime struct {
	fin             int
	toneOpen, toneC uint8
}

func r1(fin int, tone uint8) rime { return rime{fin, tone, tone} }

// rimes lists the vowel groups of Vietnamese (bases without tone). Both tone
// placements are accepted where both are in use ("hòa"/"hoà", "thủy"/"thuỷ").
var rimes = map[string]rime{
	"a": r1(finOpt, 1), "ă": r1(finReq, 1), "â": r1(finReq, 1), "e": r1(finOpt, 1),
	"ê": r1(finOpt, 1), "i": r1(finOpt, 1), "o": r1(finOpt, 1), "ô": r1(finOpt, 1),
	"ơ": r1(finOpt, 1), "u": r1(finOpt, 1), "ư": r1(finOpt, 1), "y": r1(finOpt, 1),

	"ai": r1(finNone, 1), "ao": r1(finNone, 1), "au": r1(finNone, 1), "ay": r1(finNone, 1),
	"âu": r1(finNone, 1), "ây": r1(finNone, 1), "eo": r1(finNone, 1), "êu": r1(finNone, 1),
	"ia": r1(finNone, 1), "iu": r1(finNone, 1), "oi": r1(finNone, 1), "ôi": r1(finNone, 1),
	"ơi": r1(finNone, 1), "ui": r1(finNone, 1), "ưi": r1(finNone, 1), "ưu": r1(finNone, 1),
	"ua": r1(finNone, 1), "ưa": r1(finNone, 1), "uơ": r1(finNone, 2),

	"oa": {finOpt, 3, 2}, "oe": {finOpt, 3, 2}, "uy": {finOpt, 3, 2},
	"oă": r1(finReq, 2), "oo": r1(finReq, 2), "uâ": r1(finReq, 2), "uê": r1(finOpt, 2),
	"iê": r1(finReq, 2), "yê": r1(finReq, 2), "uô": r1(finReq, 2), "ươ": r1(finReq, 2),

	"iêu": r1(finNone, 2), "yêu": r1(finNone, 2), "oai": r1(finNone, 2), "oay": r1(finNone, 2),
	"oao": r1(finNone, 2), "oeo": r1(finNone, 2), "uây": r1(finNone, 2), "uôi": r1(finNone, 2),
	"ươi": r1(finNone, 2), "ươu": r1(finNone, 2), "uya": r1(finNone, 2), "uyu": r1(finNone, 2),
	"uyê": r1(finReq, 4),
}

var initials = map[string]bool{
	"": true, "b": true, "c": true, "ch": true, "d": true, "đ": true, "g": true, "gh": true,
	"gi": true, "h": true, "k": true, "kh": true, "l": true, "m": true, "n": true, "ng": true,
	"ngh": true, "nh": true, "p": true, "ph": true, "qu": true, "r": true, "s": true, "t": true,
	"th": true, "tr": true, "v": true, "x": true,
}

// finals after the vowel group; "k" is for Central Highlands names ("Đắk Lắk").
var finals = map[string]bool{
	"": true, "c": true, "ch": true, "k": true, "m": true, "n": true, "ng": true, "nh": true,
	"p": true, "t": true,
}

// maxSyllable bounds a syllable in runes ("nghiêng" has 7).
const maxSyllable = 10

// validSyllable reports whether w (NFC, any case) is one well-formed
// Vietnamese syllable: a known initial, a vowel group with the finals it
// allows, at most one tone on a vowel that may carry it, and sắc or nặng on
// syllables closed by c, ch, p, t. It checks structure, not the dictionary;
// detection uses it to tell real text from the garbage a wrong reading yields.
func validSyllable(w string) bool {
	if len(w) > 4*maxSyllable {
		return false
	}
	rs := []rune(strings.ToLower(w))
	i := 0
	for i < len(rs) && !isVowel(rs[i]) {
		if !strings.ContainsRune("bcdđghklmnpqrstvx", rs[i]) {
			return false
		}
		i++
	}
	if i == len(rs) {
		return false
	}
	init := string(rs[:i])
	switch init {
	case "q": // the u of "qu" belongs to the initial
		if vowels[rs[i]] != (vowel{'u', toneNone}) {
			return false
		}
		return validRime("qu", rs[i+1:])
	case "g": // "già" is gi+à, "gìn" is g+ìn, "giếng" reads either way
		if vowels[rs[i]] == (vowel{'i', toneNone}) && i+1 < len(rs) && isVowel(rs[i+1]) &&
			validRime("gi", rs[i+1:]) {
			return true
		}
	}
	return initials[init] && validRime(init, rs[i:])
}

// validRime checks the part of a syllable after its initial.
func validRime(init string, rs []rune) bool {
	var base []rune
	tone, at := toneNone, -1
	j := 0
	for ; j < len(rs); j++ {
		v, ok := vowels[rs[j]]
		if !ok {
			break
		}
		base = append(base, v.base)
		if v.tone != toneNone {
			if tone != toneNone {
				return false
			}
			tone, at = v.tone, j
		}
	}
	fin := string(rs[j:])
	rule, ok := rimes[string(base)]
	if j == 0 || !ok || !finals[fin] {
		return false
	}
	if (fin == "" && rule.fin == finReq) || (fin != "" && rule.fin == finNone) {
		return false
	}
	last := base[len(base)-1]
	if (fin == "ch" || fin == "nh") && !strings.ContainsRune("aêiy", last) {
		return false
	}
	if tone != toneNone {
		mask := rule.toneOpen
		if fin != "" {
			mask = rule.toneC
		}
		if mask&(1<<at) == 0 {
			return false
		}
	}
	switch fin {
	case "c", "ch", "p", "t", "k":
		if tone != toneAcute && tone != toneDot {
			return false
		}
	}
	// Spelling: k, gh, ngh go before e ê i y; c, ng, g do not (but "gì").
	front := strings.ContainsRune("eêiy", base[0])
	switch init {
	case "k", "gh", "ngh":
		return front
	case "c", "ng":
		return !front
	case "g":
		return !front || base[0] == 'i'
	}
	return true
}
