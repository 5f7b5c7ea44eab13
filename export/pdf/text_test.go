package pdf

import (
	"strings"
	"testing"

	"bientap/model/doc"
)

func TestClean(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		dropped  int
	}{
		{"Hòa bình", "Hòa bình", 0},
		{"Ho\u0300a bi\u0300nh", "Hòa bình", 0},       // NFD → NFC
		{"chuyển\u00ADđổi\u200Bsố", "chuyểnđổisố", 0}, // soft hyphen, zero-width space
		{"50\u00A0km", "50\u00A0km", 0},               // no-break space kept
		{"Chúc mừng 🎉 năm mới", "Chúc mừng  năm mới", 1},
		{"a\tb\x07c", "a bc", 0},
	}
	for _, tc := range tests {
		e := newEngine(Options{}, false)
		if got := e.clean(tc.in); got != tc.want || e.dropped != tc.dropped {
			t.Errorf("clean(%q) = %q (dropped %d), want %q (%d)", tc.in, got, e.dropped, tc.want, tc.dropped)
		}
	}
}

// TestLineBreaker checks the breaker on mixed-style text: no line is wider
// than its box, justified lines fill it exactly, the last line is not
// stretched, and all text survives in order.
func TestLineBreaker(t *testing.T) {
	t.Parallel()
	long := "https://laichau.gov.vn/van-ban-chi-dao-dieu-hanh/ke-hoach-trien-khai-chuyen-doi-so-nam-2024-cua-van-phong.html"
	tests := []struct {
		name   string
		runs   []doc.Run
		width  float64
		indent float64
	}{
		{"plain", []doc.Run{{Text: strings.Repeat("Thực hiện kế hoạch chuyển đổi số của tỉnh. ", 8)}}, 145, 12.7},
		{"mixed", []doc.Run{{Text: "Cán bộ được nghỉ "}, {Text: "07 ngày liên tục", Bold: true}, {Text: ", từ "}, {Text: "thứ Năm", Italic: true}, {Text: " ngày 08/02/2024 đến hết thứ Tư ngày 14/02/2024; các đơn vị bố trí "}, {Text: "trực", Bold: true, Italic: true}, {Text: "."}}, 145, 12.7},
		{"style inside a word", []doc.Run{{Text: "chữ"}, {Text: "đậm", Bold: true}, {Text: " và "}, {Text: "nghiêng", Italic: true}, {Text: "thường " + strings.Repeat("văn bản ", 20)}}, 100, 0},
		{"over-long word", []doc.Run{{Text: "Xem tại địa chỉ " + long + " để biết thêm."}}, 80, 10},
		{"narrow", []doc.Run{{Text: "Ủy ban nhân dân tỉnh Lai Châu"}}, 8, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newEngine(Options{}, false)
			sp := e.spans(tc.runs)
			us := e.para(sp, 30, tc.width, tc.indent, 7, 14, 'J', 0)
			var got strings.Builder
			for i, u := range us {
				left := 30.0
				if i == 0 {
					left += tc.indent
				}
				first, last := u.ops[0], u.ops[len(u.ops)-1]
				right := last.x + last.w
				if !near(first.x, left, 1e-6) {
					t.Errorf("line %d starts at %.3f, want %.3f", i, first.x, left)
				}
				if right > 30+tc.width+1e-3 && len(u.ops) > 1 {
					t.Errorf("line %d ends at %.3f, past %.3f", i, right, 30+tc.width)
				}
				if i < len(us)-1 && len(strings.Fields(opsText(u.ops))) > 1 && !near(right, 30+tc.width, 0.01) {
					t.Errorf("justified line %d ends at %.3f, want %.3f", i, right, 30+tc.width)
				}
				for _, o := range u.ops {
					if o.kind == opText && near(o.w, e.width(o.text, o.face, o.size), 1e-6) == false && !o.just {
						t.Errorf("run %q: width %.3f, measured %.3f", o.text, o.w, e.width(o.text, o.face, o.size))
					}
				}
				got.WriteString(opsText(u.ops))
			}
			want := strings.Join(strings.Fields(spansText(sp)), "")
			if g := strings.Join(strings.Fields(got.String()), ""); g != want {
				t.Errorf("text changed:\n got %q\nwant %q", g, want)
			}
			if len(us) > 1 && us[len(us)-1].ops[0].just {
				t.Errorf("last line justified")
			}
		})
	}
}

// TestLongWordBreaksAtSlash: an address longer than the line is cut after a
// "/" or "-", not in the middle of a word.
func TestLongWordBreaksAtSlash(t *testing.T) {
	t.Parallel()
	e := newEngine(Options{}, false)
	url := "https://laichau.gov.vn/van-ban-chi-dao-dieu-hanh/ke-hoach-trien-khai-chuyen-doi-so-nam-2024.html"
	us := e.para(e.plain("Địa chỉ: "+url, regular), 0, 60, 0, 7, 14, 'J', 0)
	if len(us) < 2 {
		t.Fatalf("%d lines", len(us))
	}
	for i, u := range us[:len(us)-1] {
		txt := strings.TrimSpace(opsText(u.ops))
		if !strings.HasSuffix(txt, "/") && !strings.HasSuffix(txt, "-") && !strings.HasSuffix(txt, ":") {
			t.Errorf("line %d ends %q: not after / or -", i, txt)
		}
	}
}

func opsText(ops []op) string {
	var b strings.Builder
	for _, o := range ops {
		if o.kind == opText {
			b.WriteString(o.text)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func TestBalancedLines(t *testing.T) {
	t.Parallel()
	e := newEngine(Options{}, false)
	ws := e.words(e.plain("Về việc phê duyệt Kế hoạch chuyển đổi số tỉnh Lai Châu năm 2024", bold), 14)
	plain := e.breakLines(append([]word(nil), ws...), 140, 140, 14)
	bal := e.balancedLines(ws, 140, 14)
	if len(plain) != len(bal) || len(bal) != 2 {
		t.Fatalf("lines: plain %d, balanced %d", len(plain), len(bal))
	}
	if d := bal[0].natural - bal[1].natural; d < 0 || d > bal[0].natural/2 {
		t.Errorf("unbalanced: %.1f / %.1f mm", bal[0].natural, bal[1].natural)
	}
	if len(plain[1].words) >= len(bal[1].words) {
		t.Errorf("balancing did not move words down: %d vs %d", len(plain[1].words), len(bal[1].words))
	}
}
