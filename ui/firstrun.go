package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// prefFirstRun marks, per archive, that the office's names were asked for.
const prefFirstRun = "firstRunAsked:"

// offerFirstRun asks, once per archive, for what every document needs and
// a new archive does not know: the office's agency names and its default
// signer (editable later in Cài đặt). An archive whose settings already
// name a signer is not asked.
func (u *mainUI) offerFirstRun() {
	key := prefFirstRun + u.st.Path()
	if strings.TrimSpace(u.settings.SignerName) != "" || u.app.Preferences().Bool(key) {
		return
	}
	d := newSettingsDialog(u.services, u.chooseFolder)
	d.onSaved = u.onSettingsSaved
	intro := widget.NewLabel("Mỗi văn bản cần tên cơ quan và người ký. Nhập một lần ở đây; sau này sửa trong Tệp → Cài đặt.")
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("Cơ quan chủ quản", d.agencyParent),
		widget.NewFormItem("Cơ quan ban hành", d.agency),
		widget.NewFormItem("Viết tắt đơn vị", d.unitAbbr),
		widget.NewFormItem("Địa danh", d.place),
		widget.NewFormItem("Quyền hạn ký", d.signerAuthority),
		widget.NewFormItem("Chức vụ người ký", d.signerPosition),
		widget.NewFormItem("Người ký", d.signerName),
	)
	content := container.New(fixedWidth{520}, container.NewVBox(intro, form, d.errLabel))
	var h *dialogHandle
	h = u.customDialog("Thông tin cơ quan", content, []dialogButton{
		{label: "Để sau", cancel: true, action: func() { u.app.Preferences().SetBool(key, true) }},
		{label: "Lưu", primary: true, keepOpen: true, action: func() {
			if err := d.apply(); err != nil {
				d.showErr(err)
				return
			}
			u.app.Preferences().SetBool(key, true)
			h.close()
			u.notify("Đã lưu thông tin cơ quan")
		}},
	})
	u.focus(d.agencyParent)
}
