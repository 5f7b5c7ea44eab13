// Package pdf prints Biên Tập's records as print-ready A4 PDF files: the news
// print view (News), the administrative document laid out per Decree
// 30/2020/NĐ-CP Phụ lục I (Document), and the landscape registers (Register
// for outgoing documents, NewsList for published news). Every gofpdf call of
// the project lives in this package.
//
// Layout is done first into a display list of positioned text runs, rules
// and images (so the page count is known before drawing and blocks such as
// the signature block can be kept whole), then drawn with gofpdf. Lines are
// broken and justified here, not by gofpdf, so that first-line indents, mixed
// bold/italic runs and Vietnamese text come out right. The same record always
// gives a byte-identical file.
package pdf

import (
	"fmt"

	"bientap/export/fonts"
	"bientap/model"
	"bientap/model/decree"
)

// Options are the print settings. The zero value is valid: Liberation Serif,
// margins and line spacing in the middle of the Decree 30 ranges.
type Options struct {
	// Font is the serif family; Times New Roman falls back to Liberation
	// Serif (with a warning) when its files are missing.
	Font fonts.Family
	// FontDir overrides the Windows fonts folder Times New Roman is read from.
	FontDir string

	// Margins of the administrative document layout in mm; 0 means the middle
	// of the Decree 30 range (top 22.5, bottom 22.5, left 32.5, right 17.5).
	// Values outside the ranges are brought back into them with a warning.
	MarginTop, MarginBottom, MarginLeft, MarginRight float64
	// LineSpacing of the document body as a multiple of single spacing
	// (1.15 em for Times metrics), 1.0 to 1.5; 0 means 1.25, the middle.
	LineSpacing float64

	// PortalName heads the news print view ("Cổng thông tin điện tử tỉnh Lai
	// Châu"); when empty the record's agency, then Agency, is used.
	PortalName string
	// AgencyParent and Agency are the default cơ quan chủ quản and cơ quan
	// ban hành for records that name none.
	AgencyParent, Agency string
	// Revision is the saved revision a draft's DỰ THẢO mark names (0: the
	// mark gives only the time of the last save).
	Revision int
}

// headerOptions are what the shared document header takes from o.
func (o Options) headerOptions() decree.Options {
	return decree.Options{AgencyParent: o.AgencyParent, Agency: o.Agency, Revision: o.Revision}
}

// Result tells what an export produced.
type Result struct {
	Pages    int      // number of pages
	Font     string   // family actually used
	Warnings []string // one Vietnamese line each: images skipped, font fallback, …
}

// Decree 30 ranges (mm) and their middles.
var (
	rangeTop    = [2]float64{20, 25}
	rangeBottom = [2]float64{20, 25}
	rangeLeft   = [2]float64{30, 35}
	rangeRight  = [2]float64{15, 20}
	rangeSpace  = [2]float64{1.0, 1.5}
)

// MaxImagePixels bounds the decoded size of an image (width × height); larger
// images are skipped with a warning rather than decoded.
const MaxImagePixels = 40_000_000

// settle fills defaults and brings values into their ranges, returning the
// warnings for values that had to move.
func (o Options) settle() (Options, []string) {
	var warn []string
	fix := func(v *float64, r [2]float64, what, unit string) {
		if *v == 0 {
			*v = (r[0] + r[1]) / 2
			return
		}
		if *v < r[0] || *v > r[1] {
			nv := min(max(*v, r[0]), r[1])
			warn = append(warn, fmt.Sprintf("%s %s%s nằm ngoài khoảng %s–%s%s của Nghị định 30; dùng %s%s",
				what, num(*v), unit, num(r[0]), num(r[1]), unit, num(nv), unit))
			*v = nv
		}
	}
	fix(&o.MarginTop, rangeTop, "Lề trên", " mm")
	fix(&o.MarginBottom, rangeBottom, "Lề dưới", " mm")
	fix(&o.MarginLeft, rangeLeft, "Lề trái", " mm")
	fix(&o.MarginRight, rangeRight, "Lề phải", " mm")
	fix(&o.LineSpacing, rangeSpace, "Giãn dòng", "")
	return o, warn
}

// num formats a value the Vietnamese way: decimal comma, no trailing zeros.
func num(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	b := []byte(s)
	for i := range b {
		if b[i] == '.' {
			b[i] = ','
		}
	}
	return string(b)
}

// OptionsFrom makes print options from the archive's settings.
func OptionsFrom(s model.Settings) Options {
	f, _ := fonts.ParseFamily(s.PDFFont)
	return Options{
		Font: f, MarginTop: s.MarginTop, MarginBottom: s.MarginBottom, MarginLeft: s.MarginLeft,
		MarginRight: s.MarginRight, LineSpacing: s.LineSpacing,
		PortalName: s.PortalName, AgencyParent: s.AgencyParent, Agency: s.Agency,
	}
}
