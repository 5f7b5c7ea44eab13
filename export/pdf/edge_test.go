package pdf

import (
	"strings"
	"testing"

	"bientap/model"
)

// TestEdgeCases: odd records still give a readable PDF with their text.
func TestEdgeCases(t *testing.T) {
	t.Parallel()
	wide := "|" + strings.Repeat(" cột |", 15) + "\n|" + strings.Repeat("---|", 15) + "\n|" + strings.Repeat(" Phòng Hành chính - Tổ chức |", 15)
	tests := []struct {
		name string
		rec  *model.Record
		want []string
	}{
		{"empty document", &model.Record{Kind: model.KindThongBao}, []string{quocHieu, "THÔNG BÁO", "Số:"}},
		{"empty news", &model.Record{Kind: model.KindNews}, []string{"Ban biên tập", "Trang 1/1"}},
		{"emoji only", &model.Record{Kind: model.KindThongBao, Body: "🎉🎉🎉\nChúc mừng 🎊 năm mới./."}, []string{"Chúc mừng", "năm mới./."}},
		{"unbreakable word", &model.Record{Kind: model.KindCongVan, Body: strings.Repeat("Đ", 400)}, []string{strings.Repeat("Đ", 40)}},
		{"wide table", &model.Record{Kind: model.KindKeHoach, Body: wide}, []string{"cột", "Phòng"}},
		{"undated draft", &model.Record{Kind: model.KindThongBao, Place: "Lai Châu", Sign: "TB-VP"}, []string{"Lai Châu, ngày", "/TB-VP"}},
		{"bad urgency and many To", &model.Record{Kind: model.KindCongVan, Urgency: "khẩn", To: strings.Split(strings.Repeat("Sở Nội vụ tỉnh Lai Châu và các đơn vị trực thuộc;", 30), ";")}, []string{"KHẨN", "Kính gửi:"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, res := export(t, tc.rec, Options{})
			f := readPDF(t, data)
			if len(f.pages) != res.Pages || res.Pages < 1 {
				t.Fatalf("pages %d/%d", len(f.pages), res.Pages)
			}
			txt := strings.Join(strings.Fields(f.text()), "")
			for _, w := range tc.want {
				if !strings.Contains(txt, strings.Join(strings.Fields(w), "")) {
					t.Errorf("text lacks %q", w)
				}
			}
		})
	}
}
