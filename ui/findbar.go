package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/ui/bodyedit"
)

// findBar is the body's find bar (Ctrl+Shift+F): a word typed without
// diacritics finds it with them; Enter and Ctrl+G find the next match.
type findBar struct {
	svc   *services
	body  *bodyedit.Editor
	entry *textEntry
	info  *widget.Label
	bar   *fyne.Container
}

func newFindBar(svc *services, body *bodyedit.Editor) *findBar {
	b := &findBar{svc: svc, body: body}
	b.entry = newTextEntry(svc)
	b.entry.SetPlaceHolder("Tìm trong nội dung (không cần dấu)")
	b.entry.onEscape = b.hide
	b.entry.OnSubmitted = func(string) { b.next(false) }
	b.info = widget.NewLabel("")
	buttons := container.NewHBox(
		widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { b.next(true) }),
		widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { b.next(false) }),
		b.info,
		widget.NewButtonWithIcon("", theme.CancelIcon(), b.hide),
	)
	b.bar = container.NewBorder(nil, nil, nil, buttons, b.entry)
	b.bar.Hide()
	return b
}

// visible reports whether the bar is shown.
func (b *findBar) visible() bool { return b.bar.Visible() }

// show opens the bar with the body's selection (a short one) as the text
// to find, and the cursor in it.
func (b *findBar) show() {
	b.bar.Show()
	b.info.SetText("")
	if sel := b.selectedBodyText(); sel != "" {
		b.entry.SetText(sel)
	}
	b.svc.focus(b.entry)
}

func (b *findBar) selectedBodyText() string {
	if e, ok := b.svc.focused().(interface{ SelectedText() string }); ok {
		if s := e.SelectedText(); !strings.Contains(s, "\n") && len(s) < 100 {
			return s
		}
	}
	return ""
}

// hide closes the bar and puts the cursor back in the body.
func (b *findBar) hide() {
	if !b.bar.Visible() {
		return
	}
	b.bar.Hide()
	if i, off := b.body.Cursor(); i >= 0 {
		b.body.FocusAt(i, off)
	}
}

// next selects the next (or previous) match in the body.
func (b *findBar) next(backward bool) {
	q := strings.TrimSpace(b.entry.Text)
	if q == "" {
		return
	}
	if b.body.Find(q, backward) {
		// The match is selected in the body (a selection only shows in the
		// focused paragraph); Ctrl+G finds the next one.
		b.info.SetText("Ctrl+G: tìm tiếp")
	} else {
		b.info.SetText("Không thấy")
	}
}

// reset closes the bar without touching the body's focus (another record).
func (b *findBar) reset() {
	b.bar.Hide()
	b.info.SetText("")
}
