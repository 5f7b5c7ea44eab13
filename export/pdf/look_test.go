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
	out := os.Getenv("BIENTAP_PDF_OUT")
	samples := map[string]*model.Record{
		"thongbao": thongBao(), "congvan": congVan(), "quyetdinh": quyetDinh(),
		"congdien": congDien(), "giaymoi": giayMoi(), "kehoach": keHoach(), "news": newsItem(),
	}
	for name, r := range samples {
		var b bytes.Buffer
		var res Result
		var err error
		if r.Kind == model.KindNews {
			res, err = News(&b, r, Options{PortalName: "Cổng thông tin điện tử tỉnh Lai Châu"})
		} else {
			res, err = Document(&b, r, Options{})
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Logf("%s: %d pages, %d bytes, warnings %q", name, res.Pages, b.Len(), res.Warnings)
		if out != "" {
			os.WriteFile(filepath.Join(out, name+".pdf"), b.Bytes(), 0o644)
		}
	}
}
