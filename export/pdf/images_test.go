package pdf

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/jpeg"
	"strings"
	"testing"

	"bientap/model"
)

// hugePNG is a valid PNG signature and header declaring w×h pixels; the
// header alone is enough for the size check.
func hugePNG(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	chunk := append([]byte("IHDR"), ihdr...)
	binary.Write(&b, binary.BigEndian, uint32(13))
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

// withOrientation inserts an EXIF APP1 segment with orientation o after the
// SOI marker of a JPEG.
func withOrientation(jpg []byte, o uint16) []byte {
	tiff := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, byte(o >> 8), byte(o), 0, 0, 0, 0, 0, 0}
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	seg = append(seg, payload...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

func TestImages(t *testing.T) {
	t.Parallel()
	gray := image.NewGray(image.Rect(0, 0, 40, 20))
	var grayJPEG bytes.Buffer
	jpeg.Encode(&grayJPEG, gray, nil)
	tests := []struct {
		name   string
		data   []byte
		warn   string // "" when the image prints
		w, h   int
		placed bool
	}{
		{"jpeg", testJPEG(64, 32), "", 64, 32, true},
		{"gray jpeg", grayJPEG.Bytes(), "", 40, 20, true},
		{"png", testPNG(50, 30, false), "", 50, 30, true},
		{"16-bit png", testPNG(50, 30, true), "", 50, 30, true},
		{"rotated jpeg", withOrientation(testJPEG(64, 32), 6), "", 32, 64, true},
		{"too large", hugePNG(10000, 5000), "quá lớn (10000 × 5000 điểm ảnh)", 0, 0, false},
		{"damaged", append(testPNG(50, 30, false)[:60], 1, 2, 3), "bị hỏng", 0, 0, false},
		{"not an image", []byte("<html>not an image</html>"), "không phải JPEG hoặc PNG", 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newEngine(Options{}, false)
			pi := e.image(&model.Image{Name: "a.img", Data: tc.data})
			if (pi != nil) != tc.placed {
				t.Fatalf("placed %v, want %v; warnings %q", pi != nil, tc.placed, e.warnings)
			}
			if pi != nil && (pi.w != tc.w || pi.h != tc.h) {
				t.Errorf("size %d×%d, want %d×%d", pi.w, pi.h, tc.w, tc.h)
			}
			if tc.warn == "" && len(e.warnings) > 0 || tc.warn != "" && (len(e.warnings) != 1 || !strings.Contains(e.warnings[0], tc.warn)) {
				t.Errorf("warnings %q, want %q", e.warnings, tc.warn)
			}
			// The whole document still prints around the image.
			r := newsItem()
			r.Images = []model.Image{{Name: "a.img", Caption: "Ảnh thử", Data: tc.data}}
			data, res := export(t, r, Options{})
			f := readPDF(t, data)
			checkInOrder(t, f.text(), bodyWords(r.Body))
			if tc.warn != "" && !strings.Contains(strings.Join(res.Warnings, "\n"), "Ảnh «a.img» "+strings.Fields(tc.warn)[0]) {
				t.Errorf("result warnings %q lack the image", res.Warnings)
			}
		})
	}
}

func TestExifOrientation(t *testing.T) {
	t.Parallel()
	for o := uint16(1); o <= 8; o++ {
		if got := jpegOrientation(withOrientation(testJPEG(8, 8), o)); got != int(o) {
			t.Errorf("orientation %d read as %d", o, got)
		}
	}
	if got := jpegOrientation(testJPEG(8, 8)); got != 0 {
		t.Errorf("plain JPEG orientation %d", got)
	}
	// Rotating by 90° (6) moves the top-left pixel to the top-right.
	src := image.NewRGBA(image.Rect(0, 0, 3, 2))
	src.Pix[0] = 255
	dst := orientImage(src, 6)
	if b := dst.Bounds(); b.Dx() != 2 || b.Dy() != 3 {
		t.Fatalf("rotated size %v", b)
	}
	if r, _, _, _ := dst.At(1, 0).RGBA(); r == 0 {
		t.Errorf("top-left pixel did not move to the top-right")
	}
}
