package importer

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bientap/model"
	"bientap/model/doc"
)

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// bodyTexts returns the plain text of each block of a body.
func bodyTexts(body string) []string {
	var out []string
	for _, b := range doc.Parse(body).Blocks {
		out = append(out, doc.PlainText(b.Runs))
	}
	return out
}

type wantItem struct {
	title string
	date  time.Time
}

func TestParseTextFixtures(t *testing.T) {
	portalBody := []string{
		"Quang cảnh cuộc họp. (Ảnh: Ban biên tập)",
		"Theo báo cáo của UBND tỉnh, 7 tháng đầu năm, tổng sản phẩm trên địa bàn (GRDP) ước tăng 8,5% so với cùng kỳ; thu ngân sách nhà nước trên địa bàn đạt 1.234 tỷ đồng, bằng 62% dự toán Trung ương giao.",
		"Sản xuất nông nghiệp cơ bản ổn định; diện tích gieo trồng cây lương thực vụ mùa đạt 95% kế hoạch. Công tác phòng, chống dịch COVID-19 được duy trì; tỷ lệ tiêm vắc-xin mũi 3 đạt 87%.",
		"Phát biểu kết luận, đồng chí Bí thư Tỉnh ủy yêu cầu các sở, ban, ngành và UBND các huyện, thành phố tập trung chỉ đạo hoàn thành các chỉ tiêu năm 2022; đẩy nhanh tiến độ giải ngân vốn đầu tư công; chủ động phòng, chống thiên tai mùa mưa lũ.",
	}
	portalSapo := "Sáng 15/8, đồng chí Giàng Páo Mỷ, Bí thư Tỉnh ủy chủ trì cuộc họp đánh giá tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 7 tháng đầu năm, triển khai nhiệm vụ trọng tâm những tháng cuối năm 2022."
	portalItems := []wantItem{
		{"Hội nghị tổng kết công tác năm 2020 của Văn phòng UBND tỉnh", date(2021, 1, 27)},
		{"Lai Châu: Ra quân trồng cây đầu xuân Tân Sửu", date(2021, 2, 20)},
		{"Thông báo lịch tiếp công dân tháng 3/2021", date(2021, 3, 1)},
		{"UBND tỉnh làm việc với Đoàn công tác của Bộ Nông nghiệp và Phát triển nông thôn", date(2021, 3, 15)},
	}
	tests := []struct {
		file                  string
		category, title, sapo string
		date                  time.Time
		author                string
		body                  []string
		items                 []wantItem
		encoding, warning     string
		dropped               []string
	}{
		{
			file: "tin-portal.txt", category: "Tin tức sự kiện", date: date(2022, 8, 15),
			title: "UBND tỉnh Lai Châu họp đánh giá tình hình kinh tế - xã hội 7 tháng đầu năm 2022",
			sapo:  portalSapo, author: "Ban biên tập", body: portalBody, items: portalItems,
			dropped: []string{"print", "send mail", "Quay lại", "Các tin đã đăng", "Thứ hai 15/8/2022"},
		},
		{
			file: "tin-dan-lap.txt", category: "Tin tức sự kiện", date: date(2022, 8, 15),
			title: "UBND tỉnh Lai Châu họp đánh giá tình hình kinh tế - xã hội 7 tháng đầu năm 2022",
			sapo:  portalSapo, author: "Ban biên tập", body: portalBody, items: portalItems,
			warning: "dán lặp", dropped: []string{portalSapo},
		},
		{
			file: "tin-crlf-bom.txt", category: "Thông báo", date: date(2022, 9, 1),
			title:  "Lịch tiếp công dân của Chủ tịch UBND tỉnh tháng 9/2022",
			author: "Minh Anh",
			body: []string{
				"Thực hiện Luật Tiếp công dân năm 2013, Chủ tịch UBND tỉnh Lai Châu thông báo lịch tiếp công dân định kỳ tháng 9 năm 2022 như sau: thời gian từ 7 giờ 30 phút ngày 15/9/2022 tại Trụ sở Tiếp công dân tỉnh.",
				"Công dân đến trình bày phải mang theo giấy tờ tùy thân và các tài liệu liên quan (nếu có); thực hiện đúng nội quy nơi tiếp công dân.",
			},
			dropped: []string{"[In bài viết] | [Gửi email] | [Về đầu trang]", "Trang chủ"},
		},
		{
			file: "tin-tcvn3.txt", category: "Tin hoạt động", date: date(2022, 9, 20),
			title:  "Huyện Tam Đường tổ chức hội nghị triển khai nhiệm vụ năm học mới",
			author: "Ban biên tập", encoding: "TCVN3",
			body: []string{
				"Chiều 20/9, huyện Tam Đường tổ chức hội nghị triển khai nhiệm vụ năm học 2022 - 2023 cho cán bộ quản lý các trường học trên địa bàn.",
				"Năm học vừa qua, ngành giáo dục huyện đã hoàn thành tốt các mục tiêu đề ra; tỷ lệ học sinh đi học đúng độ tuổi đạt 99,5%; không có học sinh bỏ học giữa chừng.",
			},
			items: []wantItem{
				{"Huyện Tam Đường ra quân phòng chống dịch bệnh", date(2022, 8, 5)},
				{"Tổng kết năm học cũ tại các trường tiểu học", date(2022, 5, 30)},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			p, err := ParseFile(filepath.Join("testdata", tc.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			rep := p.Report.String()
			t.Logf("report:\n%s", rep)
			art := p.Records[0]
			if art.Kind != model.KindNews || art.Status != model.StatusPublished {
				t.Errorf("kind/status = %s/%s, want news/published", art.Kind, art.Status)
			}
			check := func(name, got, want string) {
				if got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			check("category", art.Category, tc.category)
			check("title", art.Title, tc.title)
			check("sapo", art.Summary, tc.sapo)
			check("author", art.Author, tc.author)
			if !art.Date.Equal(tc.date) {
				t.Errorf("date = %v, want %v", art.Date, tc.date)
			}
			got := bodyTexts(art.Body)
			if strings.Join(got, "\n") != strings.Join(tc.body, "\n") {
				t.Errorf("body blocks:\n%q\nwant\n%q", got, tc.body)
			}
			if len(p.Records)-1 != len(tc.items) {
				t.Fatalf("%d list records, want %d", len(p.Records)-1, len(tc.items))
			}
			for i, it := range tc.items {
				r := p.Records[i+1]
				if r.Title != it.title || !r.Date.Equal(it.date) || r.Body != "" || r.Status != model.StatusPublished ||
					r.Category != tc.category {
					t.Errorf("item %d = %q %v %q %s %q, want %q %v published in %q", i, r.Title, r.Date, r.Body,
						r.Status, r.Category, it.title, it.date, tc.category)
				}
			}
			if tc.encoding != "" && !strings.Contains(p.Report.Encoding, tc.encoding) {
				t.Errorf("encoding report %q does not name %s", p.Report.Encoding, tc.encoding)
			}
			if tc.warning != "" && !strings.Contains(strings.Join(p.Report.Warnings, "\n"), tc.warning) {
				t.Errorf("warnings %q lack %q", p.Report.Warnings, tc.warning)
			}
			for _, d := range tc.dropped {
				found := false
				for _, x := range p.Report.Dropped {
					found = found || x.Text == d
				}
				if !found {
					t.Errorf("dropped %q not reported (dropped: %v)", d, p.Report.Dropped)
				}
			}
		})
	}
}

// The first body line of the portal page is the caption, kept as a centred
// italic line; the first paragraph became the sapo.
func TestParseTextCaptionMarkup(t *testing.T) {
	p, err := ParseFile(filepath.Join("testdata", "tin-portal.txt"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := strings.SplitN(p.Records[0].Body, "\n", 2)[0]
	if first != "-> *Quang cảnh cuộc họp. (Ảnh: Ban biên tập)* <-" {
		t.Errorf("first body line %q", first)
	}
}

func TestParseTextVariants(t *testing.T) {
	tests := []struct {
		name, in        string
		title, category string
		date            time.Time
		author          string
		body            []string
		items           int
		wantWarn        string
	}{
		{
			name:  "no weekday, dash bullets, other link words, date with time",
			in:    "Thông báo\n15/08/2022 09:30\nThông báo nghỉ lễ Quốc khánh 2/9\nCán bộ, công chức được nghỉ từ ngày 01/9 đến hết ngày 04/9/2022.\nIn trang | Chia sẻ\nCÁC TIN KHÁC:\n- Thông báo kết quả tuyển dụng - 10/08/2022\n* Lịch làm việc tuần 32 [05/08/2022]\n· Thông báo số 12 (01/08/2022 08:00)\n1 2 3 Tiếp »\n",
			title: "Thông báo nghỉ lễ Quốc khánh 2/9", category: "Thông báo", date: date(2022, 8, 15),
			body:  []string{"Cán bộ, công chức được nghỉ từ ngày 01/9 đến hết ngày 04/9/2022."},
			items: 3,
		},
		{
			name:  "no list, no byline, no category",
			in:    "Chủ nhật, 7/8/2022\nTiêu đề ngắn\nĐoạn một của tin.\nĐoạn hai của tin.\n",
			title: "Tiêu đề ngắn", date: date(2022, 8, 7),
			body: []string{"Đoạn một của tin.", "Đoạn hai của tin."},
		},
		{
			name:  "no date line at all",
			in:    "Một tiêu đề\nMột đoạn văn.\n",
			title: "Một tiêu đề", date: date(2030, 1, 2),
			body:     []string{"Một đoạn văn."},
			wantWarn: "không thấy dòng ngày",
		},
		{
			name:  "markup characters stay literal text",
			in:    "Thứ ba 16/8/2022\nTiêu đề có *sao*\n# không phải tiêu đề\n| a | b |\n-> không căn giữa <-\n![x](y.jpg)\n5 * 3 = 15 và **đậm giả**\n",
			title: "Tiêu đề có *sao*", date: date(2022, 8, 16),
			body: []string{"# không phải tiêu đề", "| a | b |", "-> không căn giữa <-", "![x](y.jpg)", "5 * 3 = 15 và **đậm giả**"},
		},
		{
			name:  "lines after the list stay in the body",
			in:    "Tin tức\nThứ sáu 19/8/2022\nTiêu đề\nNội dung.\nBBT\nCác tin đã đăng\n• Tin cũ (01/08/2022)\nBản quyền thuộc UBND tỉnh Lai Châu\n",
			title: "Tiêu đề", category: "Tin tức", date: date(2022, 8, 19), author: "BBT",
			body:  []string{"Nội dung.", "Bản quyền thuộc UBND tỉnh Lai Châu"},
			items: 1, wantWarn: "sau danh sách",
		},
		{
			name:  "whole page pasted twice",
			in:    strings.Repeat("Tin tức\nThứ sáu 19/8/2022\nTiêu đề của tin\nNội dung dài của tin được dán hai lần liền nhau.\nCác tin đã đăng\n• Tin cũ (01/08/2022)\n", 2),
			title: "Tiêu đề của tin", category: "Tin tức", date: date(2022, 8, 19),
			body: []string{"Nội dung dài của tin được dán hai lần liền nhau."}, items: 1, wantWarn: "dán lặp",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseText([]byte(tc.in), Options{Clock: clockOn(2030, 1, 2)})
			if err != nil {
				t.Fatal(err)
			}
			art := p.Records[0]
			if art.Title != tc.title || art.Category != tc.category || !art.Date.Equal(tc.date) || art.Author != tc.author {
				t.Errorf("got title %q category %q date %v author %q", art.Title, art.Category, art.Date, art.Author)
			}
			if got := bodyTexts(art.Body); strings.Join(got, "\n") != strings.Join(tc.body, "\n") {
				t.Errorf("body %q, want %q (markup %q)", got, tc.body, art.Body)
			}
			if len(p.Records)-1 != tc.items {
				t.Errorf("%d items, want %d", len(p.Records)-1, tc.items)
			}
			if tc.wantWarn != "" && !strings.Contains(strings.Join(p.Report.Warnings, "\n"), tc.wantWarn) {
				t.Errorf("warnings %q lack %q", p.Report.Warnings, tc.wantWarn)
			}
		})
	}
}

func TestParseTextErrors(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("   \n\t\n"), []byte("PK\x03\x04\x00\x00binary")} {
		if _, err := ParseText(in, Options{}); err == nil {
			t.Errorf("ParseText(%q) succeeded", in)
		}
	}
	if _, err := ParseText([]byte("abc"), Options{Encoding: "ebcdic"}); err == nil {
		t.Error("unknown encoding accepted")
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name string
		data string
		want Format
	}{
		{"a.TXT", "", FormatText}, {"a.htm", "", FormatHTML}, {"a.docx", "", FormatDOCX}, {"a.jsonl", "", FormatJSONL},
		{"noext", "PK\x03\x04...", FormatDOCX}, {"noext", "\xEF\xBB\xBF  <!DOCTYPE html>", FormatHTML},
		{"noext", "{\"kind\":\"news\"}", FormatJSONL}, {"noext", "Tin tức", FormatText},
	}
	for _, tc := range tests {
		if got, err := DetectFormat(tc.name, []byte(tc.data)); err != nil || got != tc.want {
			t.Errorf("DetectFormat(%q) = %v, %v; want %v", tc.name, got, err, tc.want)
		}
	}
	if _, err := DetectFormat("cu.doc", nil); err == nil {
		t.Error(".doc accepted")
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadFile(filepath.Join(dir, "khong-co.txt"), MaxFileBytes); err == nil || !strings.Contains(err.Error(), "không có tệp") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadFile(dir, MaxFileBytes); err == nil {
		t.Error("directory accepted")
	}
	f := filepath.Join(dir, "x.txt")
	os.WriteFile(f, []byte("x"), 0o644)
	if b, err := ReadFile(f, MaxFileBytes); err != nil || string(b) != "x" {
		t.Errorf("ReadFile = %q, %v", b, err)
	}
}

// clockOn is a clock that says noon (UTC) of the given day, the same civil
// day in every time zone within ±11 hours.
func clockOn(y, m, d int) model.Clock {
	return model.FixedClock(time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC))
}

// ReadFile reads regular files only, within a bound, and says why not in
// Vietnamese while keeping the cause for errors.Is.
func TestReadFileBounds(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.txt")
	os.WriteFile(f, []byte("0123456789"), 0o644)
	if _, err := ReadFile(f, 9); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "tệp quá lớn (10 byte, tối đa 9 byte)") {
		t.Errorf("too large: %v", err)
	}
	if b, err := ReadFile(f, 10); err != nil || string(b) != "0123456789" {
		t.Errorf("at the bound: %q %v", b, err)
	}
	if _, err := ReadFile(filepath.Join(dir, "khong-co.txt"), 10); !errors.Is(err, fs.ErrNotExist) || err.Error() != "không có tệp này" {
		t.Errorf("missing: %v", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := ReadFile("/dev/zero", MaxFileBytes); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "thiết bị") {
			t.Errorf("/dev/zero: %v", err)
		}
	}
	if _, err := ReadFile(dir, 10); !errors.Is(err, ErrNotRegular) {
		t.Errorf("directory: %v", err)
	}
}
