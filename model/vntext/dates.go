package vntext

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

var weekdays = [...]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// Weekday names t's day of the week as news sites head it: "Thứ Hai",
// "Chủ nhật".
func Weekday(t time.Time) string { return weekdays[t.Weekday()] }

var (
	reDMY      = regexp.MustCompile(`^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*([/.-])\s*(\d+)$`)
	reISO      = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	reWords    = regexp.MustCompile(`(?i)^ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$`)
	dateFormat = "ngày/tháng/năm, ví dụ 15/8/2022"
)

// ParseDate reads a date typed by a clerk: day first always ("15/8/2022",
// "15/08/2022", "15-8-2022", "15.8.2022"), ISO "2022-08-15", or the
// document form "ngày 15 tháng 8 năm 2022". Spaces around are ignored; the
// year has four digits. A date that does not exist is an error
// ("ngày không tồn tại: 31/02/2023"). The result is midnight UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(Clean(s))
	if s == "" {
		return time.Time{}, fmt.Errorf("chưa nhập ngày (%s)", dateFormat)
	}
	if m := reISO.FindStringSubmatch(s); m != nil {
		return makeDate(m[3], m[2], m[1])
	}
	if m := reWords.FindStringSubmatch(s); m != nil {
		return makeDate(m[1], m[2], m[3])
	}
	m := reDMY.FindStringSubmatch(s)
	if m == nil || m[2] != m[4] {
		return time.Time{}, fmt.Errorf("ngày không hợp lệ: %q (nhập %s)", s, dateFormat)
	}
	if len(m[5]) != 4 {
		return time.Time{}, fmt.Errorf("năm phải đủ 4 chữ số: %q (nhập %s)", s, dateFormat)
	}
	return makeDate(m[1], m[3], m[5])
}

// makeDate builds a date from decimal strings, refusing days that do not
// exist and years outside 1000–9999.
func makeDate(day, month, year string) (time.Time, error) {
	d, _ := strconv.Atoi(day)
	m, _ := strconv.Atoi(month)
	y, _ := strconv.Atoi(year)
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || t.Day() != d {
		return time.Time{}, fmt.Errorf("ngày không tồn tại: %02d/%02d/%04d", d, m, y)
	}
	return t, nil
}

// DecreeDate writes t the way Decree 30 dates documents: day below 10 and
// months 1 and 2 zero-padded, "ngày 05 tháng 01 năm 2020",
// "ngày 29 tháng 6 năm 2019".
func DecreeDate(t time.Time) string {
	month := strconv.Itoa(int(t.Month()))
	if t.Month() <= time.February {
		month = "0" + month
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), month, t.Year())
}

// PlaceDate is the place/date line of a document:
// "Lai Châu, ngày 05 tháng 01 năm 2020"; with no place,
// "Ngày 05 tháng 01 năm 2020".
func PlaceDate(place string, t time.Time) string {
	place = strings.Join(strings.Fields(Clean(place)), " ")
	if place == "" {
		return "N" + strings.TrimPrefix(DecreeDate(t), "n")
	}
	return place + ", " + DecreeDate(t)
}

// NewsDate is the dateline of a news item: "Thứ Hai, 15/8/2022" (day and
// month not padded).
func NewsDate(t time.Time) string {
	return fmt.Sprintf("%s, %d/%d/%d", Weekday(t), t.Day(), int(t.Month()), t.Year())
}

// ListDate is the date shown in lists: "27/01/2021" (padded).
func ListDate(t time.Time) string {
	return fmt.Sprintf("%02d/%02d/%04d", t.Day(), int(t.Month()), t.Year())
}

var reNewsLine = regexp.MustCompile(`(?i)^[(\[]?\s*` +
	`(?:(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|cn|t[2-7])\s*[,;:-]?\s*)?` +
	`(?:ngày\s+)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*([/.-])\s*(\d{4})` +
	`(?:\s*[-–—,|]?\s*\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?(?:\s*(?:am|pm|sa|ch))?(?:\s*\(?\s*gmt\s*\+\s*7\s*\)?)?)?` +
	`\s*[)\]]?$`)

// ParseNewsDateLine recognises a line that is only a dateline from a portal
// page: "Thứ hai 15/8/2022", "Thứ Hai, 15/08/2022", "Chủ nhật, 7/8/2022 -
// 09:30", "(27/01/2021)", "T2, 15/8/2022 09:30 (GMT+7)". The weekday, if
// any, is not checked against the date; the time of day is dropped (records
// keep dates). It returns midnight UTC and false when the line is anything
// else or the date does not exist.
func ParseNewsDateLine(s string) (time.Time, bool) {
	m := reNewsLine.FindStringSubmatch(strings.TrimSpace(Clean(s)))
	if m == nil || m[2] != m[4] {
		return time.Time{}, false
	}
	t, err := makeDate(m[1], m[3], m[5])
	return t, err == nil
}

// reDateTail finds a document date at the end of a line, in words or digits.
var reDateTail = regexp.MustCompile(`(?i)(?:ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|` +
	`(?:ngày\s+)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*([/.-])\s*(\d{4}))\s*\.?$`)

// CheckPlaceDate checks a document's place/date line against Decree 30:
// "<place>, ngày DD tháng M năm YYYY" with the padding of DecreeDate. ok is
// true when line is already in that form. Otherwise fixed is the corrected
// line ("Lai Châu ngày 5/1/2020" → "Lai Châu, ngày 05 tháng 01 năm 2020"),
// or "" when line is no place/date line at all (or names a day that does not
// exist). Without a comma the place must look like a name (at most six words,
// first and last capitalised), so that a sentence ending in a date is not
// taken for one.
func CheckPlaceDate(line string) (fixed string, ok bool) {
	orig := strings.TrimSpace(Clean(line))
	line = strings.ReplaceAll(orig, "\u00A0", " ")
	loc := reDateTail.FindStringSubmatchIndex(line)
	if loc == nil {
		return "", false
	}
	sub := func(i int) string {
		if loc[2*i] < 0 {
			return ""
		}
		return line[loc[2*i]:loc[2*i+1]]
	}
	var t time.Time
	var err error
	if sub(1) != "" {
		t, err = makeDate(sub(1), sub(2), sub(3))
	} else {
		if sub(5) != sub(7) {
			return "", false
		}
		t, err = makeDate(sub(4), sub(6), sub(8))
	}
	if err != nil {
		return "", false
	}
	before := line[:loc[0]]
	if before != "" {
		if r, _ := utf8.DecodeLastRuneInString(before); r != ',' && !unicode.IsSpace(r) {
			return "", false // "Số 123/15/8/2022": the digits run on
		}
	}
	place := strings.TrimSpace(before)
	comma := strings.HasSuffix(place, ",")
	place = strings.TrimSpace(strings.TrimSuffix(place, ","))
	if words := strings.Fields(place); len(words) > 0 {
		if comma && len(words) > 8 {
			return "", false
		}
		first, _ := utf8.DecodeRuneInString(words[0])
		last, _ := utf8.DecodeRuneInString(words[len(words)-1])
		if !comma && (len(words) > 6 || !unicode.IsUpper(first) || !unicode.IsUpper(last)) {
			return "", false
		}
	}
	fixed = PlaceDate(place, t)
	return fixed, fixed == orig
}

// IsDecreePlaceDate reports whether line is a place/date line already in
// the Decree 30 form.
func IsDecreePlaceDate(line string) bool {
	_, ok := CheckPlaceDate(line)
	return ok
}
