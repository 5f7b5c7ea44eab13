package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/export/fonts"
	"bientap/model"
	"bientap/model/vntext"
)

// prefDBPath is the Preferences key of the database location chosen in the
// settings (used when bientap starts without --db).
const prefDBPath = "dbPath"

var (
	fontChoices  = []string{"Liberation Serif (kèm theo chương trình)", "Times New Roman (cài trên máy)"}
	themeChoices = []string{"Theo hệ thống", "Sáng", "Tối"}
	themeKeys    = []string{"system", "light", "dark"}
)

// settingsDialog edits the office settings kept in the archive.
type settingsDialog struct {
	svc *services
	h   *dialogHandle
	// onSaved is told the settings saved and those before.
	onSaved func(saved, before model.Settings)

	agencyParent, agency, unitAbbr, place, portal *textEntry
	signerAuthority, signerPosition, signerName   *textEntry
	author                                        *textEntry
	series                                        map[model.Kind]*textEntry
	font                                          *widget.Select
	fontNote                                      *widget.Label
	marginTop, marginBottom, marginLeft           *textEntry
	marginRight, lineSpacing                      *textEntry
	theme                                         *widget.Select
	backupDaily                                   *widget.Check
	backupDir                                     *widget.Label
	backupDirPath                                 string
	backupKeep                                    *textEntry
	errLabel                                      *widget.Label

	chooseFolder                         func(title, prefKey string, then func(dir string))
	onOpenOtherDB, onMoveDB, onBackupNow func()
}

// onSettings opens the settings dialog.
func (u *mainUI) onSettings() {
	d := newSettingsDialog(u.services, u.chooseFolder)
	d.onSaved = u.onSettingsSaved
	d.onOpenOtherDB, d.onMoveDB, d.onBackupNow = u.onOpenOtherDB, u.onMoveDB, u.onBackupNow
	d.show()
	u.settingsDlg = d
}

// onSettingsSaved follows new settings: the theme, the daily backup.
func (u *mainUI) onSettingsSaved(saved, before model.Settings) {
	if saved.Theme != before.Theme {
		u.app.Settings().SetTheme(newAppTheme(saved.Theme))
	}
	u.startDailyBackup()
}

// newSettingsDialog prepares the dialog's fields from the settings;
// chooseFolder asks for a folder (the backup folder).
func newSettingsDialog(svc *services, chooseFolder func(title, prefKey string, then func(dir string))) *settingsDialog {
	s := svc.settings
	d := &settingsDialog{svc: svc, series: map[model.Kind]*textEntry{}, chooseFolder: chooseFolder}
	entry := func(v, hint string) *textEntry {
		e := newTextEntry(svc)
		e.SetText(v)
		e.SetPlaceHolder(hint)
		return e
	}
	d.agencyParent = entry(s.AgencyParent, "UBND TỈNH LAI CHÂU")
	d.agency = entry(s.Agency, "VĂN PHÒNG")
	d.unitAbbr = entry(s.UnitAbbr, "VP")
	d.place = entry(s.Place, "Lai Châu")
	d.portal = entry(s.PortalName, "Cổng thông tin điện tử tỉnh …")
	d.signerAuthority = entry(s.SignerAuthority, "TM. ỦY BAN NHÂN DÂN")
	d.signerPosition = newMultiLineEntry(svc, 2)
	d.signerPosition.SetText(s.SignerPosition)
	d.signerName = entry(s.SignerName, "Họ và tên")
	d.author = entry(s.Author, model.DefaultAuthor)

	empty := s
	empty.Series = nil
	for _, k := range model.Kinds {
		if k.Key.IsDocument() {
			d.series[k.Key] = entry(s.Series[k.Key], empty.SignFor(k.Key))
		}
	}

	d.fontNote = widget.NewLabel("")
	d.fontNote.Wrapping = fyne.TextWrapWord
	d.font = widget.NewSelect(fontChoices, func(string) { d.updateFontNote() })
	if s.PDFFont == "times" {
		d.font.SetSelectedIndex(1)
	} else {
		d.font.SetSelectedIndex(0)
	}
	d.marginTop = entry(decimalText(s.MarginTop), "")
	d.marginBottom = entry(decimalText(s.MarginBottom), "")
	d.marginLeft = entry(decimalText(s.MarginLeft), "")
	d.marginRight = entry(decimalText(s.MarginRight), "")
	d.lineSpacing = entry(decimalText(s.LineSpacing), "")

	d.theme = widget.NewSelect(themeChoices, nil)
	d.theme.SetSelectedIndex(max(0, slices.Index(themeKeys, s.Theme)))

	d.backupDaily = widget.NewCheck("Tự động sao lưu mỗi ngày khi mở chương trình", nil)
	d.backupDaily.SetChecked(s.BackupDaily)
	d.backupDirPath = s.BackupDir
	d.backupDir = widget.NewLabel(dirLabel(s.BackupDir))
	d.backupDir.Wrapping = fyne.TextWrapBreak
	d.backupKeep = entry(strconv.Itoa(s.BackupKeep), "14")
	d.errLabel = widget.NewLabel("")
	d.errLabel.Importance = widget.DangerImportance
	d.errLabel.Wrapping = fyne.TextWrapWord
	d.errLabel.Hide()
	return d
}

// show opens the dialog.
func (d *settingsDialog) show() {
	svc := d.svc
	agencyTab := widget.NewForm(
		widget.NewFormItem("Cơ quan chủ quản", d.agencyParent),
		widget.NewFormItem("Cơ quan ban hành", d.agency),
		widget.NewFormItem("Viết tắt đơn vị", d.unitAbbr),
		widget.NewFormItem("Địa danh", d.place),
		widget.NewFormItem("Tên cổng thông tin", d.portal),
		widget.NewFormItem("Quyền hạn ký", d.signerAuthority),
		widget.NewFormItem("Chức vụ người ký", d.signerPosition),
		widget.NewFormItem("Người ký", d.signerName),
		widget.NewFormItem("Tác giả mặc định", d.author),
	)

	seriesForm := widget.NewForm()
	for _, k := range model.Kinds {
		if e := d.series[k.Key]; e != nil {
			seriesForm.Append(k.Name, e)
		}
	}
	seriesNote := widget.NewLabel("Ký hiệu của sổ văn bản theo từng loại; để trống là dùng ký hiệu mặc định (chữ mờ). Số văn bản chạy riêng theo năm và ký hiệu.")
	seriesNote.Wrapping = fyne.TextWrapWord
	seriesTab := container.NewBorder(seriesNote, nil, nil, nil, container.NewVScroll(seriesForm))

	rng := func(lo, hi float64, unit string) string { return decimalText(lo) + "–" + decimalText(hi) + unit }
	printTab := container.NewVBox(widget.NewForm(
		widget.NewFormItem("Phông chữ", d.font),
		widget.NewFormItem("", d.fontNote),
		widget.NewFormItem("Lề trên ("+rng(model.MarginTopMin, model.MarginTopMax, " mm")+")", d.marginTop),
		widget.NewFormItem("Lề dưới ("+rng(model.MarginBottomMin, model.MarginBottomMax, " mm")+")", d.marginBottom),
		widget.NewFormItem("Lề trái ("+rng(model.MarginLeftMin, model.MarginLeftMax, " mm")+")", d.marginLeft),
		widget.NewFormItem("Lề phải ("+rng(model.MarginRightMin, model.MarginRightMax, " mm")+")", d.marginRight),
		widget.NewFormItem("Giãn dòng ("+rng(model.LineSpacingMin, model.LineSpacingMax, "")+")", d.lineSpacing),
	), widget.NewLabel("Các khoảng theo Nghị định 30/2020/NĐ-CP."))

	dbLabel := widget.NewLabel(svc.st.Path())
	dbLabel.Wrapping = fyne.TextWrapBreak
	then := func(f func()) func() {
		return func() {
			d.h.close()
			if f != nil {
				f()
			}
		}
	}
	openDB := widget.NewButton("Mở cơ sở dữ liệu khác…", then(d.onOpenOtherDB))
	moveDB := widget.NewButton("Chuyển dữ liệu sang thư mục khác…", then(d.onMoveDB))
	pickDir := widget.NewButton("Chọn thư mục sao lưu…", func() {
		d.chooseFolder("Thư mục sao lưu", "backupDir", func(dir string) {
			d.backupDirPath = dir
			d.backupDir.SetText(dirLabel(dir))
		})
	})
	backupNow := widget.NewButton("Sao lưu ngay", func() {
		if err := d.apply(); err != nil {
			d.showErr(err)
			return
		}
		then(d.onBackupNow)()
	})
	dataTab := container.NewVScroll(container.NewVBox(
		widget.NewForm(widget.NewFormItem("Giao diện", d.theme)),
		sectionTitle("Cơ sở dữ liệu"), dbLabel, container.NewHBox(openDB, moveDB),
		sectionTitle("Sao lưu"), d.backupDaily,
		widget.NewForm(
			widget.NewFormItem("Thư mục", container.NewBorder(nil, nil, nil, pickDir, d.backupDir)),
			widget.NewFormItem("Giữ lại (bản)", d.backupKeep),
		),
		backupNow,
	))

	tabs := container.NewAppTabs(
		container.NewTabItem("Cơ quan, người ký", container.NewVScroll(agencyTab)),
		container.NewTabItem("Sổ văn bản", seriesTab),
		container.NewTabItem("In ấn", printTab),
		container.NewTabItem("Giao diện, dữ liệu", dataTab),
	)
	content := container.NewBorder(nil, d.errLabel, nil, nil, tabs)
	d.h = svc.customDialog("Cài đặt", content, []dialogButton{
		{label: "Hủy"},
		{label: "Lưu cài đặt", primary: true, keepOpen: true, action: func() {
			if err := d.apply(); err != nil {
				d.showErr(err)
				return
			}
			d.h.close()
			svc.notify("Đã lưu cài đặt")
		}},
	})
	d.h.d.Resize(fitDialog(svc.win, fyne.NewSize(760, 600)))
}

func dirLabel(dir string) string {
	if dir == "" {
		return "(chưa chọn)"
	}
	return dir
}

func (d *settingsDialog) showErr(err error) {
	d.errLabel.SetText(oneLine(err.Error()))
	d.errLabel.Show()
}

func (d *settingsDialog) updateFontNote() {
	if d.font.SelectedIndex() != 1 {
		d.fontNote.SetText("Phông nhúng sẵn, có đủ chữ tiếng Việt, in giống nhau trên mọi máy.")
		return
	}
	if _, fallback := fonts.Load(fonts.TimesNewRoman, ""); fallback != "" {
		d.fontNote.SetText("Chú ý: " + fallback + ".")
		return
	}
	d.fontNote.SetText("Dùng Times New Roman đã cài trong Windows.")
}

// decimalText writes a setting's number with a decimal comma: 22,5.
func decimalText(v float64) string {
	return strings.ReplaceAll(strconv.FormatFloat(v, 'f', -1, 64), ".", ",")
}

// parseNumber reads "22,5" or "22.5".
func parseNumber(s string) (float64, error) {
	return strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), ",", "."), 64)
}

// apply checks the fields and saves the settings in the archive.
func (d *settingsDialog) apply() error {
	svc := d.svc
	before := svc.settings
	s := before
	clean := func(e *textEntry) string { return strings.TrimSpace(vntext.Clean(e.Text)) }
	s.AgencyParent, s.Agency, s.UnitAbbr = clean(d.agencyParent), clean(d.agency), clean(d.unitAbbr)
	s.Place, s.PortalName = clean(d.place), clean(d.portal)
	s.SignerAuthority, s.SignerName = clean(d.signerAuthority), clean(d.signerName)
	s.SignerPosition = strings.TrimSpace(vntext.CleanLines(d.signerPosition.Text))
	s.Author = clean(d.author)
	s.Series = map[model.Kind]string{}
	for k, e := range d.series {
		if v := clean(e); v != "" {
			s.Series[k] = v
		}
	}
	s.PDFFont = "liberation"
	if d.font.SelectedIndex() == 1 {
		s.PDFFont = "times"
	}
	for _, f := range []struct {
		e      *textEntry
		v      *float64
		lo, hi float64
		name   string
	}{
		{d.marginTop, &s.MarginTop, model.MarginTopMin, model.MarginTopMax, "Lề trên"},
		{d.marginBottom, &s.MarginBottom, model.MarginBottomMin, model.MarginBottomMax, "Lề dưới"},
		{d.marginLeft, &s.MarginLeft, model.MarginLeftMin, model.MarginLeftMax, "Lề trái"},
		{d.marginRight, &s.MarginRight, model.MarginRightMin, model.MarginRightMax, "Lề phải"},
		{d.lineSpacing, &s.LineSpacing, model.LineSpacingMin, model.LineSpacingMax, "Giãn dòng"},
	} {
		v, err := parseNumber(f.e.Text)
		if err != nil {
			return fmt.Errorf("%s: “%s” không phải là số", f.name, strings.TrimSpace(f.e.Text))
		}
		if v < f.lo || v > f.hi {
			return fmt.Errorf("%s phải trong khoảng %s–%s (Nghị định 30)", f.name, decimalText(f.lo), decimalText(f.hi))
		}
		*f.v = v
	}
	if i := d.theme.SelectedIndex(); i >= 0 {
		s.Theme = themeKeys[i]
	}
	s.BackupDaily = d.backupDaily.Checked
	s.BackupDir = d.backupDirPath
	keep, err := strconv.Atoi(strings.TrimSpace(d.backupKeep.Text))
	if err != nil || keep < 1 || keep > 3650 {
		return fmt.Errorf("số bản sao lưu giữ lại phải là số từ 1 đến 3650")
	}
	s.BackupKeep = keep
	if s.BackupDaily && s.BackupDir == "" {
		return fmt.Errorf("hãy chọn thư mục sao lưu để sao lưu tự động")
	}
	if err := svc.st.SaveSettings(s); err != nil {
		return err
	}
	saved, err := svc.st.LoadSettings()
	if err != nil {
		return err
	}
	svc.settings = saved
	if d.onSaved != nil {
		d.onSaved(saved, before)
	}
	return nil
}
