package fonts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseFamily(t *testing.T) {
	tests := []struct {
		in   string
		want Family
		err  bool
	}{
		{"", LiberationSerif, false},
		{"liberation", LiberationSerif, false},
		{"Times New Roman", TimesNewRoman, false},
		{"times", TimesNewRoman, false},
		{"arial", 0, true},
	}
	for _, tc := range tests {
		got, err := ParseFamily(tc.in)
		if got != tc.want || (err != nil) != tc.err {
			t.Errorf("ParseFamily(%q) = %v, %v", tc.in, got, err)
		}
	}
}

func TestLiberation(t *testing.T) {
	s, reason := Load(LiberationSerif, "")
	if reason != "" || s.Family != LiberationSerif {
		t.Fatalf("Load: %v %q", s.Family, reason)
	}
	for _, st := range Styles {
		if !IsTrueType(s.TTF(st)) {
			t.Errorf("face %q is not TrueType", st.Code())
		}
	}
	if Of(true, true) != BoldItalic || Of(false, true) != Italic || !BoldItalic.IsBold() || Bold.IsItalic() {
		t.Error("style arithmetic")
	}
}

// writeTimes puts copies of Liberation's faces under Times' file names.
func writeTimes(t *testing.T, skip string) string {
	dir := t.TempDir()
	for i, name := range TimesFiles {
		if name == skip {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), Liberation().TTF(Styles[i]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestTimesNewRoman(t *testing.T) {
	dir := writeTimes(t, "")
	s, reason := Load(TimesNewRoman, dir)
	if reason != "" || s.Family != TimesNewRoman || s.Name() != "TimesNewRoman" {
		t.Fatalf("Load: %v %q", s.Family, reason)
	}

	missing := writeTimes(t, "timesbi.ttf")
	s, reason = Load(TimesNewRoman, missing)
	if s.Family != LiberationSerif || !strings.Contains(reason, "timesbi.ttf") {
		t.Errorf("missing face: %v %q", s.Family, reason)
	}

	bad := writeTimes(t, "")
	os.WriteFile(filepath.Join(bad, "timesi.ttf"), []byte("OTTO not a truetype font"), 0o644)
	s, reason = Load(TimesNewRoman, bad)
	if s.Family != LiberationSerif || !strings.Contains(reason, "TrueType") {
		t.Errorf("bad face: %v %q", s.Family, reason)
	}

	t.Setenv("WINDIR", "")
	t.Setenv("SystemRoot", "")
	s, reason = Load(TimesNewRoman, "")
	if s.Family != LiberationSerif || reason == "" {
		t.Errorf("no Windows folder: %v %q", s.Family, reason)
	}
}
