// Package imagecheck tells whether bytes really are a picture Biên Tập can
// store, print and publish: a JPEG or PNG whose header decodes and whose size
// is within bounds. It reads only the header (image.DecodeConfig), so a check
// costs little whatever the size of the data; the JSON Lines importer and the
// exports use it before they trust an image.
package imagecheck

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
)

// Bounds of an acceptable picture, checked from its header.
const (
	// MaxPixels bounds width × height (a 40-megapixel photo decodes to 160 MB).
	MaxPixels = 40_000_000
	// MaxSide bounds the width and the height on their own.
	MaxSide = 30_000
)

// Media types of the pictures Biên Tập keeps.
const (
	JPEG = "image/jpeg"
	PNG  = "image/png"
)

// ErrNotImage marks data that is not a JPEG or PNG picture at all.
var ErrNotImage = errors.New("không phải ảnh JPEG hay PNG")

// ErrBroken marks a JPEG or PNG whose header does not decode.
var ErrBroken = errors.New("ảnh hỏng")

// ErrTooLarge marks a picture beyond MaxPixels or MaxSide.
var ErrTooLarge = errors.New("ảnh quá lớn")

// Info is what the header of a good picture says.
type Info struct {
	MediaType     string // JPEG or PNG
	Width, Height int
}

// Sniff returns JPEG or PNG from the data's signature, or "" for anything
// else. It does not say the picture is good: Check does.
func Sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")):
		return JPEG
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG
	}
	return ""
}

// Check verifies that data is a JPEG or PNG whose header decodes with sane
// dimensions and returns what it found. Errors are one Vietnamese phrase
// wrapping ErrNotImage, ErrBroken or ErrTooLarge; for data that is not an
// image they say what it looks like (SVG, HTML, GIF…).
func Check(data []byte) (Info, error) {
	mt := Sniff(data)
	if mt == "" {
		if what := describe(data); what != "" {
			return Info{}, fmt.Errorf("%w (dữ liệu là %s)", ErrNotImage, what)
		}
		return Info{}, ErrNotImage
	}
	var cfg image.Config
	var err error
	if mt == JPEG {
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	} else {
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	}
	name := "JPEG"
	if mt == PNG {
		name = "PNG"
	}
	if err != nil {
		return Info{}, fmt.Errorf("%w: phần đầu tệp %s không đọc được", ErrBroken, name)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, fmt.Errorf("%w: ảnh %s có kích thước %d×%d", ErrBroken, name, cfg.Width, cfg.Height)
	}
	if cfg.Width > MaxSide || cfg.Height > MaxSide || cfg.Width*cfg.Height > MaxPixels {
		return Info{}, fmt.Errorf("%w (%d×%d điểm ảnh; tối đa %d triệu điểm ảnh, mỗi cạnh %d)",
			ErrTooLarge, cfg.Width, cfg.Height, MaxPixels/1_000_000, MaxSide)
	}
	return Info{MediaType: mt, Width: cfg.Width, Height: cfg.Height}, nil
}

// describe names common non-pictures and pictures of other formats, or "".
func describe(data []byte) string {
	head := data[:min(len(data), 1024)]
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	lower := bytes.ToLower(trimmed)
	switch {
	case bytes.Contains(lower, []byte("<svg")):
		return "SVG"
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		(len(lower) > 0 && lower[0] == '<' && bytes.Contains(lower, []byte("<body"))):
		return "HTML"
	case bytes.HasPrefix(lower, []byte("<?xml")) || (len(lower) > 0 && lower[0] == '<'):
		return "XML/HTML"
	case bytes.HasPrefix(data, []byte("GIF87a")) || bytes.HasPrefix(data, []byte("GIF89a")):
		return "ảnh GIF"
	case len(data) >= 12 && bytes.Equal(data[:4], []byte("RIFF")) && bytes.Equal(data[8:12], []byte("WEBP")):
		return "ảnh WebP"
	case bytes.HasPrefix(data, []byte("BM")) && len(data) > 14:
		return "ảnh BMP"
	case bytes.HasPrefix(data, []byte("II*\x00")) || bytes.HasPrefix(data, []byte("MM\x00*")):
		return "ảnh TIFF"
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "PDF"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "tệp nén ZIP"
	}
	return ""
}
