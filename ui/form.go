package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/vntext"
	"bientap/ui/bodyedit"
	"bientap/ui/internal/wheel"
)

var urgencies = []string{"Thường", "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"}

// The side column of fields is shown beside the body while the body gets
// bodyWant and the column sideColumnMin; with less room the column folds
// into a drawer ("Thông tin").
const (
	bodyWant      = 560
	sideColumnMin = 250
)

// composeForm is the "Soạn thảo" tab: the record's fields, the body with its
// toolbar and find bar, and the side column of document fields and picture.
type composeForm struct {
	svc *services
	// base is the record the form edits (what it does not show is kept
	// from it); nil when none is open.
	base     func() *model.Record
	onChange func()

	kind    *widget.Select
	date    *textEntry
	dateErr *widget.Label
	title   *textEntry
	summary *textEntry
	header  *widget.Form

	body    *bodyedit.Editor
	toolbar *fyne.Container
	info    *toolButton // opens the folded side column
	italic  *toolButton // the body's italic button: italic from the first record on
	find    *findBar

	category *widget.SelectEntry
	author   *textEntry
	place    *textEntry

	docBox          *fyne.Container
	number          *numberField
	urgency         *widget.Select
	agencyParent    *textEntry
	agency          *textEntry
	to              *textEntry
	signerAuthority *textEntry
	signerPosition  *textEntry
	signerName      *textEntry
	recipients      *textEntry

	picture    *pictureField
	url        *textEntry
	sideScroll *container.Scroll
	split      *foldingSplit // body | side column
	content    fyne.CanvasObject
	loading    bool
}

// newComposeForm builds the form; base is the record it edits, pickPicture
// asks the clerk for a picture file.
func newComposeForm(svc *services, base func() *model.Record, pickPicture func(then func(path string))) *composeForm {
	f := &composeForm{svc: svc, base: base}
	changed := func(string) { f.changed() }
	entry := func(hint string) *textEntry {
		e := newTextEntry(svc)
		e.SetPlaceHolder(hint)
		e.OnChanged = changed
		return e
	}
	lines := func(rows int, hint string) *textEntry {
		e := newMultiLineEntry(svc, rows)
		e.SetPlaceHolder(hint)
		e.OnChanged = changed
		return e
	}

	var kinds []string
	for _, k := range model.Kinds {
		kinds = append(kinds, k.Name)
	}
	f.kind = widget.NewSelect(kinds, func(string) { f.onKindChanged() })
	f.date = newTextEntry(svc)
	f.date.SetPlaceHolder("dd/mm/yyyy")
	f.date.OnChanged = func(string) { f.onDateChanged() }
	f.dateErr = widget.NewLabel("")
	f.dateErr.Importance = widget.DangerImportance
	f.dateErr.Hide()
	f.title = entry("Tiêu đề")
	f.summary = lines(2, "")

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
	f.body.OnPaste = svc.onPasteText
	f.body.OnEscape = svc.onEscape
	f.find = newFindBar(svc, f.body)

	f.picture = newPictureField(svc, pickPicture)
	f.picture.onChange = f.changed
	f.info = newToolButton("Thông tin", fyne.TextStyle{Bold: true}, theme.InfoIcon(), f.toggleSide)
	f.info.keepLabel = true
	f.info.Hide()
	// Drawn in italic from the first record on (editorPanel.showItalics).
	f.italic = newToolButton("Nghiêng", fyne.TextStyle{}, nil, func() { f.body.Wrap("*", "*") })
	f.toolbar = container.New(toolbarLayout{},
		newToolButton("Đậm", fyne.TextStyle{Bold: true}, nil, func() { f.body.Wrap("**", "**") }),
		f.italic,
		newToolButton("Tiêu đề mục", fyne.TextStyle{}, nil, f.body.ToggleHeading),
		newToolButton("Ảnh", fyne.TextStyle{}, theme.FileImageIcon(), f.onInsertImage),
		newToolButton("Bảng", fyne.TextStyle{}, theme.GridIcon(), f.onInsertTable),
		widget.NewSeparator(),
		newToolButton("Tìm", fyne.TextStyle{}, theme.SearchIcon(), f.find.show),
		newToolButton("Hoàn tác", fyne.TextStyle{}, theme.ContentUndoIcon(), f.body.Undo),
		newToolButton("Làm lại", fyne.TextStyle{}, theme.ContentRedoIcon(), f.body.Redo),
		f.info,
	)

	f.category = widget.NewSelectEntry(nil)
	f.category.OnChanged = changed
	f.author = entry("")
	f.place = entry("")

	f.number = newNumberField(svc, f.record)
	f.number.onChange = f.changed
	f.urgency = widget.NewSelect(urgencies, func(string) { f.changed() })
	f.agencyParent = entry("")
	f.agency = entry("")
	f.to = lines(2, "Mỗi dòng một nơi")
	f.signerAuthority = entry("TM. ỦY BAN NHÂN DÂN")
	f.signerPosition = lines(2, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
	f.signerName = entry("")
	f.recipients = lines(4, "- Như trên;\n- Lưu: VT, VP.")
	f.url = entry("https://…")

	side := widget.NewForm(
		widget.NewFormItem("Chuyên mục", f.category),
		widget.NewFormItem("Tác giả", f.author),
		widget.NewFormItem("Địa danh", f.place),
	)
	docForm := widget.NewForm(
		widget.NewFormItem("Số", f.number.row),
		widget.NewFormItem("Ký hiệu", f.number.sign),
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
	f.docBox = container.NewVBox(sectionTitle("Văn bản hành chính"), f.number.dupWarn, docForm)
	urlBox := container.NewVBox(sectionTitle("Địa chỉ trên cổng thông tin"), f.url)
	f.sideScroll = container.NewVScroll(container.NewVBox(sectionTitle("Thông tin"), side, f.docBox, f.picture.box, urlBox))

	left := container.New(fillLast{gap: 2}, f.header, f.dateErr, f.toolbar, f.find.bar, f.body)
	f.split = newFoldingSplit(left, wheel.Over(f.sideScroll), bodyWant, sideColumnMin, 0.67)
	f.split.OnFolded = func(folded bool) {
		if folded {
			f.info.Show()
		} else {
			f.info.Hide()
		}
	}
	f.content = f.split
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

// toggleSide opens or closes the folded side column.
func (f *composeForm) toggleSide() { f.split.SetDrawerOpen(!f.split.DrawerOpen()) }

// onEscape closes the find bar, else the side column's drawer.
func (f *composeForm) onEscape() {
	switch {
	case f.find.visible():
		f.find.hide()
	case f.split.DrawerOpen():
		f.split.SetDrawerOpen(false)
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

// setURL shows the stored portal address without marking the record changed.
func (f *composeForm) setURL(u string) {
	f.loading = true
	defer func() { f.loading = false }()
	setField(f.url, u)
}

// fill shows a record in the form without marking it changed.
func (f *composeForm) fill(r *model.Record) {
	f.loading = true
	defer func() { f.loading = false }()
	f.kind.SetSelectedIndex(max(0, slices.IndexFunc(model.Kinds, func(k model.KindInfo) bool { return k.Key == r.Kind })))
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
	f.number.fill(r.Number, r.Sign)
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
	f.picture.fill(r.Images)
	f.updateKind()
	f.find.reset()
}

// normLine is one line of a field as the record keeps it: NFC, no
// invisible characters, trimmed.
func normLine(s string) string { return strings.TrimSpace(vntext.Clean(s)) }

// normLines are the non-empty lines of a multi-line field.
func normLines(s string) []string {
	var out []string
	for _, l := range strings.Split(vntext.CleanLines(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// record is the record the form shows, on the record it edits; nil when
// none is open.
func (f *composeForm) record() *model.Record {
	b := f.base()
	if b == nil {
		return nil
	}
	r, _ := f.collect(b)
	return r
}

// collect builds the record the form shows, on top of base (which keeps
// what the form does not edit: id, status, created). Every text is
// normalised (NFC, invisible characters removed). A date that does not
// parse keeps base's date; dateErr says why.
func (f *composeForm) collect(base *model.Record) (r *model.Record, dateErr error) {
	r = base.Clone()
	r.Kind = f.kindKey()
	if d, err := vntext.ParseDate(f.date.Text); err == nil {
		r.Date = d
	} else {
		dateErr = err
	}
	r.Title = normLine(f.title.Text)
	r.Summary = strings.TrimSpace(vntext.CleanLines(f.summary.Text))
	r.Body = vntext.CleanLines(f.body.Text())
	r.Category = normLine(f.category.Text)
	r.Author = normLine(f.author.Text)
	r.Place = normLine(f.place.Text)
	r.Number, r.Sign = f.number.values()
	r.Urgency = ""
	if i := f.urgency.SelectedIndex(); i > 0 {
		r.Urgency = urgencies[i]
	}
	r.AgencyParent = normLine(f.agencyParent.Text)
	r.Agency = normLine(f.agency.Text)
	r.To = normLines(f.to.Text)
	r.SignerAuthority = normLine(f.signerAuthority.Text)
	r.SignerPosition = strings.TrimSpace(vntext.CleanLines(f.signerPosition.Text))
	r.SignerName = normLine(f.signerName.Text)
	r.Recipients = normLines(f.recipients.Text)
	r.URL = normLine(f.url.Text)
	r.Images = f.picture.collected()
	return r, dateErr
}

// setCategories offers the known categories in the category field.
func (f *composeForm) setCategories(cats []string) { f.category.SetOptions(cats) }

// focusField puts the cursor in the field a check names ("Number",
// "Sign", "Recipients"), opening the folded side column first.
func (f *composeForm) focusField(name string) {
	var target fyne.Focusable
	switch name {
	case "Number":
		target = f.number.number
	case "Sign":
		target = f.number.sign
	case "Recipients":
		target = f.recipients
	default:
		return
	}
	if f.split.Folded() && !f.split.DrawerOpen() {
		f.split.SetDrawerOpen(true)
	}
	f.svc.focus(target)
}

// onInsertImage adds a picture to the record and places it in the body.
func (f *composeForm) onInsertImage() {
	f.picture.choose(func(_ string, data []byte, mediaType string) {
		name := f.picture.add(data, mediaType)
		f.body.InsertLinesAfter([]string{"![Chú thích ảnh](" + name + ")"})
	})
}

func (f *composeForm) onInsertTable() {
	f.body.InsertLinesAfter([]string{"| STT | Nội dung | Ghi chú |", "|---|---|---|", "| 1 |  |  |", "| 2 |  |  |"})
}
