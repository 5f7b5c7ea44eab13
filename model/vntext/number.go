package vntext

import (
	"strconv"
	"strings"
)

// Number writes an integer the Vietnamese way, with a dot between groups
// of three digits: 100000 → "100.000", -1234 → "-1.234". Every count shown
// to a clerk goes through it.
func Number(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	if len(s) <= 3 {
		return sign + s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/3 + 1)
	b.WriteString(sign)
	head := len(s) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(s[:head])
	for i := head; i < len(s); i += 3 {
		b.WriteByte('.')
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// Decimal writes f with at most prec digits after a decimal comma, the
// integer part grouped as Number does: 1234.5 → "1.234,5", 2.0 → "2".
func Decimal(f float64, prec int) string {
	s := strconv.FormatFloat(f, 'f', prec, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	neg := strings.HasPrefix(intPart, "-")
	n, err := strconv.Atoi(strings.TrimPrefix(intPart, "-"))
	if err != nil { // beyond int: leave the digits ungrouped
		return strings.Replace(strings.TrimRight(strings.TrimRight(s, "0"), "."), ".", ",", 1)
	}
	out := Number(n)
	if neg && (n != 0 || frac != "") {
		out = "-" + out
	}
	if frac != "" {
		out += "," + frac
	}
	return out
}
