package importer

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"bientap/model/doc"
	"bientap/model/vntext"
)

// haystack is all the text an import kept or accounted for: every field of
// every record (the body as the text it shows) and every dropped piece.
func haystack(p *Parsed) string {
	var b strings.Builder
	for _, r := range p.Records {
		for _, s := range []string{r.Title, r.Summary, r.Category, r.Author} {
			b.WriteString(s + "\n")
		}
		for _, bl := range doc.Parse(r.Body).Blocks {
			b.WriteString(doc.PlainText(bl.Runs) + "\n")
			for _, row := range bl.Rows {
				for _, c := range row {
					b.WriteString(doc.PlainText(c.Runs) + "\n")
				}
			}
		}
	}
	for _, d := range p.Report.Dropped {
		b.WriteString(d.Text + "\n")
	}
	return b.String()
}

// checkOutput asserts that every text of every record is valid NFC UTF-8
// without the invisible characters Clean removes.
func checkOutput(t *testing.T, p *Parsed) {
	t.Helper()
	for _, r := range p.Records {
		for _, s := range []string{r.Title, r.Summary, r.Body, r.Category, r.Author} {
			if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) || vntext.CleanLines(s) != s {
				t.Fatalf("field not clean NFC UTF-8: %q", s)
			}
		}
		if strings.TrimSpace(r.Title) == "" {
			t.Fatalf("record without title: %+v", r)
		}
	}
}

// wordsOf splits text into words: runs of letters, marks and digits.
func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

func seedFiles(f *testing.F, names ...string) {
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// FuzzParseText: no panic, clean NFC output, and no word of the page lost:
// each is in a record or among the reported left-out pieces.
func FuzzParseText(f *testing.F) {
	seedFiles(f, "tin-portal.txt", "tin-dan-lap.txt", "tin-crlf-bom.txt", "tin-tcvn3.txt")
	f.Add([]byte("Thứ hai 15/8/2022\nA\n• b (1/2/2021)\n"))
	f.Add([]byte("* ** # | -> <- ![x](y)\n\\*\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > MaxTextBytes {
			return
		}
		if p, err := ParseText(data, Options{}); err == nil {
			checkOutput(t, p)
		}
		if !utf8.Valid(data) || strings.IndexByte(string(data), 0) >= 0 {
			return // (a NUL byte may make the file UTF-16)
		}
		p, err := ParseText(data, Options{Encoding: "utf8"})
		if err != nil {
			return
		}
		checkOutput(t, p)
		hay := haystack(p)
		for _, w := range wordsOf(vntext.CleanLines(string(data))) {
			if !strings.Contains(hay, w) {
				t.Fatalf("word %q lost; input %q\nrecords: %q", w, data, hay)
			}
		}
	})
}

// FuzzParseHTML: arbitrary bytes never panic and give clean NFC output;
// text put in the article's paragraphs is never lost, and markup in it
// never becomes structure.
func FuzzParseHTML(f *testing.F) {
	page, err := os.ReadFile(filepath.Join("testdata", "trang-tin.html"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(page), "Một đoạn văn bình thường.")
	f.Add("<p><b><i>x</b></i></p><table><tr><td>a<td>b</table>", "**đậm giả** <b>thẻ</b> &amp; | ô |")
	f.Add("<ul><li>Các tin đã đăng<li>- a (01/02/2021)</ul>", "Các tin đã đăng")
	f.Fuzz(func(t *testing.T, raw, text string) {
		if len(raw) > MaxHTMLBytes || len(text) > MaxTextBytes {
			return
		}
		if p, err := ParseHTML([]byte(raw), "", Options{}); err == nil {
			checkOutput(t, p)
		}
		if !utf8.ValidString(text) || strings.ContainsRune(text, 0) {
			return // (a saved page has no NUL bytes: the file would be binary)
		}
		in := `<html><body><h1 class="title">Tiêu đề cố định của tin</h1><div class="date">Thứ hai 15/8/2022</div>` +
			`<div class="content"><p>Đoạn mở đầu cố định, đủ dài để trang có nội dung.</p><p>` + html.EscapeString(text) +
			`</p><p>Đoạn kết cố định của thân bài.</p></div></body></html>`
		p, err := ParseHTML([]byte(in), "", Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkOutput(t, p)
		hay := haystack(p)
		for _, w := range wordsOf(vntext.Clean(text)) {
			if !strings.Contains(hay, w) {
				t.Fatalf("word %q lost; text %q\nrecords: %q", w, text, hay)
			}
		}
		for _, b := range doc.Parse(p.Records[0].Body).Blocks {
			if b.Kind == doc.Image || b.Kind == doc.Table {
				t.Fatalf("text %q became structure %v", text, b.Kind)
			}
		}
	})
}

// FuzzRepeated repeats a fuzzed piece of a text page and of an HTML page up
// to 5,000 times: the slow paths of a parser only show on large input. No
// panic, clean output, and time within a bound that linear work meets by far.
func FuzzRepeated(f *testing.F) {
	f.Add("<span>ab </span>", "Dòng số 1 của trang.\n", uint16(4000))
	f.Add("<p class=MsoNormal><span lang=VI style='font-size:14pt'>Đoạn</span><b> văn</b></p>", "* * *\n", uint16(2000))
	f.Add("<table><tr><td>a</td><td>b</td></tr>", "• Tin cũ (01/02/2021)\n", uint16(3000))
	f.Add("<li>Các tin đã đăng</li><li>- a (01/02/2021)</li>", "Các tin đã đăng\n", uint16(1000))
	f.Fuzz(func(t *testing.T, htmlPiece, textPiece string, reps uint16) {
		n := int(reps%5000) + 1
		for _, c := range []struct {
			input []byte
			parse func([]byte) (*Parsed, error)
		}{
			{[]byte("<html><body><h1>Tiêu đề</h1><div class=content><p>" + strings.Repeat(htmlPiece, n) + "</div></body></html>"),
				func(b []byte) (*Parsed, error) { return ParseHTML(b, "", Options{}) }},
			{[]byte("Tiêu đề của tin\n" + strings.Repeat(textPiece, n)),
				func(b []byte) (*Parsed, error) { return ParseText(b, Options{}) }},
		} {
			start := time.Now()
			p, err := c.parse(c.input)
			if d := time.Since(start); d > 20*time.Second+time.Duration(len(c.input))*20*time.Microsecond {
				t.Fatalf("%d bytes took %v", len(c.input), d)
			}
			if err == nil {
				checkOutput(t, p)
			}
		}
	})
}
