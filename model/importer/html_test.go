package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bientap/model"
)

func TestParseHTMLFixture(t *testing.T) {
	p, err := ParseFile(filepath.Join("testdata", "trang-tin.html"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("report:\n%s", p.Report.String())
	art := p.Records[0]
	check := func(name, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	check("title", art.Title, "Lai Châu đẩy mạnh chuyển đổi số trong cơ quan hành chính nhà nước")
	check("category", art.Category, "Tin tức sự kiện")
	check("author", art.Author, "Ban biên tập")
	check("sapo", art.Summary, "(LCĐT) - Chiều 24/8, UBND tỉnh tổ chức hội nghị sơ kết 6 tháng thực hiện Đề án chuyển đổi số tỉnh Lai Châu giai đoạn 2021 - 2025, định hướng đến năm 2030.")
	if !art.Date.Equal(date(2022, 8, 24)) {
		t.Errorf("date = %v", art.Date)
	}
	if art.Status != model.StatusPublished || art.Kind != model.KindNews {
		t.Errorf("status/kind %s/%s", art.Status, art.Kind)
	}
	wantBody := strings.Join([]string{
		"![Các đại biểu dự hội nghị.](anh-1.jpg)",
		"Theo báo cáo, đến nay **100%** cơ quan nhà nước cấp tỉnh, cấp huyện đã sử dụng phần mềm quản lý văn bản và điều hành; tỷ lệ văn bản điện tử gửi nhận giữa các cơ quan đạt **98,6%**.  Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh đã kết nối với *Cổng Dịch vụ công quốc gia*.",
		"Kết quả cụ thể như sau:",
		"| Chỉ tiêu | Kế hoạch | Thực hiện |",
		"|---|---|---|",
		"| Hồ sơ trực tuyến | 50% | 62,3% |",
		"| Chữ ký số cá nhân | 1.500 | 1.742 |",
		"## Nhiệm vụ thời gian tới",
		"Phát biểu tại hội nghị, đồng chí Phó Chủ tịch UBND tỉnh đề nghị các sở, ngành tiếp tục rà soát, cắt giảm thủ tục;",
		"đẩy mạnh thanh toán trực tuyến và số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.",
		`Công thức tính: điểm = 5 * số hồ sơ <script>alert(1)</script> \*\*không đậm\*\*`,
		"![Biểu đồ *tỷ lệ* hồ sơ trực tuyến](anh-2.png)",
		"-> *Đồng chí Phó Chủ tịch UBND tỉnh phát biểu* <-",
		"Xem chi tiết kế hoạch tại Cổng thông tin.",
	}, "\n")
	if art.Body != wantBody {
		t.Errorf("body:\n%s\nwant:\n%s", art.Body, wantBody)
	}
	if len(art.Images) != 2 || art.Images[0].MediaType != "image/jpeg" || art.Images[1].MediaType != "image/png" ||
		art.Images[0].Caption != "Các đại biểu dự hội nghị." || art.Images[1].Caption != "Biểu đồ tỷ lệ hồ sơ trực tuyến" {
		t.Errorf("images: %+v", imageSummary(art.Images))
	}
	if !strings.Contains(strings.Join(p.Report.Warnings, "\n"), "https://laichau.gov.vn/uploads/anh-hoi-nghi-2.jpg") {
		t.Errorf("remote image not reported: %q", p.Report.Warnings)
	}
	items := []wantItem{
		{"Triển khai nền tảng số cấp xã", date(2022, 8, 12)},
		{"Hội nghị tập huấn chữ ký số cho cán bộ, công chức", date(2022, 8, 5)},
		{"Lai Châu ra mắt ứng dụng Công dân số", date(2022, 7, 28)},
	}
	if len(p.Records) != 1+len(items) {
		t.Fatalf("%d records, want %d", len(p.Records), 1+len(items))
	}
	for i, it := range items {
		r := p.Records[i+1]
		if r.Title != it.title || !r.Date.Equal(it.date) || r.Body != "" || r.Category != "Tin tức sự kiện" {
			t.Errorf("item %d: %q %v %q", i, r.Title, r.Date, r.Category)
		}
	}
	for _, r := range p.Records {
		for _, s := range []string{r.Title, r.Summary, r.Body, r.Author, r.Category} {
			if strings.Contains(s, "quảng cáo") || strings.Contains(s, "steal") || strings.Contains(s, "javascript") ||
				strings.Contains(s, "Bản quyền") || strings.Contains(s, "Giới thiệu") {
				t.Errorf("page furniture or script leaked into %q", s)
			}
		}
	}
}

func imageSummary(ims []model.Image) []string {
	var out []string
	for _, im := range ims {
		out = append(out, im.Name+" "+im.MediaType+" "+im.Caption)
	}
	return out
}

func TestParseHTMLVariants(t *testing.T) {
	tests := []struct {
		name, in     string
		title, body  string
		author, sapo string
		date         string
		items        int
	}{
		{
			name:  "title from <title>, date from meta, bold first paragraph is the sapo",
			in:    `<html><head><title>Tin ngắn về hội nghị tổng kết | Cổng TTĐT</title><meta property="article:published_time" content="2021-12-30T08:00:00+07:00"></head><body><div><p><b>Sáng nay tại hội trường tỉnh đã diễn ra hội nghị tổng kết công tác năm với sự tham dự của nhiều đại biểu.</b></p><p>Nội dung thứ nhất của tin.</p><p>Nội dung thứ hai của tin, dài hơn một chút.</p></div></body></html>`,
			title: "Tin ngắn về hội nghị tổng kết", date: "2021-12-30",
			sapo: "Sáng nay tại hội trường tỉnh đã diễn ra hội nghị tổng kết công tác năm với sự tham dự của nhiều đại biểu.",
			body: "Nội dung thứ nhất của tin.\nNội dung thứ hai của tin, dài hơn một chút.",
		},
		{
			name:  "lists become numbered lines, centre tags, nested inline styles",
			in:    `<h1>Kế hoạch</h1><p>Thứ sáu, 02/09/2022</p><div class="noidung"><center>KẾ HOẠCH CHUNG</center><ol><li>Việc <strong><em>một</em></strong></li><li><p>Việc hai</p></li></ol><ul><li>gạch đầu dòng</li></ul><p><span style="font-weight:bold">đậm</span> và <span style="font-style: italic">nghiêng</span></p></div>`,
			title: "Kế hoạch", date: "2022-09-02",
			body: "-> KẾ HOẠCH CHUNG <-\n1. Việc ***một***\n2. Việc hai\n- gạch đầu dòng\n**đậm** và *nghiêng*",
		},
		{
			name:  "list heading inside the content stops the body",
			in:    `<h1 class="title">Tiêu đề tin</h1><span class="time">Thứ hai 05/09/2022</span><div class="content"><p>Đoạn thân bài đủ dài để được chọn làm nội dung.</p><p>Nguyễn Văn An</p><p><strong>CÁC TIN KHÁC</strong></p><p>- Tin cũ một (01/09/2022)</p><p>- Tin cũ hai (31/08/2022)</p></div>`,
			title: "Tiêu đề tin", date: "2022-09-05", author: "Nguyễn Văn An",
			body: "Đoạn thân bài đủ dài để được chọn làm nội dung.", items: 2,
		},
		{
			name:  "pasted twice",
			in:    `<h1>Tin lặp</h1><p>Thứ hai 05/09/2022</p><div class="content"><p>Đoạn văn dài đã bị dán hai lần liền nhau.</p><p>Đoạn văn dài đã bị dán hai lần liền nhau.</p></div>`,
			title: "Tin lặp", date: "2022-09-05", body: "Đoạn văn dài đã bị dán hai lần liền nhau.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseHTML([]byte(tc.in), "", Options{Clock: clockOn(2030, 1, 1)})
			if err != nil {
				t.Fatal(err)
			}
			art := p.Records[0]
			if art.Title != tc.title || art.Body != tc.body || art.Author != tc.author || art.Summary != tc.sapo ||
				art.Date.Format(model.ISODate) != tc.date || len(p.Records)-1 != tc.items {
				t.Errorf("got title %q date %s author %q sapo %q items %d body:\n%s\nreport:\n%s", art.Title,
					art.Date.Format(model.ISODate), art.Author, art.Summary, len(p.Records)-1, art.Body, p.Report.String())
			}
		})
	}
}

// Images are read only from below the page's folder: neither "../" nor a
// symbolic link leads outside it, and oversized pictures are refused from
// their header.
func TestParseHTMLImageSafety(t *testing.T) {
	root := t.TempDir()
	page := filepath.Join(root, "trang")
	os.MkdirAll(filepath.Join(page, "p_files"), 0o755)
	secret := filepath.Join(root, "bi-mat.jpg")
	jpg, _ := os.ReadFile(filepath.Join("testdata", "trang-tin_files", "hoi-nghi.jpg"))
	os.WriteFile(secret, jpg, 0o644)
	if err := os.Symlink(secret, filepath.Join(page, "p_files", "link.jpg")); err != nil {
		t.Skip("no symlinks:", err)
	}
	os.WriteFile(filepath.Join(page, "p_files", "lon.png"), hugePNG(t), 0o644)
	os.WriteFile(filepath.Join(page, "p_files", "that.jpg"), jpg, 0o644)
	in := `<h1>Tiêu đề</h1><p>Thứ hai 05/09/2022</p><div class="content"><p>Một đoạn văn đủ dài cho nội dung.</p>
		<img src="../bi-mat.jpg" alt="a"><img src="p_files/link.jpg" alt="b"><img src="` + "file://" + filepath.ToSlash(secret) + `" alt="c">
		<img src="p_files/lon.png" alt="d"><img src="p_files/that.jpg" alt="e"></div>`
	p, err := ParseHTML([]byte(in), page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	art := p.Records[0]
	if len(art.Images) != 1 || art.Images[0].Caption != "e" {
		t.Fatalf("images %v; report:\n%s", imageSummary(art.Images), p.Report.String())
	}
	w := strings.Join(p.Report.Warnings, "\n")
	for _, s := range []string{"../bi-mat.jpg", "p_files/link.jpg", "p_files/lon.png", "quá lớn"} {
		if !strings.Contains(w, s) {
			t.Errorf("warnings lack %q:\n%s", s, w)
		}
	}
}

func TestParseHTMLEncodings(t *testing.T) {
	// An old page declared windows-1252 whose text is TCVN3.
	tcvn, err := os.ReadFile(filepath.Join("testdata", "tin-tcvn3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(tcvn), "\n")
	in := `<html><head><meta charset="windows-1252"></head><body><h1>` + lines[2] + `</h1><p>` + lines[1] +
		`</p><div class="content"><p>` + lines[3] + `</p><p>` + lines[4] + `</p></div></body></html>`
	p, err := ParseHTML([]byte(in), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Records[0].Title != "Huyện Tam Đường tổ chức hội nghị triển khai nhiệm vụ năm học mới" ||
		!strings.Contains(p.Report.Encoding, "TCVN3") {
		t.Errorf("title %q, encoding %q", p.Records[0].Title, p.Report.Encoding)
	}
	// The clerk may name the encoding.
	p, err = ParseHTML([]byte(in), "", Options{Encoding: "tcvn3"})
	if err != nil || p.Records[0].Title != "Huyện Tam Đường tổ chức hội nghị triển khai nhiệm vụ năm học mới" ||
		!strings.Contains(p.Report.Encoding, "theo lựa chọn") {
		t.Errorf("forced: %v %q %q", err, p.Records[0].Title, p.Report.Encoding)
	}
	if _, err := ParseHTML([]byte(in), "", Options{Encoding: "koi8"}); err == nil {
		t.Error("unknown encoding accepted")
	}
}

// Bad bytes in a page declared UTF-8 are reported (they were replaced
// silently); a page whose declaration is wrong is read as legacy text.
func TestParseHTMLBrokenUTF8(t *testing.T) {
	page := func(title, body string) []byte {
		return []byte(`<html><head><meta charset="utf-8"><title>Tin</title></head><body><h1 class="title">` + title + `</h1><div class="content"><p>` + body + `</p></div></body></html>`)
	}
	p, err := ParseHTML(page("Hội nghị tổng kết năm", "Đại biểu \xff\xfe tham dự hội nghị đông đủ."), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := strings.Join(p.Report.Warnings, "\n")
	if !strings.Contains(w, "2 byte sai") || !strings.Contains(w, "dòng 1") || !strings.Contains(p.Records[0].Body, "\uFFFD") {
		t.Errorf("damage not reported: %q\n%s", w, p.Records[0].Body)
	}
	// TCVN3 bytes under a UTF-8 declaration.
	p, err = ParseHTML(page("H\xe9i ngh\xde t\xe6ng k\xd5t n\xa8m", "Ng\xad\xeai d\xa9n \xae\xad\xeec h\xad\xedng d\xc9n ph\xdfng, ch\xe8ng d\xdech"), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if body := p.Records[0].Body; !strings.Contains(body, "Người dân được hướng dẫn") || p.Records[0].Title != "Hội nghị tổng kết năm" ||
		!strings.Contains(strings.Join(p.Report.Warnings, "\n"), "không phải UTF-8") {
		t.Errorf("legacy page: %q %q", body, p.Report.Warnings)
	}
}

// The HTML parser refuses elements nested more than 512 deep: the message
// says so in Vietnamese.
func TestParseHTMLTooDeep(t *testing.T) {
	_, err := ParseHTML([]byte("<html><body>"+strings.Repeat("<div>", 600)+"chữ"), "", Options{})
	if err == nil || !strings.Contains(err.Error(), "lồng nhau quá sâu") || strings.Contains(err.Error(), "open stack") {
		t.Errorf("error %v", err)
	}
}
