package check

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
	"bientap/model/vntext"
)

// documentChecks are the Decree-30 checks of an administrative document.
func documentChecks(r *model.Record) []Finding {
	t := newText(r.Body)
	var fs []Finding
	if f, ok := numberZero(r.Number); ok {
		fs = append(fs, f)
	}
	if f, ok := signForm(r.Kind, r.Sign); ok {
		fs = append(fs, f)
	}
	fs = append(fs, placeDates(t)...)
	if f, ok := endMark(t); ok {
		fs = append(fs, f)
	}
	if f, ok := recipientsLuu(r.Recipients); ok {
		fs = append(fs, f)
	}
	return fs
}

// numberZero: a document number below 10 is written with a leading zero
// (decree.PadNumber).
func numberZero(number string) (Finding, bool) {
	n := strings.TrimSpace(number)
	padded := decree.PadNumber(n)
	if padded == n {
		return Finding{}, false
	}
	return Finding{Severity: Error, Code: "number-zero", Field: "Number",
		Message: fmt.Sprintf("Số văn bản “%s” thiếu số 0 ở đầu: số nhỏ hơn 10 viết “%s”", n, padded)}, true
}

// signForm: the ký hiệu follows Phụ lục III: the kind's abbreviation with
// its own capitals first ("TTr", "QyĐ"), then the agency's in capitals. The
// ký hiệu prints as typed, so this is only a warning.
func signForm(k model.Kind, sign string) (Finding, bool) {
	suggest, differs := decree.SignAdvice(k.Abbr(), sign)
	if !differs {
		return Finding{}, false
	}
	typed := decree.Sign(sign)
	msg := fmt.Sprintf("Ký hiệu “%s” chưa đúng Phụ lục III Nghị định 30: viết “%s”", typed, suggest)
	if suggest == "" {
		if a := k.Abbr(); a != "" {
			msg = fmt.Sprintf("Ký hiệu “%s” chưa đúng Phụ lục III Nghị định 30: ký hiệu của %s bắt đầu bằng “%s-”, tiếp theo là chữ viết tắt tên cơ quan",
				typed, strings.ToLower(k.Label()), a)
		} else {
			msg = fmt.Sprintf("Ký hiệu “%s” chưa đúng Phụ lục III Nghị định 30: các nhóm chữ viết tắt nối bằng “-”, không có khoảng trắng", typed)
		}
	}
	return Finding{Severity: Warning, Code: "sign-form", Field: "Sign", Message: msg}, true
}

// content narrows a line to its text: no markup around it (heading marks,
// centring arrows, emphasis stars at the ends). ok is false for table rows,
// images and blank lines.
func content(t *text, l line) (a, b int, ok bool) {
	s := t.str(l)
	a, b = trim(t.s, l.start, l.end)
	switch doc.LineKind(s) {
	case doc.Paragraph:
	case doc.Heading:
		for a < b && t.s[a] == '#' {
			a++
		}
	case doc.Centered:
		a, b = a+2, b-2
	default:
		return 0, 0, false
	}
	for {
		a0, b0 := a, b
		a, b = trim(t.s, a, b)
		for a < b && t.s[a] == '*' {
			a++
		}
		for b > a && t.s[b-1] == '*' {
			b--
		}
		if a == a0 && b == b0 {
			break
		}
	}
	return a, b, a < b
}

// placeWordOK accepts the words of a place name: capitalised words, the
// lower-case words of unit names ("thành phố", "thị xã") and a number after
// "Quận"/"Phường".
var placeLower = map[string]bool{"thành": true, "phố": true, "thị": true, "xã": true, "trấn": true,
	"huyện": true, "tỉnh": true, "quận": true, "phường": true}

func placeLike(place string) bool {
	words := strings.Fields(place)
	if len(words) > 5 {
		return false
	}
	for i, w := range words {
		c, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(c), placeLower[w]:
		case unicode.IsDigit(c) && i > 0 && (strings.EqualFold(words[i-1], "quận") || strings.EqualFold(words[i-1], "phường")):
		default:
			return false
		}
	}
	return true
}

// placeDates flags lines of the body that are a place/date line not in the
// Decree-30 form ("Lai Châu, ngày 5 tháng 1 năm 2020").
func placeDates(t *text) []Finding {
	var fs []Finding
	for _, l := range t.lines {
		a, b, ok := content(t, l)
		if !ok || utf8.RuneCountInString(t.s[a:b]) > 80 {
			continue
		}
		line := t.s[a:b]
		fixed, good := vntext.CheckPlaceDate(line)
		if good || fixed == "" {
			continue
		}
		place := ""
		if k := strings.Index(fixed, ", ngày "); k >= 0 {
			place = fixed[:k]
		} else if !strings.HasPrefix(fixed, "Ngày ") {
			continue
		}
		if !placeLike(place) {
			continue
		}
		fs = append(fs, t.finding(a, b-a, Error, "place-date",
			fmt.Sprintf("Dòng địa danh, ngày tháng chưa đúng thể thức Nghị định 30: cần viết “%s”", fixed),
			&Fix{Label: "Sửa thành “" + fixed + "”", Offset: a, Length: b - a, Replacement: fixed}))
	}
	return fs
}

var recipientsHeadRe = regexp.MustCompile(`(?i)^nơi\s+nhận\s*:?$`)

// endMark: the body's last paragraph ends with "./.". When the clerk pasted
// the "Nơi nhận:" block into the body, the paragraph before it counts.
func endMark(t *text) (Finding, bool) {
	limit := len(t.lines)
	for k, l := range t.lines {
		if a, b, ok := content(t, l); ok && recipientsHeadRe.MatchString(t.s[a:b]) {
			limit = k
		}
	}
	var last *line
	for k := limit - 1; k >= 0; k-- {
		if strings.TrimSpace(t.str(t.lines[k])) != "" {
			last = &t.lines[k]
			break
		}
	}
	if last == nil {
		return Finding{}, false
	}
	a, b, ok := content(t, *last)
	if !ok || doc.LineKind(t.str(*last)) != doc.Paragraph {
		return Finding{}, false // a table, image or heading ends the body
	}
	s := t.s[a:b]
	if strings.HasSuffix(s, "./.") || strings.HasSuffix(s, "…/.") {
		return Finding{}, false
	}
	fix := &Fix{Label: "Thêm “./.”", Offset: b, Replacement: "./."}
	lastRune, n := utf8.DecodeLastRuneInString(s)
	switch lastRune {
	case '.', '…':
		fix.Replacement = "/."
	case ';', ',', ':':
		fix = &Fix{Label: "Thay “" + string(lastRune) + "” bằng “./.”", Offset: b - n, Length: n, Replacement: "./."}
	case '/':
		if strings.HasSuffix(s, "./") {
			fix.Replacement = "."
		}
	}
	return t.finding(b, 0, Error, "end-mark", "Thiếu dấu kết thúc “./.” ở cuối nội dung văn bản", fix), true
}

var luuRe = regexp.MustCompile(`(?i)^[-–•+]?\s*lưu\s*:?\s*vt(?:[\s,.;]|$)`)

// recipientsLuu: the "Nơi nhận" list ends with "- Lưu: VT, <unit>.".
func recipientsLuu(recipients []string) (Finding, bool) {
	var lines []string
	for _, r := range recipients {
		if r = strings.TrimSpace(vntext.Clean(r)); r != "" {
			lines = append(lines, r)
		}
	}
	if len(lines) == 0 || luuRe.MatchString(lines[len(lines)-1]) {
		return Finding{}, false
	}
	msg := "Nơi nhận chưa kết thúc bằng dòng “- Lưu: VT, …” (lưu văn thư và đơn vị soạn thảo)"
	for _, l := range lines {
		if luuRe.MatchString(l) {
			msg = "Dòng “- Lưu: VT, …” phải là dòng cuối cùng của nơi nhận"
		}
	}
	return Finding{Severity: Error, Code: "recipients-luu", Field: "Recipients", Message: msg}, true
}
