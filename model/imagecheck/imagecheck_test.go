package imagecheck

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

func encoded(t testing.TB, format string, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{200, 10, 10, 255})
	var buf bytes.Buffer
	var err error
	switch format {
	case "jpeg":
		err = jpeg.Encode(&buf, img, nil)
	case "png":
		err = png.Encode(&buf, img)
	case "gif":
		err = gif.Encode(&buf, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngHeader is a PNG whose IHDR claims w×h (the pixel data is not there:
// only the header is read).
func pngHeader(w, h uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func TestCheck(t *testing.T) {
	jpg := encoded(t, "jpeg", 40, 30)
	tests := []struct {
		name    string
		data    []byte
		want    string // media type, or "" for an error
		wantErr error
		msg     string // part of the error text
	}{
		{"jpeg", jpg, JPEG, nil, ""},
		{"png", encoded(t, "png", 3, 2), PNG, nil, ""},
		{"big png header within bounds", pngHeader(6000, 4000), PNG, nil, ""},
		{"svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "", ErrNotImage, "SVG"},
		{"html", []byte("<!DOCTYPE html><html><body>x</body></html>"), "", ErrNotImage, "HTML"},
		{"html with bom", []byte("\xEF\xBB\xBF  <html><body>x</body></html>"), "", ErrNotImage, "HTML"},
		{"gif", encoded(t, "gif", 2, 2), "", ErrNotImage, "GIF"},
		{"text", []byte("không phải ảnh"), "", ErrNotImage, "JPEG hay PNG"},
		{"empty", nil, "", ErrNotImage, ""},
		{"jpeg magic then junk", []byte("\xFF\xD8\xFF\xE0fakejpeg"), "", ErrBroken, "JPEG"},
		{"truncated jpeg", jpg[:20], "", ErrBroken, "JPEG"},
		{"png signature only", []byte("\x89PNG\r\n\x1a\n"), "", ErrBroken, "PNG"},
		{"zero width png", pngHeader(0, 10), "", ErrBroken, ""},
		{"too many pixels", pngHeader(10000, 10000), "", ErrTooLarge, "10000×10000"},
		{"too wide", pngHeader(40000, 2), "", ErrTooLarge, ""},
		{"claimed size overflows", pngHeader(1<<31-1, 1<<31-1), "", ErrBroken, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Check(tt.data)
			if tt.wantErr == nil {
				if err != nil || info.MediaType != tt.want {
					t.Fatalf("Check = %+v, %v; want %s", info, err, tt.want)
				}
				return
			}
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("Check error = %v; want %v containing %q", err, tt.wantErr, tt.msg)
			}
			for _, english := range []string{"image:", "invalid", "format", "unexpected EOF"} {
				if strings.Contains(err.Error(), english) {
					t.Errorf("English in %q", err)
				}
			}
		})
	}
	if info, _ := Check(jpg); info.Width != 40 || info.Height != 30 {
		t.Errorf("dimensions %+v", info)
	}
}

// TestCheckLargeInput: the header check stays cheap on a large picture
// whose first frame comes after megabytes of other segments.
func TestCheckLargeInput(t *testing.T) {
	jpg := encoded(t, "jpeg", 8, 8)
	var b bytes.Buffer
	b.Write(jpg[:2]) // SOI
	seg := append([]byte{0xFF, 0xE1, 0xFF, 0xFF}, bytes.Repeat([]byte{'x'}, 0xFFFD)...)
	for b.Len() < 32<<20 {
		b.Write(seg)
	}
	b.Write(jpg[2:])
	info, err := Check(b.Bytes())
	if err != nil || info.Width != 8 {
		t.Fatalf("%+v %v", info, err)
	}
}

// FuzzCheck feeds Check prefix + segment×n (so inputs grow to megabytes
// where size matters): it never panics, and what it accepts is a JPEG or
// PNG within the bounds.
func FuzzCheck(f *testing.F) {
	jpg := encoded(f, "jpeg", 5, 4)
	f.Add(jpg, []byte{}, uint16(0))
	f.Add(jpg[:2], []byte{0xFF, 0xFE, 0x00, 0x04, 'a', 'b'}, uint16(5000))
	f.Add(encoded(f, "png", 2, 2), []byte("IDAT"), uint16(10))
	f.Add(pngHeader(9000, 9000), []byte{}, uint16(0))
	f.Add([]byte("<svg"), []byte("<g>"), uint16(1000))
	f.Fuzz(func(t *testing.T, prefix, segment []byte, n uint16) {
		data := append(append([]byte{}, prefix...), bytes.Repeat(segment, int(n))...)
		if len(data) > 64<<20 {
			return
		}
		info, err := Check(data)
		if err != nil {
			if !errors.Is(err, ErrNotImage) && !errors.Is(err, ErrBroken) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if info.MediaType != Sniff(data) || info.Width <= 0 || info.Height <= 0 ||
			info.Width > MaxSide || info.Height > MaxSide || info.Width*info.Height > MaxPixels {
			t.Fatalf("accepted %+v", info)
		}
	})
}
