package preview

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"bientap/export"
	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
)

// flat collapses all white space (line breaks included) to single spaces.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestOutputsAgree renders one record through every output (the preview,
// the PDF, the HTML, the Word file and the mail) and checks that each says
// every line of the document's header and footer exactly as the shared
// header model (model/decree) has it: the padded number with the ký hiệu
// as typed, the place and date, tên loại, trích yếu, Kính gửi, signer,
// Nơi nhận and the draft's mark.
func TestOutputsAgree(t *testing.T) {
	test.NewTempApp(t)
	r := &model.Record{ID: 0, Kind: model.KindBaoCao, Status: model.StatusReview,
		Number: "5", Sign: "tb-ubnd", AgencyParent: "UBND tỉnh Lai Châu", Agency: "Văn phòng",
		Place: "Lai Châu", Date: time.Date(2024, 2, 5, 0, 0, 0, 0, time.UTC),
		Title:           "Báo cáo kết quả công tác văn thư",
		Summary:         "Kết quả công tác văn thư, lưu trữ năm 2023",
		To:              []string{"Ủy ban nhân dân tỉnh", "Sở Nội vụ"},
		Body:            "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2023;\nVăn phòng báo cáo như sau:\n1. Kết quả đạt được\nCông tác văn thư được thực hiện đúng quy định./.",
		SignerAuthority: "KT. Chánh văn phòng", SignerPosition: "Phó Chánh văn phòng", SignerName: "Nguyễn Văn An",
		Recipients: []string{"Như trên;", "Lưu: VT, HCTC."}, Urgency: "Khẩn",
		Updated: time.Date(2024, 2, 5, 9, 30, 0, 0, time.Local)}
	opt := export.Options{Settings: model.DefaultSettings()}
	h := decree.Of(r, opt.HeaderOptions(r))
	var lines []string
	lines = append(lines, h.AgencyParent...)
	lines = append(lines, h.Agency...)
	lines = append(lines, h.NumberLine, h.QuocHieu, h.TieuNgu, h.PlaceDate, h.Urgency, h.KindName)
	lines = append(lines, h.Summary...)
	lines = append(lines, h.AddressLabel)
	lines = append(lines, h.ToLines...)
	lines = append(lines, h.Signer...)
	lines = append(lines, h.SignerName, decree.NoiNhanLabel)
	lines = append(lines, h.Recipients...)
	lines = append(lines, h.Draft.Label, h.Draft.Note)
	if h.NumberLine != "Số: 05/tb-ubnd" {
		t.Fatalf("number line %q", h.NumberLine)
	}

	outputs := map[string]string{}
	// The preview.
	outputs["preview"] = look(Render(r, doc.Parse(r.Body), opt.HeaderOptions(r))).text.String()
	// The HTML.
	page := export.HTML(r, opt)
	outputs["HTML"] = visibleText(t, page.Fragment)
	// The Word file.
	var dx bytes.Buffer
	if _, err := export.Docx(&dx, r, opt); err != nil {
		t.Fatal(err)
	}
	outputs["Word"] = docxText(t, dx.Bytes())
	// The PDF, read back by poppler.
	var pb bytes.Buffer
	if _, err := export.PDF(&pb, r, opt); err != nil {
		t.Fatal(err)
	}
	outputs["PDF"] = pdfText(t, pb.Bytes())

	for name, text := range outputs {
		got := flat(text)
		for _, l := range lines {
			if !strings.Contains(got, flat(l)) {
				t.Errorf("%s lacks %q", name, l)
			}
		}
		for _, bad := range []string{"Số: 5/", "TB-UBND", "Ban biên tập"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s says %q", name, bad)
			}
		}
	}
	// The mail: its subject names the number as the header does.
	var eml bytes.Buffer
	if _, err := export.Mail(&eml, r, opt); err != nil {
		t.Fatal(err)
	}
	if s := export.MailSubject(r); !strings.Contains(s, h.NumberSign) {
		t.Errorf("mail subject %q lacks %q", s, h.NumberSign)
	}
}

// visibleText is the text of an HTML fragment, block elements on their own
// lines.
func visibleText(t *testing.T, frag string) string {
	nodes, err := html.ParseFragment(strings.NewReader(frag), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.Data == "br" || n.Data == "p" || n.Data == "td"):
			b.WriteString("\n")
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

// docxText is the text of a .docx: its body and headers, one line per
// paragraph.
func docxText(t *testing.T, data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range zr.File {
		if f.Name != "word/document.xml" && !strings.HasPrefix(f.Name, "word/header") {
			continue
		}
		rc, _ := f.Open()
		x, _ := io.ReadAll(rc)
		rc.Close()
		s := string(x)
		s = strings.NewReplacer("</w:p>", "\n", "<w:br/>", "\n", "<w:tab/>", " ").Replace(s)
		node, err := html.Parse(strings.NewReader(s)) // a tolerant way to drop the tags
		if err != nil {
			t.Fatal(err)
		}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.TextNode {
				b.WriteString(n.Data)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(node)
		b.WriteString("\n")
	}
	return b.String()
}

// pdfText is a PDF's text as pdftotext reads it.
func pdfText(t *testing.T, data []byte) string {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is required in CI")
		}
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(path, data, 0o644)
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
