package model

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/png"
	"io"
	"strings"
	"testing"
	"time"
)

func tinyPNG(t testing.TB) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// englishWords are fragments of Go's and libraries' messages that must never
// reach a clerk.
var englishWords = []string{"invalid character", "unexpected", "cannot unmarshal", "illegal base64", "looking for",
	"json:", "image:", "EOF", "parsing time"}

func TestJSONLReaderErrors(t *testing.T) {
	good := `{"kind":"news","title":"Tin","date":"2026-01-01"}`
	svg := base64.StdEncoding.EncodeToString([]byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`))
	html := base64.StdEncoding.EncodeToString([]byte(`<html><body><script>alert(1)</script></body></html>`))
	tests := []struct{ name, in, want string }{
		{"truncated", good + "\n{\"kind\":", "dòng 2: JSON bị cắt cụt"},
		{"syntax", good + "\n{\"kind\" \"news\"}", "dòng 2: JSON sai cú pháp ở ký tự thứ"},
		{"trailing data", good + " x", "dòng 1: JSON sai cú pháp"},
		{"not an object", `[1,2]`, "dòng 1: mỗi dòng phải là một đối tượng JSON"},
		{"wrong type", `{"kind":"news","title":5,"date":"2026-01-01"}`, `dòng 1: khóa "title" sai kiểu: là số, cần chuỗi`},
		{"wrong list", `{"kind":"news","title":"x","date":"2026-01-01","to":"a"}`, `khóa "to" sai kiểu: là chuỗi, cần danh sách chuỗi`},
		{"bad base64", `{"kind":"news","title":"x","date":"2026-01-01","images":[{"data":"@@@"}]}`, "không phải base64 hợp lệ"},
		{"svg image", `{"kind":"news","title":"x","date":"2026-01-01","images":[{"media_type":"image/jpeg","data":"` + svg + `"}]}`, "dòng 1: ảnh 1: không phải ảnh JPEG hay PNG (dữ liệu là SVG)"},
		{"html image", good + "\n\n" + `{"kind":"news","title":"x","date":"2026-01-01","images":[{"data":"` + html + `"}]}`, "dòng 3: ảnh 1: không phải ảnh JPEG hay PNG (dữ liệu là HTML)"},
		{"fake jpeg", `{"kind":"news","title":"x","date":"2026-01-01","images":[{"data":"` + base64.StdEncoding.EncodeToString([]byte("\xFF\xD8\xFF\xE0fake")) + `"}]}`, "ảnh 1: ảnh hỏng"},
		{"nul", `{"kind":"news","title":"a\u0000b","date":"2026-01-01"}`, `dòng 1: khóa "title" chứa ký tự NUL`},
		{"nul in list", `{"kind":"news","title":"a","date":"2026-01-01","recipients":["x\u0000"]}`, `khóa "recipients" chứa ký tự NUL`},
		{"bad created", `{"kind":"news","title":"a","date":"2026-01-01","created":"hôm qua"}`, `thời điểm "created" không hợp lệ`},
		{"invalid utf8", "{\"kind\":\"news\",\"title\":\"\xff\",\"date\":\"2026-01-01\"}", "dòng 1: dữ liệu không phải UTF-8"},
		{"no line ends", strings.Repeat("x", MaxJSONLLine+10), "dòng 1 dài quá 64 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := ParseJSONL(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if recs != nil {
				t.Errorf("records returned with an error: %d", len(recs))
			}
			for _, w := range englishWords {
				if strings.Contains(err.Error(), w) {
					t.Errorf("English %q in %q", w, err)
				}
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("message on several lines: %q", err)
			}
		})
	}
}

func TestJSONLReaderCleans(t *testing.T) {
	img := base64.StdEncoding.EncodeToString(tinyPNG(t))
	in := "\xEF\xBB\xBF" + `{"kind":"news","title":"Tin\u0007 có\u0085 chuông","body":"Dòng 1\r\n\tDòng 2\u001b[31m","date":"2026-01-01",` +
		`"images":[{"name":"a.svg","media_type":"image/svg+xml","data":"` + img + `"}],"created":"2026-01-01T08:00:00Z"}` + "\r\n\r\n\n"
	jr := NewJSONLReader(strings.NewReader(in))
	r, err := jr.Next()
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Tin có chuông" || r.Body != "Dòng 1\n\tDòng 2[31m" {
		t.Errorf("controls kept: %q %q", r.Title, r.Body)
	}
	if r.Images[0].MediaType != "image/png" {
		t.Errorf("media type taken from the file, not the data: %q", r.Images[0].MediaType)
	}
	if !r.Created.Equal(time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("created %v", r.Created)
	}
	if _, err := jr.Next(); !errors.Is(err, io.EOF) {
		t.Errorf("after the last record: %v", err)
	}
	if jr.Offset() != int64(len(in)) {
		t.Errorf("offset %d of %d", jr.Offset(), len(in))
	}
}

// TestJSONLReaderLongLines reads lines longer than the reader's buffer.
func TestJSONLReaderLongLines(t *testing.T) {
	body := strings.Repeat("Nội dung rất dài. ", 100_000)
	line := `{"kind":"news","title":"Dài","date":"2026-01-01","body":"` + body + `"}`
	recs, err := ParseJSONL(strings.NewReader(line + "\n" + line))
	if err != nil || len(recs) != 2 || recs[1].Body != body {
		t.Fatalf("%d records, %v", len(recs), err)
	}
}

// FuzzJSONL feeds the reader a first line then a segment repeated n times
// (inputs of megabytes, where the slow paths would be): it never panics, an
// error names its line in one line of text, and every record it returns is
// valid.
func FuzzJSONL(f *testing.F) {
	good := `{"kind":"news","title":"Tin","date":"2026-01-01"}`
	f.Add(good, "\n", uint16(1))
	f.Add(good, "\n"+good, uint16(3000))
	f.Add(`{"kind":"thong-bao","title":"`, "ầ\\u0000\\\"", uint16(20000))
	f.Add(`{"kind":"news","title":"x","date":"2026-01-01","images":[{"data":"`, "QUJD", uint16(60000))
	f.Add(`{"kind":"news","date":"2026-01-01","to":[`, `"a",`, uint16(10000))
	f.Add("", "[", uint16(50000))
	f.Fuzz(func(t *testing.T, first, segment string, n uint16) {
		in := first + strings.Repeat(segment, int(n))
		if len(in) > 32<<20 {
			return
		}
		recs, err := ParseJSONL(strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "dòng ") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("message %q", err)
			}
			return
		}
		for _, r := range recs {
			if !r.Kind.Valid() || !r.Status.Valid() || r.Date.IsZero() || strings.ContainsRune(r.Title+r.Body, 0) {
				t.Fatalf("invalid record accepted: %+v", r)
			}
		}
	})
}

// TestSnapshotWithNULStillLoads: a revision stored before NULs were refused
// still opens, without the NUL.
func TestSnapshotWithNULStillLoads(t *testing.T) {
	load := func(string) ([]byte, error) { return nil, errors.New("no images") }
	r, err := UnmarshalRecordJSON([]byte(`{"kind":"news","title":"a\u0000b","date":"2026-01-01"}`), load)
	if err != nil || r.Title != "ab" {
		t.Fatalf("%+v %v", r, err)
	}
}
