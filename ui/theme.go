package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is Fyne's default theme with the variant the settings choose
// (light, dark or the system's) and borderless input fields: fields show by
// their background, and the body's paragraphs join into one text area.
type appTheme struct {
	variant string // "light", "dark" or "system"
}

func newAppTheme(variant string) fyne.Theme { return &appTheme{variant: variant} }

func (t *appTheme) pick(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.variant {
	case "light":
		return theme.VariantLight
	case "dark":
		return theme.VariantDark
	}
	return v
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameInputBorder {
		return color.Transparent
	}
	return theme.DefaultTheme().Color(n, t.pick(v))
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource     { return theme.DefaultTheme().Font(s) }
func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }
func (t *appTheme) Size(n fyne.ThemeSizeName) float32       { return theme.DefaultTheme().Size(n) }
