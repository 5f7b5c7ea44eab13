package importer

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"bientap/model"
	"bientap/model/doc"
)

// This file classifies the lines of the header and the footer of an
// administrative document (Decree 30/2020, Phụ lục I): Quốc hiệu, Tiêu ngữ,
// "Số: …", the place and date, urgency, "V/v …", the tên loại, "Kính gửi",
// "Nơi nhận", and lines in capitals (agency names, the signer's titles).

// line is one line of a document's header or footer: a paragraph, the part
// of one on either side of its tab stops, or a paragraph of a table cell.
type line struct {
	runs  []doc.Run
	text  string // plain text: tabs as spaces, single-spaced, trimmed
	col   int    // 0: left column, 1: right column, -1: not in columns
	align string
	part  part // what its paragraph style says, partNone for a plain style
	block int  // index of the top-level block it comes from
}

// bold reports whether all the line's text is bold.
func (l line) bold() bool { return allBold(l.runs) }

// lineKind is what a line of a header or footer is.
type lineKind int

const (
	lkOther     lineKind = iota
	lkEmpty              // nothing but spaces
	lkRule               // a rule typed as a line of "_" or "-"
	lkQuocHieu           // CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
	lkTieuNgu            // Độc lập - Tự do - Hạnh phúc
	lkNumber             // Số: 05/TB-UBND
	lkPlaceDate          // Lai Châu, ngày 05 tháng 01 năm 2026
	lkUrgency            // HỎA TỐC, THƯỢNG KHẨN, KHẨN
	lkSecrecy            // MẬT, TỐI MẬT, TUYỆT MẬT
	lkVv                 // V/v … (a công văn's trích yếu)
	lkKind               // THÔNG BÁO, QUYẾT ĐỊNH… alone on the line
	lkKinhGui            // Kính gửi: …
	lkNoiNhan            // Nơi nhận:
	lkUpper              // a line in capitals: an agency, a signer's title
)

var (
	ruleRe      = regexp.MustCompile(`^[\s_\-–—=.…*~]{3,}$`)
	numberRe    = regexp.MustCompile(`(?i)^số(?:\s*[:.]|\s)\s*(.*)$`)
	blanksRe    = regexp.MustCompile(`^[\s\x{a0}._…·]*$`)
	placeDateRe = regexp.MustCompile(`(?i)^(.*?)[\s,]*ngày(\s*[0-9]{1,2}\s*|[\s\x{a0}._…·]+)tháng(\s*[0-9]{1,2}\s*|[\s\x{a0}._…·]+)năm(\s*[0-9]{4}|[\s\x{a0}._…·]*)[\s.]*$`)
	vvRe        = regexp.MustCompile(`^(?:V/[vV]|v/v|V\.v\.?|Về việc|VỀ VIỆC)(?:\s*:)?(?:\s|$)`)
)

// urgencies are the marks of ô 10b by their folded text.
var urgencies = map[string]string{
	"hoa toc": "HỎA TỐC", "hoa toc hen gio": "HỎA TỐC", "thuong khan": "THƯỢNG KHẨN", "khan": "KHẨN",
}

var secrecies = map[string]bool{"mat": true, "toi mat": true, "tuyet mat": true}

// kindNames maps the folded name of each document kind to the kind.
var kindNames = func() map[string]model.Kind {
	m := map[string]model.Kind{}
	for _, k := range model.Kinds {
		if k.Key.IsDocument() {
			m[foldWords(k.Name)] = k.Key
		}
	}
	return m
}()

// foldWords folds s and keeps its words of letters and digits, single
// spaced: "CÔNG ĐIỆN:" → "cong dien".
func foldWords(s string) string { return strings.Join(words(s), " ") }

// oneSpace turns tabs and runs of spaces into single spaces and trims.
func oneSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != '\u00a0' }), " ")
}

// classify says what a line is, from its style's part when it names one,
// else from its text.
func classify(l line) lineKind {
	switch l.part {
	case partQuocHieu:
		return lkQuocHieu
	case partTieuNgu:
		return lkTieuNgu
	case partRule:
		return lkRule
	case partNumber:
		return lkNumber
	case partPlaceDate:
		return lkPlaceDate
	case partUrgency:
		return lkUrgency
	case partSummaryCV:
		return lkVv
	case partKind:
		return lkKind
	case partKinhGui:
		return lkKinhGui
	case partNoiNhan:
		return lkNoiNhan
	case partParent, partAgency, partSigner, partAuthority, partPosition:
		return lkUpper
	}
	t := strings.Trim(l.text, " \u00a0")
	if t == "" {
		return lkEmpty
	}
	if ruleRe.MatchString(t) {
		return lkRule
	}
	f := foldWords(t)
	switch {
	case strings.Contains(f, "cong hoa xa hoi chu nghia viet nam"):
		return lkQuocHieu
	case strings.Contains(f, "doc lap") && strings.Contains(f, "tu do") && strings.Contains(f, "hanh phuc"):
		return lkTieuNgu
	case urgencies[f] != "" && utf8.RuneCountInString(t) <= 20:
		return lkUrgency
	case secrecies[f] && isUpperText(t):
		return lkSecrecy
	}
	if _, _, ok := parseNumberLine(t); ok {
		return lkNumber
	}
	if _, _, _, ok := parsePlaceDate(t); ok {
		return lkPlaceDate
	}
	switch {
	case vvRe.MatchString(t):
		return lkVv
	case kindOfLine(t) != "":
		return lkKind
	case strings.HasPrefix(f, "kinh gui"):
		return lkKinhGui
	case strings.HasPrefix(f, "noi nhan") && utf8.RuneCountInString(t) <= 20:
		return lkNoiNhan
	case isUpperText(t) && wordCount(t, 20) <= 20:
		return lkUpper
	}
	return lkOther
}

// parseNumberLine reads ô 3: "Số: 05/TB-UBND", "Số: 15/2024/QĐ-UBND",
// "Số:      /KH-UBND" (not yet numbered), "Số 07/TB-VP". The number is the
// digits before the first "/", the sign everything after it with the spaces
// around "/" and "-" removed.
func parseNumberLine(t string) (number, sign string, ok bool) {
	m := numberRe.FindStringSubmatch(strings.TrimSpace(t))
	if m == nil {
		return "", "", false
	}
	rest := strings.Trim(m[1], " \u00a0")
	if rest == "" || blanksRe.MatchString(rest) {
		return "", "", strings.Contains(t, ":") // "Số:" alone
	}
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	number = rest[:i]
	rest = strings.TrimLeft(rest[i:], " \u00a0._…·")
	switch {
	case rest == "" && number != "":
		return number, "", true
	case !strings.HasPrefix(rest, "/"):
		return "", "", false
	}
	sign = strings.TrimSpace(rest[1:])
	for _, sep := range []string{"/", "-"} {
		for strings.Contains(sign, " "+sep) || strings.Contains(sign, sep+" ") {
			sign = strings.ReplaceAll(strings.ReplaceAll(sign, " "+sep, sep), sep+" ", sep)
		}
	}
	if sign == "" || strings.ContainsAny(sign, " \u00a0") || utf8.RuneCountInString(sign) > 40 {
		return "", "", false
	}
	return number, sign, true
}

// parsePlaceDate reads ô 4: "Lai Châu, ngày 05 tháng 01 năm 2026", or with
// the day, month and year left blank in a draft (dated false). The place is
// a name of a few words: a sentence that ends with a date ("Căn cứ Luật …
// ngày 19 tháng 02 năm 2025") is not a place/date line.
func parsePlaceDate(t string) (place string, date time.Time, dated, ok bool) {
	m := placeDateRe.FindStringSubmatch(strings.TrimSpace(t))
	if m == nil {
		return "", time.Time{}, false, false
	}
	place = strings.Trim(m[1], " ,\u00a0")
	if utf8.RuneCountInString(place) > 50 || wordCount(place, 8) > 7 || strings.ContainsAny(place, ";:()") {
		return "", time.Time{}, false, false
	}
	if f := foldWords(place); strings.HasPrefix(f, "can cu") || strings.HasPrefix(f, "theo") {
		return "", time.Time{}, false, false
	}
	day, month, year := strings.TrimSpace(m[2]), strings.TrimSpace(m[3]), strings.TrimSpace(m[4])
	if d, ok := dmy(day, month, year); ok {
		return place, d, true, true
	}
	// Left blank to be filled in by hand: room for the day and the month.
	if blanksRe.MatchString(m[2]) && blanksRe.MatchString(m[3]) {
		return place, time.Time{}, false, true
	}
	return "", time.Time{}, false, false
}

// kindOfLine is the kind named by a line that is only a tên loại
// ("THÔNG BÁO", "Quyết định", "T H Ô N G  B Á O"), "" for other lines.
func kindOfLine(t string) model.Kind {
	if utf8.RuneCountInString(t) > 40 {
		return ""
	}
	f := foldWords(t)
	if k, ok := kindNames[f]; ok {
		return k
	}
	// Letters spaced out by hand: every word one letter.
	ws := strings.Fields(f)
	if len(ws) >= 4 {
		for _, w := range ws {
			if utf8.RuneCountInString(w) != 1 {
				return ""
			}
		}
		joined := strings.Join(ws, "")
		for name, k := range kindNames {
			if strings.ReplaceAll(name, " ", "") == joined {
				return k
			}
		}
	}
	return ""
}

// kindOfSign is the kind a ký hiệu names ("QĐ-UBND" → quyết định, "TTr-VP"
// → tờ trình; "UBND-VX", whose first group names the issuer, → công văn;
// "CV-…" → công văn). The year of a legal document ("2024/QĐ-UBND") is
// skipped. ok is false for an empty sign.
func kindOfSign(sign string) (model.Kind, string, bool) {
	s := sign
	if i := strings.LastIndex(s, "/"); i >= 0 {
		s = s[i+1:]
	}
	first, _, _ := strings.Cut(s, "-")
	first = strings.TrimSpace(first)
	if first == "" {
		return "", "", false
	}
	for _, k := range model.Kinds {
		if k.Abbr != "" && k.Abbr == first {
			return k.Key, first, true
		}
	}
	for _, k := range model.Kinds {
		if k.Abbr != "" && strings.EqualFold(k.Abbr, first) {
			return k.Key, first, true
		}
	}
	return model.KindCongVan, first, true
}

// isUpperText reports whether s has at least two letters and none of them
// lower case.
func isUpperText(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// linesOf splits a block into lines: a paragraph at its tab stops (the part
// before them in the left column, the rest in the right one; a paragraph
// whose text starts after tabs is in the column its tab stop falls in), a
// table into its cells' paragraphs (the first column left, the last right).
func linesOf(b dblock, idx int) []line {
	if b.Kind == doc.Table && b.rows != nil {
		var out []line
		for _, row := range b.rows {
			width := len(row)
			for j, cell := range row {
				col := 1
				if j == 0 || j < width/2 {
					col = 0
				}
				for _, cb := range cell {
					for _, l := range linesOf(cb, idx) {
						l.col = col
						out = append(out, l)
					}
				}
			}
		}
		return out
	}
	if b.Kind == doc.Image || b.Kind == doc.Table {
		return nil
	}
	parts := splitTabs(b.Runs)
	mk := func(runs []doc.Run, col int) line {
		runs = trimRuns(untab(runs))
		return line{runs: runs, text: oneSpace(doc.PlainText(runs)), col: col, align: b.align, part: b.part, block: idx}
	}
	if len(parts) == 0 {
		return nil
	}
	first := -1
	switch {
	case parts[0].lead > 0 && b.tabPos(parts[0].lead) >= b.mid():
		first = 1
	case parts[0].lead > 0 || len(parts) > 1:
		first = 0
	case b.align == "right":
		first = 1
	}
	if len(parts) == 1 {
		return []line{mk(parts[0].runs, first)}
	}
	var right []doc.Run
	for i, p := range parts[1:] {
		if i > 0 {
			right = append(right, doc.Run{Text: " "})
		}
		right = append(right, p.runs...)
	}
	if first == 1 { // both parts right of the middle
		return []line{mk(append(append(parts[0].runs, doc.Run{Text: " "}), right...), 1)}
	}
	return []line{mk(parts[0].runs, 0), mk(right, 1)}
}

// tabPart is the text between tab stops; lead counts the tabs before the
// first part.
type tabPart struct {
	runs []doc.Run
	lead int
}

// splitTabs splits runs at each run of tabs into the non-empty parts.
func splitTabs(runs []doc.Run) []tabPart {
	var out []tabPart
	var cur []doc.Run
	lead := 0
	push := func() {
		if strings.TrimSpace(doc.PlainText(cur)) != "" {
			out = append(out, tabPart{runs: cur, lead: lead})
			lead = 0
		}
		cur = nil
	}
	for _, r := range runs {
		for {
			i := strings.IndexByte(r.Text, '\t')
			if i < 0 {
				cur = append(cur, r)
				break
			}
			if i > 0 {
				cur = append(cur, doc.Run{Text: r.Text[:i], Bold: r.Bold, Italic: r.Italic})
			}
			if len(out) == 0 && strings.TrimSpace(doc.PlainText(cur)) == "" {
				lead++
				cur = nil
			} else {
				push()
			}
			r.Text = r.Text[i+1:]
		}
	}
	push()
	return out
}

// untab turns tabs into spaces: a tab in the body is only a gap.
func untab(runs []doc.Run) []doc.Run {
	var out []doc.Run
	for _, r := range runs {
		if strings.IndexByte(r.Text, '\t') >= 0 {
			r.Text = strings.ReplaceAll(r.Text, "\t", " ")
			for strings.Contains(r.Text, "  ") {
				r.Text = strings.ReplaceAll(r.Text, "  ", " ")
			}
		}
		out = append(out, r)
	}
	return out
}

// cleanAddressee is a Kính gửi name without the list mark and end
// punctuation the layout adds: "- Sở Y tế;" → "Sở Y tế".
func cleanAddressee(s string) string {
	s = strings.TrimSpace(oneSpace(s))
	s = strings.TrimSpace(strings.TrimLeft(s, "-–+•·*"))
	return strings.TrimRight(s, ";,. ")
}

// isListLine reports whether a line is an item of a list: "- …", "+ …".
func isListLine(t string) bool {
	t = strings.TrimSpace(t)
	return t != "" && strings.ContainsRune("-–+•·", []rune(t)[0])
}

// placeholders are the notes printed where the signature goes in copies
// ("(Đã ký)", "(Ký, ghi rõ họ tên, đóng dấu)").
func isSignaturePlaceholder(t string) bool {
	f := foldWords(t)
	t = strings.TrimSpace(t)
	inBrackets := strings.HasPrefix(t, "(") || strings.HasPrefix(t, "[")
	return inBrackets && strings.Contains(" "+f+" ", " ky ") || f == "da ky" || f == "daky" || f == "chu ky so"
}

// positionWords start or make up the titles of a signer ("KT. CHỦ TỊCH",
// "PHÓ GIÁM ĐỐC"), folded.
var positionWords = []string{"tm", "kt", "tl", "tuq", "q", "chu tich", "giam doc", "truong", "pho", "chanh",
	"thu truong", "bi thu", "uy ban", "ubnd", "hoi dong", "ban", "so", "van phong", "cuc", "tong", "vien",
	"hieu truong", "chu nhiem", "thu ky", "ke toan", "nguoi", "dai dien", "thay mat", "uy vien"}

// isPositionLine reports whether a line in capitals names a signer's
// authority or title rather than the signer.
func isPositionLine(t string) bool {
	if !isUpperText(t) {
		return false
	}
	f := " " + foldWords(t) + " "
	for _, w := range positionWords {
		if strings.Contains(f, " "+w+" ") {
			return true
		}
	}
	return false
}

// upperFirstRune puts the first letter of s in capitals.
func upperFirstRune(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirstRune puts the first letter of s in lower case.
func lowerFirstRune(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
