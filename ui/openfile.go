package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/ui/internal/opener"
)

// offerOpen reports a written file with buttons that open it or its folder.
func (u *mainUI) offerOpen(title, message string, warnings []string, path string) {
	text := message
	if len(warnings) > 0 {
		text += "\n\nLưu ý:\n- " + strings.Join(warnings, "\n- ")
	}
	u.lastMessage = text
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	u.customDialog(title, container.New(fixedWidth{480}, l), []dialogButton{
		{label: "Đóng"},
		{label: "Mở thư mục", action: func() { u.openPath(filepath.Dir(path)) }},
		{label: "Mở tệp", primary: true, action: func() { u.openPath(path) }},
	})
}

// openPath opens a file or folder with the desktop's program, off the UI
// goroutine; when there is none, the clerk is told where the file is and
// offered its folder.
func (u *mainUI) openPath(path string) {
	u.sched.Go(func() {
		err := opener.Open(path)
		u.sched.Do(func() {
			switch {
			case err == nil:
			case errors.Is(err, opener.ErrNoApp):
				u.noProgramFor(path)
			default:
				u.showError(err)
			}
		})
	})
}

// noProgramFor says that nothing on this computer opens path and offers
// its folder (unless path is the folder) and to copy where it is.
func (u *mainUI) noProgramFor(path string) {
	folder := false
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		folder = true
	}
	msg := "Máy này chưa có chương trình để mở tệp " + strings.ToUpper(strings.TrimPrefix(filepath.Ext(path), ".")) +
		" (ví dụ trình đọc PDF). Tệp vẫn được ghi ở:\n" + path
	if folder {
		msg = "Máy này không mở được thư mục. Đường dẫn:\n" + path
	}
	u.lastMessage = msg
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapBreak
	buttons := []dialogButton{
		{label: "Đóng"},
		{label: "Chép đường dẫn", action: func() {
			u.app.Clipboard().SetContent(path)
			u.notify("Đã chép đường dẫn " + path)
		}},
	}
	if !folder {
		buttons = append(buttons, dialogButton{label: "Mở thư mục", primary: true, action: func() { u.openPath(filepath.Dir(path)) }})
	}
	u.customDialog("Không mở được", container.New(fixedWidth{480}, l), buttons)
}
