package mail

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	netmail "net/mail"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"bientap/export/pdf"
	"bientap/model"
	"bientap/model/vntext"
)

var wordRe = regexp.MustCompile(`(?i)=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=`)

func TestSubject(t *testing.T) {
	titles := []string{
		"Hello",
		"Thong bao lich tiep cong dan dinh ky thang 9 nam 2022 cua Chu tich UBND tinh Lai Chau",
		"Hội nghị",
		"CÔNG ĐIỆN: Tăng cường phòng, chống mưa lũ, sạt lở đất; bảo đảm an toàn tính mạng, tài sản của Nhân dân (ắ ấ ế ố ớ ứ ậ)",
		"COVID-19 vaccination campaign phase three: Lai Châu tiêm vắc-xin",
		"a =?UTF-8?B?eA==?= b",
		strings.Repeat("Ư", 100),
	}
	dec := new(mime.WordDecoder)
	for _, title := range titles {
		h := Subject(title)
		if !strings.HasPrefix(h, "Subject:") || !strings.HasSuffix(h, "\r\n") {
			t.Fatalf("header %q", h)
		}
		lines := strings.Split(strings.TrimSuffix(h, "\r\n"), "\r\n")
		for i, l := range lines {
			if len(l) > maxLine {
				t.Errorf("%q: line %d has %d characters", title, i, len(l))
			}
			if i > 0 && l[0] != ' ' {
				t.Errorf("%q: continuation %q does not start with a space", title, l)
			}
		}
		ws := wordRe.FindAllStringSubmatch(h, -1)
		if needsEncoding(title) && len(ws) == 0 {
			t.Errorf("%q: no encoded word in %q", title, h)
		}
		for _, m := range ws {
			b, err := base64.StdEncoding.DecodeString(m[1])
			if err != nil || !utf8.Valid(b) {
				t.Errorf("%q: encoded word %q does not hold whole UTF-8 characters", title, m[0])
			}
		}
		value := strings.TrimPrefix(strings.ReplaceAll(strings.TrimSuffix(h, "\r\n"), "\r\n", ""), "Subject:")
		got, err := dec.DecodeHeader(strings.TrimLeft(value, " "))
		if err != nil || got != title {
			t.Errorf("Subject(%q) decodes to %q (%v):\n%s", title, got, err, h)
		}
	}
}

func sampleRecord() *model.Record {
	return &model.Record{
		ID: 3, Kind: model.KindNews, Status: model.StatusPublished,
		Title:    "Hội nghị triển khai nhiệm vụ chuyển đổi số năm 2022 của tỉnh Lai Châu (ắ ấ ế ố ớ ứ ậ)",
		Summary:  "Sáng 15/8, UBND tỉnh tổ chức hội nghị triển khai nhiệm vụ chuyển đổi số năm 2022; dòng dài để thử ngắt dòng quoted-printable = dấu bằng.",
		Body:     "Đoạn một của tin.\nĐoạn hai.",
		Category: "Tin tức sự kiện", Author: "Ban biên tập", Date: time.Date(2022, 8, 15, 0, 0, 0, 0, time.UTC),
		URL: "https://laichau.gov.vn/tin-tuc/hoi-nghi-chuyen-doi-so-2022",
	}
}

func TestWriteParsesBack(t *testing.T) {
	r := sampleRecord()
	var pdfBuf bytes.Buffer
	if _, err := pdf.News(&pdfBuf, r, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	var eml bytes.Buffer
	date := time.Date(2022, 8, 16, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600))
	err := Write(&eml, r, pdfBuf.Bytes(), Options{From: "Văn phòng UBND tỉnh <vanphong@laichau.gov.vn>", Date: date})
	if err != nil {
		t.Fatal(err)
	}
	raw := eml.Bytes()
	if bytes.Contains(bytes.ReplaceAll(raw, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("bare LF in the message")
	}
	for i, l := range strings.Split(string(raw), "\r\n") {
		if len(l) > 998 {
			t.Errorf("line %d has %d characters", i, len(l))
		}
	}
	msg, err := netmail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	dec := new(mime.WordDecoder)
	subject, err := dec.DecodeHeader(msg.Header.Get("Subject"))
	if err != nil || subject != r.Title {
		t.Errorf("subject %q (%v)", subject, err)
	}
	if msg.Header.Get("X-Unsent") != "1" || msg.Header.Get("MIME-Version") != "1.0" {
		t.Errorf("headers %v", msg.Header)
	}
	from, err := msg.Header.AddressList("From")
	if err != nil || len(from) != 1 || from[0].Name != "Văn phòng UBND tỉnh" || from[0].Address != "vanphong@laichau.gov.vn" {
		t.Errorf("from %v (%v)", from, err)
	}
	if d, err := msg.Header.Date(); err != nil || !d.Equal(date) {
		t.Errorf("date %v (%v)", d, err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("content type %q (%v)", mt, err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])

	text, err := mr.NextPart()
	if err != nil {
		t.Fatal(err)
	}
	if ct := text.Header.Get("Content-Type"); ct != "text/plain; charset=UTF-8" {
		t.Errorf("text part type %q", ct)
	}
	body, _ := io.ReadAll(text) // the reader undoes quoted-printable
	want := r.Summary + "\r\n\r\nXem bài trên Cổng thông tin: " + r.URL + "\r\n\r\nTệp đính kèm: " + AttachmentName(r) + "\r\n"
	if string(body) != want {
		t.Errorf("text %q\nwant %q", body, want)
	}

	att, err := mr.NextPart()
	if err != nil {
		t.Fatal(err)
	}
	ctype, cparams, err := mime.ParseMediaType(att.Header.Get("Content-Type"))
	if err != nil || ctype != "application/pdf" || cparams["name"] != AttachmentName(r) {
		t.Errorf("attachment type %q %v (%v)", ctype, cparams, err)
	}
	disp, dparams, err := mime.ParseMediaType(att.Header.Get("Content-Disposition"))
	if err != nil || disp != "attachment" || dparams["filename"] != AttachmentName(r) {
		t.Errorf("disposition %q %v (%v)", disp, dparams, err)
	}
	if !strings.Contains(att.Header.Get("Content-Disposition"), `filename="Hoi nghi trien khai`) {
		t.Errorf("no ASCII fallback: %q", att.Header.Get("Content-Disposition"))
	}
	enc, _ := io.ReadAll(att)
	data, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(string(enc), "\r\n", ""))
	if err != nil || !bytes.Equal(data, pdfBuf.Bytes()) || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Errorf("attachment is not the PDF (%v)", err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(enc)), "\r\n") {
		if len(l) > maxLine {
			t.Errorf("base64 line of %d", len(l))
		}
	}
	if _, err := mr.NextPart(); err != io.EOF {
		t.Errorf("more parts: %v", err)
	}
}

func TestWriteVariants(t *testing.T) {
	r := sampleRecord()
	r.Summary, r.URL = "", ""
	r.Title = "Plain ASCII title"
	var b bytes.Buffer
	if err := Write(&b, r, []byte("%PDF-1.4 x"), Options{To: "a@b.vn, Chị Hà <ha@laichau.gov.vn>"}); err != nil {
		t.Fatal(err)
	}
	msg, err := netmail.ReadMessage(&b)
	if err != nil {
		t.Fatal(err)
	}
	if msg.Header.Get("From") != "" {
		t.Error("From written although empty")
	}
	to, err := msg.Header.AddressList("To")
	if err != nil || len(to) != 2 || to[1].Name != "Chị Hà" {
		t.Errorf("to %v (%v)", to, err)
	}
	if Text(r) != "Đoạn một của tin.\n\nTệp đính kèm: Plain ASCII title.pdf\n" {
		t.Errorf("text without sapo: %q", Text(r))
	}
	for _, bad := range []Options{{From: "không phải địa chỉ"}, {To: "@@"}} {
		if err := Write(io.Discard, r, []byte("%PDF"), bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	if err := Write(io.Discard, r, nil, Options{}); err == nil {
		t.Error("no PDF accepted")
	}
}

// TestDocumentMail: a document's subject carries its số and ký hiệu; the
// attachment's ASCII name is the UTF-8 name without diacritics, cut at the
// same place, with every header line within 76 characters and no bidi
// control in either name.
func TestDocumentMail(t *testing.T) {
	long := "Thông báo kết luận của đồng chí Chủ tịch UBND tỉnh tại buổi làm việc với các sở, ban, ngành về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024"
	tests := []struct {
		name    string
		rec     *model.Record
		subject string
	}{
		{"document", &model.Record{Kind: model.KindThongBao, Number: "5", Sign: "TB-VP", Title: "Thông báo lịch nghỉ Tết Nguyên đán"},
			"Số 05/TB-VP: Thông báo lịch nghỉ Tết Nguyên đán"},
		{"long document", &model.Record{Kind: model.KindThongBao, Number: "125", Sign: "TB-UBND", Title: long}, "Số 125/TB-UBND: " + long},
		{"title names the number", &model.Record{Kind: model.KindQuyetDinh, Number: "03", Sign: "QĐ-UBND", Title: "Quyết định 03/QĐ-UBND"},
			"Quyết định 03/QĐ-UBND"},
		{"no title", &model.Record{Kind: model.KindToTrinh, Number: "12", Sign: "TTr-VPUBND", Summary: "Về việc mua sắm"},
			"Tờ trình số 12/TTr-VPUBND Về việc mua sắm"},
		{"unnumbered draft", &model.Record{Kind: model.KindThongBao, Sign: "TB-VP", Title: "Dự thảo thông báo"}, "Dự thảo thông báo"},
		{"bidi controls", &model.Record{Kind: model.KindNews, Title: "Hồ sơ \u202Efdp.exe\u202C tháng 8"}, "Hồ sơ fdp.exe tháng 8"},
		{"news", &model.Record{Kind: model.KindNews, Title: long}, long},
	}
	dec := new(mime.WordDecoder)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SubjectText(tc.rec); got != tc.subject {
				t.Errorf("subject %q, want %q", got, tc.subject)
			}
			var b bytes.Buffer
			if err := Write(&b, tc.rec, []byte("%PDF-1.4 x"), Options{}); err != nil {
				t.Fatal(err)
			}
			raw := b.String()
			for _, l := range strings.Split(raw, "\r\n") {
				if len(l) > maxLine {
					t.Errorf("line of %d characters: %q", len(l), l)
				}
			}
			msg, err := netmail.ReadMessage(strings.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			if s, _ := dec.DecodeHeader(msg.Header.Get("Subject")); s != tc.subject {
				t.Errorf("Subject header decodes to %q", s)
			}
			_, params, _ := mime.ParseMediaType(msg.Header.Get("Content-Type"))
			mr := multipart.NewReader(msg.Body, params["boundary"])
			mr.NextPart()
			att, err := mr.NextPart()
			if err != nil {
				t.Fatal(err)
			}
			cd := att.Header.Get("Content-Disposition")
			_, dp, err := mime.ParseMediaType(cd)
			name, ascii := AttachmentNames(tc.rec)
			if err != nil || dp["filename"] != name {
				t.Fatalf("filename* %q, want %q (%v)", dp["filename"], name, err)
			}
			plain := regexp.MustCompile(`filename="?([^";]*)"?;`).FindStringSubmatch(cd)
			if plain == nil || plain[1] != ascii {
				t.Fatalf("plain filename %v, want %q in %q", plain, ascii, cd)
			}
			if len([]rune(name)) != len(ascii) || ascii != foldName(name) {
				t.Errorf("ASCII %q is not %q without diacritics", ascii, name)
			}
			if strings.ContainsAny(name, "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F") {
				t.Errorf("bidi control in %q", name)
			}
			if n := vntext.Clean(name); !strings.HasSuffix(n, ".pdf") || strings.HasSuffix(strings.TrimSuffix(n, ".pdf"), " ") {
				t.Errorf("name %q", n)
			}
			if !strings.Contains(Text(tc.rec), "Tệp đính kèm: "+name) {
				t.Errorf("text names another file: %q", Text(tc.rec))
			}
		})
	}
}

// foldName removes diacritics letter for letter (the test's own fold).
func foldName(s string) string {
	var b strings.Builder
	for _, c := range norm.NFD.String(strings.NewReplacer("đ", "d", "Đ", "D").Replace(s)) {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		if c >= 0x80 {
			c = '_'
		}
		b.WriteRune(c)
	}
	return b.String()
}
