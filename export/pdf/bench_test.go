package pdf

import (
	"io"

	"bientap/model"
	"strings"
	"testing"
)

// sixPageRecord is the plan of keHoach lengthened to six pages.
func sixPageRecord() *model.Record {
	r := keHoach()
	r.Body = strings.Replace(r.Body, "IV. TỔ CHỨC THỰC HIỆN\n", "IV. TỔ CHỨC THỰC HIỆN\n"+strings.Repeat("Các phòng, đơn vị căn cứ nhiệm vụ được giao chủ động xây dựng kế hoạch chi tiết, bố trí nguồn lực và tổ chức thực hiện bảo đảm tiến độ, chất lượng; định kỳ hằng quý báo cáo kết quả về Văn phòng để tổng hợp.\n", 5), 1)
	return r
}

// BenchmarkDocument6Pages lays out and writes a six-page document (with a
// table and an image), font loading included: every iteration registers its
// faces afresh, as each export does.
func BenchmarkDocument6Pages(b *testing.B) {
	r := sixPageRecord()
	res, err := Document(io.Discard, r, Options{})
	if err != nil || res.Pages != 6 {
		b.Fatalf("pages %d, err %v", res.Pages, err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Document(io.Discard, r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
