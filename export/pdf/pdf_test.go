package pdf

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"

	"bientap/model"
	"bientap/model/doc"
)

// export runs the layout the record's kind calls for (the tests' one copy
// of the choice package export makes for the program).
func export(t testing.TB, r *model.Record, opt Options) ([]byte, Result) {
	t.Helper()
	var b bytes.Buffer
	res, err := layout(&b, r, opt)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	return b.Bytes(), res
}

// layout writes the news print view for news, the document otherwise.
func layout(w io.Writer, r *model.Record, opt Options) (Result, error) {
	if r.Kind == model.KindNews {
		return News(w, r, opt)
	}
	return Document(w, r, opt)
}

// bodyWords lists the words of a body as the reader should find them.
func bodyWords(body string) []string {
	var words []string
	for _, b := range doc.Parse(body).Blocks {
		switch b.Kind {
		case doc.Table:
			for _, row := range b.Rows {
				for _, c := range row {
					words = append(words, strings.Fields(doc.PlainText(c.Runs))...)
				}
			}
		default:
			words = append(words, strings.Fields(doc.PlainText(b.Runs))...)
		}
	}
	return words
}

// checkInOrder fails unless every word appears in text in order. Spaces are
// ignored, so a word cut at the end of a line still counts.
func checkInOrder(t *testing.T, text string, words []string) {
	t.Helper()
	got := strings.Join(strings.Fields(norm.NFC.String(text)), "")
	pos := 0
	for i, w := range words {
		w = norm.NFC.String(w)
		k := strings.Index(got[pos:], w)
		if k < 0 {
			t.Fatalf("word %d %q missing or out of order after …%q", i, w, got[max(0, pos-40):pos])
		}
		pos += k + len(w)
	}
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestDocumentLayouts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		rec   *model.Record
		pages int // minimum
		// texts that must be present with a face suffix ("" regular, "B", "I", "BI")
		faces map[string]string
	}{
		{"thông báo", thongBao(), 1, map[string]string{"THÔNG BÁO": "B", "Nơi nhận:": "BI", "Nguyễn Văn An": "B", "07 ngày liên": "B", "24/24 giờ": "I"}},
		{"công văn", congVan(), 1, map[string]string{"V/v tăng cường": "", "KHẨN": "B", "Kính gửi:": ""}},
		{"quyết định", quyetDinh(), 1, map[string]string{"QUYẾT ĐỊNH:": "B", "Căn cứ Nghị định": "I", "Điều 1.": "B", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU": "B", "KT. CHỦ TỊCH": "B", "Theo đề nghị": "I"}},
		{"công điện", congDien(), 1, map[string]string{"CÔNG ĐIỆN": "B", "HỎA TỐC": "B", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:": "B"}},
		{"giấy mời", giayMoi(), 1, map[string]string{"GIẤY MỜI": "B"}},
		{"kế hoạch", keHoach(), 4, map[string]string{"I. MỤC ĐÍCH, YÊU CẦU": "B", "Nhiệm vụ": "B"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, res := export(t, tc.rec, Options{})
			f := readPDF(t, data)
			if len(f.pages) != res.Pages || res.Pages < tc.pages {
				t.Fatalf("pages: read %d, result %d, want ≥ %d", len(f.pages), res.Pages, tc.pages)
			}
			for i, p := range f.pages {
				if !near(p.width, 210, 0.1) || !near(p.height, 297, 0.1) {
					t.Errorf("page %d is %.1f × %.1f mm, want A4", i+1, p.width, p.height)
				}
			}
			// Every run's font is embedded, and only the faces used are.
			used := map[string]bool{}
			for _, p := range f.pages {
				for _, r := range p.runs {
					used[r.font] = true
					if !f.fonts[r.font] {
						t.Errorf("font %s of %q not embedded", r.font, r.text)
					}
				}
			}
			if len(used) != len(f.fonts) {
				t.Errorf("embedded fonts %v, used %v", f.fonts, used)
			}
			checkInOrder(t, f.text(), bodyWords(tc.rec.Body))
			for s, face := range tc.faces {
				r, _, ok := f.find(s)
				if !ok {
					t.Errorf("%q not found", s)
					continue
				}
				if got := strings.TrimPrefix(r.font, "utf8liberationserif"); got != face {
					t.Errorf("%q in face %q, want %q", s, got, face)
				}
			}
			// Margins: nothing left of the left margin (32.5 mm by default, ≥ 30).
			for i, p := range f.pages {
				for _, r := range p.runs {
					if r.x < 32.5-0.01 {
						t.Errorf("page %d: %q starts at %.2f mm, inside the left margin", i+1, r.text, r.x)
					}
				}
			}
			// Header: Quốc hiệu in the right half, the agency in the left; Số
			// and the place/date line on one baseline.
			qh, qp, _ := f.find(quocHieu)
			e := newEngine(Options{}, false)
			qhW := e.width(quocHieu, bold, qh.size)
			if qp != 0 || qh.x+qhW/2 < 32.5+160/2 || qh.x+qhW > 192.5+0.01 {
				t.Errorf("Quốc hiệu at x %.1f (width %.1f) on page %d", qh.x, qhW, qp+1)
			}
			tn, _, _ := f.find(tieuNgu)
			if tn.y <= qh.y {
				t.Errorf("Tiêu ngữ (y %.1f) not under the Quốc hiệu (y %.1f)", tn.y, qh.y)
			}
			so, _, ok1 := f.find("Số: ")
			date, _, ok2 := f.find("Lai Châu, ngày 05 tháng 3 năm 2024")
			if !ok1 || !ok2 || !near(so.y, date.y, 0.01) {
				t.Errorf("Số (%v, y %.2f) and date (%v, y %.2f) not on one baseline", ok1, so.y, ok2, date.y)
			}
			if so.x > 105 || date.x < 80 {
				t.Errorf("Số at x %.1f, date at x %.1f: wrong columns", so.x, date.x)
			}
			// Page numbers: none on page 1, "N" centred in the top margin from page 2.
			for i, p := range f.pages {
				for _, r := range p.runs {
					if r.y < 22.5 && i == 0 {
						t.Errorf("page 1 has %q in the top margin", r.text)
					}
				}
				if i > 0 {
					r, pi, ok := f.find(fmt.Sprint(i + 1))
					_ = r
					found := false
					for _, r := range p.runs {
						if r.text == fmt.Sprint(i+1) && r.y < 22.5 && r.x > 100 && r.x < 120 {
							found = true
						}
					}
					if !found {
						t.Errorf("page %d lacks its number in the top margin (%v %d)", i+1, ok, pi)
					}
				}
			}
			// The footer block is whole: authority, name and Nơi nhận on one page.
			_, pn, ok := f.find(tc.rec.SignerName)
			_, pr, ok2 := f.find("Nơi nhận:")
			if !ok || !ok2 || pn != pr || pn != len(f.pages)-1 {
				t.Errorf("footer split: name on page %d, Nơi nhận on page %d of %d", pn+1, pr+1, len(f.pages))
			}
			if f.info["Creator"] != "Biên Tập" || f.info["Subject"] != tc.rec.Summary || f.info["Author"] == "" {
				t.Errorf("metadata %v", f.info)
			}
		})
	}
}

// TestFooterMovesWhole grows a body line by line across a page break: the
// footer block always stays on one page, with at least the last line of the
// body before it.
func TestFooterMovesWhole(t *testing.T) {
	t.Parallel()
	line := "Các cơ quan, đơn vị chủ động rà soát, bố trí kinh phí, vật tư và báo cáo kết quả thực hiện đúng thời hạn quy định."
	sawTwoPages := false
	for n := 10; n <= 26; n++ {
		r := thongBao()
		r.Body = strings.Repeat(line+"\n", n) + "Kết thúc./."
		data, res := export(t, r, Options{})
		f := readPDF(t, data)
		_, pa, _ := f.find("KT. CHÁNH VĂN PHÒNG")
		_, pn, _ := f.find("Nguyễn Văn An")
		_, pr, _ := f.find("Nơi nhận:")
		_, pl, _ := f.find("Kết thúc./.")
		if pa != pn || pn != pr || pn != res.Pages-1 || pl != pn {
			t.Fatalf("n=%d: authority p%d, name p%d, Nơi nhận p%d, last line p%d, pages %d", n, pa+1, pn+1, pr+1, pl+1, res.Pages)
		}
		if res.Pages > 1 {
			sawTwoPages = true
		}
	}
	if !sawTwoPages {
		t.Fatal("the bodies never reached a second page; the test proves nothing")
	}
}

func TestBodyTableHeaderRepeats(t *testing.T) {
	t.Parallel()
	data, _ := export(t, keHoach(), Options{})
	f := readPDF(t, data)
	pagesWithRows, pagesWithHeader := 0, 0
	for _, p := range f.pages {
		txt := p.text()
		if strings.Contains(txt, "Xây dựng cơ sở dữ liệu") {
			pagesWithRows++
			if strings.Contains(txt, "Đơn vị chủ trì") {
				pagesWithHeader++
			}
		}
	}
	if pagesWithRows < 2 || pagesWithHeader != pagesWithRows {
		t.Fatalf("table rows on %d pages, header on %d", pagesWithRows, pagesWithHeader)
	}
}

func TestNewsLayout(t *testing.T) {
	t.Parallel()
	r := newsItem()
	r.Body = strings.Repeat(r.Body+"\n", 2)
	data, res := export(t, r, Options{PortalName: "Cổng thông tin điện tử tỉnh Lai Châu"})
	f := readPDF(t, data)
	if res.Pages < 2 || len(f.pages) != res.Pages {
		t.Fatalf("pages %d/%d", res.Pages, len(f.pages))
	}
	checkInOrder(t, f.text(), bodyWords(r.Body))
	for i := range f.pages {
		want := fmt.Sprintf("Trang %d/%d", i+1, res.Pages)
		found := false
		for _, run := range f.pages[i].runs {
			if run.text == want && run.y > 270 {
				found = true
			}
		}
		if !found {
			t.Errorf("page %d lacks %q in its footer", i+1, want)
		}
		if !strings.Contains(f.pages[i].text(), r.URL) {
			t.Errorf("page %d lacks the portal address", i+1)
		}
	}
	checks := []struct {
		text, face string
		size       float64
	}{
		{"CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LAI CHÂU", "B", nsHeader},
		{"Tin tức sự kiện", "I", nsHeader},
		{"Thứ Hai, 15/1/2024", "I", nsDate},
		{"Lai Châu: Hội nghị", "B", nsTitle},
		{"Sáng ngày 15/01", "B", nsSapo},
		{"Quang cảnh hội nghị", "I", nsCaption},
		{"Minh Anh", "B", nsBody},
	}
	for _, c := range checks {
		run, _, ok := f.find(c.text)
		if !ok || strings.TrimPrefix(run.font, "utf8liberationserif") != c.face || run.size != c.size {
			t.Errorf("%q: found %v, font %s, size %v; want face %q size %v", c.text, ok, run.font, run.size, c.face, c.size)
		}
	}
	by, _, _ := f.find("Minh Anh")
	e := newEngine(Options{}, false)
	if end := by.x + e.width("Minh Anh", bold, nsBody); !near(end, 210-newsSide, 0.05) {
		t.Errorf("byline ends at %.2f mm, want right-aligned at %.2f", end, 210-newsSide)
	}
}

// TestDeterministic exports the same records twice, and several at once
// (font bytes are shared): the files are byte-identical.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	for _, r := range []*model.Record{quyetDinh(), keHoach(), newsItem()} {
		a, _ := export(t, r, Options{})
		outs := make([][]byte, 4)
		var wg sync.WaitGroup
		for i := range outs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var b bytes.Buffer
				layout(&b, r.Clone(), Options{})
				outs[i] = b.Bytes()
			}()
		}
		wg.Wait()
		for i, b := range outs {
			if !bytes.Equal(a, b) {
				t.Errorf("%s: export %d differs (%d vs %d bytes)", r.Kind, i, len(a), len(b))
			}
		}
		r2 := r.Clone()
		r2.Updated = r2.Updated.Add(1e9)
		c, _ := export(t, r2, Options{})
		if bytes.Equal(a, c) {
			t.Errorf("%s: a different Updated time gave the same file", r.Kind)
		}
	}
}

func TestOptionsSettle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in    Options
		want  Options
		warns int
	}{
		{Options{}, Options{MarginTop: 22.5, MarginBottom: 22.5, MarginLeft: 32.5, MarginRight: 17.5, LineSpacing: 1.25}, 0},
		{Options{MarginTop: 20, MarginBottom: 25, MarginLeft: 30, MarginRight: 15, LineSpacing: 1.15},
			Options{MarginTop: 20, MarginBottom: 25, MarginLeft: 30, MarginRight: 15, LineSpacing: 1.15}, 0},
		{Options{MarginTop: 10, MarginLeft: 40, LineSpacing: 2},
			Options{MarginTop: 20, MarginBottom: 22.5, MarginLeft: 35, MarginRight: 17.5, LineSpacing: 1.5}, 3},
	}
	for _, tc := range tests {
		got, warns := tc.in.settle()
		if got != tc.want || len(warns) != tc.warns {
			t.Errorf("settle(%+v) = %+v, %q; want %+v with %d warnings", tc.in, got, warns, tc.want, tc.warns)
		}
	}
	// The settings reach the page: a 35 mm left margin moves every line.
	data, res := export(t, thongBao(), Options{MarginLeft: 35, MarginTop: 25})
	f := readPDF(t, data)
	minX := 1000.0
	for _, r := range f.pages[0].runs {
		minX = min(minX, r.x)
	}
	if !near(minX, 35, 0.01) || len(res.Warnings) != 0 {
		t.Errorf("left-most text at %.2f mm, want 35; warnings %q", minX, res.Warnings)
	}
}

func TestEndMarkWarning(t *testing.T) {
	t.Parallel()
	r := thongBao()
	_, res := export(t, r, Options{})
	for _, w := range res.Warnings {
		if strings.Contains(w, endMark) {
			t.Fatalf("warning on a body that ends with the mark: %q", w)
		}
	}
	r.Body = strings.TrimSuffix(r.Body, "./.") + "."
	data, res := export(t, r, Options{})
	found := false
	for _, w := range res.Warnings {
		found = found || strings.Contains(w, endMark)
	}
	if !found {
		t.Errorf("no warning for a body without %q: %q", endMark, res.Warnings)
	}
	if strings.Contains(readPDF(t, data).text(), endMark) {
		t.Errorf("the mark was added to a body that lacks it")
	}
}
