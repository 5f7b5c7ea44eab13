package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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

// No text the window builds at start is italic, hidden or not (the hidden
// editor is measured too): each text style Fyne measures keeps its own
// fonts, about 6 MB for italic (editorPanel.showItalics). Italic comes
// with the first record, and the test sees it then, so that the walk over
// the window is known to find italic text where there is some.
func TestStartWithoutItalic(t *testing.T) {
	for _, sample := range []bool{false, true} {
		tu := newTestUI(t, sample)
		if got := italicTexts(tu.win.Content()); len(got) > 0 {
			t.Errorf("sample %v: italic at start: %q", sample, got)
		}
		if !sample {
			continue
		}
		tu.openIndex(0)
		got := italicTexts(tu.win.Content())
		if !slices.Contains(got, "Nghiêng") || !slices.Contains(got, tu.editor.stateText.Text) {
			t.Errorf("after opening a record, italic: %q; want the italic button and the record's state", got)
		}
	}
}

// italicTexts walks o's tree, hidden parts too, and returns its italic texts.
func italicTexts(o fyne.CanvasObject) []string {
	var found []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *canvas.Text:
			if v.TextStyle.Italic {
				found = append(found, v.Text)
			}
		case *widget.Label:
			if v.TextStyle.Italic {
				found = append(found, v.Text)
			}
		case *widget.RichText:
			for _, s := range v.Segments {
				if ts, ok := s.(*widget.TextSegment); ok && ts.Style.TextStyle.Italic {
					found = append(found, ts.Text)
				}
			}
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}
