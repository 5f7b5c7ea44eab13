package pdf

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	lpdf "github.com/ledongthuc/pdf"
)

// The tests read the produced PDFs back with a Go PDF parser
// (github.com/ledongthuc/pdf: objects, streams, content operators). Its own
// text decoding mishandles gofpdf's ToUnicode map (one bfrange <0000>
// <FFFF>, which it increments only in the last byte), so text is decoded
// here from the font's ToUnicode CMap read as numeric ranges, as viewers do.

// pdfRun is one text-showing operation read back: position in mm from the
// page's top-left corner, size in pt, the font's base name and the text.
type pdfRun struct {
	x, y float64
	size float64
	font string
	text string
}

// pdfLine is a stroked straight line read back (mm from the top-left
// corner; w is the stroke width in mm).
type pdfLine struct {
	x1, y1, x2, y2, w float64
}

// pdfRect is a stroked rectangle read back (mm, top-left corner and size).
type pdfRect struct {
	x, y, w, h float64
}

// pdfPage is one page read back.
type pdfPage struct {
	width, height float64 // mm
	runs          []pdfRun
	lines         []pdfLine
	rects         []pdfRect
}

// pdfFile is a whole PDF read back.
type pdfFile struct {
	pages []pdfPage
	fonts map[string]bool // base font names with an embedded FontFile2
	info  map[string]string
}

// text is the page's text in drawing order, runs separated by spaces.
func (p pdfPage) text() string {
	var b strings.Builder
	for _, r := range p.runs {
		b.WriteString(r.text)
		b.WriteByte(' ')
	}
	return b.String()
}

// text is the whole file's text.
func (f *pdfFile) text() string {
	var b strings.Builder
	for _, p := range f.pages {
		b.WriteString(p.text())
		b.WriteByte('\n')
	}
	return b.String()
}

// find returns the first run whose text contains s, and its page (0-based).
func (f *pdfFile) find(s string) (pdfRun, int, bool) {
	for i, p := range f.pages {
		for _, r := range p.runs {
			if strings.Contains(r.text, s) {
				return r, i, true
			}
		}
	}
	return pdfRun{}, -1, false
}

func readPDF(t testing.TB, data []byte) *pdfFile {
	t.Helper()
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("PDF unreadable: %v", err)
	}
	f := &pdfFile{fonts: map[string]bool{}, info: map[string]string{}}
	infoV := r.Trailer().Key("Info")
	for _, k := range infoV.Keys() {
		f.info[k] = decodeTextString(infoV.Key(k).RawString())
	}
	const k = 72 / 25.4
	cmaps := map[string]*cmap{} // by base font: pages share their fonts
	for n := 1; n <= r.NumPage(); n++ {
		pg := r.Page(n)
		mb := pg.V.Key("MediaBox")
		if mb.Kind() == lpdf.Null {
			mb = r.Trailer().Key("Root").Key("Pages").Key("MediaBox")
		}
		page := pdfPage{width: (mb.Index(2).Float64() - mb.Index(0).Float64()) / k,
			height: (mb.Index(3).Float64() - mb.Index(1).Float64()) / k}
		fonts := map[string]*cmap{}
		names := map[string]string{}
		res := pg.Resources().Key("Font")
		for _, name := range res.Keys() {
			fv := res.Key(name)
			base := fv.Key("BaseFont").Name()
			names[name] = base
			if cmaps[base] == nil {
				cmaps[base] = readCMap(fv.Key("ToUnicode"))
			}
			fonts[name] = cmaps[base]
			desc := fv.Key("DescendantFonts").Index(0).Key("FontDescriptor")
			if desc.Key("FontFile2").Kind() == lpdf.Stream {
				f.fonts[base] = true
			}
		}
		var font string
		var size, tx, ty, lw, mx, my float64
		lpdf.Interpret(pg.V.Key("Contents"), func(stk *lpdf.Stack, op string) {
			n := stk.Len()
			args := make([]lpdf.Value, n)
			for i := n - 1; i >= 0; i-- {
				args[i] = stk.Pop()
			}
			show := func(raw string) string {
				cm := fonts[font]
				var b strings.Builder
				for i := 0; i+1 < len(raw); i += 2 {
					b.WriteString(cm.lookup(uint16(raw[i])<<8 | uint16(raw[i+1])))
				}
				return b.String()
			}
			switch op {
			case "BT":
				tx, ty = 0, 0
			case "Tf":
				if n == 2 {
					font, size = args[0].Name(), args[1].Float64()
				}
			case "Td":
				if n == 2 {
					tx += args[0].Float64()
					ty += args[1].Float64()
				}
			case "Tj":
				if n == 1 {
					page.runs = append(page.runs, pdfRun{tx / k, page.height - ty/k, size, names[font], show(args[0].RawString())})
				}
			case "TJ":
				if n == 1 {
					var b strings.Builder
					for i := 0; i < args[0].Len(); i++ {
						if v := args[0].Index(i); v.Kind() == lpdf.String {
							b.WriteString(show(v.RawString()))
						}
					}
					page.runs = append(page.runs, pdfRun{tx / k, page.height - ty/k, size, names[font], b.String()})
				}
			case "w":
				if n == 1 {
					lw = args[0].Float64() / k
				}
			case "m":
				if n == 2 {
					mx, my = args[0].Float64()/k, page.height-args[1].Float64()/k
				}
			case "l":
				if n == 2 {
					x, y := args[0].Float64()/k, page.height-args[1].Float64()/k
					page.lines = append(page.lines, pdfLine{mx, my, x, y, lw})
					mx, my = x, y
				}
			case "re":
				if n == 4 {
					x, y := args[0].Float64()/k, page.height-args[1].Float64()/k
					w, h := args[2].Float64()/k, -args[3].Float64()/k
					if h < 0 {
						y, h = y+h, -h
					}
					page.rects = append(page.rects, pdfRect{x, y, w, h})
				}
			}
		})
		f.pages = append(f.pages, page)
	}
	return f
}

var (
	reRange = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
	reChar  = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
)

// cmap is a ToUnicode map: single codes, then ranges.
type cmap struct {
	chars  map[uint16]string
	ranges []cmapRange
}

type cmapRange struct{ lo, hi, dst uint32 }

// lookup decodes one code ("" when the map has none).
func (m *cmap) lookup(c uint16) string {
	if m == nil {
		return ""
	}
	if s, ok := m.chars[c]; ok {
		return s
	}
	for _, r := range m.ranges {
		if uint32(c) >= r.lo && uint32(c) <= r.hi {
			return string(rune(r.dst + uint32(c) - r.lo))
		}
	}
	return ""
}

// readCMap reads a ToUnicode CMap's bfrange and bfchar sections.
func readCMap(v lpdf.Value) *cmap {
	m := &cmap{chars: map[uint16]string{}}
	if v.Kind() != lpdf.Stream {
		return m
	}
	rc := v.Reader()
	data, _ := io.ReadAll(rc)
	rc.Close()
	s := string(data)
	for _, sec := range sections(s, "beginbfrange", "endbfrange") {
		for _, g := range reRange.FindAllStringSubmatch(sec, -1) {
			lo, _ := strconv.ParseUint(g[1], 16, 32)
			hi, _ := strconv.ParseUint(g[2], 16, 32)
			dst, _ := strconv.ParseUint(g[3], 16, 32)
			m.ranges = append(m.ranges, cmapRange{uint32(lo), uint32(min(hi, 0xFFFF)), uint32(dst)})
		}
	}
	for _, sec := range sections(s, "beginbfchar", "endbfchar") {
		for _, g := range reChar.FindAllStringSubmatch(sec, -1) {
			c, _ := strconv.ParseUint(g[1], 16, 32)
			m.chars[uint16(c)] = decodeHexUTF16(g[2])
		}
	}
	return m
}

func sections(s, begin, end string) []string {
	var out []string
	for {
		i := strings.Index(s, begin)
		if i < 0 {
			return out
		}
		s = s[i+len(begin):]
		j := strings.Index(s, end)
		if j < 0 {
			return out
		}
		out = append(out, s[:j])
		s = s[j:]
	}
}

func decodeHexUTF16(h string) string {
	var u []uint16
	for i := 0; i+4 <= len(h); i += 4 {
		v, _ := strconv.ParseUint(h[i:i+4], 16, 16)
		u = append(u, uint16(v))
	}
	return string(utf16.Decode(u))
}

// decodeTextString decodes a PDF text string (UTF-16BE with BOM, or bytes).
func decodeTextString(raw string) string {
	if strings.HasPrefix(raw, "\xfe\xff") {
		var u []uint16
		for i := 2; i+1 < len(raw); i += 2 {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		}
		return string(utf16.Decode(u))
	}
	return raw
}
