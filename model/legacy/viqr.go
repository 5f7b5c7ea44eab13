package legacy

import (
	"strings"
	"unicode"
)

// VIQR (RFC 1456) writes marks as ASCII after the vowel: ( breve, ^
// circumflex, + horn, then ' ` ? ~ . for the tones; dd is đ; a backslash
// makes the next mark literal ("ra\." is "ra" and a full stop).

func viqrTone(r rune) int {
	return strings.IndexRune("\x00'`?~.", r)
}

func isViqrMark(r rune) bool {
	return strings.ContainsRune("(^+'`?~.", r)
}

func isASCIILetter(r rune) bool { return 'a' <= r|0x20 && r|0x20 <= 'z' }

// viqrWord is one parsed VIQR word.
type viqrWord struct {
	end      int    // index after the word
	out      []rune // decoded letters
	marks    bool   // some mark or dd was applied
	strong   bool   // a breve, circumflex, horn or dd: rare outside VIQR
	internal bool   // a tone mark followed by a letter ("Ba.n"), or ~ `
	trail    int    // mark runes at the very end of the word
}

// parseViqr reads the word starting at rs[i] (an ASCII letter). A mark is
// taken only right after a vowel it can apply to; anything else ends the word.
func parseViqr(rs []rune, i int) viqrWord {
	var w viqrWord
	j := i
	if j+1 < len(rs) && (rs[j]|0x20) == 'd' && (rs[j+1]|0x20) == 'd' && !(rs[j] == 'd' && rs[j+1] == 'D') {
		d := 'đ'
		if rs[j] == 'D' {
			d = 'Đ'
		}
		w.out = append(w.out, d)
		w.marks, w.strong = true, true
		j += 2
	}
	for j < len(rs) && isASCIILetter(rs[j]) {
		c := rs[j]
		lower := unicode.ToLower(c)
		j++
		if !strings.ContainsRune("aeiouy", lower) {
			w.out = append(w.out, c)
			continue
		}
		base, tone := lower, toneNone
		if j < len(rs) {
			if nb, ok := modified[[2]rune{base, rs[j]}]; ok {
				base, w.marks, w.strong = nb, true, true
				j++
			}
		}
		if j < len(rs) && viqrTone(rs[j]) > 0 {
			tone, w.marks = viqrTone(rs[j]), true
			w.internal = w.internal || rs[j] == '~' || rs[j] == '`' || (j+1 < len(rs) && isASCIILetter(rs[j+1]))
			j++
		}
		w.out = append(w.out, compose(base, tone, c != lower))
	}
	w.end = j
	for k := j - 1; k > i && isViqrMark(rs[k]); k-- {
		w.trail++
	}
	return w
}

// viqrTally counts VIQR evidence: words decoded with a strong mark, with an
// internal tone only, with a final tone only (which ordinary punctuation
// also makes: "Go."), and words whose marks would give no Vietnamese syllable.
type viqrTally struct{ strong, medium, weak, bad int }

func (t *viqrTally) add(o viqrTally) {
	t.strong += o.strong
	t.medium += o.medium
	t.weak += o.weak
	t.bad += o.bad
}

// likely reports whether the tally is strong enough to auto-detect VIQR:
// ordinary English ("Hello? Yes.", "a.m.") must not qualify.
func (t viqrTally) likely() bool {
	n := t.strong + t.medium
	return t.strong >= 1 && n >= 2 && 2*t.bad <= n
}

// viqrLine converts one line of VIQR. Words whose marks would not form a
// Vietnamese syllable are kept as typed; a final mark that spoils the
// syllable is read as punctuation ("dda^u?" → "đâu?").
func viqrLine(line string) (string, viqrTally) {
	rs := []rune(line)
	var b strings.Builder
	var t viqrTally
	for i := 0; i < len(rs); {
		r := rs[i]
		if r == '\\' && i+1 < len(rs) && isViqrMark(rs[i+1]) {
			b.WriteRune(rs[i+1])
			i += 2
			continue
		}
		if !isASCIILetter(r) {
			b.WriteRune(r)
			i++
			continue
		}
		w := parseViqr(rs, i)
		end := w.end
		if trail := w.trail; w.marks && !validSyllable(string(w.out)) && trail > 0 {
			if v := parseViqr(rs[:end-trail], i); v.marks && validSyllable(string(v.out)) {
				v.out = append(v.out, rs[end-trail:end]...)
				w = v
			} else {
				w.marks = false
				t.bad++
			}
		} else if w.marks && !validSyllable(string(w.out)) {
			w.marks = false
			t.bad++
		}
		switch {
		case !w.marks:
			b.WriteString(string(rs[i:end]))
		case w.strong:
			t.strong++
		case w.internal:
			t.medium++
		default:
			t.weak++
		}
		if w.marks {
			b.WriteString(string(w.out))
		}
		i = end
	}
	return b.String(), t
}
