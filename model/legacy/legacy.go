// Package legacy detects and converts the pre-Unicode Vietnamese encodings
// still met in old office files and pasted text: TCVN3 (ABC), VNI-Windows,
// VIQR and Windows-1258. Output is always NFC. Text that is already valid
// Vietnamese Unicode is never changed.
//
// Detection reads the text word by word in each encoding and asks whether
// the result is a well-formed Vietnamese syllable (see validSyllable): "B¶o"
// is no syllable as it stands but is "Bảo" in TCVN3; "chaøo" is "chào" in
// VNI. A word that reads as Vietnamese both as it stands and in a legacy
// encoding ("tôi", which TCVN3 would turn into "tụi") counts for nothing.
package legacy

import (
	"bytes"
	"fmt"
	"iter"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"bientap/model/vntext"
)

// Encoding names a source encoding.
type Encoding int

// The encodings; UTF8 means valid Unicode, left as it is.
const (
	Auto   Encoding = iota // detect
	UTF8                   // Unicode (UTF-8, UTF-16 with BOM)
	TCVN3                  // TCVN3 / ABC, fonts .VnTime, .VnTimeH
	VNI                    // VNI-Windows, fonts VNI-Times
	VIQR                   // RFC 1456, ASCII marks after vowels
	CP1258                 // Windows-1258
)

var (
	encKeys   = [...]string{"auto", "utf8", "tcvn3", "vni", "viqr", "cp1258"}
	encLabels = [...]string{"tự động", "Unicode", "TCVN3 (ABC)", "VNI-Windows", "VIQR", "Windows-1258"}
	encAlias  = map[string]Encoding{
		"": Auto, "utf-8": UTF8, "unicode": UTF8, "abc": TCVN3, "tcvn": TCVN3,
		"vni-windows": VNI, "windows-1258": CP1258, "1258": CP1258,
	}
)

// String is the key used on the command line: "auto", "tcvn3", …
func (e Encoding) String() string {
	if e >= 0 && int(e) < len(encKeys) {
		return encKeys[e]
	}
	return fmt.Sprintf("Encoding(%d)", int(e))
}

// Label is the name shown to clerks: "TCVN3 (ABC)", "VNI-Windows", …
func (e Encoding) Label() string {
	if e >= 0 && int(e) < len(encLabels) {
		return encLabels[e]
	}
	return e.String()
}

// ParseEncoding reads "auto", "utf8", "tcvn3", "vni", "viqr" or "cp1258"
// (any case; also "abc", "unicode", "windows-1258"; empty means auto).
func ParseEncoding(s string) (Encoding, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	for i, key := range encKeys {
		if k == key {
			return Encoding(i), nil
		}
	}
	if e, ok := encAlias[k]; ok {
		return e, nil
	}
	return Auto, fmt.Errorf("bảng mã không rõ %q (chọn auto, tcvn3, vni, viqr, cp1258 hoặc utf8)", s)
}

// Report says what a conversion took the text to be.
type Report struct {
	Encoding   Encoding // what the text was read as; UTF8 when left unchanged
	Confidence float64  // 0..1; 1 when the encoding was chosen by the caller
	Detail     string   // one Vietnamese sentence for the clerk
}

// ConvertString converts pasted text. Legacy text arrives here already
// decoded as CP1252 characters ("B¶o Th¾ng", "chaøo"). With from == Auto the
// encoding is detected; lines holding Vietnamese Unicode letters are never
// touched, whatever from says. The result is NFC (vntext.Clean); line
// endings are kept.
func ConvertString(s string, from Encoding) (string, Report) {
	return decodeString(s, from, "")
}

// DecodeBytes decodes a text file. A UTF-8 BOM is dropped; UTF-32 and
// UTF-16 with a BOM (or unmistakably so without one) are decoded. Valid UTF-8 is handled
// like pasted text, which also catches legacy text once saved as UTF-8 from
// a CP1252 view ("B¶o" stored as UTF-8); raw TCVN3 or VNI bytes practically
// never form valid UTF-8 (a toned letter would have to precede a vowel
// byte). Other bytes are single-byte legacy text, scored as TCVN3, VNI and
// Windows-1258 (the fallback when nothing fits). The error is a one-line
// Vietnamese message: a binary file, a cut UTF-16 file, or invalid UTF-8
// when from == UTF8. CRLF is kept; output is NFC.
func DecodeBytes(b []byte, from Encoding) (string, Report, error) {
	off := 0
	switch {
	case bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")):
		b, off = b[3:], 3
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}): // before UTF-16 LE, whose BOM it starts with
		return decodeUTF32(b[4:], false, from)
	case bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
		return decodeUTF32(b[4:], true, from)
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(b[2:], false, from)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b[2:], true, from)
	}
	if be, ok := sniffUTF32(b); ok {
		return decodeUTF32(b, be, from)
	}
	if be, ok := sniffUTF16(b); ok {
		return decodeUTF16(b, be, from)
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return "", Report{}, fmt.Errorf("tệp có byte 0 ở vị trí %d: có vẻ là tệp nhị phân (.doc, .pdf…), không phải văn bản thuần", off+i)
	}
	if utf8.Valid(b) {
		out, rep := decodeString(string(b), from, "")
		return out, rep, nil
	}
	if from == UTF8 {
		return "", Report{}, fmt.Errorf("tệp không phải UTF-8 hợp lệ (byte lạ ở vị trí %d); hãy để bảng mã tự động hoặc chọn bảng mã cũ", off+invalidAt(b))
	}
	out, rep := analyze(cp1252View(b)).decodeSingle(b, from)
	return out, rep, nil
}

// decodeSingle converts single-byte legacy bytes b, whose CP1252 view a has
// analysed; with from == Auto it picks TCVN3, VNI or Windows-1258.
func (a *analysis) decodeSingle(b []byte, from Encoding) (string, Report) {
	p := plan{enc: from, conf: 1}
	if from == Auto {
		p = a.detect(Auto)
		if !isSingleByte(p.enc) || p.mixed {
			p = plan{enc: CP1258, conf: 0.3, fallback: true}
		}
	}
	if p.enc == CP1258 {
		return vntext.Clean(decodeCP1258(b)), a.report(p, from, 0, 0, "")
	}
	return a.run(p, from, "")
}

func decodeUTF16(b []byte, bigEndian bool, from Encoding) (string, Report, error) {
	form := "UTF-16 LE"
	if bigEndian {
		form = "UTF-16 BE"
	}
	if len(b)%2 != 0 {
		return "", Report{}, fmt.Errorf("tệp %s bị cắt cụt (số byte lẻ)", form)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return decodeWide(string(utf16.Decode(u)), from, form)
}

// decodeUTF32 decodes UTF-32 (the BOM already removed); a code point
// beyond Unicode or a surrogate becomes U+FFFD and is counted in the report.
func decodeUTF32(b []byte, bigEndian bool, from Encoding) (string, Report, error) {
	form := "UTF-32 LE"
	if bigEndian {
		form = "UTF-32 BE"
	}
	if len(b)%4 != 0 {
		return "", Report{}, fmt.Errorf("tệp %s bị cắt cụt (số byte không chia hết cho 4)", form)
	}
	rs := make([]rune, len(b)/4)
	for i := range rs {
		q := b[4*i : 4*i+4]
		var c uint32
		if bigEndian {
			c = uint32(q[0])<<24 | uint32(q[1])<<16 | uint32(q[2])<<8 | uint32(q[3])
		} else {
			c = uint32(q[3])<<24 | uint32(q[2])<<16 | uint32(q[1])<<8 | uint32(q[0])
		}
		r := rune(c)
		if c > unicode.MaxRune || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		rs[i] = r
	}
	return decodeWide(string(rs), from, form)
}

// decodeWide finishes a UTF-16 or UTF-32 text: a NUL character means a
// binary file (or a wrong guess), replaced characters are reported.
func decodeWide(s string, from Encoding, form string) (string, Report, error) {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return "", Report{}, fmt.Errorf("tệp %s có ký tự 0 (ký tự thứ %d): có vẻ là tệp nhị phân, không phải văn bản thuần", form, utf8.RuneCountInString(s[:i])+1)
	}
	bad := strings.Count(s, string(utf8.RuneError))
	out, rep := decodeString(s, from, form)
	if bad > 0 {
		rep.Detail += fmt.Sprintf("; %d ký tự hỏng đã thay bằng dấu �", bad)
	}
	return out, rep, nil
}

// sniffUTF32 recognises UTF-32 without a BOM: Vietnamese text lies in the
// Basic Multilingual Plane, so the two high bytes of every character are 0
// (and the text is not all zeros).
func sniffUTF32(b []byte) (bigEndian, ok bool) {
	if len(b) < 8 || len(b)%4 != 0 {
		return false, false
	}
	le, be, nonzero := true, true, false
	for i := 0; i < len(b) && (le || be); i += 4 {
		le = le && b[i+3] == 0 && b[i+2] == 0
		be = be && b[i] == 0 && b[i+1] == 0
		nonzero = nonzero || b[i] != 0 || b[i+3] != 0
	}
	switch {
	case le && !be && nonzero:
		return false, true
	case be && !le && nonzero:
		return true, true
	}
	return false, false
}

// sniffUTF16 recognises UTF-16 without a BOM by its zero bytes: Vietnamese
// text is mostly ASCII letters and spaces, so one byte of most pairs is 0.
func sniffUTF16(b []byte) (bigEndian, ok bool) {
	n := len(b) / 2
	if n < 2 || len(b)%2 != 0 {
		return false, false
	}
	var z0, z1 int
	for i := 0; i < len(b); i += 2 {
		if b[i] == 0 {
			z0++
		}
		if b[i+1] == 0 {
			z1++
		}
	}
	switch {
	case z1*10 >= n*3 && z0*20 <= n:
		return false, true
	case z0*10 >= n*3 && z1*20 <= n:
		return true, true
	}
	return false, false
}

func decodeString(s string, from Encoding, form string) (string, Report) {
	if from == UTF8 {
		return vntext.Clean(s), Report{UTF8, 1, withForm(form, "Giữ nguyên: văn bản là Unicode")}
	}
	a := analyze(s)
	return a.run(a.detect(from), from, form)
}

func withForm(form, detail string) string {
	if form == "" {
		return detail
	}
	return form + ": " + detail
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// singleByte are the encodings scored against each other word by word.
var singleByte = [3]Encoding{TCVN3, VNI, CP1258}

func sbIndex(e Encoding) int {
	for i, s := range singleByte {
		if s == e {
			return i
		}
	}
	return -1
}

func isSingleByte(e Encoding) bool { return sbIndex(e) >= 0 }

// decodeWord reads one word in a single-byte encoding.
func decodeWord(e Encoding, w string) (string, bool) {
	switch e {
	case TCVN3:
		return tcvn3Token(w)
	case VNI:
		return vniToken(w)
	}
	return cp1258Text(w)
}

// convertLine converts one line from e.
func convertLine(e Encoding, line string) string {
	switch e {
	case TCVN3:
		return tcvn3Line(line)
	case VIQR:
		out, _ := viqrLine(line)
		return out
	case CP1258:
		out, _ := cp1258Text(line)
		return out
	}
	var b strings.Builder
	for s := range segments(line) {
		if s.word {
			out, _ := decodeWord(e, s.text)
			b.WriteString(out)
		} else {
			b.WriteString(s.text)
		}
	}
	return b.String()
}

// seg is a run of word runes or of other runes.
type seg struct {
	text string
	word bool
}

// isWordRune: letters, marks and every Latin-1 rune from ¡ up, since legacy
// encodings put letters on symbols ("¶" is ả in TCVN3, 0xAD is ư).
func isWordRune(r rune) bool {
	return (r >= 0xA1 && r <= 0xFF) || unicode.IsLetter(r) || unicode.IsMark(r)
}

// segments yields the runs of word runes and of other runes of line, in
// order, without building a list (a line may be megabytes long).
func segments(line string) iter.Seq[seg] {
	return func(yield func(seg) bool) {
		start, word := 0, false
		for i, r := range line {
			w := isWordRune(r)
			if i > start && w != word {
				if !yield(seg{line[start:i], word}) {
					return
				}
				start = i
			}
			word = w
		}
		if start < len(line) {
			yield(seg{line[start:], word})
		}
	}
}

// isVietRune reports the runes only Vietnamese Unicode text has: letters
// beyond Latin-1 and the combining marks of decomposed text.
func isVietRune(r rune) bool {
	switch r {
	case 'Ă', 'ă', 'Đ', 'đ', 'Ĩ', 'ĩ', 'Ũ', 'ũ', 'Ơ', 'ơ', 'Ư', 'ư', 'Ɖ',
		'\u0300', '\u0301', '\u0302', '\u0303', '\u0306', '\u0309', '\u031B', '\u0323':
		return true
	}
	return r >= 0x1EA0 && r <= 0x1EF9
}

// tally counts words by how a reading treats them: strong (a syllable only
// in this reading), weak (a syllable both ways, or a lone symbol), bad (no
// syllable in this reading).
type tally struct{ strong, weak, bad int }

// lineStat is the evidence found in one line.
type lineStat struct {
	uni   int       // words with Vietnamese Unicode letters or combining marks
	latin int       // words of Latin-1 letters that are Vietnamese as they stand
	enc   [3]tally  // per singleByte encoding
	viqr  viqrTally // VIQR reading
}

func (st *lineStat) word(w string) {
	high := false
	for _, r := range w {
		if isVietRune(r) {
			st.uni++
			return
		}
		high = high || r >= 0x80
	}
	if !high {
		return
	}
	if utf8.RuneCountInString(w) > 2*maxSyllable { // no syllable in any reading
		for k := range st.enc {
			st.enc[k].bad++
		}
		return
	}
	as := vntext.Clean(w)
	asOK := validSyllable(as)
	if asOK {
		st.latin++
	}
	r, _ := utf8.DecodeRuneInString(w)
	lone := len(w) == utf8.RuneLen(r) && !unicode.IsLetter(r)
	for k, e := range singleByte {
		dec, ok := decodeWord(e, w)
		dec = vntext.Clean(dec)
		switch {
		case !ok || !validSyllable(dec):
			st.enc[k].bad++
		case dec == as:
		case asOK || lone:
			st.enc[k].weak++
		default:
			st.enc[k].strong++
		}
	}
}

// analysis holds a text split into lines (with their endings) and the
// evidence in each.
type analysis struct {
	lines    []string
	stats    []lineStat
	total    lineStat // summed over the lines without Unicode words
	uniWords int
	uniLines int
	high     bool // any non-ASCII rune
}

func analyze(text string) *analysis {
	a := &analysis{lines: strings.SplitAfter(text, "\n")}
	a.stats = make([]lineStat, len(a.lines))
	for i, line := range a.lines {
		st := &a.stats[i]
		for s := range segments(line) {
			if s.word {
				st.word(s.text)
			}
		}
		for _, r := range line {
			if r >= 0x80 {
				a.high = true
				break
			}
		}
		if st.uni > 0 {
			a.uniWords += st.uni
			a.uniLines++
			continue
		}
		_, st.viqr = viqrLine(line)
		a.total.latin += st.latin
		a.total.viqr.add(st.viqr)
		for k := range st.enc {
			a.total.enc[k].strong += st.enc[k].strong
			a.total.enc[k].weak += st.enc[k].weak
			a.total.enc[k].bad += st.enc[k].bad
		}
	}
	return a
}

// best returns the single-byte encoding with most strong words and that
// count; -1 on a tie or when none has any.
func (a *analysis) best() (int, int) {
	k, n, tie := -1, 0, false
	for i, t := range a.total.enc {
		switch {
		case t.strong > n:
			k, n, tie = i, t.strong, false
		case t.strong == n && n > 0:
			tie = true
		}
	}
	if tie {
		return -1, n
	}
	return k, n
}

// plan is how a text will be converted.
type plan struct {
	enc      Encoding
	mixed    bool // convert only the lines with evidence of enc
	conf     float64
	fallback bool // nothing fitted; Windows-1258 by default
}

// confidence grows with the evidence for and falls with the evidence against.
func confidence(pro, contra int) float64 {
	if pro <= 0 {
		return 0
	}
	return float64(pro) / float64(pro+contra) * float64(pro) / float64(pro+1)
}

// detect chooses what to do with the text. A legacy encoding wins when more
// words are syllables only in it than are no syllable in it, and more than
// in any other. With Unicode letters present the text is mixed: only lines
// without them, and with such evidence of their own, are converted, and only
// if there are at least two such words. VIQR is chosen only for text with no
// other sign of Vietnamese and enough VIQR syllables (viqrTally.likely).
func (a *analysis) detect(from Encoding) plan {
	if from != Auto {
		return plan{enc: from, conf: 1}
	}
	t := a.total
	if k, n := a.best(); k >= 0 {
		other := 0
		for i, e := range t.enc {
			if i != k && e.strong > other {
				other = e.strong
			}
		}
		if n > t.enc[k].bad && (a.uniWords == 0 || n >= 2) {
			p := plan{enc: singleByte[k], mixed: a.uniWords > 0, conf: confidence(n, t.enc[k].bad+other)}
			if p.mixed {
				p.conf *= float64(a.convertible(p)) / float64(a.convertible(p)+a.uniLines)
			}
			if !p.mixed || a.convertible(p) > 0 {
				return p
			}
		}
	}
	if a.uniWords == 0 && t.latin == 0 && t.viqr.likely() {
		n := t.viqr.strong + t.viqr.medium
		return plan{enc: VIQR, conf: confidence(n, t.viqr.bad)}
	}
	n := a.uniWords + t.latin
	against := t.viqr.strong
	for _, e := range t.enc {
		against = max(against, e.strong)
	}
	return plan{enc: UTF8, conf: float64(n+1) / float64(n+1+against)}
}

// lineConverts reports whether line i is converted under p.
func (a *analysis) lineConverts(p plan, i int) bool {
	st := a.stats[i]
	if st.uni > 0 || p.enc == UTF8 {
		return false
	}
	if !p.mixed {
		return true
	}
	e := st.enc[sbIndex(p.enc)]
	return e.strong >= 1 && e.strong > e.bad
}

func (a *analysis) convertible(p plan) int {
	n := 0
	for i := range a.lines {
		if a.lineConverts(p, i) {
			n++
		}
	}
	return n
}

// run applies p and reports.
func (a *analysis) run(p plan, from Encoding, form string) (string, Report) {
	var b strings.Builder
	converted, kept := 0, 0
	for i, line := range a.lines {
		if a.lineConverts(p, i) {
			out := convertLine(p.enc, line)
			if out != line {
				converted++
			}
			b.WriteString(out)
			continue
		}
		if a.stats[i].uni > 0 {
			kept++
		}
		b.WriteString(line)
	}
	return vntext.Clean(b.String()), a.report(p, from, converted, kept, form)
}

// report words the outcome for the clerk.
func (a *analysis) report(p plan, from Encoding, converted, kept int, form string) Report {
	pct := int(p.conf*100 + 0.5)
	var d string
	switch {
	case p.fallback:
		d = fmt.Sprintf("Không nhận ra bảng mã; đã đọc theo Windows-1258, độ tin cậy thấp (%d%%): hãy kiểm tra lại hoặc chọn bảng mã", pct)
	case from != Auto:
		d = "Đã chuyển từ " + p.enc.Label() + " theo lựa chọn"
		if kept > 0 {
			d += fmt.Sprintf("; giữ nguyên %d dòng đã là Unicode", kept)
		}
	case p.mixed:
		d = fmt.Sprintf("Văn bản lẫn Unicode và %s: đã chuyển %d dòng, giữ nguyên %d dòng Unicode; độ tin cậy %d%%",
			p.enc.Label(), converted, kept, pct)
	case p.enc != UTF8:
		d = fmt.Sprintf("Đoán là %s, độ tin cậy %d%%", p.enc.Label(), pct)
	case !a.high && a.total.viqr.strong+a.total.viqr.medium == 0:
		d = "Giữ nguyên: văn bản chỉ có chữ không dấu"
	default:
		d = "Giữ nguyên: văn bản là Unicode"
		if a.uniWords == 0 {
			d = "Giữ nguyên: không thấy dấu hiệu bảng mã cũ"
		}
		if hint := a.hint(); hint != UTF8 {
			d += fmt.Sprintf(" (có vài dấu hiệu %s, chưa đủ để chuyển; nếu đúng hãy chọn bảng mã này)", hint.Label())
		}
	}
	return Report{Encoding: p.enc, Confidence: p.conf, Detail: withForm(form, d)}
}

// hint names the legacy encoding with some evidence, UTF8 when none has.
func (a *analysis) hint() Encoding {
	if k, n := a.best(); k >= 0 && n > 0 {
		return singleByte[k]
	}
	if a.total.viqr.strong > 0 {
		return VIQR
	}
	return UTF8
}
