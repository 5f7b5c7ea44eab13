package pdf

import (
	"strings"
	"testing"

	"bientap/model"
)

// The Decree-30 details a văn thư checks on the printed page, each read
// back from the PDF: text, faces, and positions in mm.

// face is the face suffix of a run's font ("", "B", "I", "BI").
func faceOf(r pdfRun) string { return strings.TrimPrefix(r.font, "utf8liberationserif") }

// TestSignAsTyped: the ký hiệu prints as the clerk typed it (Phụ lục III's
// mixed case kept), the number padded to two digits.
func TestSignAsTyped(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ number, sign, want string }{
		{"12", "TTr-VPUBND", "Số: 12/TTr-VPUBND"},
		{"3", "QyĐ-UBND", "Số: 03/QyĐ-UBND"},
		{"5", "CTr-UBND", "Số: 05/CTr-UBND"},
		{"5", "tb-ubnd", "Số: 05/tb-ubnd"},
	} {
		r := thongBao()
		r.Number, r.Sign = tc.number, tc.sign
		data, _ := export(t, r, Options{})
		f := readPDF(t, data)
		if _, _, ok := f.find(tc.want); !ok {
			run, _, _ := f.find("Số:")
			t.Errorf("%s/%s printed %q, want %q", tc.number, tc.sign, run.text, tc.want)
		}
	}
}

// TestDraftMark: a draft or a document awaiting review carries DỰ THẢO in a
// box in the top margin of every page, with its revision and time; an
// approved or published one prints clean.
func TestDraftMark(t *testing.T) {
	t.Parallel()
	for _, st := range model.Statuses[:4] {
		r := keHoach()
		r.Status = st
		data, res := export(t, r, Options{Revision: 3})
		f := readPDF(t, data)
		draft := st == model.StatusDraft || st == model.StatusReview
		for i, p := range f.pages {
			var mark, note *pdfRun
			for k, run := range p.runs {
				switch {
				case run.text == "DỰ THẢO":
					mark = &p.runs[k]
				case strings.HasPrefix(run.text, "Lần 3, ") && strings.Contains(run.text, "ngày 5/3/2024"):
					note = &p.runs[k]
				}
			}
			if !draft {
				if mark != nil || note != nil {
					t.Errorf("%s: page %d has a draft mark", st, i+1)
				}
				continue
			}
			if mark == nil || note == nil {
				t.Fatalf("%s: page %d of %d lacks the mark (%v) or its note (%v)", st, i+1, res.Pages, mark != nil, note != nil)
			}
			if faceOf(*mark) != "B" || mark.y > 22.5 || note.y > 22.5 {
				t.Errorf("%s: mark %+v, note %+v: want bold, in the top margin", st, *mark, *note)
			}
			boxed := false
			for _, rc := range p.rects {
				boxed = boxed || rc.x <= mark.x && rc.x+rc.w >= mark.x+10 && rc.y <= mark.y && rc.y+rc.h >= mark.y
			}
			if !boxed {
				t.Errorf("%s: page %d: the mark is not in a box (%v)", st, i+1, p.rects)
			}
		}
	}
}

// TestLegalBasesAndClauses: every legal basis of the preamble is italic,
// "Xét Tờ trình…" too; a khoản with a title is bold, one with running text
// upright.
func TestLegalBasesAndClauses(t *testing.T) {
	t.Parallel()
	r := quyetDinh()
	r.Body = strings.Replace(r.Body, "Theo đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 12/TTr-STTTT ngày 01 tháng 3 năm 2024.",
		"Xét Tờ trình số 12/TTr-STTTT ngày 01 tháng 3 năm 2024 của Sở Thông tin và Truyền thông.", 1)
	r.Body = strings.Replace(r.Body, "Điều 1.", "1. Mục đích\n2. Các đơn vị thực hiện đúng tiến độ.\nĐiều 1.", 1)
	data, _ := export(t, r, Options{})
	f := readPDF(t, data)
	for s, face := range map[string]string{"Căn cứ Luật": "I", "Căn cứ Nghị định": "I", "Xét Tờ trình số": "I",
		"1. Mục đích": "B", "2. Các đơn vị": "", "Điều 1.": "B"} {
		run, _, ok := f.find(s)
		if !ok || faceOf(run) != face {
			t.Errorf("%q: found %v in face %q, want %q", s, ok, faceOf(run), face)
		}
	}
}

// TestRules: the rule under a short agency name is 1/3 to 1/2 of the
// name's line (20 mm or more when that fits), centred under it; the rule
// under the Tiêu ngữ is as long as it; every rule clears the deepest
// descender of the line above by at least 1 mm and sits within 2 mm of it.
func TestRules(t *testing.T) {
	t.Parallel()
	e := newEngine(Options{}, false)
	for _, agency := range []string{"VĂN PHÒNG", "SỞ NỘI VỤ", "BAN QUẢN LÝ DỰ ÁN"} {
		r := thongBao()
		r.Agency = agency
		r.Summary = "Về việc thành lập Tổ công tác"
		data, _ := export(t, r, Options{})
		f := readPDF(t, data)
		p := f.pages[0]
		check := func(what, text string, face face, size float64, lo, hi float64) {
			run, _, ok := f.find(text)
			if !ok {
				t.Fatalf("%q not found", text)
			}
			w := e.width(text, face, size)
			var rule *pdfLine
			for k, l := range p.lines {
				if l.y1 > run.y && l.y1 < run.y+5 && l.x1 < run.x+w && l.x2 > run.x {
					rule = &p.lines[k]
				}
			}
			if rule == nil {
				t.Fatalf("%s: no rule under %q", what, text)
			}
			length := rule.x2 - rule.x1
			if length < lo*w-0.05 || length > hi*w+0.05 {
				t.Errorf("%s: rule %.1f mm under a line of %.1f mm (%.0f %%), want %.0f–%.0f %%", what, length, w, 100*length/w, 100*lo, 100*hi)
			}
			if mid, cx := (rule.x1+rule.x2)/2, run.x+w/2; !near(mid, cx, 0.1) {
				t.Errorf("%s: rule centred at %.1f, text at %.1f", what, mid, cx)
			}
			clear := rule.y1 - rule.w/2 - (run.y + descent*size*ptMM)
			if clear < 1 || clear > 2 {
				t.Errorf("%s: rule %.2f mm under the descenders, want 1–2 mm", what, clear)
			}
		}
		lo := 1.0 / 3
		if w := e.width(agency, bold, szAgency); w >= 40 && w <= 60 {
			// 20 mm is within a third and a half: it is at least 20.
			lo = 20 / w
		}
		check("agency "+agency, agency, bold, szAgency, lo, 0.5)
		check("tiêu ngữ", tieuNgu, bold, szTieuNgu, 1, 1)
		check("trích yếu", r.Summary, bold, szKind, 1.0/3, 0.5)
	}
}

// TestUrgencyBoxes: the stamps are boxed at the decree's sizes: HỎA TỐC 30,
// THƯỢNG KHẨN 40, KHẨN 20 mm wide, 8 mm high, the text inside.
func TestUrgencyBoxes(t *testing.T) {
	t.Parallel()
	for u, want := range map[string]float64{"HỎA TỐC": 30, "THƯỢNG KHẨN": 40, "KHẨN": 20, "thượng khẩn": 40} {
		r := congVan()
		r.Urgency = u
		data, _ := export(t, r, Options{})
		f := readPDF(t, data)
		run, _, ok := f.find(strings.ToUpper(u))
		if !ok || faceOf(run) != "B" {
			t.Fatalf("%s: stamp %v %q", u, ok, run.font)
		}
		var box *pdfRect
		for k, rc := range f.pages[0].rects {
			if rc.y <= run.y && rc.y+rc.h >= run.y {
				box = &f.pages[0].rects[k]
			}
		}
		if box == nil || !near(box.w, want, 0.05) || !near(box.h, 8, 0.05) {
			t.Errorf("%s: box %+v, want %.0f × 8 mm", u, box, want)
			continue
		}
		e := newEngine(Options{}, false)
		if w := e.width(run.text, bold, run.size); run.x < box.x+1 || run.x+w > box.x+box.w-1 {
			t.Errorf("%s: text from %.1f to %.1f, box from %.1f to %.1f", u, run.x, run.x+w, box.x, box.x+box.w)
		}
	}
}

// TestNewsTitleUsesWidth: a title that takes two lines fills the first to
// the width, as the portal shows it, instead of balancing both to ~55 %.
func TestNewsTitleUsesWidth(t *testing.T) {
	t.Parallel()
	r := newsItem()
	r.Title = "Văn hóa các dân tộc tỉnh Lai Châu được bảo tồn và phát huy trong đời sống"
	data, _ := export(t, r, Options{})
	f := readPDF(t, data)
	e := newEngine(Options{}, false)
	lines := map[float64]float64{} // baseline → width of the title's runs
	for _, run := range f.pages[0].runs {
		if run.size == nsTitle {
			lines[run.y] += e.width(run.text, bold, nsTitle)
		}
	}
	if len(lines) != 2 {
		t.Fatalf("title on %d lines", len(lines))
	}
	first, tw := 0.0, 210-2*newsSide
	for y := range lines {
		if first == 0 || y < first {
			first = y
		}
	}
	if w := lines[first]; w < 0.85*tw {
		t.Errorf("first title line %.0f mm of %.0f (%.0f %%): balanced, not using the width", w, tw, 100*w/tw)
	}
	if _, _, ok := f.find("Văn hóa"); !ok {
		t.Error(`"Văn hóa" split across lines`)
	}
}
