package ui

import (
	"testing"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"
)

// The face standing in for the emoji font parses and has what a character
// it is chosen for is shaped with: the space after "→" in "Tệp → Cài đặt"
// (Noto Sans has no arrow), and the other marks our texts use.
func TestEmojiStandIn(t *testing.T) {
	data := theme.DefaultEmojiFont().Content()
	if len(data) > 1<<20 {
		t.Fatalf("the emoji font (%d KB) is still Fyne's", len(data)>>10)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for _, r := range []rune{' ', '→', '←', '…', '·', '–', '“', '”'} {
		if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
			t.Errorf("the stand-in has no %q", r)
		}
	}
}
