package store

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// marked renders text with its spans in [brackets].
func marked(text string, spans []Span) string {
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		b.WriteString(text[at:sp.Start] + "[" + text[sp.Start:sp.End] + "]")
		at = sp.End
	}
	return b.String() + text[at:]
}

func TestMarks(t *testing.T) {
	tests := []struct{ text, query, want string }{
		{"Phong trào thi đua yêu nước", "phong trao thi dua", "[Phong] [trào] [thi] [đua] yêu nước"},
		{"Thiết bị thi công", "thi cong", "Thiết bị [thi] [công]"},         // whole words but the last
		{"Phòng chống thiên tai", "phong ch", "[Phòng] [chống] thiên tai"}, // the last word to its end
		{"Phòng chống thiên tai", "phong c", "[Phòng] chống thiên tai"},    // one letter: whole word only
		{"UBND tỉnh; Ủy ban nhân dân", "ubnd", "[UBND] tỉnh; Ủy ban nhân dân"},
		{"Hòa bình, hoà giải", "hoa", "[Hòa] bình, [hoà] giải"},
		{norm.NFD.String("Đường nông thôn"), "duong nong thon", "[" + norm.NFD.String("Đường") + "] [" + norm.NFD.String("nông") + "] [" + norm.NFD.String("thôn") + "]"},
		{"nothing here", "khong", "nothing here"},
		{"", "x", ""},
	}
	for _, tt := range tests {
		if got := marked(tt.text, Marks(tt.text, words(tt.query))); got != tt.want {
			t.Errorf("Marks(%q, %q) = %q, want %q", tt.text, tt.query, got, tt.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("Các sở, ban, ngành tiếp tục triển khai kế hoạch của tỉnh. ", 12)
	tests := []struct {
		name, text, query string
		want              string // the snippet with its marks
	}{
		{"match far into a paragraph", long + "Đặc biệt chú trọng phòng chống sạt lở đất ven sông. " + long, "sat lo",
			"…chú trọng phòng chống [sạt] [lở] đất ven sông. Các sở, ban, ngành tiếp tục triển khai kế hoạch…"},
		{"the paragraph with most words", "Phong trào của tỉnh.\nNội dung khác.\nPhát động phong trào thi đua yêu nước.", "phong trao thi dua",
			"Phát động [phong] [trào] [thi] [đua] yêu nước."},
		{"where the words come together", "Thi đua: xem phụ lục. " + long + "Phát động phong trào thi đua yêu nước.", "phong trao thi dua",
			"…của tỉnh. Phát động [phong] [trào] [thi] [đua] yêu nước."},
		{"markup left out", "Mở đầu.\n# III. PHÂN CÔNG **NHIỆM VỤ**\n| Nhiệm vụ | Sở Nội vụ |", "nhiem vu",
			"III. PHÂN CÔNG [NHIỆM] [VỤ]"},
		{"a table row", "Mở đầu.\n| Nhiệm vụ chính | Sở Nội vụ |", "nhiem vu chinh", "[Nhiệm] [vụ] [chính] · Sở Nội [vụ]"},
		{"no match", "Nội dung khác.", "sat lo", ""},
		{"no words", "  Dòng   đầu\ndòng hai ", "", "Dòng đầu dòng hai"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, marks := Snippet(tt.text, words(tt.query))
			if got := marked(s, marks); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if len(s) > snippetWidth+2*len("…") {
				t.Errorf("snippet of %d bytes", len(s))
			}
		})
	}
}

// TestSearchSnippetHasMatch: the snippet of every result of a search holds
// a match, marked, close enough to its start to show in a narrow list row
// (unless the match is in the title only).
func TestSearchSnippetHasMatch(t *testing.T) {
	st := orderStore(t)
	for _, q := range []string{"sat lo", "phong trao thi dua", "nong thon moi", "muong te"} {
		items, err := st.List(Query{Text: q, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(items) == 0 {
			t.Fatalf("%q: no result", q)
		}
		for _, it := range items {
			if len(it.TitleMarks) == 0 && len(it.SnippetMarks) == 0 {
				t.Errorf("%q: record %d has no mark (title %q, snippet %q)", q, it.ID, it.Title, it.Snippet)
			}
			if len(it.SnippetMarks) > 0 {
				if first := it.Snippet[:it.SnippetMarks[0].Start]; len([]rune(first)) > 40 {
					t.Errorf("%q: record %d: the first match comes after %d characters: %q", q, it.ID, len([]rune(first)), it.Snippet)
				}
			} else if len(it.TitleMarks) == 0 {
				t.Errorf("%q: record %d: snippet without the match: %q", q, it.ID, it.Snippet)
			}
		}
	}
}
