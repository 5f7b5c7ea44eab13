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

func TestRegister(t *testing.T) {
	recs := registerRecords(60)
	var b bytes.Buffer
	res, err := Register(&b, 2024, recs, Options{AgencyParent: "UBND TỈNH LAI CHÂU", Agency: "VĂN PHÒNG"})
	if err != nil {
		t.Fatal(err)
	}
	f := readPDF(t, b.Bytes())
	if res.Pages < 3 || len(f.pages) != res.Pages {
		t.Fatalf("pages %d/%d", res.Pages, len(f.pages))
	}
	for i, p := range f.pages {
		if !near(p.width, 297, 0.1) || !near(p.height, 210, 0.1) {
			t.Errorf("page %d is %.1f × %.1f, want landscape A4", i+1, p.width, p.height)
		}
	}
	cover := f.pages[0].text()
	for _, s := range []string{"SỔ ĐĂNG KÝ VĂN BẢN ĐI", "Năm: 2024", "Từ ngày 05/01/2024 đến ngày 30/06/2024", "Từ số 01 đến số 60", "VĂN PHÒNG"} {
		if !strings.Contains(cover, s) {
			t.Errorf("cover lacks %q: %s", s, cover)
		}
	}
	// Every table page repeats the header row and the rows run in order.
	var order []string
	for i, p := range f.pages[1:] {
		txt := p.text()
		for _, h := range []string{"Tên loại và trích yếu nội dung văn bản", "Người ký", "Ký nhận", "Ghi chú"} {
			if !strings.Contains(txt, h) {
				t.Errorf("page %d lacks header %q", i+2, h)
			}
		}
		for _, r := range p.runs {
			if strings.HasSuffix(r.text, "VP") && strings.Contains(r.text, "/") {
				order = append(order, r.text)
			}
		}
	}
	if len(order) != 60 || order[0] != "01/VP" || !strings.HasPrefix(order[59], "60/") {
		t.Errorf("rows: %d, first %q, last %q", len(order), order[0], order[len(order)-1])
	}
	txt := f.text()
	for _, s := range []string{"Nguyễn Văn An", "Chủ tịch, các PCT UBND tỉnh (b/c); Các sở, ban, ngành tỉnh", "VT, HCTC"} {
		if !strings.Contains(strings.Join(strings.Fields(txt), " "), s) {
			t.Errorf("register lacks %q", s)
		}
	}
}

func TestRegisterEmpty(t *testing.T) {
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
