package bodyedit

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// largeBody returns a body of about n characters (runes) in paragraphs of
// one to six sentences, like a long plan or report.
func largeBody(n int) string {
	sentences := []string{
		"Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành và UBND các huyện, thành phố tăng cường công tác phòng, chống thiên tai.",
		"Kiểm tra, rà soát các khu vực có nguy cơ sạt lở đất, lũ quét để chủ động di dời người dân đến nơi an toàn.",
		"Báo cáo kết quả thực hiện về Văn phòng UBND tỉnh trước ngày 15 hằng tháng để tổng hợp.",
		"Giao Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan bố trí kinh phí thực hiện.",
		"Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh để xem xét, giải quyết.",
	}
	var b strings.Builder
	for i := 0; utf8.RuneCountInString(b.String()) < n; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		for k := 0; k <= i%6; k++ {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentences[(i+k)%len(sentences)])
		}
	}
	return b.String()
}

const benchChars = 30_000

// benchRound makes every benchmark round's text new.
var benchRound int

// BenchmarkTypeInLargeBody is the cost of one keystroke in the middle of a
// 30,000-character body in the paragraph editor, in a long paragraph (six
// sentences, about 650 characters) and in a usual one (two sentences, about
// 220). Every keystroke makes new text (no measurement is cached from
// before); every 100 keys the paragraph is reset, outside the timer, so
// that it stays within 100 characters of its size.
func BenchmarkTypeInLargeBody(b *testing.B) {
	for _, sentences := range []int{6, 2} {
		ed, w := newTestEditor(b, largeBody(benchChars))
		mid := ed.Paragraphs() / 2
		for (mid%6)+1 != sentences {
			mid++
		}
		orig := ed.paras[mid].Text
		b.Run(fmt.Sprintf("para=%d", utf8.RuneCountInString(orig)), func(b *testing.B) {
			letters := []rune("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậ")
			for i := 0; i < b.N; i++ {
				if i%100 == 0 {
					b.StopTimer()
					benchRound++ // new text every round, also across -count runs
					ed.quiet++
					ed.paras[mid].SetText(fmt.Sprintf("%d %s", benchRound, orig))
					ed.quiet--
					ed.FocusAt(mid, 10)
					b.StartTimer()
				}
				w.Canvas().Focused().(*para).TypedRune(letters[i%len(letters)])
			}
		})
	}
}

// BenchmarkEnterInLargeBody splits a paragraph and joins it back.
func BenchmarkEnterInLargeBody(b *testing.B) {
	ed, w := newTestEditor(b, largeBody(benchChars))
	ed.FocusAt(ed.Paragraphs()/2, 10)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		key(w.Canvas().Focused().(*para), fyne.KeyReturn)
		key(w.Canvas().Focused().(*para), fyne.KeyBackspace)
	}
}

// BenchmarkSetTextLargeBody loads a 30,000-character body (opening a record).
func BenchmarkSetTextLargeBody(b *testing.B) {
	ed, _ := newTestEditor(b, "")
	body := largeBody(benchChars)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ed.SetText(fmt.Sprintf("%s %d", body, i))
		ed.SetText("")
	}
}

// The baseline: one multi-line widget.Entry holding the whole body.

func BenchmarkEntryTypeInLargeBody(b *testing.B) {
	for _, n := range []int{10_000, benchChars} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			test.NewTempApp(b)
			e := widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapWord
			w := test.NewTempWindow(b, e)
			w.Resize(fyne.NewSize(700, 500))
			e.SetText(largeBody(n))
			w.Canvas().Focus(e)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				e.TypedRune('a')
			}
		})
	}
}

func BenchmarkEntrySetTextLargeBody(b *testing.B) {
	test.NewTempApp(b)
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	w := test.NewTempWindow(b, e)
	w.Resize(fyne.NewSize(700, 500))
	body := largeBody(benchChars)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.SetText(fmt.Sprintf("%s %d", body, i))
		e.SetText("")
	}
}
