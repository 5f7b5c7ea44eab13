package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"bientap/model"
)

// TestWriteSamples writes the sample PDFs to $BIENTAP_PDF_OUT for looking at
// them (pdftoppm); without the variable it only checks they build.
func TestWriteSamples(t *testing.T) {
	t.Parallel()
	out := os.Getenv("BIENTAP_PDF_OUT")
	samples := map[string]*model.Record{
		"thongbao": thongBao(), "congvan": congVan(), "quyetdinh": quyetDinh(),
		"congdien": congDien(), "giaymoi": giayMoi(), "kehoach": keHoach(), "news": newsItem(),
	}
	for name, r := range samples {
		data, res := export(t, r, Options{PortalName: "Cổng thông tin điện tử tỉnh Lai Châu"})
		t.Logf("%s: %d pages, %d bytes, warnings %q", name, res.Pages, len(data), res.Warnings)
		if out != "" {
			os.WriteFile(filepath.Join(out, name+".pdf"), data, 0o644)
		}
	}
}

// TestWriteRegisterSamples writes sample registers to $BIENTAP_PDF_OUT.
func TestWriteRegisterSamples(t *testing.T) {
	t.Parallel()
	out := os.Getenv("BIENTAP_PDF_OUT")
	if out == "" {
		t.Skip("BIENTAP_PDF_OUT not set")
	}
	var b bytes.Buffer
	if _, err := Register(&b, 2024, registerRecords(30), Options{AgencyParent: "UBND TỈNH LAI CHÂU", Agency: "VĂN PHÒNG"}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "register.pdf"), b.Bytes(), 0o644)
	b.Reset()
	var recs []*model.Record
	for i := 0; i < 30; i++ {
		r := newsItem()
		r.Date = r.Date.AddDate(0, 0, i)
		recs = append(recs, r)
	}
	if _, err := NewsList(&b, recs[0].Date, recs[29].Date, recs, Options{PortalName: "Cổng thông tin điện tử tỉnh Lai Châu"}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "newslist.pdf"), b.Bytes(), 0o644)
}
