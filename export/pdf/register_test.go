package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"bientap/model"
)

// registerRecords makes n issued documents of 2024, given out of order.
func registerRecords(n int) []*model.Record {
	var recs []*model.Record
	kinds := []model.Kind{model.KindThongBao, model.KindCongVan, model.KindQuyetDinh, model.KindKeHoach}
	for i := n; i >= 1; i-- {
		r := baseDoc(kinds[i%len(kinds)])
		r.ID = int64(i)
		r.Number = fmt.Sprintf("%02d", i)
		r.Date = time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*3)
		r.Summary = fmt.Sprintf("Về việc triển khai nhiệm vụ số %d của Văn phòng, bảo đảm tiến độ và chất lượng theo kế hoạch năm", i)
		recs = append(recs, r)
	}
	return recs
}

// TestRegister: one book per issuing agency and number series, each with
// its cover (agency, year, date range, number range with leading zeros,
// Quyển số), the numbered columns (1)…(10) under the titles on every page,
// a Số column that holds "03/UBND-VX" on one line, and page numbers
// counted within the book.
func TestRegister(t *testing.T) {
	t.Parallel()
	recs := registerRecords(60) // Văn phòng: TB-VP, VP, QĐ-VP, KH-VP
	for i, sign := range []string{"QĐ-UBND", "UBND-VX", "QĐ-UBND", "UBND-VX", "UBND-VX"} {
		r := baseDoc(model.KindQuyetDinh)
		if strings.HasPrefix(sign, "UBND") {
			r.Kind = model.KindCongVan
		}
		r.ID = int64(100 + i)
		r.AgencyParent, r.Agency, r.Sign = "", "Ủy ban nhân dân tỉnh Lai Châu", sign
		r.Number = fmt.Sprint(3 + i)
		r.Date = time.Date(2024, 2, 1+i, 0, 0, 0, 0, time.UTC)
		r.Summary = "Về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội"
		recs = append(recs, r)
	}
	var b bytes.Buffer
	res, err := Register(&b, 2024, recs, Options{AgencyParent: "UBND TỈNH LAI CHÂU", Agency: "VĂN PHÒNG"})
	if err != nil {
		t.Fatal(err)
	}
	f := readPDF(t, b.Bytes())
	if len(f.pages) != res.Pages {
		t.Fatalf("pages %d/%d", res.Pages, len(f.pages))
	}
	type book struct {
		cover string
		first int // page index of the cover
		rows  []string
	}
	var books []*book
	for i, p := range f.pages {
		if !near(p.width, 297, 0.1) || !near(p.height, 210, 0.1) {
			t.Errorf("page %d is %.1f × %.1f, want landscape A4", i+1, p.width, p.height)
		}
		txt := p.text()
		if strings.Contains(txt, "SỔ ĐĂNG KÝ VĂN BẢN ĐI Văn bản ký hiệu") {
			books = append(books, &book{cover: txt, first: i})
			continue
		}
		bk := books[len(books)-1]
		// Every table page: titles, the numbered columns, the page number
		// counted from the book's cover.
		for _, h := range []string{"Tên loại và trích yếu nội dung văn bản", "Người ký", "Ký nhận", "Ghi chú"} {
			if !strings.Contains(txt, h) {
				t.Errorf("page %d lacks header %q", i+1, h)
			}
		}
		var nums []string
		for _, r := range p.runs {
			if strings.HasPrefix(r.text, "(") && strings.HasSuffix(r.text, ")") && len(r.text) <= 4 {
				nums = append(nums, r.text)
			}
			if strings.Contains(r.text, "/") && (strings.HasSuffix(r.text, "VP") || strings.HasSuffix(r.text, "UBND") || strings.HasSuffix(r.text, "VX")) {
				bk.rows = append(bk.rows, r.text)
			}
		}
		if strings.Join(nums, "") != "(1)(2)(3)(4)(5)(6)(7)(8)(9)(10)" {
			t.Errorf("page %d: column numbers %q", i+1, nums)
		}
		want := fmt.Sprint(i - bk.first + 1)
		found := false
		for _, r := range p.runs {
			found = found || r.text == want && r.y < regTop
		}
		if !found {
			t.Errorf("page %d lacks its book page number %s", i+1, want)
		}
	}
	wantBooks := []struct {
		agency, series, rng, dates, volume string
		rows                               int
	}{
		{"VĂN PHÒNG", "TB-VP", "Từ số 04 đến số 60", "Từ ngày 14/01/2024 đến ngày 30/06/2024", "Quyển số: 01", 15},
		{"VĂN PHÒNG", "KH-VP", "Từ số 03 đến số 59", "Từ ngày 11/01/2024 đến ngày 27/06/2024", "Quyển số: 02", 15},
		{"VĂN PHÒNG", "VP", "Từ số 01 đến số 57", "Từ ngày 05/01/2024 đến ngày 21/06/2024", "Quyển số: 03", 15},
		{"VĂN PHÒNG", "QĐ-VP", "Từ số 02 đến số 58", "Từ ngày 08/01/2024 đến ngày 24/06/2024", "Quyển số: 04", 15},
		{"ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "UBND-VX", "Từ số 04 đến số 07", "Từ ngày 02/02/2024 đến ngày 05/02/2024", "Quyển số: 01", 3},
		{"ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "QĐ-UBND", "Từ số 03 đến số 05", "Từ ngày 01/02/2024 đến ngày 03/02/2024", "Quyển số: 02", 2},
	}
	if len(books) != len(wantBooks) {
		t.Fatalf("%d books, want %d", len(books), len(wantBooks))
	}
	for i, w := range wantBooks {
		bk := books[i]
		for _, s := range []string{w.agency, "ký hiệu " + w.series + " ", "Năm: 2024", w.rng, w.dates, w.volume} {
			if !strings.Contains(bk.cover, s) {
				t.Errorf("book %d cover lacks %q: %s", i+1, s, bk.cover)
			}
		}
		if w.agency == "VĂN PHÒNG" && !strings.Contains(bk.cover, "UBND TỈNH LAI CHÂU") {
			t.Errorf("book %d cover lacks the cơ quan chủ quản", i+1)
		}
		if len(bk.rows) != w.rows {
			t.Errorf("book %d has %d rows %q, want %d", i+1, len(bk.rows), bk.rows, w.rows)
		}
		for _, r := range bk.rows {
			if !strings.HasSuffix(r, "/"+w.series) {
				t.Errorf("book %d (%s) holds %q", i+1, w.series, r)
			}
		}
	}
	if got := books[0].rows; got[0] != "04/TB-VP" || got[len(got)-1] != "60/TB-VP" {
		t.Errorf("first book rows %q…%q", got[0], got[len(got)-1])
	}
	// The Số column holds a công văn's number on one line.
	if _, _, ok := f.find("04/UBND-VX"); !ok {
		t.Error("04/UBND-VX is broken across lines")
	}
	txt := strings.Join(strings.Fields(f.text()), " ")
	for _, s := range []string{"Nguyễn Văn An", "Chủ tịch, các PCT UBND tỉnh (b/c); Các sở, ban, ngành tỉnh", "VT, HCTC"} {
		if !strings.Contains(txt, s) {
			t.Errorf("register lacks %q", s)
		}
	}
}

func TestRegisterEmpty(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	res, err := Register(&b, 2023, nil, Options{})
	if err != nil || res.Pages != 1 {
		t.Fatalf("pages %d, err %v", res.Pages, err)
	}
	if !strings.Contains(readPDF(t, b.Bytes()).text(), "Không có văn bản nào") {
		t.Error("empty register does not say so")
	}
}

func TestNewsList(t *testing.T) {
	t.Parallel()
	var recs []*model.Record
	for i := 1; i <= 45; i++ {
		r := newsItem()
		r.ID = int64(i)
		r.Title = fmt.Sprintf("Tin số %d: hoạt động của Văn phòng UBND tỉnh trong tuần", i)
		r.Date = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 46-i)
		recs = append(recs, r)
	}
	from, to := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC)
	var b bytes.Buffer
	res, err := NewsList(&b, from, to, recs, Options{PortalName: "Cổng thông tin điện tử tỉnh Lai Châu"})
	if err != nil {
		t.Fatal(err)
	}
	f := readPDF(t, b.Bytes())
	if res.Pages < 2 {
		t.Fatalf("pages %d", res.Pages)
	}
	first := f.pages[0].text()
	for _, s := range []string{"CÁC TIN ĐÃ ĐĂNG", "Từ ngày 01/01/2024 đến ngày 31/03/2024", "Tổng số: 45 tin"} {
		if !strings.Contains(first, s) {
			t.Errorf("title block lacks %q", s)
		}
	}
	for i, p := range f.pages {
		if !strings.Contains(p.text(), "Tiêu đề") {
			t.Errorf("page %d lacks the header row", i+1)
		}
	}
	// Oldest first: the item dated 02/01 (Tin số 45) comes first.
	txt := f.text()
	if a, z := strings.Index(txt, "Tin số 45"), strings.Index(txt, "Tin số 1:"); a < 0 || z < 0 || a > z {
		t.Errorf("not in date order (%d, %d)", a, z)
	}
}
