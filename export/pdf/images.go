package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	_ "image/gif" // GIF decoding for re-encoding as PNG
	"image/jpeg"
	"image/png"

	"github.com/jung-kurt/gofpdf"

	"bientap/model"
)

// pdfImage is an image registered with the PDF.
type pdfImage struct {
	name string // registered name
	w, h int    // pixels, after orientation
}

// image registers a record image once and returns it, or nil with a warning
// when it cannot be printed (unknown format, damaged, too large); the rest of
// the document prints regardless.
func (e *engine) image(im *model.Image) *pdfImage {
	key := im.Name
	if key == "" {
		key = "\x00" + itoa(len(im.Data)) + im.Caption
	}
	if pi, ok := e.images[key]; ok {
		return pi
	}
	pi := e.prepareImage(im)
	e.images[key] = pi
	return pi
}

func (e *engine) prepareImage(im *model.Image) *pdfImage {
	label := im.Name
	if label == "" {
		label = e.clean(im.Caption)
	}
	ni, problem := NormalizeImage(im.Data)
	if problem != "" {
		e.warn("Ảnh «%s» %s, đã bỏ qua", label, problem)
		return nil
	}
	e.nimg++
	name := "img" + itoa(e.nimg)
	e.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: ni.Type}, bytes.NewReader(ni.Data))
	if e.pdf.Err() {
		// gofpdf keeps its first error; an image it refuses must not sink the
		// document, so clear it and skip the image.
		e.pdf.ClearError()
		e.warn("Ảnh «%s» không nhúng được vào PDF, đã bỏ qua", label)
		return nil
	}
	return &pdfImage{name: name, w: ni.Width, h: ni.Height}
}

// Image is a picture ready to embed: JPEG or 8-bit non-interlaced PNG,
// upright, with its size in pixels.
type Image struct {
	Data          []byte
	Type          string // "jpg" or "png"
	Width, Height int
}

// NormalizeImage checks a record's picture and makes it embeddable as it
// is shown: GIF, 16-bit or interlaced PNG and CMYK JPEG are re-encoded, a
// JPEG turned by its EXIF orientation is turned upright. problem says in
// Vietnamese why a picture cannot be used ("bị hỏng…", "quá lớn…"), or is
// "". Both the PDF and the Word export embed pictures through it.
func NormalizeImage(data []byte) (img Image, problem string) {
	var kind string
	switch {
	case len(data) >= 3 && data[0] == 0xFF && data[1] == 0xD8:
		kind = "jpg"
	case len(data) >= 8 && string(data[:8]) == "\x89PNG\r\n\x1a\n":
		kind = "png"
	case len(data) >= 6 && (string(data[:6]) == "GIF87a" || string(data[:6]) == "GIF89a"):
		kind = "gif"
	default:
		return img, "không phải JPEG hoặc PNG"
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return img, "bị hỏng hoặc không đọc được"
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxImagePixels {
		return img, fmt.Sprintf("quá lớn (%d × %d điểm ảnh)", cfg.Width, cfg.Height)
	}
	if truncated(kind, data) {
		return img, "bị hỏng (tệp bị cắt cụt)"
	}
	w, h := cfg.Width, cfg.Height
	// Re-encode what gofpdf cannot embed as is: 16-bit or interlaced PNG,
	// GIF, CMYK JPEG (Adobe files store it inverted) and JPEG rotated by its
	// EXIF orientation.
	switch kind {
	case "png":
		if len(data) > 28 && (data[24] == 16 || data[28] != 0) {
			data, err = reencodePNG(data, 0)
		}
	case "gif":
		data, err = reencodePNG(data, 0)
		kind = "png"
	case "jpg":
		orient := jpegOrientation(data)
		if cfg.ColorModel == color.CMYKModel || orient > 1 {
			data, err = reencodeJPEG(data, orient)
			if orient >= 5 {
				w, h = h, w
			}
		}
	}
	if err != nil {
		return img, "bị hỏng hoặc không đọc được"
	}
	return Image{Data: data, Type: kind, Width: w, Height: h}, ""
}

// truncated reports a file cut short, the common damage of copied images:
// a JPEG without its end marker, a PNG without its IEND chunk, a GIF
// without its trailer (trailing padding is tolerated).
func truncated(kind string, d []byte) bool {
	tail := d[max(0, len(d)-64):]
	switch kind {
	case "jpg":
		return !bytes.Contains(tail, []byte{0xFF, 0xD9})
	case "png":
		return !bytes.Contains(tail, []byte("IEND"))
	case "gif":
		return !bytes.Contains(tail, []byte{0x3B})
	}
	return false
}

// reencodePNG decodes any PNG or GIF and writes an 8-bit, non-interlaced PNG.
func reencodePNG(data []byte, _ int) ([]byte, error) {
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if _, ok := img.(*image.Paletted); !ok {
		nrgba := image.NewNRGBA(img.Bounds())
		draw.Draw(nrgba, nrgba.Bounds(), img, img.Bounds().Min, draw.Src)
		img = nrgba
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// reencodeJPEG decodes a JPEG, applies the EXIF orientation and writes an RGB
// (or gray) JPEG.
func reencodeJPEG(data []byte, orient int) ([]byte, error) {
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if _, ok := img.(*image.Gray); !ok {
		rgba := image.NewRGBA(img.Bounds())
		draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
		img = rgba
	}
	img = orientImage(img, orient)
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 92}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// orientImage applies EXIF orientation o (2–8) to img.
func orientImage(img image.Image, o int) image.Image {
	if o < 2 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	ow, oh := w, h
	if o >= 5 {
		ow, oh = h, w
	}
	var dst draw.Image
	if _, ok := img.(*image.Gray); ok {
		dst = image.NewGray(image.Rect(0, 0, ow, oh))
	} else {
		dst = image.NewRGBA(image.Rect(0, 0, ow, oh))
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2:
				dx, dy = w-1-x, y
			case 3:
				dx, dy = w-1-x, h-1-y
			case 4:
				dx, dy = x, h-1-y
			case 5:
				dx, dy = y, x
			case 6:
				dx, dy = h-1-y, x
			case 7:
				dx, dy = h-1-y, w-1-x
			case 8:
				dx, dy = y, w-1-x
			}
			dst.Set(dx, dy, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return dst
}

// jpegOrientation reads the EXIF orientation tag (1–8) of a JPEG, or 0.
func jpegOrientation(d []byte) int {
	i := 2
	for i+4 <= len(d) && d[i] == 0xFF {
		marker := d[i+1]
		n := int(binary.BigEndian.Uint16(d[i+2:]))
		if marker == 0xDA || n < 2 || i+2+n > len(d) {
			return 0
		}
		seg := d[i+4 : i+2+n]
		if marker == 0xE1 && len(seg) > 14 && string(seg[:6]) == "Exif\x00\x00" {
			return exifOrientation(seg[6:])
		}
		i += 2 + n
	}
	return 0
}

func exifOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	off := int(bo.Uint32(t[4:]))
	if off < 8 || off+2 > len(t) {
		return 0
	}
	n := int(bo.Uint16(t[off:]))
	for k := 0; k < n; k++ {
		p := off + 2 + 12*k
		if p+12 > len(t) {
			return 0
		}
		if bo.Uint16(t[p:]) == 0x0112 {
			v := int(bo.Uint16(t[p+8:]))
			if v >= 1 && v <= 8 {
				return v
			}
			return 0
		}
	}
	return 0
}

// imageUnit lays out an image centred in the text width, scaled to the width
// (or to maxH when that is smaller), with its caption centred in italics
// below.
func (e *engine) imageUnits(im *model.Image, caption []span, x, avail, maxH, capSize float64, before float64) []unit {
	pi := e.image(im)
	var us []unit
	if pi != nil {
		w := avail
		h := w * float64(pi.h) / float64(pi.w)
		if h > maxH {
			h = maxH
			w = h * float64(pi.w) / float64(pi.h)
		}
		u := unit{h: h, before: before, ops: []op{{kind: opImage, x: x + (avail-w)/2, y: 0, w: w, h: h, image: pi.name}}}
		us = append(us, u)
		before = 1.5
	}
	if len(caption) > 0 {
		cu := e.para(withFace(caption, italic), x, avail, 0, lineHeight(capSize, 1), capSize, 'C', before)
		if len(us) > 0 {
			us[0].keep = true // the image stays with its caption
			// the whole caption stays with the image
			for i := range cu[:len(cu)-1] {
				cu[i].keep = true
			}
		}
		us = append(us, cu...)
	}
	return us
}
