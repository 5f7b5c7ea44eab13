package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"

	"bientap/export/internal/samples"
	"bientap/model"
	"bientap/model/decree"
)

// unpack writes r and returns the package's parts by name.
func unpack(t *testing.T, r *model.Record, o Options) (map[string][]byte, Result) {
	t.Helper()
	var b bytes.Buffer
	res, err := Write(&b, r, o)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = data
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			wellFormed(t, f.Name, data)
		}
	}
	return parts, res
}

// wellFormed fails unless data parses as XML to its end.
func wellFormed(t *testing.T, name string, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
}

// texts are the w:t texts of a part, one string per paragraph.
func texts(data []byte) []string {
	var out []string
	dec := xml.NewDecoder(bytes.NewReader(data))
	var cur strings.Builder
	inT := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case xml.StartElement:
			switch v.Name.Local {
			case "t":
				inT = true
			case "tab":
				cur.WriteByte('\t')
			case "br":
				cur.WriteByte('\n')
			}
		case xml.EndElement:
			switch v.Name.Local {
			case "t":
				inT = false
			case "p":
				out = append(out, cur.String())
				cur.Reset()
			}
		case xml.CharData:
			if inT {
				cur.Write(v)
			}
		}
	}
	return out
}

// TestDocumentPackage: the parts Word needs, A4 and the settings' margins,
// Times New Roman, the header as a borderless two-column table, the rules,
// a different first page and a PAGE field in the default header, Nơi nhận
// and the signature side by side, styles a clerk can use, and every line
// of the shared header.
func TestDocumentPackage(t *testing.T) {
	r := samples.CongVan()
	o := Options{Document: true, MarginLeft: 35, MarginTop: 20}
	parts, res := unpack(t, r, o)
	for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
		"word/styles.xml", "word/settings.xml", "word/fontTable.xml", "docProps/core.xml", "docProps/app.xml",
		"word/header1.xml", "word/header2.xml"} {
		if parts[p] == nil {
			t.Errorf("missing part %s", p)
		}
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings %q", res.Warnings)
	}
	doc := string(parts["word/document.xml"])
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`,
		`<w:pgMar w:top="1134" w:right="992" w:bottom="1276" w:left="1984"`, // 20, 17.5, 22.5, 35 mm
		`<w:titlePg/>`,
		`<w:headerReference w:type="default" r:id="rIdHeader1"/><w:headerReference w:type="first" r:id="rIdHeader2"/>`,
		`<w:tblStyle w:val="KhongVien"/>`,
		`<w:pStyle w:val="QuocHieu"/>`, `<w:pStyle w:val="SoKyHieu"/>`, `<w:pStyle w:val="DiaDanhNgayThang"/>`,
		`<w:pStyle w:val="TrichYeuCongVan"/>`, `<w:pStyle w:val="NoiDung"/>`, `<w:pStyle w:val="NoiNhan"/>`, `<w:pStyle w:val="NguoiKy"/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	// The body ends with a paragraph, as Word keeps it.
	if !regexp.MustCompile(`</w:p>\s*<w:sectPr>`).MatchString(doc) {
		t.Error("the body does not end with a paragraph")
	}
	// Two layout tables of two columns each: the header and the footer.
	if n := strings.Count(doc, `<w:tblStyle w:val="KhongVien"/>`); n != 2 {
		t.Errorf("%d borderless tables, want 2", n)
	}
	if n := len(regexp.MustCompile(`<w:tblGrid><w:gridCol w:w="\d+"/><w:gridCol w:w="\d+"/></w:tblGrid>`).FindAllString(doc, -1)); n != 2 {
		t.Errorf("%d two-column grids, want 2", n)
	}
	// Rules: the agency's, the Tiêu ngữ's (a công văn has no trích yếu rule).
	if n := strings.Count(doc, `<w:pStyle w:val="DuongKe"/>`); n != 2 {
		t.Errorf("%d rules, want 2", n)
	}
	styles := string(parts["word/styles.xml"])
	for _, want := range []string{`w:ascii="Times New Roman" w:hAnsi="Times New Roman"`, `<w:lang w:val="vi-VN"`,
		`w:styleId="NoiDung"><w:name w:val="Nội dung"/>`, `w:styleId="CanCu"`, `w:styleId="Dieu"`,
		// A paragraph a clerk starts after a heading is running text.
		`w:styleId="DeMuc1"><w:name w:val="Đề mục 1"/><w:basedOn w:val="GiuaDam"/><w:next w:val="NoiDung"/>`,
		`w:styleId="QuyenHan"`, `w:styleId="ChucVu"`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	if !strings.Contains(string(parts["word/header1.xml"]), `w:instr=" PAGE "`) || strings.Contains(string(parts["word/header2.xml"]), "PAGE") {
		t.Error("the page number belongs to the default header only")
	}
	// Every line of the shared header, in order.
	h := decree.Of(r, decree.Options{})
	got := strings.Join(texts(parts["word/document.xml"]), "\n")
	flat := strings.Join(strings.Fields(got), " ")
	var want []string
	want = append(want, h.AgencyParent...)
	want = append(want, h.Agency...)
	want = append(want, h.QuocHieu, h.TieuNgu, h.NumberLine)
	want = append(want, h.Summary...)
	want = append(want, h.PlaceDate, h.Urgency, h.AddressLabel)
	want = append(want, h.ToLines...)
	want = append(want, decree.NoiNhanLabel)
	want = append(want, h.Recipients...)
	want = append(want, h.Signer...)
	want = append(want, h.SignerName)
	pos := 0
	for _, w := range want {
		w = strings.Join(strings.Fields(w), " ")
		k := strings.Index(flat[pos:], w)
		if k < 0 {
			// the header table's right cell comes after the left one
			k = strings.Index(flat, w)
			if k < 0 {
				t.Errorf("document lacks %q", w)
			}
			continue
		}
		pos += k
	}
}

// TestDocumentDraftAndDeterminism: a draft carries its DỰ THẢO mark in both
// headers; an approved document none; the same record gives the same bytes.
func TestDocumentDraftAndDeterminism(t *testing.T) {
	r := samples.ThongBao()
	r.Status = model.StatusReview
	parts, _ := unpack(t, r, Options{Document: true, Header: decree.Options{Revision: 4}})
	for _, h := range []string{"word/header1.xml", "word/header2.xml"} {
		s := strings.Join(texts(parts[h]), " ")
		if !strings.Contains(s, "DỰ THẢO") || !strings.Contains(s, "Lần 4") {
			t.Errorf("%s: %q", h, s)
		}
	}
	r.Status = model.StatusApproved
	parts, _ = unpack(t, r, Options{Document: true})
	for _, h := range []string{"word/header1.xml", "word/header2.xml"} {
		if strings.Contains(string(parts[h]), "DỰ THẢO") {
			t.Errorf("approved document with a draft mark in %s", h)
		}
	}
	var a, b bytes.Buffer
	Write(&a, samples.KeHoach(), Options{Document: true})
	Write(&b, samples.KeHoach(), Options{Document: true})
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two exports of one record differ")
	}
}

// TestNewsArticle: a news item is a plain article: title, sapo, the
// featured picture and its caption, body with headings, byline.
func TestNewsArticle(t *testing.T) {
	r := samples.NewsItem()
	r.Body += "\n![Ảnh hỏng](hong.jpg)\n| A | B |\n|---|---|\n| 1 | 2 |"
	r.Images = append(r.Images, model.Image{Name: "hong.jpg", Caption: "Ảnh hỏng", MediaType: "image/jpeg", Data: []byte("\xff\xd8\xffhỏng")})
	parts, res := unpack(t, r, Options{})
	doc := string(parts["word/document.xml"])
	paras := texts(parts["word/document.xml"])
	for _, want := range []string{r.Title, strings.Join(strings.Fields(r.Summary), " "), "Quang cảnh hội nghị", "Phương hướng năm 2024", "Minh Anh", "Ảnh hỏng"} {
		found := false
		for _, p := range paras {
			found = found || strings.Contains(p, want)
		}
		if !found {
			t.Errorf("article lacks %q", want)
		}
	}
	for _, want := range []string{`<w:pStyle w:val="Title"/>`, `<w:pStyle w:val="Sapo"/>`, `<w:pStyle w:val="Heading2"/>`,
		`<w:pStyle w:val="ChuThichAnh"/>`, `<w:pStyle w:val="TacGia"/>`, `<a:blip r:embed="rIdImage1"/>`, `<w:tblStyle w:val="LuoiBang"/>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if strings.Contains(doc, "QuocHieu") || strings.Contains(doc, "titlePg") {
		t.Error("a news article has no Decree-30 header")
	}
	footer := string(parts["word/footer1.xml"])
	for _, want := range []string{`<w:fldSimple w:instr=" PAGE ">`, `<w:fldSimple w:instr=" NUMPAGES ">`, "Trang "} {
		if !strings.Contains(footer, want) {
			t.Errorf("footer1.xml lacks %s: %s", want, footer)
		}
	}
	if !strings.Contains(doc, `<w:footerReference w:type="default" r:id="rIdFooter1"/>`) ||
		!strings.Contains(string(parts["word/_rels/document.xml.rels"]), `Target="footer1.xml"`) ||
		!strings.Contains(string(parts["[Content_Types].xml"]), `/word/footer1.xml`) {
		t.Error("the footer is not referenced, related and typed")
	}
	if parts["word/media/image1.jpeg"] == nil || len(parts) != 11 {
		names := []string{}
		for n := range parts {
			names = append(names, n)
		}
		t.Errorf("parts %v", names)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "hong.jpg") {
		t.Errorf("warnings %q", res.Warnings)
	}
}

// TestOddText: control characters, emoji and markup-like text still give
// a well-formed file with the text kept.
func TestOddText(t *testing.T) {
	r := samples.ThongBao()
	r.Title = "Tiêu đề \x00\x07 <b>&</b> 🎉"
	r.Body = "Dòng có \x0b ký tự điều khiển & <thẻ> \"ngoặc\" 🎉./."
	r.To = []string{"Sở <Y tế>"}
	parts, _ := unpack(t, r, Options{Document: true})
	got := strings.Join(texts(parts["word/document.xml"]), "\n")
	for _, want := range []string{"Dòng có  ký tự điều khiển & <thẻ> \"ngoặc\" 🎉./.", "Kính gửi: Sở <Y tế>."} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q:\n%s", want, got)
		}
	}
}

// TestTablesApart: a body ending with a table keeps a paragraph between it
// and the signature table (Word would join adjacent tables).
func TestTablesApart(t *testing.T) {
	r := samples.ThongBao()
	r.Body = "Chi tiết như sau:\n| STT | Nội dung |\n|---|---|\n| 1 | Trực Tết |"
	parts, _ := unpack(t, r, Options{Document: true})
	doc := string(parts["word/document.xml"])
	if regexp.MustCompile(`</w:tbl>\s*<w:tbl>`).MatchString(doc) || strings.Count(doc, "<w:tbl>") != 3 {
		t.Errorf("tables side by side or missing: %d tables", strings.Count(doc, "<w:tbl>"))
	}
	if !strings.Contains(doc, `<w:tblHeader/>`) {
		t.Error("the table's header row does not repeat")
	}
}

// A picture of the record that neither the body nor the article shows is
// not written, and the warning says so (nothing is left out silently).
func TestUnshownPictureWarned(t *testing.T) {
	cases := []struct {
		name     string
		r        *model.Record
		document bool
		warned   int // warnings about pictures
	}{
		{"news, featured and placed", func() *model.Record {
			r := samples.NewsItem()
			r.Body += "\n![Sơ đồ](so-do.png)"
			r.Images = append(r.Images, model.Image{Name: "so-do.png", MediaType: "image/png", Data: samples.PNG(40, 20, false)},
				model.Image{Name: "thua.png", MediaType: "image/png", Data: samples.PNG(40, 20, false)})
			return r
		}(), false, 1},
		{"document, featured not shown", func() *model.Record {
			r := samples.ThongBao()
			r.Images = []model.Image{{Name: "anh-1.png", MediaType: "image/png", Data: samples.PNG(40, 20, false)}}
			return r
		}(), true, 1},
		{"plan, all placed", samples.KeHoach(), true, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, res := unpack(t, c.r, Options{Document: c.document})
			n := 0
			for _, w := range res.Warnings {
				if strings.Contains(w, "không có trong thân bài") {
					n++
				}
			}
			if n != c.warned {
				t.Errorf("%d warnings about pictures, want %d: %q", n, c.warned, res.Warnings)
			}
		})
	}
}
