package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// leaveOutEmojiFont keeps Fyne from parsing its bundled colour emoji font
// (EmojiOneColor, 4 MB), which it adds as a fallback face to every text
// style it measures: regular, bold, italic, bold italic and monospace each
// parse their own copy, about 12 MB of memory that stays for the life of
// the window and a good part of its start. The clerks' text has no emoji;
// the rare one still shows through the system's fonts (Segoe UI Emoji on
// Windows), which Fyne falls back to for a character its faces lack. The
// build tag no_emoji would do the same, but the README's builds take no
// flags. The small symbol font stands in: the face must parse. It runs at
// the package's initialisation, before any text is measured.
func init() { leaveOutEmojiFont() }

func leaveOutEmojiFont() {
	if r, ok := theme.DefaultEmojiFont().(*fyne.StaticResource); ok && r.StaticName == "EmojiOneColor.otf" {
		r.StaticContent = theme.DefaultSymbolFont().Content()
	}
}
