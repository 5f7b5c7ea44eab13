package docx

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bientap/export/docx/libreoffice"
	"bientap/export/internal/samples"
	"bientap/export/pdf"
	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
)

// comparable are the documents whose Word file is compared with the PDF.
func comparable() map[string]*model.Record {
	draft := samples.ThongBao()
	draft.Status, draft.Number = model.StatusDraft, ""
	return map[string]*model.Record{
		"thong-bao": samples.ThongBao(), "cong-van": samples.CongVan(), "quyet-dinh": samples.QuyetDinh(),
		"cong-dien": samples.CongDien(), "giay-moi": samples.GiayMoi(), "ke-hoach": samples.KeHoach(), "du-thao": draft,
		"le-rong": samples.KeHoach(),
	}
}

// anchor is a word whose position the Word file must share with the PDF.
type anchor struct {
	what string
	w    string // the word
	page int    // page (0-based)
	n    int    // its occurrence on the page (-1: last)
}

// anchors are the Quốc hiệu, Số, trích yếu, first body line, signer name and
// the page number of page 2.
func anchors(r *model.Record, pages int) []anchor {
	h := decree.Of(r, decree.Options{})
	as := []anchor{{"Quốc hiệu", "CỘNG", 0, 0}, {"Số", "Số:", 0, 0}}
	if len(h.Summary) > 0 {
		as = append(as, anchor{"trích yếu", strings.Fields(h.Summary[0])[0], 0, 0})
	}
	for _, b := range doc.Parse(r.Body).Blocks {
		if t := strings.Fields(doc.PlainText(b.Runs)); len(t) > 0 && b.Kind == doc.Paragraph && !decree.IsDispatchLine(doc.PlainText(b.Runs)) {
			as = append(as, anchor{"first body line", t[0], 0, -2}) // -2: the first after the trích yếu
			break
		}
	}
	if h.SignerName != "" {
		f := strings.Fields(h.SignerName)
		as = append(as, anchor{"signer name", f[len(f)-1], pages - 1, -1})
	}
	if pages > 1 {
		as = append(as, anchor{"page number", "2", 1, 0})
	}
	return as
}

// TestLibreOfficeLaysOutAsPDF converts the Word file of each kind of
// document with LibreOffice and compares it with our PDF of the same
// record: the same pages, the same words in the same order, and the Quốc
// hiệu, Số, trích yếu, first body line, signer name and page number within
// 3 mm.
func TestLibreOfficeLaysOutAsPDF(t *testing.T) {
	libreoffice.Tool(t, "soffice")
	libreoffice.Tool(t, "pdftotext")
	dir := t.TempDir()
	recs := comparable()
	var names, docs []string
	for name, r := range recs {
		var b bytes.Buffer
		o, po := Options{Document: true}, pdf.Options{}
		if name == "le-rong" {
			// The settings' page: other margins and line spacing.
			o.MarginTop, o.MarginLeft, o.MarginRight, o.LineSpacing = 25, 35, 15, 1.5
			po.MarginTop, po.MarginLeft, po.MarginRight, po.LineSpacing = 25, 35, 15, 1.5
		}
		if _, err := Write(&b, r, o); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name+".docx")
		os.WriteFile(path, b.Bytes(), 0o644)
		b.Reset()
		if _, err := pdf.Document(&b, r, po); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name+"-pdf.pdf"), b.Bytes(), 0o644)
		names, docs = append(names, name), append(docs, path)
	}
	libreoffice.Convert(t, docs...)
	// LibreOffice must set Times New Roman in its metric twin: with the old
	// Liberation 1 (no Vietnamese) it falls back to DejaVu letter by letter.
	if out, err := exec.Command(libreoffice.Tool(t, "pdffonts"), filepath.Join(dir, names[0]+".pdf")).Output(); err == nil {
		for _, l := range strings.Split(string(out), "\n")[2:] {
			if f := strings.Fields(l); len(f) > 0 && !strings.Contains(f[0], "LiberationSerif") && !strings.Contains(f[0], "TimesNewRoman") {
				t.Fatalf("LibreOffice used %s for Times New Roman: install Liberation Serif 2 (Debian: fonts-liberation2)", f[0])
			}
		}
	}
	if out := os.Getenv("BIENTAP_DOCX_OUT"); out != "" {
		for _, n := range names {
			for _, f := range []string{n + ".docx", n + ".pdf", n + "-pdf.pdf"} {
				data, _ := os.ReadFile(filepath.Join(dir, f))
				os.WriteFile(filepath.Join(out, f), data, 0o644)
			}
		}
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			r := recs[name]
			ours, oursPages := libreoffice.Boxes(t, filepath.Join(dir, name+"-pdf.pdf"))
			lo, loPages := libreoffice.Boxes(t, filepath.Join(dir, name+".pdf"))
			if oursPages != loPages {
				t.Errorf("LibreOffice made %d pages, the PDF has %d", loPages, oursPages)
			}
			a, b := libreoffice.Words(t, filepath.Join(dir, name+"-pdf.pdf")), libreoffice.Words(t, filepath.Join(dir, name+".pdf"))
			if d := libreoffice.Diff(a, b); d != "" {
				t.Errorf("words differ (PDF vs LibreOffice): %s", d)
			}
			var after struct{ ours, lo float64 }
			for _, an := range anchors(r, min(oursPages, loPages)) {
				var wo, wl word
				var ok1, ok2 bool
				if an.n == -2 {
					wo, ok1 = findAfter(ours, an.w, an.page, after.ours)
					wl, ok2 = findAfter(lo, an.w, an.page, after.lo)
				} else {
					wo, ok1 = find(ours, an.w, an.page, an.n)
					wl, ok2 = find(lo, an.w, an.page, an.n)
				}
				if !ok1 || !ok2 {
					t.Errorf("%s %q: in PDF %v, in LibreOffice %v", an.what, an.w, ok1, ok2)
					continue
				}
				if an.what == "trích yếu" || an.what == "Số" {
					after.ours, after.lo = max(after.ours, wo.CY()), max(after.lo, wl.CY())
				}
				dx, dy := wl.CX()-wo.CX(), wl.CY()-wo.CY()
				t.Logf("%-16s %-8q dx %+5.2f dy %+5.2f mm", an.what, an.w, dx, dy)
				if dist(dx, 0) > 3 || dist(dy, 0) > 3 {
					t.Errorf("%s %q is %.1f mm right, %.1f mm down of the PDF's (page %d)", an.what, an.w, dx, dy, an.page+1)
				}
			}
		})
	}
}

// findAfter is the first word s on page below y.
func findAfter(words []word, s string, page int, y float64) (word, bool) {
	for _, w := range words {
		if w.Text == s && w.Page == page && w.CY() > y+1 {
			return w, true
		}
	}
	return word{}, false
}

// TestNewsPageNumbers lays out a news item of several pages with
// LibreOffice: every page ends with "Trang N/M" at the right margin, below
// the text, as the news print view does.
func TestNewsPageNumbers(t *testing.T) {
	libreoffice.Tool(t, "soffice")
	libreoffice.Tool(t, "pdftotext")
	r := samples.NewsItem()
	para := strings.Repeat("Các sở, ban, ngành và địa phương tiếp tục đẩy mạnh chuyển đổi số trong hoạt động chỉ đạo, điều hành. ", 6)
	r.Body = strings.Repeat(para+"\n\n", 14)
	var b bytes.Buffer
	if _, err := Write(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tin-dai.docx")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := libreoffice.Convert(t, path)[0]
	words, pages := libreoffice.Boxes(t, out)
	if pages < 3 {
		t.Fatalf("LibreOffice made %d pages, want at least 3 (lengthen the body)", pages)
	}
	for p := range pages {
		want := fmt.Sprintf("%d/%d", p+1, pages)
		num, ok := find(words, want, p, -1)
		label, ok2 := find(words, "Trang", p, -1)
		if !ok || !ok2 {
			t.Errorf("page %d has no \"Trang %s\"", p+1, want)
			continue
		}
		var lowest float64
		for _, w := range words {
			if w.Page == p && w != num && w != label {
				lowest = max(lowest, w.YMax)
			}
		}
		if num.YMin < lowest || dist(num.XMax, 210-newsSide) > 1.5 || dist(label.CY(), num.CY()) > 0.5 {
			t.Errorf("page %d: %q at x %.1f–%.1f, y %.1f (text ends at y %.1f): want it under the text, at the right margin (%.0f mm)",
				p+1, want, num.XMin, num.XMax, num.YMin, lowest, 210-newsSide)
		}
	}
}
