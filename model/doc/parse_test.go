package doc

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func para(line int, runs ...Run) Block { return Block{Kind: Paragraph, Line: line, Runs: runs} }
func plain(s string) Run               { return Run{Text: s} }
func bold(s string) Run                { return Run{Text: s, Bold: true} }
func ital(s string) Run                { return Run{Text: s, Italic: true} }
func both(s string) Run                { return Run{Text: s, Bold: true, Italic: true} }
func cell(runs ...Run) Cell            { return Cell{Runs: runs} }

func TestParseBlocks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Block
	}{
		{"empty", "", nil},
		{"blank lines only", "\n  \n\t\n", nil},
		{"plain pasted text", "Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2024 của UBND tỉnh;\nỦy ban nhân dân huyện thông báo như sau:",
			[]Block{para(1, plain("Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2024 của UBND tỉnh;")), para(2, plain("Ủy ban nhân dân huyện thông báo như sau:"))}},
		{"numbers stay as typed", "1. Mục đích\n3. Yêu cầu\na) Bảo đảm\nĐiều 1. Phạm vi\n- Như trên;\n* Ghi chú",
			[]Block{para(1, plain("1. Mục đích")), para(2, plain("3. Yêu cầu")), para(3, plain("a) Bảo đảm")), para(4, plain("Điều 1. Phạm vi")), para(5, plain("- Như trên;")), para(6, plain("* Ghi chú"))}},
		{"blank lines give no block, lines counted", "Đoạn một\n\n\nĐoạn hai", []Block{para(1, plain("Đoạn một")), para(4, plain("Đoạn hai"))}},
		{"indent and trailing spaces trimmed", "   Căn cứ Luật Tổ chức chính quyền địa phương;   ", []Block{para(1, plain("Căn cứ Luật Tổ chức chính quyền địa phương;"))}},
		{"crlf", "Dòng 1\r\nDòng 2\rDòng 3", []Block{para(1, plain("Dòng 1")), para(2, plain("Dòng 2")), para(3, plain("Dòng 3"))}},
		{"nfd normalised", norm.NFD.String("Kế hoạch"), []Block{para(1, plain("Kế hoạch"))}},
		{"heading 1", "# I. MỤC ĐÍCH, YÊU CẦU", []Block{{Kind: Heading, Line: 1, Level: 1, Runs: []Run{plain("I. MỤC ĐÍCH, YÊU CẦU")}}}},
		{"heading 2 with style", "## 1. *Mục đích*", []Block{{Kind: Heading, Line: 1, Level: 2, Runs: []Run{plain("1. "), ital("Mục đích")}}}},
		{"not headings", "#hashtag\n### ba dấu\n#\n# ", []Block{para(1, plain("#hashtag")), para(2, plain("### ba dấu")), para(3, plain("#")), para(4, plain("#"))}},
		{"centred", "-> **KẾ HOẠCH** <-", []Block{{Kind: Centered, Line: 1, Runs: []Run{bold("KẾ HOẠCH")}}}},
		{"centred empty is text", "-><-\n-> <-", []Block{para(1, plain("-><-")), para(2, plain("-> <-"))}},
		{"arrow in text", "Hà Nội -> Lai Châu", []Block{para(1, plain("Hà Nội -> Lai Châu"))}},
		{"image", "![Quang cảnh *hội nghị*](anh-1.jpg)", []Block{{Kind: Image, Line: 1, Runs: []Run{plain("Quang cảnh "), ital("hội nghị")}, Src: "anh-1.jpg"}}},
		{"image empty caption", "![](anh-2.png)", []Block{{Kind: Image, Line: 1, Src: "anh-2.png"}}},
		{"image caption with brackets", "![Ảnh [1] (nguồn: Sở)](anh 3.jpg)", []Block{{Kind: Image, Line: 1, Runs: []Run{plain("Ảnh [1] (nguồn: Sở)")}, Src: "anh 3.jpg"}}},
		{"image not alone", "Xem ![ảnh](a.jpg) dưới", []Block{para(1, plain("Xem ![ảnh](a.jpg) dưới"))}},
		{"image without name", "![ảnh]()", []Block{para(1, plain("![ảnh]()"))}},
		{"table with header", "| STT | Nội dung | Thời gian |\n|:---:|---|---:|\n| 1 | Tuyên truyền | Tháng 3 |\n| 2 | **Kiểm tra** |",
			[]Block{{Kind: Table, Line: 1, Header: true, Rows: [][]Cell{
				{cell(plain("STT")), cell(plain("Nội dung")), cell(plain("Thời gian"))},
				{cell(plain("1")), cell(plain("Tuyên truyền")), cell(plain("Tháng 3"))},
				{cell(plain("2")), cell(bold("Kiểm tra")), {}},
			}}}},
		{"table without header, escaped pipe", "|a \\| b|c|\n|d||", []Block{{Kind: Table, Line: 1, Rows: [][]Cell{
			{cell(plain("a | b")), cell(plain("c"))}, {cell(plain("d")), {}}}}}},
		{"separator only after first row", "|a|\n|b|\n|---|", []Block{{Kind: Table, Line: 1, Rows: [][]Cell{
			{cell(plain("a"))}, {cell(plain("b"))}, {cell(plain("---"))}}}}},
		{"tables split by blank line and text", "|a|\n\n|b|\nchữ\n|c|", []Block{
			{Kind: Table, Line: 1, Rows: [][]Cell{{cell(plain("a"))}}},
			{Kind: Table, Line: 3, Rows: [][]Cell{{cell(plain("b"))}}},
			para(4, plain("chữ")),
			{Kind: Table, Line: 5, Rows: [][]Cell{{cell(plain("c"))}}}}},
		{"escaped trailing pipe is text", "| a \\|", []Block{para(1, plain("| a |"))}},
		{"single pipe is text", "|", []Block{para(1, plain("|"))}},
		{"escaped line starts", "\\# không phải đề mục\n\\-> không căn giữa <-\n\\![không](ảnh)", []Block{
			para(1, plain("# không phải đề mục")), para(2, plain("-> không căn giữa <-")), para(3, plain("![không](ảnh)"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse(tt.in).Blocks
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q)\n got %#v\nwant %#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseInline(t *testing.T) {
	tests := []struct {
		in   string
		want []Run
	}{
		{"chữ thường", []Run{plain("chữ thường")}},
		{"**Điều 1.** Phạm vi", []Run{bold("Điều 1."), plain(" Phạm vi")}},
		{"*Căn cứ Luật Ban hành văn bản;*", []Run{ital("Căn cứ Luật Ban hành văn bản;")}},
		{"***Nơi nhận:***", []Run{both("Nơi nhận:")}},
		{"**đậm *nghiêng* đậm**", []Run{bold("đậm "), both("nghiêng"), bold(" đậm")}},
		{"*nghiêng **đậm** nghiêng*", []Run{ital("nghiêng "), both("đậm"), ital(" nghiêng")}},
		{"***cả hai** nghiêng*", []Run{both("cả hai"), ital(" nghiêng")}},
		{"***cả hai* đậm**", []Run{both("cả hai"), bold(" đậm")}},
		{"**a** **b**", []Run{bold("a"), plain(" "), bold("b")}},
		{"**a****b**", []Run{bold("a****b")}}, // four stars are literal
		{"5 * 3 = 15", []Run{plain("5 * 3 = 15")}},
		{"5 * 3 * 2", []Run{plain("5 * 3 * 2")}},
		{"Chỉ tiêu (*) và (**) ghi chú [*]", []Run{plain("Chỉ tiêu (*) và (**) ghi chú [*]")}},
		{"**chưa đóng", []Run{plain("**chưa đóng")}},
		{"chưa mở**", []Run{plain("chưa mở**")}},
		{"** khoảng trắng **", []Run{plain("** khoảng trắng **")}},
		{"*a**", []Run{plain("*a**")}}, // one star opens only italic, two close only bold
		{"**a*", []Run{plain("**a*")}},
		{"***a**", []Run{plain("*"), bold("a")}},
		{"**a***", []Run{bold("a"), plain("*")}},
		{"**a **b**", []Run{bold("a **b")}},
		{"*a **b* c**", []Run{ital("a "), both("b"), bold(" c")}},
		{`\*không nghiêng\*`, []Run{plain("*không nghiêng*")}},
		{`a\\b \đ C:\Tài liệu`, []Run{plain(`a\b \đ C:\Tài liệu`)}},
		{`kết thúc \`, []Run{plain(`kết thúc \`)}},
		{`\**đậm**`, []Run{plain("**đậm**")}}, // no star run closes the italic
		{"****", []Run{plain("****")}},
		{"x*y*z", []Run{plain("x"), ital("y"), plain("z")}},
	}
	for _, tt := range tests {
		got := parseInline(tt.in)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseInline(%q)\n got %#v\nwant %#v", tt.in, got, tt.want)
		}
	}
}

func TestMarkup(t *testing.T) {
	tests := []struct {
		name string
		in   Document
		want string
	}{
		{"plain", Document{Blocks: []Block{para(1, plain("1. Mục đích")), para(2, plain("5 * 3 (*)"))}}, "1. Mục đích\n5 * 3 (*)"},
		{"line gaps restored", Document{Blocks: []Block{para(2, plain("a")), para(5, plain("b"))}}, "\na\n\n\nb"},
		{"no line numbers", Document{Blocks: []Block{para(0, plain("a")), para(0, plain("b"))}}, "a\nb"},
		{"styles", Document{Blocks: []Block{para(1, bold("Điều 1."), plain(" Phạm vi "), ital("điều chỉnh"))}}, "**Điều 1.** Phạm vi *điều chỉnh*"},
		{"nested", Document{Blocks: []Block{para(1, bold("đậm "), both("cả hai"), bold(" đậm"))}}, "**đậm *cả hai* đậm**"},
		{"both outer italic", Document{Blocks: []Block{para(1, both("a"), ital(" b"))}}, "***a** b*"},
		{"literal stars escaped", Document{Blocks: []Block{para(1, plain("*a*"))}}, `\*a\*`},
		{"literal markup at line start", Document{Blocks: []Block{para(1, plain("# x")), para(2, plain("| a |")), para(3, plain("-> b <-")), para(4, plain("![c](d)"))}},
			"\\# x\n\\| a |\n\\-> b <-\n\\![c](d)"},
		{"backslashes", Document{Blocks: []Block{para(1, plain(`C:\Tài liệu\*.doc \`))}}, `C:\Tài liệu\\\*.doc \`},
		{"heading centred image", Document{Blocks: []Block{
			{Kind: Heading, Level: 1, Runs: []Run{plain("I. MỤC ĐÍCH")}},
			{Kind: Heading, Level: 2, Runs: []Run{plain("1. Mục đích")}},
			{Kind: Centered, Runs: []Run{bold("KẾ HOẠCH")}},
			{Kind: Image, Runs: []Run{plain("Hội nghị")}, Src: "anh-1.jpg"}}},
			"# I. MỤC ĐÍCH\n## 1. Mục đích\n-> **KẾ HOẠCH** <-\n![Hội nghị](anh-1.jpg)"},
		{"tables", Document{Blocks: []Block{
			{Kind: Table, Header: true, Rows: [][]Cell{{cell(plain("STT")), cell(plain("Nội dung"))}, {cell(plain("1"))}}},
			{Kind: Table, Rows: [][]Cell{{cell(plain("a|b"))}, {cell(plain("---"))}}}}},
			"| STT | Nội dung |\n|---|---|\n| 1 |  |\n\n| a\\|b |\n| \\--- |"},
		{"empty blocks skipped", Document{Blocks: []Block{para(1), {Kind: Table}, {Kind: Image}}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.in.Markup()
			if got != tt.want {
				t.Errorf("Markup\n got %q\nwant %q", got, tt.want)
			}
			// What Markup writes parses back to the same content.
			if again := Parse(got).Markup(); again != got {
				t.Errorf("not stable: %q → %q", got, again)
			}
		})
	}
}

func TestEscape(t *testing.T) {
	texts := []string{
		"Thông báo số 05/TB-UBND", "*", "**", "a*b*c", `C:\a\*`, `\`, "a | b", "# không", "-> x <-", "![a](b)",
		"5 * 3", "(*)", "- Như trên;", "#", "x\ny",
	}
	for _, s := range texts {
		want := strings.ReplaceAll(s, "\n", " ")
		for _, wrap := range []string{"%s", "**%s**", "# %s", "| %s |", "![%s](a.jpg)", "-> %s <-"} {
			markup := strings.Replace(wrap, "%s", Escape(s), 1)
			d := Parse(markup)
			if len(d.Blocks) != 1 {
				t.Errorf("%q: %d blocks", markup, len(d.Blocks))
				continue
			}
			bl := d.Blocks[0]
			runs := bl.Runs
			if bl.Kind == Table {
				runs = bl.Rows[0][0].Runs
			}
			if got := PlainText(runs); got != want {
				t.Errorf("Escape(%q) in %q reads %q", s, wrap, got)
			}
		}
	}
}

func TestFromPlainText(t *testing.T) {
	d := FromPlainText([]string{"# Không phải đề mục", "", "  a*b*  "})
	want := []Block{para(1, plain("# Không phải đề mục")), para(3, plain("a*b*"))}
	if !reflect.DeepEqual(d.Blocks, want) {
		t.Fatalf("got %#v", d.Blocks)
	}
	if !reflect.DeepEqual(Parse(d.Markup()).Blocks, want) {
		t.Errorf("markup %q does not read back", d.Markup())
	}
}

func TestHeadingHelpers(t *testing.T) {
	for s, want := range map[string]bool{
		"Điều 1. Phạm vi điều chỉnh": true, "Điều 12.": true, "Điều 5a. Sửa đổi": true, "Điều 3: Giao": true,
		"điều 1. thường": false, "Điều khoản chung": false, "Theo Điều 5. thì": false, "Điều 1 Quyết định này": false,
	} {
		if got := IsArticleHeading(s); got != want {
			t.Errorf("IsArticleHeading(%q) = %v", s, got)
		}
	}
	for s, want := range map[string]bool{
		"Chương I": true, "CHƯƠNG XII": true, "Phần II.": true, "Mục 3": true,
		"Chương trình hành động": false, "Chương I quy định": false, "Mục đích": false,
	} {
		if got := IsDivisionHeading(s); got != want {
			t.Errorf("IsDivisionHeading(%q) = %v", s, got)
		}
	}
}

// roundTrip checks the parse → Markup → parse properties on x.
func roundTrip(t *testing.T, x string) {
	t.Helper()
	d1 := Parse(x)
	m1 := d1.Markup()
	d2 := Parse(m1)
	if !reflect.DeepEqual(d1, d2) {
		t.Fatalf("Parse(Markup(Parse(x))) differs\n x  %q\n m1 %q\n d1 %#v\n d2 %#v", x, m1, d1, d2)
	}
	if m2 := d2.Markup(); m2 != m1 {
		t.Fatalf("Markup not stable\n x  %q\n m1 %q\n m2 %q", x, m1, m2)
	}
	check := func(runs []Run) {
		for _, r := range runs {
			if r.Text == "" || !utf8.ValidString(r.Text) || !norm.NFC.IsNormalString(r.Text) {
				t.Fatalf("bad run %q in %q", r.Text, x)
			}
		}
	}
	for _, bl := range d1.Blocks {
		check(bl.Runs)
		for _, row := range bl.Rows {
			for _, c := range row {
				check(c.Runs)
			}
		}
	}
}

var roundTripSeeds = []string{
	"",
	"**Điều 1.** Ban hành kèm theo Quyết định này *Quy chế làm việc*.\n\n- Như trên;\n- Lưu: VT, VX.",
	"# I. MỤC ĐÍCH\n## 1. Yêu cầu\n-> ***KẾ HOẠCH*** <-\n![Ảnh *đẹp*](anh-1.jpg)",
	"| STT | Nội dung |\n|---|---|\n| 1 | a \\| b |\n\n|x|",
	"***a** b* **c *d*** *e **f***",
	"x*y*z *a**b* c**",
	"\\\\* \\** (*) [**] 5 * 3",
	"|a|\n|---|\n|---|",
	"\\# \\| a | \\-> b <- \\![c](d)",
	"***a* b**",
	"*a **b* c**",
	"**a *b***",
	"a\\",
	"![a\\](b)",
	"| a\\ | b\\\\ |",
	"*\u0301a*",
}

func TestRoundTrip(t *testing.T) {
	for _, s := range roundTripSeeds {
		roundTrip(t, s)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range roundTripSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, x string) {
		roundTrip(t, x)
	})
}

// FuzzMarkupRuns builds arbitrary styled runs (as importers do) and checks
// that Markup writes them so that Parse reads the same runs back, up to the
// spaces Markup must move out of a style (edgeSpaces) and the trimming of the
// line.
func FuzzMarkupRuns(f *testing.F) {
	f.Add([]byte{0x01, 0x12, 0x23, 0x30})
	f.Add([]byte{0x13, 0x43, 0x52, 0x61, 0x70, 0x81})
	frags := []string{"a", " ", "*", "**", `\`, "(", ")", "[", "]", "|", "#", "-", ">", "<", "!", "Đ", "ệ", "5 * 3", "x_y"}
	f.Fuzz(func(t *testing.T, data []byte) {
		var runs []Run
		for _, c := range data {
			runs = append(runs, Run{Text: frags[int(c>>2)%len(frags)], Bold: c&1 != 0, Italic: c&2 != 0})
		}
		want := edgeSpaces(runs)
		if len(want) > 0 {
			want[0].Text = strings.TrimLeftFunc(want[0].Text, unicodeIsSpace)
			want[len(want)-1].Text = strings.TrimRightFunc(want[len(want)-1].Text, unicodeIsSpace)
			want = mergeRuns(want)
		}
		for _, kind := range []BlockKind{Paragraph, Heading, Centered, Image, Table} {
			bl := Block{Kind: kind, Line: 1, Level: 1, Runs: runs, Src: "a.jpg"}
			if kind == Table {
				bl = Block{Kind: Table, Line: 1, Rows: [][]Cell{{{Runs: runs}, {}}}}
			}
			m := Document{Blocks: []Block{bl}}.Markup()
			d := Parse(m)
			var got []Run
			if len(d.Blocks) > 0 {
				got = d.Blocks[0].Runs
				if d.Blocks[0].Kind == Table {
					got = d.Blocks[0].Rows[0][0].Runs
				}
			}
			if len(got) == 0 && len(want) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("kind %d: runs %#v\nmarkup %q\n got %#v\nwant %#v", kind, runs, m, got, want)
			}
		}
	})
}

func unicodeIsSpace(r rune) bool { return r == ' ' || r == '\t' }

func TestLineKind(t *testing.T) {
	for line, want := range map[string]BlockKind{
		"": Paragraph, "1. Mục đích": Paragraph, "# I. MỤC ĐÍCH": Heading, "  ## 1. Yêu cầu": Heading,
		"-> KẾ HOẠCH <-": Centered, "![Ảnh](a.jpg)": Image, "| a | b |": Table, "|---|": Table, "\\| a |": Paragraph,
	} {
		if got := LineKind(line); got != want {
			t.Errorf("LineKind(%q) = %v, want %v", line, got, want)
		}
	}
}
