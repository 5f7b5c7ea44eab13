package check

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Thresholds of the repeated-text check: a repeated stretch must start with a
// paragraph of at least repeatStart characters and hold at least repeatTotal
// characters, so that short lines that recur in any document ("- Như trên;",
// "1.", "Thời gian thực hiện: Quý II") never count.
const (
	repeatStart = 40
	repeatTotal = 80
)

// repeats finds text pasted twice: a paragraph, or a run of consecutive
// paragraphs, that already appeared earlier in the body. Paragraphs compare
// trimmed and with runs of spaces collapsed; blank lines do not count. The
// finding marks the second copy; the fix deletes it.
func repeats(t *text) []Finding {
	type para struct {
		l    line
		norm string
		n    int // runes
	}
	var ps []para
	for _, l := range t.lines {
		n := strings.Join(strings.Fields(t.str(l)), " ")
		if n != "" {
			ps = append(ps, para{l, n, utf8.RuneCountInString(n)})
		}
	}
	first := map[string]int{} // normalised text → index of first occurrence
	var fs []Finding
	for j := 0; j < len(ps); j++ {
		i, seen := first[ps[j].norm]
		if !seen {
			first[ps[j].norm] = j
			continue
		}
		if ps[j].n < repeatStart {
			continue
		}
		// Extend the copy while it keeps matching and stays after the original.
		k, total := 1, ps[j].n
		for j+k < len(ps) && i+k < j && ps[i+k].norm == ps[j+k].norm {
			total += ps[j+k].n
			k++
		}
		if total < repeatTotal {
			continue
		}
		from, to := ps[j].l, ps[j+k-1].l
		// Delete whole lines: from the start of the copy to the start of the
		// line after it (or, at the end of the text, from the line break
		// before it).
		start, end := from.start, to.end
		if end < len(t.s) {
			end = strings.IndexByte(t.s[end:], '\n') + end + 1
		} else if start > 0 {
			start--
			if start > 0 && t.s[start-1] == '\r' {
				start--
			}
		}
		var msg string
		if k == 1 {
			msg = fmt.Sprintf("Đoạn văn này lặp lại đoạn ở dòng %d (có thể đã dán hai lần)", ps[i].l.no)
		} else {
			msg = fmt.Sprintf("%d đoạn từ đây lặp lại các dòng %d–%d (có thể đã dán hai lần)", k, ps[i].l.no, ps[i+k-1].l.no)
		}
		fs = append(fs, t.finding(from.start, to.end-from.start, Warning, "repeat", msg,
			&Fix{Label: "Xóa phần lặp", Offset: start, Length: end - start}))
		j += k - 1
	}
	return fs
}
