package importer

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"testing"

	"bientap/export/htmlexport"
	"bientap/model"
	"bientap/model/vntext"
)

// Import → export HTML → import gives the same record content.
func TestRoundTripThroughHTML(t *testing.T) {
	docx := filepath.Join(t.TempDir(), "tin.docx")
	if err := os.WriteFile(docx, sampleDOCX(t, "media/image1.jpeg"), 0o644); err != nil {
		t.Fatal(err)
	}
	sources := []string{
		filepath.Join("testdata", "tin-portal.txt"),
		filepath.Join("testdata", "tin-dan-lap.txt"),
		filepath.Join("testdata", "tin-crlf-bom.txt"),
		filepath.Join("testdata", "tin-tcvn3.txt"),
		filepath.Join("testdata", "trang-tin.html"),
		docx,
	}
	for _, src := range sources {
		t.Run(filepath.Base(src), func(t *testing.T) {
			first, err := ParseFile(src, Options{})
			if err != nil {
				t.Fatal(err)
			}
			a := first.Records[0]
			page := htmlexport.Build(a)
			w, err := page.WriteDir(filepath.Join(t.TempDir(), "xuat"))
			if err != nil {
				t.Fatal(err)
			}
			again, err := ParseFile(w.HTML, Options{Status: a.Status})
			if err != nil {
				t.Fatal(err)
			}
			if len(again.Records) != 1 {
				t.Fatalf("%d records from the exported page", len(again.Records))
			}
			b := again.Records[0]
			if b.Body != a.Body {
				t.Errorf("body changed:\n%s\n---- was:\n%s\nreport:\n%s", b.Body, a.Body, again.Report.String())
			}
			same := func(name, x, y string) {
				if x != y {
					t.Errorf("%s changed: %q, was %q", name, x, y)
				}
			}
			same("title", b.Title, a.Title)
			same("summary", b.Summary, a.Summary)
			same("category", b.Category, a.Category)
			same("author", b.Author, a.Author)
			same("date", b.Date.Format(model.ISODate), a.Date.Format(model.ISODate))
			if len(b.Images) != len(a.Images) {
				t.Fatalf("%d images, was %d", len(b.Images), len(a.Images))
			}
			for i := range a.Images {
				if !bytes.Equal(a.Images[i].Data, b.Images[i].Data) || a.Images[i].Caption != b.Images[i].Caption {
					t.Errorf("image %d changed", i+1)
				}
			}

			// The fragment pasted into the portal, the portal's page saved
			// from the browser: read by the heuristics, same body.
			portal := `<html><head><meta charset="utf-8"><title>` + html.EscapeString(a.Title) + ` - Cổng TTĐT</title></head>
<body><div class="menu"><a href="/">Trang chủ</a> <a href="/x">Giới thiệu</a></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/c">` + html.EscapeString(a.Category) + `</a></div>
<div class="news-detail"><div class="date">` + vntext.NewsDate(a.Date) + `</div>
<h1 class="title">` + html.EscapeString(a.Title) + `</h1>
<div class="content">` + page.Fragment + `</div>
<div class="tools"><a href="#">In</a> | <a href="#">Gửi email</a></div>
<div class="other"><h3>Các tin đã đăng</h3><ul><li><a href="/1">Tin cũ hơn</a> (01/01/2020)</li></ul></div></div>
<div class="footer">Bản quyền thuộc UBND tỉnh</div></body></html>`
			os.WriteFile(w.HTML, []byte(portal), 0o644)
			saved, err := ParseFile(w.HTML, Options{})
			if err != nil {
				t.Fatal(err)
			}
			c := saved.Records[0]
			if c.Body != a.Body || c.Title != a.Title || c.Summary != a.Summary || c.Author != a.Author ||
				!c.Date.Equal(a.Date) || c.Category != a.Category || len(c.Images) != len(a.Images) || len(saved.Records) != 2 {
				t.Errorf("portal page: title %q summary %q author %q date %v category %q images %d records %d body:\n%s\n---- was:\n%s\nreport:\n%s",
					c.Title, c.Summary, c.Author, c.Date, c.Category, len(c.Images), len(saved.Records), c.Body, a.Body, saved.Report.String())
			}
		})
	}
}
