package ui

import (
	"bytes"
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model/store"
	"bientap/resources"
)

// newWelcome is the first-run panel of an empty database: start a record,
// import files, or open the sample data.
func (u *mainUI) newWelcome() fyne.CanvasObject {
	// The icon drawn at twice its size on screen (sharp at a scale of 2):
	// Fyne keeps an image decoded at its own size as long as the panel
	// exists, 1 MB for the 512-pixel icon.
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("icon-192.png", resources.WelcomeIcon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(welcomeIconSize))
	title := canvas.NewText("Chào mừng đến với Biên Tập", theme.Color(theme.ColorNameForeground))
	title.TextSize = theme.TextHeadingSize()
	title.TextStyle.Bold = true
	title.Alignment = fyne.TextAlignCenter
	intro := widget.NewLabel("Cơ sở dữ liệu chưa có tin bài hay văn bản nào. Bắt đầu bằng một trong ba cách:")
	intro.Alignment = fyne.TextAlignCenter
	intro.Wrapping = fyne.TextWrapWord

	newBtn := widget.NewButtonWithIcon("Tạo bản ghi mới", theme.DocumentCreateIcon(), u.onNew)
	newBtn.Importance = widget.HighImportance
	importBtn := widget.NewButtonWithIcon("Nhập tệp…", theme.FolderOpenIcon(), func() {
		u.showMain()
		u.onImportFile()
	})
	sampleBtn := widget.NewButtonWithIcon("Mở dữ liệu mẫu", theme.ListIcon(), u.onOpenSample)
	hints := []string{
		"Soạn tin bài hoặc văn bản hành chính; Ctrl+S để lưu.",
		"Tệp .txt, .html, .docx, .jsonl từ cổng thông tin hoặc máy soạn thảo.",
		"Vài tin bài và văn bản mẫu của UBND tỉnh để dùng thử.",
	}
	var rows []fyne.CanvasObject
	for i, b := range []*widget.Button{newBtn, importBtn, sampleBtn} {
		h := widget.NewLabel(hints[i])
		rows = append(rows, container.NewBorder(nil, nil, container.New(fixedWidth{210}, b), nil, h))
	}
	where := widget.NewLabel("Dữ liệu lưu tại: " + u.st.Path() + " (mở tệp khác: Tệp → Mở cơ sở dữ liệu khác…).")
	where.Wrapping = fyne.TextWrapWord
	where.Alignment = fyne.TextAlignCenter
	box := container.NewVBox(container.NewCenter(icon), title, intro, widget.NewSeparator())
	box.Objects = append(box.Objects, rows...)
	box.Add(widget.NewSeparator())
	box.Add(where)
	return container.NewCenter(container.New(fixedWidth{640}, box))
}

// welcomeIconSize is the welcome panel's icon, in Fyne's units.
const welcomeIconSize = 96

// onOpenSample imports the sample records and opens the newest.
func (u *mainUI) onOpenSample() {
	res, err := u.st.ImportJSONL(context.Background(), bytes.NewReader(resources.Sample), store.ImportOptions{})
	if err != nil {
		u.showError(fmt.Errorf("không mở được dữ liệu mẫu: %w", err))
		return
	}
	u.showMain()
	u.list.reload()
	u.list.loadFacets()
	u.notify("Đã thêm " + countOf(len(res.Created), "bản ghi mẫu"))
	first, err := u.st.List(store.Query{Limit: 1})
	if err == nil && len(first) > 0 {
		u.openRecord(first[0].ID)
	}
}
