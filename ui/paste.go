package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/model/legacy"
	"bientap/model/vntext"
)

// onPasteText looks at pasted text: text in a legacy Vietnamese encoding
// (TCVN3, VNI, VIQR) is offered for conversion; other text is normalised
// (NFC, invisible characters removed). It reports whether it handled the
// paste (insert is then called, now or after the clerk's answer).
func (s *services) onPasteText(text string, insert func(string)) bool {
	conv, rep := legacy.ConvertString(text, legacy.Auto)
	if rep.Encoding != legacy.UTF8 && rep.Encoding != legacy.Auto && conv != text && rep.Confidence >= 0.5 {
		sample := []rune(conv)
		if len(sample) > 300 {
			sample = append(sample[:300], '…')
		}
		l := widget.NewLabel(fmt.Sprintf("Văn bản dán vào có vẻ dùng bảng mã cũ %s. %s\n\nSau khi chuyển sang Unicode:\n%s",
			rep.Encoding.Label(), rep.Detail, string(sample)))
		l.Wrapping = fyne.TextWrapWord
		s.customDialog("Chuyển bảng mã?", container.New(fixedWidth{520}, l), []dialogButton{
			{label: "Hủy", cancel: true},
			{label: "Dán nguyên văn", action: func() { insert(vntext.CleanLines(text)) }},
			{label: "Chuyển sang Unicode", primary: true, action: func() { insert(conv) }},
		})
		return true
	}
	if clean := vntext.CleanLines(text); clean != text {
		insert(clean)
		return true
	}
	return false
}
