package ui

import (
	"golang.org/x/image/font/gofont/goregular"

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
// flags. It runs at the package's initialisation, before any text is
// measured.
//
// The face must parse, and it must have a space: a character that Noto
// Sans lacks and the stand-in has ("→") is shaped with the stand-in
// together with the space after it, and a stand-in without a space drew
// that space as a missing glyph ("Tệp →� Cài đặt"). Go Regular (x/image,
// already a dependency) has the space, the arrows and the rest of WGL4;
// five parses of it hold about 2 MB.
func init() { leaveOutEmojiFont() }

func leaveOutEmojiFont() {
	if r, ok := theme.DefaultEmojiFont().(*fyne.StaticResource); ok && r.StaticName == "EmojiOneColor.otf" {
		r.StaticContent = goregular.TTF
	}
}
