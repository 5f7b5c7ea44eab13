package docx

import (
	"math"

	"bientap/export/docx/libreoffice"
)

// The Word files are checked the way a clerk would see them: LibreOffice
// (soffice --headless --convert-to pdf) lays them out, and pdftotext -bbox
// reads the words and their positions back, to compare with our own PDF of
// the same record (package libreoffice).

type word = libreoffice.Word

// find returns the n-th (0-based; -1: the last) word equal to s, on page
// (-1: any).
func find(words []word, s string, page, n int) (word, bool) {
	var hits []word
	for _, w := range words {
		if w.Text == s && (page < 0 || w.Page == page) {
			hits = append(hits, w)
		}
	}
	if len(hits) == 0 {
		return word{}, false
	}
	if n < 0 {
		n = len(hits) + n
	}
	if n < 0 || n >= len(hits) {
		return word{}, false
	}
	return hits[n], true
}

func dist(a, b float64) float64 { return math.Abs(a - b) }
