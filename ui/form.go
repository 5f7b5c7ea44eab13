package ui

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // decode JPEG pictures
	_ "image/png"  // decode PNG pictures
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/vntext"
	"bientap/ui/bodyedit"
)

// Picture limits checked when a clerk picks a file.
const (
	maxPictureBytes  = 20 << 20
	maxPicturePixels = 40_000_000
)

var urgencies = []string{"Thường", "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"}

// composeForm is the "Soạn thảo" tab: the record's fields, the body with its
// toolbar and find bar, and the side panel of document fields and picture.
type composeForm struct {
	ui *mainUI

	kind    *widget.Select
	date    *textEntry
	dateErr *widget.Label
	title   *textEntry
	summary *textEntry
	header  *widget.Form

	body     *bodyedit.Editor
	toolbar  *fyne.Container
	findBar  *fyne.Container
	find     *textEntry
	findInfo *widget.Label

	category *widget.SelectEntry
	author   *textEntry
	place    *textEntry

	docBox          *fyne.Container
	number          *textEntry
	sign            *textEntry
	numberBtn       *tipButton
	dupWarn         *widget.Label
	urgency         *widget.Select
	agencyParent    *textEntry
	agency          *textEntry
	to              *textEntry
	signerAuthority *textEntry
	signerPosition  *textEntry
	signerName      *textEntry
	recipients      *textEntry

	images     []model.Image // the record's pictures, featured first
	thumb      *canvas.Image
	thumbBox   *fyne.Container
	imgInfo    *widget.Label
	caption    *textEntry
	imgRemove  *widget.Button
	url        *textEntry
	content    fyne.CanvasObject
	loading    bool
	onChange   func()
	dupTimer   stopper
	dupGen     int
	lastSeenID int64
}

func newComposeForm(u *mainUI) *composeForm {
	f := &composeForm{ui: u}
	changed := func(string) { f.changed() }

	var kinds []string
	for _, k := range model.Kinds {
		kinds = append(kinds, k.Name)
	}
	f.kind = widget.NewSelect(kinds, func(string) { f.onKindChanged() })
	f.date = newTextEntry(u)
	f.date.SetPlaceHolder("dd/mm/yyyy")
	f.date.OnChanged = func(string) { f.onDateChanged() }
	f.dateErr = widget.NewLabel("")
	f.dateErr.Importance = widget.DangerImportance
	f.dateErr.Hide()
	f.title = newTextEntry(u)
	f.title.SetPlaceHolder("Tiêu đề")
	f.title.OnChanged = changed
	f.summary = newMultiLineEntry(u, 2)
	f.summary.OnChanged = changed

	dateBox := container.NewHBox(widget.NewLabel("Ngày"), container.New(fixedWidth{118}, f.date))
	kindRow := container.NewBorder(nil, nil, nil, dateBox, f.kind)
	f.header = widget.NewForm(
		widget.NewFormItem("Loại", kindRow),
		widget.NewFormItem("Tiêu đề", f.title),
		widget.NewFormItem("Sapo", f.summary),
	)

	f.body = bodyedit.New()
	f.body.SetPlaceHolder("Nội dung: mỗi dòng là một đoạn. **đậm**, *nghiêng*, # Tiêu đề mục, | bảng |")
	f.body.OnChanged = f.changed
	f.body.OnPaste = u.onPasteText

	f.toolbar = container.NewHBox(
		newToolButton("Đậm", fyne.TextStyle{Bold: true}, nil, func() { f.body.Wrap("**", "**") }),
		newToolButton("Nghiêng", fyne.TextStyle{Italic: true}, nil, func() { f.body.Wrap("*", "*") }),
		newToolButton("Tiêu đề mục", fyne.TextStyle{}, nil, f.body.ToggleHeading),
		newToolButton("Ảnh", fyne.TextStyle{}, theme.FileImageIcon(), f.onInsertImage),
		newToolButton("Bảng", fyne.TextStyle{}, theme.GridIcon(), f.onInsertTable),
		widget.NewSeparator(),
		newToolButton("Tìm", fyne.TextStyle{}, theme.SearchIcon(), f.showFind),
		newToolButton("Hoàn tác", fyne.TextStyle{}, theme.ContentUndoIcon(), f.body.Undo),
		newToolButton("Làm lại", fyne.TextStyle{}, theme.ContentRedoIcon(), f.body.Redo),
	)

	f.find = newTextEntry(u)
	f.find.SetPlaceHolder("Tìm trong nội dung (không cần dấu)")
	f.find.onEscape = f.hideFind
	f.find.OnSubmitted = func(string) { f.findNext(false) }
	f.findInfo = widget.NewLabel("")
	findButtons := container.NewHBox(
		widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.findNext(true) }),
		widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.findNext(false) }),
		f.findInfo,
		widget.NewButtonWithIcon("", theme.CancelIcon(), f.hideFind),
	)
	f.findBar = container.NewBorder(nil, nil, nil, findButtons, f.find)
	f.findBar.Hide()

	f.category = widget.NewSelectEntry(nil)
	f.category.OnChanged = changed
	f.author = newTextEntry(u)
	f.author.OnChanged = changed
	f.place = newTextEntry(u)
	f.place.OnChanged = changed

	f.number = newTextEntry(u)
	f.number.SetPlaceHolder("05")
	f.number.OnChanged = func(string) { f.changed(); f.checkDuplicate() }
	f.sign = newTextEntry(u)
	f.sign.SetPlaceHolder("TB-UBND")
	f.sign.OnChanged = func(string) { f.changed(); f.checkDuplicate() }
	f.numberBtn = newTipButton(u, "Cấp số", nil, f.onAssignNumber)
	f.dupWarn = widget.NewLabel("")
	f.dupWarn.Importance = widget.WarningImportance
	f.dupWarn.Wrapping = fyne.TextWrapWord
	f.dupWarn.Hide()
	f.urgency = widget.NewSelect(urgencies, func(string) { f.changed() })
	f.agencyParent = newTextEntry(u)
	f.agencyParent.OnChanged = changed
	f.agency = newTextEntry(u)
	f.agency.OnChanged = changed
	f.to = newMultiLineEntry(u, 2)
	f.to.SetPlaceHolder("Mỗi dòng một nơi")
	f.to.OnChanged = changed
	f.signerAuthority = newTextEntry(u)
	f.signerAuthority.SetPlaceHolder("TM. ỦY BAN NHÂN DÂN")
	f.signerAuthority.OnChanged = changed
	f.signerPosition = newMultiLineEntry(u, 2)
	f.signerPosition.SetPlaceHolder("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
	f.signerPosition.OnChanged = changed
	f.signerName = newTextEntry(u)
	f.signerName.OnChanged = changed
	f.recipients = newMultiLineEntry(u, 4)
	f.recipients.SetPlaceHolder("- Như trên;\n- Lưu: VT, VP.")
	f.recipients.OnChanged = changed

	f.thumb = canvas.NewImageFromResource(nil)
	f.thumb.FillMode = canvas.ImageFillContain
	f.thumb.SetMinSize(fyne.NewSize(200, 120))
	f.thumbBox = container.NewStack(f.thumb)
	f.thumbBox.Hide()
	f.imgInfo = widget.NewLabel("Chưa có ảnh đại diện")
	f.imgInfo.Wrapping = fyne.TextWrapWord
	f.caption = newTextEntry(u)
	f.caption.SetPlaceHolder("Chú thích ảnh")
	f.caption.OnChanged = func(s string) {
		if len(f.images) > 0 && !f.loading {
			f.images[0].Caption = s
		}
		f.changed()
	}
	f.imgRemove = widget.NewButtonWithIcon("Bỏ ảnh", theme.DeleteIcon(), f.onRemovePicture)
	f.url = newTextEntry(u)
	f.url.SetPlaceHolder("https://…")
	f.url.OnChanged = changed

	side := widget.NewForm(
		widget.NewFormItem("Chuyên mục", f.category),
		widget.NewFormItem("Tác giả", f.author),
		widget.NewFormItem("Địa danh", f.place),
	)
	numberRow := container.NewBorder(nil, nil, nil, f.numberBtn, f.number)
	docForm := widget.NewForm(
		widget.NewFormItem("Số", numberRow),
		widget.NewFormItem("Ký hiệu", f.sign),
		widget.NewFormItem("Độ khẩn", f.urgency),
		widget.NewFormItem("Cơ quan chủ quản", f.agencyParent),
		widget.NewFormItem("Cơ quan ban hành", f.agency),
		widget.NewFormItem("Kính gửi", f.to),
		widget.NewFormItem("Quyền hạn ký", f.signerAuthority),
		widget.NewFormItem("Chức vụ", f.signerPosition),
		widget.NewFormItem("Người ký", f.signerName),
		widget.NewFormItem("Nơi nhận", f.recipients),
	)
	side.Orientation = widget.Vertical
	docForm.Orientation = widget.Vertical
	f.docBox = container.NewVBox(sectionTitle("Văn bản hành chính"), f.dupWarn, docForm)
	imgButtons := container.NewHBox(widget.NewButtonWithIcon("Chọn ảnh…", theme.FileImageIcon(), f.onPickPicture), f.imgRemove)
	imgBox := container.NewVBox(sectionTitle("Ảnh đại diện"), f.thumbBox, f.imgInfo, imgButtons, f.caption)
	urlBox := container.NewVBox(sectionTitle("Địa chỉ trên cổng thông tin"), f.url)
	sideScroll := container.NewVScroll(container.NewVBox(sectionTitle("Thông tin"), side, f.docBox, imgBox, urlBox))

	left := container.New(fillLast{gap: 2}, f.header, f.dateErr, f.toolbar, f.findBar, f.body)
	split := container.NewHSplit(left, sideScroll)
	split.Offset = 0.67
	f.content = split
	f.updateKind()
	return f
}

func sectionTitle(s string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Importance = widget.HighImportance
	return l
}

func (f *composeForm) changed() {
	if f.loading {
		return
	}
	if f.onChange != nil {
		f.onChange()
	}
}

// kindKey is the kind chosen in the form.
func (f *composeForm) kindKey() model.Kind {
	if i := f.kind.SelectedIndex(); i >= 0 {
		return model.Kinds[i].Key
	}
	return model.KindNews
}

func (f *composeForm) onKindChanged() {
	f.updateKind()
	f.changed()
}

// updateKind shows the document fields for documents only and names the
// summary field after the kind: sapo for news, trích yếu for documents.
func (f *composeForm) updateKind() {
	isDoc := f.kindKey().IsDocument()
	label := "Sapo"
	if isDoc {
		label = "Trích yếu"
		f.docBox.Show()
	} else {
		f.docBox.Hide()
	}
	if f.header.Items[2].Text != label {
		f.header.Items[2].Text = label
		f.header.Refresh()
	}
	if isDoc {
		f.summary.SetPlaceHolder("Trích yếu nội dung văn bản")
	} else {
		f.summary.SetPlaceHolder("Sapo: đoạn mở đầu, in đậm dưới tiêu đề")
	}
}

func (f *composeForm) onDateChanged() {
	if _, err := vntext.ParseDate(f.date.Text); err != nil {
		f.dateErr.SetText(oneLine(err.Error()))
		f.dateErr.Show()
	} else {
		f.dateErr.Hide()
	}
	f.changed()
}

// setField shows a value in an entry with the cursor at its start.
func setField(e *textEntry, s string) {
	e.SetText(s)
	e.CursorRow, e.CursorColumn = 0, 0
	e.Refresh()
}

// fill shows a record in the form without marking it changed.
func (f *composeForm) fill(r *model.Record) {
	f.loading = true
	defer func() { f.loading = false }()
	idx := 0
	for i, k := range model.Kinds {
		if k.Key == r.Kind {
			idx = i
		}
	}
	f.kind.SetSelectedIndex(idx)
	if r.Date.IsZero() {
		setField(f.date, "")
	} else {
		setField(f.date, vntext.ListDate(r.Date))
	}
	f.dateErr.Hide()
	setField(f.title, r.Title)
	setField(f.summary, r.Summary)
	f.body.SetText(r.Body)
	f.category.SetText(r.Category)
	setField(f.author, r.Author)
	setField(f.place, r.Place)
	setField(f.number, r.Number)
	setField(f.sign, r.Sign)
	f.urgency.SetSelectedIndex(0)
	for i, u := range urgencies {
		if i > 0 && strings.EqualFold(strings.TrimSpace(r.Urgency), u) {
			f.urgency.SetSelectedIndex(i)
		}
	}
	setField(f.agencyParent, r.AgencyParent)
	setField(f.agency, r.Agency)
	setField(f.to, strings.Join(r.To, "\n"))
	setField(f.signerAuthority, r.SignerAuthority)
	setField(f.signerPosition, r.SignerPosition)
	setField(f.signerName, r.SignerName)
	setField(f.recipients, strings.Join(r.Recipients, "\n"))
	setField(f.url, r.URL)
	f.images = r.Clone().Images
	f.showPicture()
	f.dupWarn.Hide()
	f.updateKind()
	f.hideFind()
	f.lastSeenID = r.ID
}

// collect builds the record the form shows, on top of base (which keeps
// what the form does not edit: id, status, created). Every text is
// normalised (NFC, invisible characters removed). A date that does not
// parse keeps base's date; dateErr says why.
func (f *composeForm) collect(base *model.Record) (r *model.Record, dateErr error) {
	r = base.Clone()
	line := func(s string) string { return strings.TrimSpace(vntext.Clean(s)) }
	lines := func(s string) []string {
		var out []string
		for _, l := range strings.Split(vntext.CleanLines(s), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
		return out
	}
	r.Kind = f.kindKey()
	if d, err := vntext.ParseDate(f.date.Text); err == nil {
		r.Date = d
	} else {
		dateErr = err
	}
	r.Title = line(f.title.Text)
	r.Summary = strings.TrimSpace(vntext.CleanLines(f.summary.Text))
	r.Body = vntext.CleanLines(f.body.Text())
	r.Category = line(f.category.Text)
	r.Author = line(f.author.Text)
	r.Place = line(f.place.Text)
	r.Number = line(f.number.Text)
	r.Sign = line(f.sign.Text)
	r.Urgency = ""
	if i := f.urgency.SelectedIndex(); i > 0 {
		r.Urgency = urgencies[i]
	}
	r.AgencyParent = line(f.agencyParent.Text)
	r.Agency = line(f.agency.Text)
	r.To = lines(f.to.Text)
	r.SignerAuthority = line(f.signerAuthority.Text)
	r.SignerPosition = strings.TrimSpace(vntext.CleanLines(f.signerPosition.Text))
	r.SignerName = line(f.signerName.Text)
	r.Recipients = lines(f.recipients.Text)
	r.URL = line(f.url.Text)
	r.Images = nil
	for _, im := range f.images {
		im.Caption = line(im.Caption)
		im.Data = append([]byte(nil), im.Data...)
		r.Images = append(r.Images, im)
	}
	return r, dateErr
}

// setCategories offers the known categories in the category field.
func (f *composeForm) setCategories(cats []string) { f.category.SetOptions(cats) }

// checkDuplicate warns, off the UI goroutine, when the typed number and
// sign are already used by another record of the year.
func (f *composeForm) checkDuplicate() {
	if f.loading {
		return
	}
	if f.dupTimer != nil {
		f.dupTimer.Stop()
	}
	f.dupTimer = f.ui.sched.After(400*time.Millisecond, func() {
		e := f.ui.editor
		if e.rec == nil {
			return
		}
		r, _ := f.collect(e.rec)
		f.dupGen++
		gen := f.dupGen
		st := f.ui.st
		f.ui.sched.Go(func() {
			ids, err := st.DuplicateNumbers(r)
			f.ui.sched.Do(func() {
				if gen != f.dupGen {
					return
				}
				if err != nil || len(ids) == 0 {
					f.dupWarn.Hide()
					return
				}
				var refs []string
				for _, id := range ids {
					refs = append(refs, fmt.Sprintf("#%d", id))
				}
				f.dupWarn.SetText(fmt.Sprintf("Số %s đã dùng trong năm %d (bản ghi %s). Kiểm tra lại hoặc bấm “Cấp số”.",
					decree.NumberSign(r.Number, r.Sign), r.Date.Year(), strings.Join(refs, ", ")))
				f.dupWarn.Show()
			})
		})
	})
}

// onAssignNumber gives the next number of the year's series for the kind.
func (f *composeForm) onAssignNumber() {
	e := f.ui.editor
	if e.rec == nil {
		return
	}
	if f.ui.sync != nil && f.ui.sync.joined() { // from the office archive (sync.go)
		f.ui.sync.takeNumber(e)
		return
	}
	year := time.Now().Year()
	if d, err := vntext.ParseDate(f.date.Text); err == nil {
		year = d.Year()
	}
	sign := strings.TrimSpace(vntext.Clean(f.sign.Text))
	if sign == "" {
		sign = f.ui.settings.SignFor(f.kindKey())
	}
	assign := func() {
		num, err := f.ui.st.NextNumber(year, sign)
		if err != nil {
			f.ui.showError(err)
			return
		}
		f.sign.SetText(sign)
		f.number.SetText(num)
		f.dupWarn.Hide()
		f.ui.notify(fmt.Sprintf("Đã cấp số %s/%s", num, sign))
	}
	if strings.TrimSpace(f.number.Text) != "" {
		f.ui.confirm("Cấp số mới?", fmt.Sprintf("Văn bản đã có số %s. Cấp số tiếp theo của sổ %s năm %d?",
			strings.TrimSpace(f.number.Text), sign, year), "Cấp số mới", assign)
		return
	}
	assign()
}

// showPicture shows the featured picture (the first image) or why not.
func (f *composeForm) showPicture() {
	if len(f.images) == 0 {
		f.thumbBox.Hide()
		f.thumb.Resource = nil
		f.imgInfo.SetText("Chưa có ảnh đại diện")
		f.imgRemove.Disable()
		f.caption.SetText("")
		f.caption.Disable()
		return
	}
	im := f.images[0]
	f.imgRemove.Enable()
	f.caption.Enable()
	if f.caption.Text != im.Caption {
		f.caption.SetText(im.Caption)
	}
	w, h, err := pictureSize(im.Data)
	if err != nil {
		f.thumbBox.Hide()
		f.thumb.Resource = nil
		f.imgInfo.SetText(fmt.Sprintf("Ảnh %s hỏng, không hiển thị được: %v. Hãy chọn lại ảnh.", im.Name, err))
		f.imgInfo.Importance = widget.DangerImportance
		f.imgInfo.Refresh()
		return
	}
	f.thumb.Resource = fyne.NewStaticResource(im.Name, im.Data)
	f.thumb.Refresh()
	f.thumbBox.Show()
	f.imgInfo.Importance = widget.MediumImportance
	f.imgInfo.SetText(fmt.Sprintf("%s · %d×%d · %s", im.Name, w, h, byteSize(len(im.Data))))
}

// pictureSize reads a picture's dimensions from its header.
func pictureSize(data []byte) (int, int, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0, 0, fmt.Errorf("không đọc được dữ liệu ảnh")
	}
	return cfg.Width, cfg.Height, nil
}

func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d byte", n)
}

// checkPicture validates a picture file's content: JPEG or PNG, not too
// big, readable. The error is one Vietnamese line.
func checkPicture(name string, data []byte) (mediaType string, err error) {
	if len(data) == 0 {
		return "", fmt.Errorf("tệp %s rỗng", name)
	}
	if len(data) > maxPictureBytes {
		return "", fmt.Errorf("ảnh %s quá lớn (%s; tối đa %s)", name, byteSize(len(data)), byteSize(maxPictureBytes))
	}
	mt := model.SniffImageType(data)
	if mt == "" {
		return "", fmt.Errorf("tệp %s không phải ảnh JPEG hoặc PNG", name)
	}
	w, h, err := pictureSize(data)
	if err != nil {
		return "", fmt.Errorf("ảnh %s hỏng: %v", name, err)
	}
	if w*h > maxPicturePixels {
		return "", fmt.Errorf("ảnh %s quá lớn (%d×%d điểm ảnh)", name, w, h)
	}
	return mt, nil
}

// newImageName names a new picture of the record: anh-N.jpg, unused.
func (f *composeForm) newImageName(mediaType string) string {
	for i := len(f.images); ; i++ {
		name := model.DefaultImageName(i, mediaType)
		used := false
		for _, im := range f.images {
			if im.Name == name {
				used = true
			}
		}
		if !used {
			return name
		}
	}
}

func (f *composeForm) onPickPicture() {
	f.ui.openPicture(func(name string, data []byte, mediaType string) {
		if len(f.images) > 0 {
			// Keep the name the body may refer to.
			f.images[0].Data, f.images[0].MediaType = data, mediaType
		} else {
			f.images = append(f.images, model.Image{Name: f.newImageName(mediaType), MediaType: mediaType, Data: data})
		}
		f.showPicture()
		f.changed()
	})
}

func (f *composeForm) onRemovePicture() {
	if len(f.images) == 0 {
		return
	}
	f.images = f.images[1:]
	f.showPicture()
	f.changed()
}

// onInsertImage adds a picture to the record and places it in the body.
func (f *composeForm) onInsertImage() {
	f.ui.openPicture(func(name string, data []byte, mediaType string) {
		im := model.Image{Name: f.newImageName(mediaType), MediaType: mediaType, Data: data}
		f.images = append(f.images, im)
		f.showPicture()
		f.body.InsertLinesAfter([]string{"![Chú thích ảnh](" + im.Name + ")"})
	})
}

func (f *composeForm) onInsertTable() {
	f.body.InsertLinesAfter([]string{"| STT | Nội dung | Ghi chú |", "|---|---|---|", "| 1 |  |  |", "| 2 |  |  |"})
}

func (f *composeForm) showFind() {
	f.findBar.Show()
	f.findInfo.SetText("")
	if sel := f.selectedBodyText(); sel != "" {
		f.find.SetText(sel)
	}
	if c := f.ui.win.Canvas(); c != nil {
		c.Focus(f.find)
	}
}

func (f *composeForm) selectedBodyText() string {
	if e, ok := f.ui.win.Canvas().Focused().(interface{ SelectedText() string }); ok {
		if s := e.SelectedText(); !strings.Contains(s, "\n") && len(s) < 100 {
			return s
		}
	}
	return ""
}

func (f *composeForm) hideFind() {
	if !f.findBar.Visible() {
		return
	}
	f.findBar.Hide()
	if i, off := f.body.Cursor(); i >= 0 {
		f.body.FocusAt(i, off)
	}
}

func (f *composeForm) findNext(backward bool) {
	q := strings.TrimSpace(f.find.Text)
	if q == "" {
		return
	}
	if f.body.Find(q, backward) {
		// The match is selected in the body (a selection only shows in the
		// focused paragraph); Ctrl+G finds the next one.
		f.findInfo.SetText("Ctrl+G: tìm tiếp")
	} else {
		f.findInfo.SetText("Không thấy")
	}
}
