package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/store"
)

// offerRecovery lists the recovery slots left by a crash and lets the clerk
// reopen or drop each; crash, when not empty, says why the app closed last
// time. It reports whether it showed anything.
func (u *mainUI) offerRecovery(asked bool, crash string) bool {
	slots, err := u.st.Recovered()
	if err != nil {
		u.showError(err)
		return true
	}
	if len(slots) == 0 {
		switch {
		case crash != "":
			u.showMessage("Biên Tập đã gặp lỗi", crash)
			return true
		case asked:
			u.showMessage("Nội dung chưa lưu", "Không có nội dung chưa lưu nào.")
			return true
		}
		return false
	}
	rows := container.NewVBox()
	var h *dialogHandle
	named := map[string]*widget.Button{}
	for i, sl := range slots {
		what := "bản ghi mới"
		if sl.RecordID != 0 {
			what = fmt.Sprintf("bản ghi #%d", sl.RecordID)
		}
		label := widget.NewLabel(fmt.Sprintf("%s — %s, lưu tạm lúc %s", recordLabel(sl.Record), what,
			sl.Saved.Local().Format("15:04 02/01/2006")))
		label.Wrapping = fyne.TextWrapWord
		var row *fyne.Container
		open := widget.NewButton("Khôi phục", func() {
			h.close()
			u.recover(sl)
		})
		open.Importance = widget.HighImportance
		drop := widget.NewButton("Bỏ", nil)
		drop.OnTapped = func() {
			if err := u.editor.discardSlot(sl.RecordID); err != nil {
				u.showError(err)
				return
			}
			rows.Remove(row)
			if len(rows.Objects) == 0 {
				h.close()
			}
		}
		row = container.NewBorder(nil, nil, nil, container.NewHBox(drop, open), label)
		rows.Add(row)
		named[fmt.Sprintf("Khôi phục %d", i+1)] = open
		named[fmt.Sprintf("Bỏ %d", i+1)] = drop
	}
	text := "Lần trước Biên Tập đóng lại khi còn nội dung chưa lưu. Khôi phục để mở lại nội dung đó (rồi bấm Lưu), hoặc bỏ đi."
	if crash != "" {
		text = crash + "\n\n" + text
	}
	intro := widget.NewLabel(text)
	intro.Wrapping = fyne.TextWrapWord
	u.lastMessage = text
	h = u.customDialog("Khôi phục nội dung chưa lưu?", container.New(fixedWidth{560}, container.NewVBox(intro, rows)),
		[]dialogButton{{label: "Để sau", cancel: true}})
	for k, b := range named {
		h.buttons[k] = b
	}
	return true
}

// recover opens a recovery slot's content in the editor, unsaved.
func (u *mainUI) recover(sl store.Recovery) {
	u.confirmDiscard(func() {
		r := sl.Record.Clone()
		r.ID = sl.RecordID
		if r.ID != 0 {
			cur, err := u.st.Get(r.ID)
			if err != nil {
				r.ID = 0 // the record is gone: the content becomes a new record
				r.Status = model.StatusDraft
			} else {
				r.Created, r.Status, r.URL = cur.Created, cur.Status, cur.URL
			}
		}
		u.showMain()
		u.editor.open(r, true)
		u.list.setSelected(r.ID)
		u.notify("Đã mở nội dung khôi phục: bấm Lưu (Ctrl+S) để giữ lại")
	}, nil)
}
