package ui

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/vntext"
)

const (
	autosaveDelay = 2 * time.Second
	refreshDelay  = 400 * time.Millisecond
)

// workflow is the order of the editorial statuses.
var workflow = []model.Status{model.StatusDraft, model.StatusReview, model.StatusApproved, model.StatusPublished}

// editorPanel is the right side: the open record's status bar and its tabs
// Soạn thảo, Xem trước, Soát lỗi, Lịch sử.
type editorPanel struct {
	ui *mainUI

	form    *composeForm
	preview *previewTab
	checks  *checksTab
	history *historyTab
	tabs    *container.AppTabs

	dot        *canvas.Circle
	statusText *widget.Label
	backBtn    *tipButton
	fwdBtn     *tipButton
	trashBtn   *tipButton
	restoreBtn *tipButton
	saveBtn    *tipButton
	stateText  *widget.Label

	view        fyne.CanvasObject
	placeholder fyne.CanvasObject
	content     *fyne.Container

	rec      *model.Record // the record as loaded or last saved; nil when none is open
	dirty    bool
	gen      int64        // edit generation, +1 per change
	saved    atomic.Int64 // generation the last explicit save wrote
	autosave stopper
	refresh  stopper
}

func newEditorPanel(u *mainUI) *editorPanel {
	e := &editorPanel{ui: u}
	e.form = newComposeForm(u)
	e.form.onChange = e.onChanged
	e.preview = newPreviewTab(u)
	e.checks = newChecksTab(u)
	e.history = newHistoryTab(u)
	e.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Soạn thảo", theme.DocumentCreateIcon(), e.form.content),
		container.NewTabItemWithIcon("Xem trước", theme.VisibilityIcon(), e.preview.content),
		container.NewTabItemWithIcon("Soát lỗi", theme.WarningIcon(), e.checks.content),
		container.NewTabItemWithIcon("Lịch sử", theme.HistoryIcon(), e.history.content),
	)
	e.tabs.OnSelected = func(*container.TabItem) { e.refreshTab() }

	e.dot = canvas.NewCircle(statusColor(""))
	e.statusText = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.backBtn = newTipButton(u, "", theme.NavigateBackIcon(), func() { e.onStep(-1) })
	e.fwdBtn = newTipButton(u, "", theme.NavigateNextIcon(), func() { e.onStep(+1) })
	e.fwdBtn.IconPlacement = widget.ButtonIconTrailingText
	e.fwdBtn.Importance = widget.HighImportance
	e.trashBtn = newTipButton(u, "Xóa", theme.DeleteIcon(), e.onTrash)
	e.restoreBtn = newTipButton(u, "Khôi phục", theme.ContentUndoIcon(), e.onRestore)
	e.saveBtn = newTipButton(u, "Lưu", theme.DocumentSaveIcon(), func() { e.save() })
	e.stateText = widget.NewLabel("")
	e.stateText.TextStyle.Italic = true

	dotBox := container.New(fixedSize{12, 12}, e.dot)
	status := container.NewHBox(dotBox, e.statusText, e.backBtn, e.fwdBtn)
	right := container.NewHBox(e.stateText, e.saveBtn, e.trashBtn, e.restoreBtn)
	bar := container.NewBorder(nil, nil, status, right)
	// The bar is placed on top but comes after the tabs in the focus order,
	// so that Tab starts in the form.
	e.view = container.New(barOnTop{}, e.tabs, container.NewVBox(bar, widget.NewSeparator()))

	hint := widget.NewLabel("Chọn một bản ghi trong danh sách, hoặc bấm Ctrl+N để soạn bản ghi mới.")
	hint.Alignment = fyne.TextAlignCenter
	hint.Importance = widget.LowImportance
	e.placeholder = container.NewCenter(hint)
	e.content = container.NewStack(e.placeholder)
	return e
}

// barOnTop lays out objs[1] (a bar) at the top and objs[0] below it.
type barOnTop struct{}

func (barOnTop) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height)
}

func (barOnTop) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := objs[1].MinSize().Height
	objs[1].Resize(fyne.NewSize(size.Width, h))
	objs[1].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, size.Height-h))
	objs[0].Move(fyne.NewPos(0, h))
}

// open shows r in the editor; dirty says r holds unsaved work (recovered).
func (e *editorPanel) open(r *model.Record, dirty bool) {
	e.stopTimers()
	e.rec = r.Clone()
	e.form.fill(r)
	e.dirty = dirty
	e.gen++
	if !dirty {
		e.saved.Store(e.gen)
	}
	e.content.Objects = []fyne.CanvasObject{e.view}
	e.content.Refresh()
	e.tabs.SelectIndex(0)
	e.updateStatus()
	if dirty {
		e.stateText.SetText("Nội dung khôi phục, chưa lưu")
		e.scheduleAutosave()
	} else if r.ID == 0 {
		e.stateText.SetText("Bản ghi mới")
	} else {
		e.stateText.SetText("Sửa lần cuối " + r.Updated.Local().Format("15:04 02/01/2006"))
	}
	e.ui.updateTitle()
}

// close empties the editor.
func (e *editorPanel) close() {
	e.stopTimers()
	e.rec = nil
	e.dirty = false
	e.content.Objects = []fyne.CanvasObject{e.placeholder}
	e.content.Refresh()
	e.ui.updateTitle()
}

func (e *editorPanel) stopTimers() {
	if e.autosave != nil {
		e.autosave.Stop()
		e.autosave = nil
	}
	if e.refresh != nil {
		e.refresh.Stop()
		e.refresh = nil
	}
}

// onChanged marks the record changed, restarts the autosave delay and
// refreshes the preview or checks a moment after typing stops.
func (e *editorPanel) onChanged() {
	if e.rec == nil {
		return
	}
	e.gen++
	if !e.dirty {
		e.dirty = true
		e.ui.updateTitle()
	}
	e.stateText.SetText("Chưa lưu")
	e.scheduleAutosave()
	if e.tabs.SelectedIndex() == 1 || e.tabs.SelectedIndex() == 2 {
		if e.refresh != nil {
			e.refresh.Stop()
		}
		e.refresh = e.ui.sched.After(refreshDelay, e.refreshTab)
	}
}

func (e *editorPanel) scheduleAutosave() {
	if e.autosave != nil {
		e.autosave.Stop()
	}
	e.autosave = e.ui.sched.After(autosaveDelay, e.autosaveNow)
}

// autosaveNow writes the form to the record's recovery slot off the UI
// goroutine. A slot write older than the last explicit save is dropped.
func (e *editorPanel) autosaveNow() {
	if e.rec == nil || !e.dirty {
		return
	}
	r, _ := e.form.collect(e.rec)
	gen := e.gen
	st := e.ui.st
	e.ui.sched.Go(func() {
		e.ui.ioMu.Lock()
		defer e.ui.ioMu.Unlock()
		if gen <= e.saved.Load() {
			return
		}
		err := st.Autosave(r)
		e.ui.sched.Do(func() {
			if err != nil {
				e.ui.notify("Không lưu tạm được: " + oneLine(err.Error()))
				return
			}
			if e.dirty && e.gen == gen {
				e.stateText.SetText("Chưa lưu · đã lưu tạm lúc " + time.Now().Format("15:04:05"))
			}
		})
	})
}

// save is the explicit save (Ctrl+S): a new revision. It reports whether
// the record was saved.
func (e *editorPanel) save() bool {
	if e.rec == nil {
		return false
	}
	r, dateErr := e.form.collect(e.rec)
	if dateErr != nil {
		e.ui.showMessage("Chưa lưu được", "Ngày không hợp lệ: "+oneLine(dateErr.Error()))
		return false
	}
	if r.Title == "" {
		e.ui.showMessage("Chưa lưu được", "Bản ghi cần có tiêu đề.")
		return false
	}
	gen := e.gen
	e.ui.ioMu.Lock()
	err := e.ui.st.Save(r)
	if err == nil {
		e.saved.Store(gen)
	}
	e.ui.ioMu.Unlock()
	if err != nil {
		e.ui.showError(err)
		return false
	}
	e.rec = r
	e.form.lastSeenID = r.ID
	if e.gen == gen {
		e.dirty = false
	}
	e.stateText.SetText("Đã lưu lúc " + time.Now().Format("15:04:05"))
	e.ui.notify(fmt.Sprintf("Đã lưu “%s”", r.Title))
	e.ui.updateTitle()
	e.updateStatus()
	e.ui.list.setSelected(r.ID)
	e.ui.list.reload()
	e.ui.rememberCategory(r.Category)
	if e.tabs.SelectedIndex() == 3 {
		e.history.load()
	}
	return true
}

// discard drops the unsaved changes and their recovery slot.
func (e *editorPanel) discard() {
	if e.rec == nil {
		return
	}
	e.stopTimers()
	id := e.rec.ID
	e.dirty = false
	e.saved.Store(e.gen)
	st := e.ui.st
	e.ui.sched.Go(func() {
		e.ui.ioMu.Lock()
		defer e.ui.ioMu.Unlock()
		st.DiscardAutosave(id)
	})
}

// updateStatus shows the record's status and the workflow buttons.
func (e *editorPanel) updateStatus() {
	if e.rec == nil {
		return
	}
	defer e.gateRoles()
	s := e.rec.Status
	if s == "" {
		s = model.StatusDraft
	}
	e.dot.FillColor = statusColor(string(s))
	e.dot.Refresh()
	label := s.Label()
	if e.rec.ID == 0 {
		label += " (chưa lưu lần nào)"
	}
	e.statusText.SetText(label)
	i := statusIndex(s)
	if s == model.StatusTrash {
		e.backBtn.Hide()
		e.fwdBtn.Hide()
		e.trashBtn.Hide()
		e.restoreBtn.Show()
		return
	}
	e.restoreBtn.Hide()
	e.trashBtn.Show()
	if e.rec.ID == 0 {
		e.trashBtn.Hide()
	}
	if i > 0 {
		e.backBtn.SetText("Trả về " + workflow[i-1].Label())
		e.backBtn.Show()
	} else {
		e.backBtn.Hide()
	}
	if i+1 < len(workflow) {
		e.fwdBtn.SetText(forwardLabel(workflow[i+1]))
		e.fwdBtn.Show()
	} else {
		e.fwdBtn.Hide()
	}
}

func forwardLabel(s model.Status) string {
	switch s {
	case model.StatusReview:
		return "Gửi duyệt"
	case model.StatusApproved:
		return "Duyệt"
	case model.StatusPublished:
		return "Đăng"
	}
	return s.Label()
}

func statusIndex(s model.Status) int {
	for i, w := range workflow {
		if w == s {
			return i
		}
	}
	return 0
}

// onStep moves the record one step forward or back in the workflow.
func (e *editorPanel) onStep(d int) {
	if e.rec == nil || e.rec.Status == model.StatusTrash {
		return
	}
	i := statusIndex(e.rec.Status) + d
	if i < 0 || i >= len(workflow) {
		return
	}
	e.setStatus(workflow[i])
}

// setStatus changes the record's status, saving unsaved work first; going
// to published asks for the portal address.
func (e *editorPanel) setStatus(s model.Status) {
	if e.rec == nil {
		return
	}
	if (e.dirty || e.rec.ID == 0) && !e.save() {
		return
	}
	if s == model.StatusPublished {
		e.askURL(func(u string) { e.applyStatus(s, u) })
		return
	}
	e.applyStatus(s, "")
}

func (e *editorPanel) applyStatus(s model.Status, portal string) {
	id := e.rec.ID
	if e.ui.sync != nil && e.ui.sync.joined() { // role checked, sent at once (sync.go)
		e.ui.sync.setStatus(id, s, portal, func(err error) { e.statusApplied(id, s, err) })
		return
	}
	e.statusApplied(id, s, e.ui.st.SetStatus(id, s, portal))
}

// statusApplied shows a status change that was made (or why not).
func (e *editorPanel) statusApplied(id int64, s model.Status, err error) {
	if err != nil {
		e.ui.showError(err)
		return
	}
	if e.rec == nil || e.rec.ID != id {
		e.ui.list.reload()
		return
	}
	r, err := e.ui.st.Get(id)
	if err != nil {
		e.ui.showError(err)
		return
	}
	// Keep unsaved typing (none: we saved), take the stored status and URL.
	e.rec.Status, e.rec.URL, e.rec.Updated = r.Status, r.URL, r.Updated
	e.form.loading = true
	e.form.url.SetText(r.URL)
	e.form.loading = false
	e.updateStatus()
	e.ui.notify(fmt.Sprintf("“%s”: %s", r.Title, s.Label()))
	e.ui.list.reload()
	if e.tabs.SelectedIndex() == 3 {
		e.history.load()
	}
}

// askURL asks for the portal address of a published item.
func (e *editorPanel) askURL(then func(string)) {
	entry := newTextEntry(e.ui)
	entry.SetPlaceHolder("https://laichau.gov.vn/…")
	entry.SetText(e.rec.URL)
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Hide()
	content := container.NewVBox(widget.NewLabel("Địa chỉ của bài trên cổng thông tin điện tử:"), entry, msg)
	var d *dialogHandle
	ok := func() {
		u, err := checkPortalURL(entry.Text)
		if err != nil {
			msg.SetText(err.Error())
			msg.Show()
			return
		}
		d.close()
		then(u)
	}
	entry.OnSubmitted = func(string) { ok() }
	d = e.ui.customDialog("Đăng bài", content, []dialogButton{
		{label: "Hủy"},
		{label: "Đã đăng", primary: true, action: ok, keepOpen: true},
	})
	e.ui.win.Canvas().Focus(entry)
}

// checkPortalURL accepts an http(s) address.
func checkPortalURL(s string) (string, error) {
	s = strings.TrimSpace(vntext.Clean(s))
	if s == "" {
		return "", errors.New("Hãy nhập địa chỉ bài trên cổng (bắt đầu bằng https://)")
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", errors.New("Địa chỉ không hợp lệ: cần dạng https://tên-miền/…")
	}
	return s, nil
}

// onTrash moves the record to the trash (restorable).
func (e *editorPanel) onTrash() {
	if e.rec == nil || e.rec.ID == 0 {
		return
	}
	title := e.rec.Title
	e.ui.confirm("Xóa bản ghi?", fmt.Sprintf("Chuyển “%s” vào Thùng rác? Có thể khôi phục lại từ Thùng rác.", title),
		"Chuyển vào Thùng rác", func() {
			if e.dirty && !e.save() {
				return
			}
			e.applyStatus(model.StatusTrash, "")
		})
}

// onRestore takes the record out of the trash.
func (e *editorPanel) onRestore() {
	if e.rec == nil || e.rec.ID == 0 {
		return
	}
	if err := e.ui.st.Restore(e.rec.ID); err != nil {
		e.ui.showError(err)
		return
	}
	r, err := e.ui.st.Get(e.rec.ID)
	if err != nil {
		e.ui.showError(err)
		return
	}
	e.rec.Status, e.rec.Updated = r.Status, r.Updated
	e.updateStatus()
	e.ui.notify(fmt.Sprintf("Đã khôi phục “%s” (%s)", r.Title, r.Status.Label()))
	e.ui.list.reload()
}

// current returns the record as the form shows it (for preview, checks and
// exports); nil when none is open.
func (e *editorPanel) current() *model.Record {
	if e.rec == nil {
		return nil
	}
	r, _ := e.form.collect(e.rec)
	return r
}

// refreshTab refreshes the visible tab that depends on the text.
func (e *editorPanel) refreshTab() {
	if e.rec == nil {
		return
	}
	switch e.tabs.SelectedIndex() {
	case 1:
		e.preview.show(e.current())
	case 2:
		r, _ := e.form.collect(e.rec)
		r.Body = e.form.body.Text() // findings' offsets refer to the editor's text
		e.checks.run(r)
	case 3:
		e.history.load()
	}
}

// recordLabel names a record in messages: its title, or a placeholder.
func recordLabel(r *model.Record) string {
	if r == nil {
		return ""
	}
	t := strings.TrimSpace(r.Title)
	if t == "" {
		t = "(chưa có tiêu đề)"
	}
	return t
}
