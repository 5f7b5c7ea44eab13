package htmlexport

import (
	"archive/zip"
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
)

func picture(t testing.TB, format string) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 16, 12))
	for x := 0; x < 16; x++ {
		img.Set(x, x%12, color.RGBA{200, 10, 10, 255})
	}
	var b bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sample(t testing.TB) *model.Record {
	return &model.Record{
		ID: 7, Kind: model.KindNews, Status: model.StatusApproved,
		Title:    "CÔNG ĐIỆN: Tăng cường phòng, chống mưa lũ năm 2022",
		Summary:  "Chủ tịch UBND tỉnh yêu cầu <các> sở & ngành \"chủ động\" ứng phó.",
		Category: "Tin tức sự kiện", Author: "Ban biên tập", Date: time.Date(2022, 8, 15, 0, 0, 0, 0, time.UTC),
		Body: strings.Join([]string{
			"![Quang cảnh *cuộc họp*](anh-1.jpg)",
			"Theo **báo cáo**, lượng mưa *trung bình* đạt 120  mm; <script>alert(1)</script> & \"x\".",
			"# Nhiệm vụ",
			"## Nhiệm vụ cụ thể",
			"-> KẾT LUẬN <-",
			"| Huyện | Lượng mưa |",
			"|---|---|",
			`| Tam Đường | 120 \| mm |`,
			"![Ảnh thiếu](khong-co.jpg)",
			"![](anh-2.png)",
		}, "\n"),
		Images: []model.Image{
			{Name: "anh-1.jpg", Caption: "Quang cảnh cuộc họp", MediaType: "image/jpeg", Data: picture(t, "jpeg")},
			{Name: "anh-2.png", MediaType: "image/png", Data: picture(t, "png")},
			{Name: "anh-3.jpg", MediaType: "image/jpeg", Data: picture(t, "jpeg")},
		},
	}
}

func TestBuild(t *testing.T) {
	p := Build(sample(t))
	want := strings.Join([]string{
		`<p class="sapo"><strong>Chủ tịch UBND tỉnh yêu cầu &lt;các&gt; sở &amp; ngành &#34;chủ động&#34; ứng phó.</strong></p>`,
		`<figure><img src="cong-dien-tang-cuong-phong-chong-mua-lu-nam-2022-1.jpg" alt="Quang cảnh cuộc họp"><figcaption>Quang cảnh <em>cuộc họp</em></figcaption></figure>`,
		`<p>Theo <strong>báo cáo</strong>, lượng mưa <em>trung bình</em> đạt 120&nbsp; mm; &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;x&#34;.</p>`,
		`<h2>Nhiệm vụ</h2>`,
		`<h3>Nhiệm vụ cụ thể</h3>`,
		`<p style="text-align:center">KẾT LUẬN</p>`,
		`<table>`, `<thead>`, `<tr><th>Huyện</th><th>Lượng mưa</th></tr>`, `</thead>`, `<tbody>`,
		`<tr><td>Tam Đường</td><td>120 | mm</td></tr>`, `</tbody>`, `</table>`,
		`<p style="text-align:center"><em>Ảnh thiếu</em></p>`,
		`<figure><img src="cong-dien-tang-cuong-phong-chong-mua-lu-nam-2022-2.png" alt=""></figure>`,
		`<p class="tac-gia" style="text-align:right"><strong>Ban biên tập</strong></p>`,
	}, "\n") + "\n"
	if p.Fragment != want {
		t.Errorf("fragment:\n%s\nwant:\n%s", p.Fragment, want)
	}
	if Fragment(sample(t)) != p.Fragment {
		t.Error("Fragment differs from Build")
	}
	if len(p.Images) != 2 || p.Images[0].Name != "cong-dien-tang-cuong-phong-chong-mua-lu-nam-2022-1.jpg" ||
		p.Images[1].MediaType != "image/png" {
		t.Errorf("images %+v", p.Images)
	}
	w := strings.Join(p.Warnings, "\n")
	if !strings.Contains(w, "khong-co.jpg") || !strings.Contains(w, "anh-3.jpg") {
		t.Errorf("warnings %q", p.Warnings)
	}
}

func TestBuildFeaturedImage(t *testing.T) {
	r := sample(t)
	r.Body = "Một đoạn."
	r.Summary, r.Author = "", ""
	p := Build(r)
	want := `<figure><img src="cong-dien-tang-cuong-phong-chong-mua-lu-nam-2022-1.jpg" alt="Quang cảnh cuộc họp"><figcaption>Quang cảnh cuộc họp</figcaption></figure>` +
		"\n<p>Một đoạn.</p>\n"
	if p.Fragment != want {
		t.Errorf("fragment %q", p.Fragment)
	}
}

// allowed lists the elements and attributes the fragment may contain.
var allowed = map[atom.Atom][]string{
	atom.P: {"class", "style"}, atom.Strong: nil, atom.Em: nil, atom.H2: nil, atom.H3: nil,
	atom.Figure: nil, atom.Img: {"src", "alt"}, atom.Figcaption: nil, atom.Table: {"class"}, atom.Thead: nil,
	atom.Tbody: nil, atom.Tr: nil, atom.Th: nil, atom.Td: {"style"}, atom.Br: nil,
}

// allowedClass and allowedStyle list the class and style values written.
var (
	allowedClass = map[string]bool{"sapo": true, "tac-gia": true, "the-thuc": true, "ky-ten": true, "du-thao": true,
		"do-khan": true, "ten-loai": true, "kinh-gui": true}
	allowedStyle = map[string]bool{"text-align:center": true, "text-align:right": true,
		"text-align:center;vertical-align:top": true, "vertical-align:top": true}
)

// checkAllowList parses a fragment and fails on any element or attribute
// outside the allow-list, and on style or class values other than ours.
func checkAllowList(t *testing.T, frag string) {
	t.Helper()
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(frag), body)
	if err != nil {
		t.Fatal(err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			attrs, ok := allowed[n.DataAtom]
			if !ok {
				t.Fatalf("element <%s> in fragment %q", n.Data, frag)
			}
			for _, a := range n.Attr {
				okAttr := false
				for _, x := range attrs {
					okAttr = okAttr || a.Key == x
				}
				if !okAttr || a.Key == "style" && !allowedStyle[a.Val] ||
					a.Key == "class" && !allowedClass[a.Val] ||
					a.Key == "src" && (strings.ContainsAny(a.Val, "/\\:") || strings.HasPrefix(a.Val, ".")) {
					t.Fatalf("attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
				}
			}
		case html.TextNode, html.DocumentNode:
		default:
			t.Fatalf("node type %v in fragment", n.Type)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}

// FuzzFragment: whatever the clerk typed, the fragment holds only allowed
// markup, and its visible text is the body's text.
func FuzzFragment(f *testing.F) {
	f.Add("Xin chào <b>đậm</b> **thật** *nghiêng* & \"x\" <script>alert(1)</script>", "Sapo <i>x</i>", "Tác <giả>")
	f.Add("# H\n## H2\n-> c <-\n| a | b |\n|---|---|\n| <td> | </table> |\n![<img src=x onerror=y>](anh-1.jpg)", "", "")
	f.Add("<!-- x --><![CDATA[y]]>&lt;&amp;", "\x00", "\u00A0 ")
	f.Fuzz(func(t *testing.T, body, sapo, author string) {
		r := &model.Record{Kind: model.KindNews, Title: "T", Body: body, Summary: sapo, Author: author,
			Images: []model.Image{{Name: "anh-1.jpg", MediaType: "image/jpeg", Data: []byte("\xFF\xD8\xFFx")}}}
		frag := Build(r).Fragment
		checkAllowList(t, frag)
		// The same text as a document, with every header field holding it.
		d := &model.Record{Kind: model.KindCongDien, Status: model.StatusDraft, Title: "T", Body: body, Summary: sapo,
			Agency: author, AgencyParent: sapo, Number: sapo, Sign: author, Place: author, Urgency: author,
			SignerAuthority: sapo, SignerPosition: author, SignerName: author, To: []string{sapo, author}, Recipients: []string{body, sapo}}
		checkAllowList(t, Build(d).Fragment)
		d.Kind = model.KindCongVan
		checkAllowList(t, Build(d).Fragment)
		// The visible text of the body blocks equals the document's text.
		var want strings.Builder
		for _, b := range doc.Parse(body).Blocks {
			want.WriteString(doc.PlainText(b.Runs))
			for _, row := range b.Rows {
				for _, c := range row {
					want.WriteString(doc.PlainText(c.Runs))
				}
			}
		}
		noSapo := Build(&model.Record{Kind: model.KindNews, Title: "T", Body: body, Images: r.Images}).Fragment
		got := visible(t, noSapo)
		norm := func(s string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsControl(r) || unicode.IsSpace(r) {
					return -1
				}
				return r
			}, s)
		}
		if norm(got) != norm(want.String()) {
			t.Fatalf("visible text %q, want %q", got, want.String())
		}
	})
}

func visible(t *testing.T, frag string) string {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(frag), body)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return b.String()
}

func TestWriteDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "xuat")
	p := Build(sample(t))
	w, err := p.WriteDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	slug := "cong-dien-tang-cuong-phong-chong-mua-lu-nam-2022"
	if w.HTML != filepath.Join(dir, slug+".html") || w.Zip != filepath.Join(dir, slug+".zip") || len(w.Images) != 2 {
		t.Fatalf("written %+v", w)
	}
	page, err := os.ReadFile(w.HTML)
	if err != nil || !bytes.Contains(page, []byte(p.Fragment)) || !bytes.Contains(page, []byte(`<meta charset="utf-8">`)) {
		t.Fatalf("page: %v\n%s", err, page)
	}
	for i, name := range w.Images {
		data, err := os.ReadFile(name)
		if err != nil || !bytes.Equal(data, p.Images[i].Data) {
			t.Errorf("image %s: %v", name, err)
		}
	}
	zr, err := zip.OpenReader(w.Zip)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if strings.ContainsAny(f.Name, `/\`) || strings.Contains(f.Name, "..") {
			t.Errorf("zip entry %q is not a plain name", f.Name)
		}
	}
	if strings.Join(names, ",") != "index.html,"+slug+"-1.jpg,"+slug+"-2.png" {
		t.Errorf("zip entries %v", names)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 {
		t.Errorf("dir has %d files (temporary files left?)", len(entries))
	}
}

func TestWriteDirFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "tep")
	os.WriteFile(file, []byte("x"), 0o644)
	if _, err := Build(sample(t)).WriteDir(filepath.Join(file, "con")); err == nil {
		t.Error("writing below a file succeeded")
	}
}

// TestBuildDocument: a document gets its own shape from the shared header:
// số and ký hiệu, date, tên loại, trích yếu, addressees, the body in its
// roles, Nơi nhận and the signer; nothing of a news item (sapo, byline).
func TestBuildDocument(t *testing.T) {
	r := &model.Record{Kind: model.KindQuyetDinh, Status: model.StatusApproved, Number: "3", Sign: "QĐ-UBND",
		Agency: "Ủy ban nhân dân tỉnh Lai Châu", Place: "Lai Châu", Date: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC),
		Title: "Quyết định phê duyệt Kế hoạch", Summary: "Về việc phê duyệt Kế hoạch chuyển đổi số",
		Body:            "Căn cứ Luật Tổ chức chính quyền địa phương;\nXét Tờ trình số 12/TTr-STTTT.\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Kế hoạch.\nĐiều 2. Tổ chức thực hiện\nGiao Sở & ngành <thực hiện>./.",
		SignerAuthority: "TM. ỦY BAN NHÂN DÂN", SignerPosition: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Tống Thanh Hải",
		Recipients: []string{"Như Điều 3;", "Lưu: VT, KGVX."}, Author: "Ban biên tập"}
	p := Build(r)
	want := strings.Join([]string{
		`<table class="the-thuc">`, `<tbody>`,
		`<tr><td style="text-align:center;vertical-align:top"><strong>ỦY BAN NHÂN DÂN TỈNH LAI CHÂU</strong></td><td style="text-align:center;vertical-align:top"><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br><strong>Độc lập - Tự do - Hạnh phúc</strong></td></tr>`,
		`<tr><td style="text-align:center;vertical-align:top">Số: 03/QĐ-UBND</td><td style="text-align:center;vertical-align:top"><em>Lai Châu, ngày 05 tháng 3 năm 2024</em></td></tr>`,
		`</tbody>`, `</table>`,
		`<p class="ten-loai" style="text-align:center"><strong>QUYẾT ĐỊNH</strong><br><strong>Về việc phê duyệt Kế hoạch chuyển đổi số</strong></p>`,
		`<p><em>Căn cứ Luật Tổ chức chính quyền địa phương;</em></p>`,
		`<p><em>Xét Tờ trình số 12/TTr-STTTT.</em></p>`,
		`<p style="text-align:center"><strong>QUYẾT ĐỊNH:</strong></p>`,
		`<p><strong>Điều 1.</strong> Phê duyệt Kế hoạch.</p>`,
		`<p><strong>Điều 2. Tổ chức thực hiện</strong></p>`,
		`<p>Giao Sở &amp; ngành &lt;thực hiện&gt;./.</p>`,
		`<table class="ky-ten">`, `<tbody>`,
		`<tr><td style="vertical-align:top"><strong><em>Nơi nhận:</em></strong><br>- Như Điều 3;<br>- Lưu: VT, KGVX.</td><td style="text-align:center;vertical-align:top"><strong>TM. ỦY BAN NHÂN DÂN</strong><br><strong>KT. CHỦ TỊCH</strong><br><strong>PHÓ CHỦ TỊCH</strong><br><br><br><br><strong>Tống Thanh Hải</strong></td></tr>`,
		`</tbody>`, `</table>`,
	}, "\n") + "\n"
	if p.Fragment != want {
		t.Errorf("fragment:\n%s\nwant:\n%s", p.Fragment, want)
	}
	checkAllowList(t, p.Fragment)
	// A draft công văn: the mark, V/v under the number, several addressees.
	cv := &model.Record{Kind: model.KindCongVan, Status: model.StatusDraft, Sign: "UBND-VX", Summary: "tăng cường phòng chống rét",
		To: []string{"Sở Y tế", "Sở Tài chính"}, Urgency: "Khẩn", Updated: time.Date(2024, 3, 5, 9, 30, 0, 0, time.Local)}
	frag := Options{Header: decree.Options{Revision: 2}}.Build(cv).Fragment
	for _, s := range []string{
		`<p class="du-thao" style="text-align:right"><strong>DỰ THẢO</strong> <em>(Lần 2, 09:30 ngày 5/3/2024)</em></p>`,
		"Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/UBND-VX<br>V/v tăng cường phòng chống rét</td>",
		`<p class="do-khan"><strong>KHẨN</strong></p>`,
		`<p class="kinh-gui">Kính gửi:<br>- Sở Y tế;<br>- Sở Tài chính.</p>`,
	} {
		if !strings.Contains(frag, s) {
			t.Errorf("draft công văn lacks %q:\n%s", s, frag)
		}
	}
	if strings.Contains(frag, "CÔNG VĂN") || strings.Contains(frag, "sapo") {
		t.Errorf("công văn fragment:\n%s", frag)
	}
}
