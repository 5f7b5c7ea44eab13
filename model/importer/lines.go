package importer

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"bientap/model/vntext"
)

// This file classifies the lines of a portal page: the remains of its links,
// the heading of its "Các tin đã đăng" list and the items under it, the
// byline, an image caption and the weekday-and-date line. The HTML importer
// uses the same rules on the text of its blocks.

// words folds s (lower case, no diacritics, đ→d) and splits it into words of
// letters and digits; every other character separates words.
func words(s string) []string {
	return strings.FieldsFunc(vntext.Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// phraseSet holds folded phrases as word sequences for greedy matching.
type phraseSet struct {
	byFirst map[string][][]string
}

func newPhraseSet(phrases ...string) phraseSet {
	ps := phraseSet{byFirst: map[string][][]string{}}
	for _, p := range phrases {
		w := strings.Fields(p)
		ps.byFirst[w[0]] = append(ps.byFirst[w[0]], w)
	}
	return ps
}

// covers reports whether ws is entirely a sequence of the set's phrases
// (and of extra single words accepted by also).
func (ps phraseSet) covers(ws []string, also func(string) bool) bool {
	// ok[i] says whether ws[i:] can be covered; filled from the end.
	ok := make([]bool, len(ws)+1)
	ok[len(ws)] = true
	for i := len(ws) - 1; i >= 0; i-- {
		for _, p := range ps.byFirst[ws[i]] {
			if i+len(p) <= len(ws) && slices.Equal(ws[i:i+len(p)], p) && ok[i+len(p)] {
				ok[i] = true
				break
			}
		}
		if !ok[i] && also != nil && also(ws[i]) && ok[i+1] {
			ok[i] = true
		}
	}
	return ok[0]
}

// linkPhrases are the words a page's links leave behind when the page is
// copied as text (folded).
var linkPhrases = newPhraseSet(
	"print", "in", "in bai", "in bai viet", "in trang", "in tin", "ban in", "ban de in", "in an",
	"send", "send mail", "send email", "send e mail", "send to friend", "send to a friend", "email", "e mail", "mail",
	"gui", "gui email", "gui e mail", "gui mail", "gui bai", "gui tin", "gui bai viet", "gui cho ban be",
	"gui ban be", "gui email cho ban be", "gui tin bai", "gui cho ban",
	"quay lai", "quay ve", "tro ve", "tro lai", "ve trang truoc", "ve trang chu", "trang chu",
	"ve dau trang", "len dau trang", "dau trang", "len dau", "back", "go back", "top", "go top", "back to top",
	"chia se", "chia se bai viet", "share", "facebook", "zalo", "twitter", "tweet", "like", "google", "linkedin",
	"luu", "luu tin", "luu bai", "luu bai viet", "bookmark", "binh luan", "phan hoi", "y kien", "y kien ban doc",
	"gop y", "comment", "comments", "dong", "dong lai", "dong cua so", "close", "xem them", "doc them",
	"tai ve", "download", "rss", "co chu", "nghe doc bai", "nghe bai viet", "doc bai", "nghe", "play",
)

// pagingPhrases may follow a list: page numbers and next/previous links.
var pagingPhrases = newPhraseSet(
	"tiep", "xem tiep", "trang sau", "trang tiep", "trang truoc", "sau", "truoc", "cuoi", "dau", "trang dau",
	"trang cuoi", "next", "prev", "previous", "first", "last", "more", "xem tat ca", "tat ca", "trang",
)

// isLinkLine reports whether a line is only the remains of page links
// ("In | Gửi email | Quay lại"). In a list region, page numbers, paging
// words and lines of bare separators also count.
func isLinkLine(line string, paging bool) bool {
	if utf8.RuneCountInString(line) > 80 {
		return false
	}
	ws := words(line)
	if len(ws) == 0 {
		return paging && strings.TrimSpace(line) != ""
	}
	also := func(w string) bool {
		if !paging {
			return false
		}
		if pagingPhrases.covers([]string{w}, nil) {
			return true
		}
		for _, r := range w {
			if !unicode.IsDigit(r) {
				return false
			}
		}
		return len(w) <= 4
	}
	return linkPhrases.covers(ws, also)
}

// listHeadings are the headings of the list of earlier items (folded).
var listHeadings = map[string]bool{}

func init() {
	for _, h := range []string{
		"cac tin da dang", "tin da dang", "cac bai da dang", "bai da dang", "cac tin bai da dang",
		"tin bai da dang", "cac tin da dang khac", "cac tin khac", "tin khac", "cac bai khac", "bai khac",
		"cac tin bai khac", "tin bai khac", "cac tin cu hon", "tin cu hon", "cac tin truoc", "tin truoc",
		"cac tin cung chuyen muc", "tin cung chuyen muc", "bai cung chuyen muc", "tin bai cung chuyen muc",
		"cac tin lien quan", "tin lien quan", "bai lien quan", "bai viet lien quan", "tin bai lien quan",
		"cac bai viet khac", "bai viet khac", "cac tin da dua", "tin da dua", "cac tin moi hon", "tin moi hon",
		"cac tin moi", "tin moi", "tin moi nhat", "tin doc nhieu", "tin xem nhieu", "xem cac tin khac",
		"cac tin tuc khac", "tin tuc khac", "cac thong bao khac", "thong bao khac",
	} {
		listHeadings[h] = true
	}
}

// isListHeading reports whether a line is the heading of the list of earlier
// items ("Các tin đã đăng", "CÁC TIN KHÁC:").
func isListHeading(line string) bool {
	if utf8.RuneCountInString(line) > 60 {
		return false
	}
	return listHeadings[strings.Join(words(line), " ")]
}

const (
	datePat = `(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})`
	timePat = `(?:\s*[,\-–|]?\s*(?:lúc\s*)?\d{1,2}\s*[:hg]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:AM|PM|SA|CH|am|pm))?)?`
	bullet  = `^(?:[•·∙\-\*▪▫►▸»◦●○+–—✓✔>]+\s*)?`
)

var (
	dateRe = regexp.MustCompile(datePat)
	// Items: "• Tiêu đề   (27/01/2021)", "- Tiêu đề [27/01/2021 08:30]",
	// "Tiêu đề - 27/01/2021", "27/01/2021: Tiêu đề", "Tiêu đề 27/01/2021".
	itemParenRe = regexp.MustCompile(bullet + `(.*?\S)\s*([\(\[]\s*(?:[Nn]gày\s*)?` + datePat + timePat + `\s*[\)\]])\s*\.?$`)
	itemDashRe  = regexp.MustCompile(bullet + `(.*?\S)(\s+[-–—|]\s+` + datePat + timePat + `)\s*$`)
	itemFirstRe = regexp.MustCompile(bullet + `(` + datePat + timePat + `\s*[-–—:|]\s*)(\S.*)$`)
	itemBareRe  = regexp.MustCompile(bullet + `(.*?\S)(\s+` + datePat + timePat + `)\s*$`)
	hasBulletRe = regexp.MustCompile(`^[•·∙\-\*▪▫►▸»◦●○+–—✓✔>]`)
	dateOnlyRe  = regexp.MustCompile(`^[\(\[]?\s*` + datePat + timePat + `\s*[\)\]]?$`)
)

// listItem is one entry of a "Các tin đã đăng" list.
type listItem struct {
	title    string
	date     time.Time
	datePart string // the text the date was read from
}

// parseListItem reads "• <title>   (dd/mm/yyyy)" and its variants. loose
// also accepts a date after the title without brackets or dash.
func parseListItem(line string, loose bool) (listItem, bool) {
	try := func(re *regexp.Regexp, titleGroup, dateGroup, d int) (listItem, bool) {
		m := re.FindStringSubmatch(line)
		if m == nil {
			return listItem{}, false
		}
		title := strings.TrimSpace(m[titleGroup])
		if !hasLetter(title) {
			return listItem{}, false
		}
		t, ok := dmy(m[d], m[d+1], m[d+2])
		if !ok {
			return listItem{}, false
		}
		return listItem{title: title, date: t, datePart: strings.TrimSpace(m[dateGroup])}, true
	}
	if it, ok := try(itemParenRe, 1, 2, 3); ok {
		return it, true
	}
	if it, ok := try(itemDashRe, 1, 2, 3); ok {
		return it, true
	}
	if it, ok := try(itemFirstRe, 6, 1, 2); ok {
		return it, true
	}
	if loose {
		return try(itemBareRe, 1, 2, 3)
	}
	return listItem{}, false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// dmy builds a date from day, month and year digits (day first, a two-digit
// year is 20yy) and checks that it exists and is plausible.
func dmy(d, m, y string) (time.Time, bool) {
	if len(y) == 2 {
		y = "20" + y
	}
	t, err := vntext.ParseDate(d + "/" + m + "/" + y)
	if err != nil || t.Year() < 1945 || t.Year() > 2200 {
		return time.Time{}, false
	}
	return t, true
}

// dateFillers are the words a date line may carry besides the date (folded):
// weekdays, "ngày đăng", "cập nhật lúc", a time, a view count.
var dateFillers = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`thu hai ba tu nam sau bay chu nhat cn t2 t3 t4 t5 t6 t7 ngay dang cap luc
		gio phut sang chieu toi trua gmt utc am pm sa ch xuat ban posted date on published updated update
		luot xem views view doc h g monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri
		sat sun thoi gian`) {
		dateFillers[w] = true
	}
}

// parseDateLine reads a line that is only a date, with or without weekday
// and time: "Thứ hai 15/8/2022", "Thứ Hai, 15/08/2022 - 09:30",
// "Ngày đăng: 15-8-2022", "15/8/2022". A sentence that mentions a date is
// not a date line.
func parseDateLine(line string) (time.Time, bool) {
	if utf8.RuneCountInString(line) > 100 {
		return time.Time{}, false
	}
	if t, ok := vntext.ParseNewsDateLine(line); ok {
		return t, true
	}
	ms := dateRe.FindAllStringSubmatchIndex(line, -1)
	if len(ms) != 1 {
		return time.Time{}, false
	}
	m := ms[0]
	t, ok := dmy(line[m[2]:m[3]], line[m[4]:m[5]], line[m[6]:m[7]])
	if !ok {
		return time.Time{}, false
	}
	for _, w := range words(line[:m[0]] + " " + line[m[1]:]) {
		if dateFillers[w] || isDigits(w) {
			continue
		}
		return time.Time{}, false
	}
	return t, true
}

func isDigits(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// bylinePrefixes start a byline (folded).
var bylinePrefixes = []string{"theo ", "(theo ", "nguon:", "nguon :", "tin:", "tin :", "tin, anh:", "tin, anh :",
	"tin va anh:", "tin anh:", "bai va anh:", "bai, anh:", "bai:", "tin bai:", "tin, bai:", "nhom pv", "phong vien"}

// bylineWords are whole bylines by themselves (folded).
var bylineWords = map[string]bool{"ban bien tap": true, "bbt": true, "pv": true, "ctv": true, "btv": true,
	"nhom pv": true, "phong vien": true, "nhom phong vien": true, "ttxvn": true, "vna": true, "ban bt": true}

// isByline reports whether a short last line of a body names its author:
// "Ban biên tập", "BBT", "Theo Báo Lai Châu", "Tin, ảnh: Hoàng Hà",
// "Minh Anh", "(PV)".
func isByline(line string) bool {
	t := strings.TrimSpace(line)
	n := utf8.RuneCountInString(t)
	if n == 0 || n > 80 {
		return false
	}
	f := vntext.Fold(t)
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(f, p) {
			return wordCount(t, 12) <= 12
		}
	}
	inner := strings.Trim(t, "()[] .")
	if bylineWords[strings.Join(words(inner), " ")] {
		return true
	}
	if strings.ContainsAny(t[len(t)-1:], ".!?:;,") && !strings.HasSuffix(t, ")") {
		return false
	}
	// A personal name: 2–6 capitalised words ("Nguyễn Thị Hoa"), names
	// joined by "-", "và" or "," ("Minh Anh - Thu Trang"), initials ("N.T.H").
	ws := strings.FieldsFunc(inner, func(r rune) bool { return r == ' ' || r == ',' || r == '-' || r == '–' })
	if len(ws) < 2 || len(ws) > 8 {
		return false
	}
	for _, w := range ws {
		if w == "và" {
			continue
		}
		if !isNameWord(w) {
			return false
		}
	}
	return true
}

func isNameWord(w string) bool {
	rs := []rune(w)
	if !unicode.IsUpper(rs[0]) {
		return false
	}
	for _, r := range rs[1:] {
		if !unicode.IsLower(r) && r != '.' && !unicode.IsUpper(r) {
			return false
		}
	}
	// "NGUYỄN" in capitals is a heading word, not a name; initials are short.
	upper := 0
	for _, r := range rs {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper == 1 || len(rs) <= 5 && strings.Contains(w, ".")
}

// isCaption reports whether a short paragraph is an image caption:
// "Ảnh: …", "(Ảnh: …)", "Ảnh minh họa", or a short line without the final
// punctuation of a sentence (strict == false).
func isCaption(line string, strict bool) bool {
	t := strings.TrimSpace(line)
	nw := wordCount(t, 50)
	if nw == 0 || nw > 50 {
		return false
	}
	l := strings.ToLower(t)
	if strings.Contains(l, "ảnh:") || strings.Contains(l, "ảnh :") || strings.Contains(l, "ảnh minh họa") ||
		strings.Contains(l, "ảnh minh hoạ") || strings.HasPrefix(l, "ảnh ") || strings.Contains(l, "(ảnh") ||
		strings.Contains(l, "nguồn ảnh") {
		return true
	}
	if strict || nw > 25 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?:;,…", last)
}

// wordCount counts the space-separated words of s, but stops counting past
// limit (returning limit+1), so that a test on a huge line costs nothing.
func wordCount(s string, limit int) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			in = true
			if n++; n > limit {
				return n
			}
		}
	}
	return n
}
