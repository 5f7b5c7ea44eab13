package docx

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// The Word files are checked the way a clerk would see them: LibreOffice
// (soffice --headless --convert-to pdf) lays them out, and pdftotext -bbox
// reads the words and their positions back, to compare with our own PDF of
// the same record.

// tool finds a program the test needs: required in CI, else the test is
// skipped without it.
func tool(t testing.TB, name string) string {
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

var (
	profileOnce sync.Once
	profileDir  string
	sofficeMu   sync.Mutex // one LibreOffice at a time per profile
)

// TestMain removes the LibreOffice profile the tests made.
func TestMain(m *testing.M) {
	code := m.Run()
	if profileDir != "" {
		os.RemoveAll(profileDir)
	}
	os.Exit(code)
}

// convert turns .docx files into PDFs beside them with LibreOffice, in
// one run, with a profile of its own (so that another LibreOffice running
// on the machine does not interfere).
func convert(t testing.TB, docs ...string) []string {
	t.Helper()
	soffice := tool(t, "soffice")
	profileOnce.Do(func() {
		profileDir, _ = os.MkdirTemp("", "bientap-lo-")
	})
	sofficeMu.Lock()
	defer sofficeMu.Unlock()
	dir := filepath.Dir(docs[0])
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(profileDir), "--headless",
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

// word is a word read back by pdftotext -bbox: its page (0-based) and box
// in mm from the page's top-left corner.
type word struct {
	page                   int
	text                   string
	xMin, yMin, xMax, yMax float64
}

// cx and cy are the centre of the word's box.
func (w word) cx() float64 { return (w.xMin + w.xMax) / 2 }
func (w word) cy() float64 { return (w.yMin + w.yMax) / 2 }

var (
	rePage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	reWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// bbox reads a PDF's words with their boxes.
func bbox(t testing.TB, path string) (words []word, pages int) {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-bbox", path, "-").Output()
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
		words = append(words, word{page, norm.NFC.String(html.UnescapeString(m[5])), f(1), f(2), f(3), f(4)})
	}
	return words, page + 1
}

// readingWords are a PDF's words in pdftotext's reading order.
func readingWords(t testing.TB, path string) []string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Fields(norm.NFC.String(string(out)))
}

// find returns the n-th (0-based; -1: the last) word equal to s, on page
// (-1: any).
func find(words []word, s string, page, n int) (word, bool) {
	var hits []word
	for _, w := range words {
		if w.text == s && (page < 0 || w.page == page) {
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

// diffWords describes the first difference of two word sequences.
func diffWords(a, b []string) string {
	for i := range max(len(a), len(b)) {
		if i >= len(a) || i >= len(b) || a[i] != b[i] {
			lo := max(0, i-6)
			return fmt.Sprintf("word %d: %q … vs %q …", i, strings.Join(a[lo:min(len(a), i+6)], " "), strings.Join(b[lo:min(len(b), i+6)], " "))
		}
	}
	return ""
}

func dist(a, b float64) float64 { return math.Abs(a - b) }

var _ = bytes.Equal
