package importer

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"
	"golang.org/x/image/webp"

	"bientap/model"
)

// acceptImage checks picture data before anything decodes it and returns
// data the archive can store (JPEG or PNG) with its media type. JPEG and PNG
// are kept byte for byte; GIF, BMP and TIFF become PNG, WebP becomes JPEG.
// The stored size must be at most MaxImageBytes and the picture at most
// MaxImagePixels, read from its header (image.DecodeConfig) so that a small
// file claiming a huge picture is refused without decoding it.
func acceptImage(data []byte) ([]byte, string, error) {
	if len(data) == 0 {
		return nil, "", errors.New("ảnh rỗng")
	}
	if len(data) > MaxImageBytes {
		return nil, "", fmt.Errorf("ảnh quá lớn (%d MB, tối đa %d MB)", len(data)>>20, MaxImageBytes>>20)
	}
	cfg, format, err := decodeConfig(data)
	if err != nil {
		return nil, "", fmt.Errorf("không đọc được ảnh (%s)", describeImage(data))
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, "", errors.New("ảnh có kích thước 0")
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxImagePixels {
		return nil, "", fmt.Errorf("ảnh quá lớn (%d×%d điểm ảnh, tối đa %d triệu)", cfg.Width, cfg.Height, MaxImagePixels/1_000_000)
	}
	switch format {
	case "jpeg":
		return data, "image/jpeg", nil
	case "png":
		return data, "image/png", nil
	}
	img, err := decodeImage(data, format)
	if err != nil {
		return nil, "", &FileError{fmt.Sprintf("ảnh %s hỏng", strings.ToUpper(format)), err}
	}
	var buf bytes.Buffer
	if format == "webp" {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92})
		if err != nil {
			return nil, "", &FileError{"không chuyển được ảnh WebP", err}
		}
		return buf.Bytes(), "image/jpeg", nil
	}
	if err := png.Encode(&buf, img); err != nil {
		return nil, "", &FileError{fmt.Sprintf("không chuyển được ảnh %s", strings.ToUpper(format)), err}
	}
	if buf.Len() > MaxImageBytes {
		return nil, "", fmt.Errorf("ảnh quá lớn sau khi chuyển sang PNG (%d MB)", buf.Len()>>20)
	}
	return buf.Bytes(), "image/png", nil
}

// decodeConfig reads the header of the formats acceptImage knows.
func decodeConfig(data []byte) (image.Config, string, error) {
	r := bytes.NewReader(data)
	switch {
	case bytes.HasPrefix(data, []byte("\xFF\xD8")):
		c, err := jpeg.DecodeConfig(r)
		return c, "jpeg", err
	case bytes.HasPrefix(data, []byte("\x89PNG")):
		c, err := png.DecodeConfig(r)
		return c, "png", err
	case bytes.HasPrefix(data, []byte("GIF8")):
		c, err := gif.DecodeConfig(r)
		return c, "gif", err
	case bytes.HasPrefix(data, []byte("BM")):
		c, err := bmp.DecodeConfig(r)
		return c, "bmp", err
	case bytes.HasPrefix(data, []byte("II*\x00")) || bytes.HasPrefix(data, []byte("MM\x00*")):
		c, err := tiff.DecodeConfig(r)
		return c, "tiff", err
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		c, err := webp.DecodeConfig(r)
		return c, "webp", err
	}
	return image.Config{}, "", errors.New("unknown format")
}

func decodeImage(data []byte, format string) (image.Image, error) {
	r := bytes.NewReader(data)
	switch format {
	case "gif":
		return gif.Decode(r)
	case "bmp":
		return bmp.Decode(r)
	case "tiff":
		return tiff.Decode(r)
	case "webp":
		return webp.Decode(r)
	}
	return nil, errors.New("unknown format")
}

// describeImage names a format acceptImage cannot read, for the report.
func describeImage(data []byte) string {
	switch {
	case len(data) >= 4 && bytes.Equal(data[:4], []byte{1, 0, 0, 0}):
		return "định dạng EMF của Windows, không hỗ trợ"
	case len(data) >= 4 && (bytes.Equal(data[:4], []byte{0xD7, 0xCD, 0xC6, 0x9A}) || bytes.Equal(data[:4], []byte{1, 0, 9, 0})):
		return "định dạng WMF của Windows, không hỗ trợ"
	case bytes.Contains(data[:min(len(data), 512)], []byte("<svg")):
		return "định dạng SVG, không hỗ trợ"
	case model.SniffImageType(data) != "":
		return "tệp ảnh hỏng"
	}
	return "không phải ảnh JPEG, PNG, GIF, BMP, TIFF hay WebP"
}

// imageSet collects a record's images in body order, named anh-1.jpg, …
type imageSet struct {
	images []model.Image
}

// add stores checked data and returns the name the body refers to.
func (s *imageSet) add(data []byte, mediaType, caption string) string {
	return s.addNamed(data, mediaType, "")
}

// addNamed stores checked data under the name given when it can be one (a
// plain file name that the body's markup can hold, with the extension of
// its type, not taken yet), else under the next default name.
func (s *imageSet) addNamed(data []byte, mediaType, given string) string {
	name := given
	if !usableImageName(name, mediaType) || slices.ContainsFunc(s.images, func(im model.Image) bool { return im.Name == name }) {
		name = model.DefaultImageName(len(s.images), mediaType)
	}
	s.images = append(s.images, model.Image{Name: name, MediaType: mediaType, Data: data})
	return name
}

// usableImageName reports whether a picture's name from a file can name a
// record's image: at most 100 characters, no spaces, path separators,
// brackets or controls, and the extension of its type.
func usableImageName(name, mediaType string) bool {
	if name == "" || utf8.RuneCountInString(name) > 100 || !utf8.ValidString(name) ||
		strings.ContainsFunc(name, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`/\()[]<>:"|?*`, r)
		}) ||
		strings.HasPrefix(name, ".") {
		return false
	}
	ext := strings.ToLower(path.Ext(name))
	switch mediaType {
	case "image/jpeg":
		return ext == ".jpg" || ext == ".jpeg"
	case "image/png":
		return ext == ".png"
	}
	return false
}
