// Package libreoffice checks Word files the way a clerk sees them: it lays
// .docx files out with LibreOffice (soffice --headless --convert-to pdf)
// and reads the words of a PDF back with poppler's pdftotext, in reading
// order or with their boxes. It is for tests (the Word export's layout
// tests, the importer's re-export tests); nothing in the product uses it.
//
// Each conversion runs LibreOffice with a profile of its own in a fresh
// temporary folder (-env:UserInstallation), so that it neither waits for
// nor disturbs another LibreOffice running on the machine.
package libreoffice

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// Tool finds a program a test needs: required when the CI variable is set,
// else the test is skipped without it.
func Tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI", name)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

// Convert lays the .docx files out as PDFs beside them, in one run of
// LibreOffice, and returns the PDFs' paths in the same order. The files
// must share one folder.
func Convert(t testing.TB, docs ...string) []string {
	t.Helper()
	soffice := Tool(t, "soffice")
	profile := t.TempDir()
	dir := filepath.Dir(docs[0])
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(profile), "--headless",
		"--convert-to", "pdf", "--outdir", dir}, docs...)
	out, err := exec.Command(soffice, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	var pdfs []string
	for _, d := range docs {
		p := strings.TrimSuffix(d, filepath.Ext(d)) + ".pdf"
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("LibreOffice did not convert %s:\n%s", filepath.Base(d), out)
		}
		pdfs = append(pdfs, p)
	}
	return pdfs
}

// Word is a word read back by pdftotext -bbox: its page (0-based) and box
// in mm from the page's top-left corner.
type Word struct {
	Page                   int
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// CX and CY are the centre of the word's box.
func (w Word) CX() float64 { return (w.XMin + w.XMax) / 2 }

// CY is the vertical centre of the word's box.
func (w Word) CY() float64 { return (w.YMin + w.YMax) / 2 }

var (
	rePage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	reWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// Boxes reads a PDF's words with their boxes, and its number of pages.
func Boxes(t testing.TB, path string) (words []Word, pages int) {
	t.Helper()
	out, err := exec.Command(Tool(t, "pdftotext"), "-bbox", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", path, err)
	}
	const mm = 25.4 / 72
	page := -1
	for _, line := range strings.Split(string(out), "\n") {
		if rePage.MatchString(line) {
			page++
			continue
		}
		m := reWord.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v * mm }
		words = append(words, Word{page, norm.NFC.String(html.UnescapeString(m[5])), f(1), f(2), f(3), f(4)})
	}
	return words, page + 1
}

// Words are a PDF's words in pdftotext's reading order, NFC.
func Words(t testing.TB, path string) []string {
	t.Helper()
	out, err := exec.Command(Tool(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Fields(norm.NFC.String(string(out)))
}

// Diff describes the first difference of two word sequences, "" when
// they are the same.
func Diff(a, b []string) string {
	for i := range max(len(a), len(b)) {
		if i >= len(a) || i >= len(b) || a[i] != b[i] {
			lo := max(0, i-6)
			return fmt.Sprintf("word %d: %q … vs %q …", i, strings.Join(a[lo:min(len(a), i+6)], " "), strings.Join(b[lo:min(len(b), i+6)], " "))
		}
	}
	return ""
}

// Missing checks that want's words appear in got in the same order (other
// words may come between them) and describes the first that does not, ""
// when all do.
func Missing(want, got []string) string {
	j := 0
	for i, w := range want {
		k := j
		for k < len(got) && got[k] != w {
			k++
		}
		if k == len(got) {
			lo := max(0, i-5)
			return fmt.Sprintf("word %d %q (after «%s») is missing or out of order", i, w, strings.Join(want[lo:i], " "))
		}
		j = k + 1
	}
	return ""
}

// Anchor is a word whose place two layouts of one document must share:
// the first (or, Last, the last) word Text on page Page (0-based).
type Anchor struct {
	What, Text string
	Page       int
	Last       bool
}

// find is the anchor's word among ws.
func (a Anchor) find(ws []Word) (Word, bool) {
	var hit Word
	found := false
	for _, w := range ws {
		if w.Text == a.Text && w.Page == a.Page {
			hit, found = w, true
			if !a.Last {
				break
			}
		}
	}
	return hit, found
}

// SameLayout checks that the PDF lo (LibreOffice's layout of a Word file)
// has the pages of the PDF ours, the same words in the same order, and
// each anchor within tol mm of where ours has it.
func SameLayout(t testing.TB, ours, lo string, anchors []Anchor, tol float64) {
	t.Helper()
	if d := Diff(Words(t, ours), Words(t, lo)); d != "" {
		t.Errorf("words differ (PDF vs LibreOffice): %s", d)
	}
	wo, po := Boxes(t, ours)
	wl, pl := Boxes(t, lo)
	if po != pl {
		t.Errorf("LibreOffice made %d pages, the PDF has %d", pl, po)
		return
	}
	for _, a := range anchors {
		o, ok1 := a.find(wo)
		l, ok2 := a.find(wl)
		if !ok1 || !ok2 {
			t.Errorf("%s %q: in the PDF %v, in LibreOffice %v", a.What, a.Text, ok1, ok2)
			continue
		}
		if dx, dy := l.CX()-o.CX(), l.CY()-o.CY(); dx*dx+dy*dy > tol*tol {
			t.Errorf("%s %q is %.1f mm right, %.1f mm down of the PDF's (page %d)", a.What, a.Text, dx, dy, a.Page+1)
		}
	}
}

// DocumentAnchors are the anchors of a Decree-30 document of pages pages
// signed by signer: the Quốc hiệu, "Số:", the signer's name (its last
// word) and the page number of page 2.
func DocumentAnchors(signer string, pages int) []Anchor {
	as := []Anchor{{"Quốc hiệu", "CỘNG", 0, false}, {"Số", "Số:", 0, false}}
	if f := strings.Fields(signer); len(f) > 0 {
		as = append(as, Anchor{"signer name", f[len(f)-1], pages - 1, true})
	}
	if pages > 1 {
		as = append(as, Anchor{"page number", "2", 1, false})
	}
	return as
}

// Pages is the number of pages of a PDF.
func Pages(t testing.TB, path string) int {
	t.Helper()
	_, n := Boxes(t, path)
	return n
}

// Resave opens the .docx files with LibreOffice and saves them again as
// .docx (Word 2007–365) into the folder out, as a clerk who edits a file
// in LibreOffice does, and returns the saved files' paths in order.
func Resave(t testing.TB, out string, docs ...string) []string {
	t.Helper()
	soffice := Tool(t, "soffice")
	profile := t.TempDir()
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(profile), "--headless",
		"--convert-to", "docx:MS Word 2007 XML", "--outdir", out}, docs...)
	res, err := exec.Command(soffice, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, res)
	}
	var saved []string
	for _, d := range docs {
		p := filepath.Join(out, filepath.Base(d))
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("LibreOffice did not save %s:\n%s", filepath.Base(d), res)
		}
		saved = append(saved, p)
	}
	return saved
}
