package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"bientap/export/fonts"
	"bientap/model"
)

// poppler runs a poppler-utils tool; the tools are required in CI and the
// test is skipped elsewhere when they are missing.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (poppler-utils) is required in CI", tool)
		}
		t.Skipf("%s not installed", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

// TestPoppler cross-checks with poppler: page size and count, every font
// embedded with a Unicode map, and the words of the body in order in
// pdftotext's output.
func TestPoppler(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, r := range []*model.Record{quyetDinh(), keHoach(), newsItem()} {
		data, res := export(t, r, Options{})
		path := filepath.Join(dir, string(r.Kind)+".pdf")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		info := poppler(t, "pdfinfo", path)
		if !strings.Contains(info, "(A4)") || !regexp.MustCompile(`Pages:\s+`+itoa(res.Pages)+`\n`).MatchString(info) {
			t.Errorf("%s: pdfinfo:\n%s", r.Kind, info)
		}
		lines := strings.Split(strings.TrimSpace(poppler(t, "pdffonts", path)), "\n")
		if len(lines) < 3 {
			t.Fatalf("pdffonts:\n%s", strings.Join(lines, "\n"))
		}
		for _, l := range lines[2:] {
			f := strings.Fields(l)
			// name type type encoding emb sub uni …
			if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
				t.Errorf("%s: font not embedded with a Unicode map: %s", r.Kind, l)
			}
		}
		text := poppler(t, "pdftotext", "-enc", "UTF-8", path, "-")
		if !norm.NFC.IsNormalString(text) {
			t.Errorf("%s: extracted text is not NFC", r.Kind)
		}
		checkInOrder(t, text, bodyWords(r.Body))
		if r.Kind.IsDocument() {
			// Số and the date share a line in the layout-preserving text.
			lay := poppler(t, "pdftotext", "-layout", "-f", "1", "-l", "1", path, "-")
			ok := false
			for _, l := range strings.Split(lay, "\n") {
				ok = ok || strings.Contains(l, "Số:") && strings.Contains(l, "ngày 05 tháng 3 năm 2024")
			}
			if !ok {
				t.Errorf("%s: Số and date not on one line:\n%s", r.Kind, lay)
			}
		}
	}
}

// TestTimesNewRomanExport prints with Times New Roman when its files are
// present (copies of Liberation stand in for them here), and falls back with
// a warning when they are not.
func TestTimesNewRomanExport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i, name := range fonts.TimesFiles {
		os.WriteFile(filepath.Join(dir, name), fonts.Liberation().TTF(fonts.Styles[i]), 0o644)
	}
	data, res := export(t, thongBao(), Options{Font: fonts.TimesNewRoman, FontDir: dir})
	f := readPDF(t, data)
	if res.Font != "Times New Roman" || len(res.Warnings) != 0 {
		t.Errorf("font %q, warnings %q", res.Font, res.Warnings)
	}
	for name := range f.fonts {
		if !strings.HasPrefix(name, "utf8timesnewroman") {
			t.Errorf("embedded font %s", name)
		}
	}
	_, res = export(t, thongBao(), Options{Font: fonts.TimesNewRoman, FontDir: t.TempDir()})
	if res.Font != "Liberation Serif" || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "times.ttf") {
		t.Errorf("fallback: font %q, warnings %q", res.Font, res.Warnings)
	}
}
