// Package fonts supplies the serif TrueType faces Biên Tập prints with:
// Liberation Serif, embedded in the binary (Times New Roman's metrics, full
// Vietnamese coverage, SIL OFL), or Times New Roman read from the Windows
// fonts folder when a setting chooses it and the four files are there.
package fonts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// Family selects the serif family.
type Family int

// The families.
const (
	LiberationSerif Family = iota // embedded, always available
	TimesNewRoman                 // from %WINDIR%\Fonts when installed
)

// String is the family's display name.
func (f Family) String() string {
	if f == TimesNewRoman {
		return "Times New Roman"
	}
	return "Liberation Serif"
}

// ParseFamily accepts "liberation" or "times" (also the display names).
func ParseFamily(s string) (Family, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "liberation", "liberation serif":
		return LiberationSerif, nil
	case "times", "times new roman", "tnr":
		return TimesNewRoman, nil
	}
	return 0, fmt.Errorf("phông chữ không hợp lệ %q (dùng: liberation, times)", s)
}

// Style is one face of a family.
type Style int

// The four faces.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

// Styles lists the four faces.
var Styles = [4]Style{Regular, Bold, Italic, BoldItalic}

// Code is the face's style letters as PDF libraries name them: "", "B", "I", "BI".
func (s Style) Code() string {
	return [...]string{"", "B", "I", "BI"}[s&3]
}

// Of returns the face with the given weight and slant.
func Of(bold, italic bool) Style {
	s := Regular
	if bold {
		s |= Bold
	}
	if italic {
		s |= Italic
	}
	return s
}

// IsBold reports whether the face is bold.
func (s Style) IsBold() bool { return s&Bold != 0 }

// IsItalic reports whether the face is italic.
func (s Style) IsItalic() bool { return s&Italic != 0 }

// Set is a loaded family: the TrueType bytes of its four faces. The bytes are
// shared and must not be modified; a PDF library that writes into them needs
// its own copy.
type Set struct {
	Family Family
	faces  [4][]byte
}

// Name is the family's name as PDF font names use it (no spaces).
func (s *Set) Name() string { return strings.ReplaceAll(s.Family.String(), " ", "") }

// TTF returns the shared bytes of one face.
func (s *Set) TTF(st Style) []byte { return s.faces[st&3] }

var liberation = &Set{Family: LiberationSerif, faces: [4][]byte{
	liberationserifregular.TTF, liberationserifbold.TTF, liberationserifitalic.TTF, liberationserifbolditalic.TTF,
}}

// Liberation returns the embedded Liberation Serif set.
func Liberation() *Set { return liberation }

// TimesFiles are the Windows file names of Times New Roman's four faces, in
// Style order.
var TimesFiles = [4]string{"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"}

// WindowsFontsDir is %WINDIR%\Fonts, or "" when WINDIR is not set.
func WindowsFontsDir() string {
	w := os.Getenv("WINDIR")
	if w == "" {
		w = os.Getenv("SystemRoot")
	}
	if w == "" {
		return ""
	}
	return filepath.Join(w, "Fonts")
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*Set{}
)

// Load returns the set for family. Times New Roman is read from dir (empty:
// WindowsFontsDir); when it cannot be used, Load returns Liberation Serif and
// a one-line Vietnamese reason. A loaded Times New Roman set is cached per
// folder.
func Load(f Family, dir string) (set *Set, fallback string) {
	if f != TimesNewRoman {
		return liberation, ""
	}
	if dir == "" {
		dir = WindowsFontsDir()
	}
	if dir == "" {
		return liberation, "không tìm thấy thư mục phông của Windows; dùng Liberation Serif thay cho Times New Roman"
	}
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if s, ok := cache[dir]; ok {
		return s, ""
	}
	s, err := loadTimes(dir)
	if err != nil {
		return liberation, err.Error() + "; dùng Liberation Serif thay cho Times New Roman"
	}
	cache[dir] = s
	return s, ""
}

func loadTimes(dir string) (*Set, error) {
	s := &Set{Family: TimesNewRoman}
	for i, name := range TimesFiles {
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("không có tệp phông %s trong %s", name, dir)
		}
		if err != nil {
			return nil, fmt.Errorf("không đọc được tệp phông %s: %w", p, err)
		}
		if !IsTrueType(b) {
			return nil, fmt.Errorf("tệp phông %s không phải phông TrueType dùng được", p)
		}
		s.faces[i] = b
	}
	return s, nil
}

// IsTrueType reports whether b starts like a single TrueType font (not an
// OpenType-CFF font or a collection, which PDF export cannot embed).
func IsTrueType(b []byte) bool {
	if len(b) < 12 {
		return false
	}
	tag := string(b[:4])
	return tag == "\x00\x01\x00\x00" || tag == "true"
}
