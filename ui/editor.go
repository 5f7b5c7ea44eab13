package ui

import (
	"errors"
	"fmt"
	"image/color"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/check"
	"bientap/model/store"
	"bientap/model/vntext"
)

const (
	autosaveDelay = 2 * time.Second
	refreshDelay  = 400 * time.Millisecond
)

// The editor's tabs, in order.
const (
	tabCompose = iota
	tabPreview
	tabChecks
	tabHistory
)

// workflow is the order of the editorial statuses.
var workflow = []model.Status{model.StatusDraft, model.StatusReview, model.StatusApproved, model.StatusPublished}

// editorPanel is the right side: the open record's status bar and its tabs
// Soạn thảo, Xem trước, Soát lỗi, Lịch sử. It owns the record's writes.
type editorPanel struct {
	svc *services
	// onStored is told after the open record was written (saved, moved in
	// the workflow, restored): the list shows it again.
	onStored func(r *model.Record)
	// onShown is told when another record (or none) is shown or the
	// record's status changed: the menus follow.
	onShown func()
	// onOtherStored is told after a write of a record that is no longer
	// the open one (the office archive answered after the clerk moved on).
	onOtherStored func()
	// office is the office archive the desk may have joined (sync.go):
	// status changes go through it and its roles gate the buttons; nil:
	// none.
	office officeDesk

	form    *composeForm
	preview *previewTab
	checks  *checksTab
	history *historyTab
	// tabs is the tab bar; pages holds the tabs' contents, all but the
	// selected one hidden. (AppTabs keeps only the selected content in the
	// window's tree, and a theme change did not reach the others.)
	tabs  *container.AppTabs
	pages *fyne.Container

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

	ioMu     sync.Mutex    // serialises the record's writes (autosave, save, slot drops)
	rec      *model.Record // the record as loaded or last saved; nil when none is open
	dirty    bool
	gen      int64        // edit generation, +1 per change
	saved    atomic.Int64 // generation the last explicit save wrote
	autosave stopper
	refresh  stopper
}

// newEditorPanel builds the editor; pickPicture asks the clerk for a
// picture file.
func newEditorPanel(svc *services, pickPicture func(then func(path string))) *editorPanel {
	e := &editorPanel{svc: svc}
	e.form = newComposeForm(svc, e.record, pickPicture)
	e.form.onChange = e.onChanged
	e.preview = newPreviewTab(svc.sched, svc.exportOptions)
	e.checks = newChecksTab(svc.sched)
	e.checks.onGoTo = e.goTo
	e.checks.onFix = e.applyFix
	e.checks.onRecheck = e.refreshTab
	e.history = newHistoryTab(svc, e.current)
	e.history.onRestore = e.restoreRevision
	e.pages = container.NewStack(e.form.content, e.preview.content, e.checks.content, e.history.content)
	tab := func(name string, icon fyne.Resource) *container.TabItem {
		return container.NewTabItemWithIcon(name, icon, canvas.NewRectangle(color.Transparent))
	}
	e.tabs = container.NewAppTabs(
		tab("Soạn thảo", theme.DocumentCreateIcon()),
		tab("Xem trước", theme.VisibilityIcon()),
		tab("Soát lỗi", theme.WarningIcon()),
		tab("Lịch sử", theme.HistoryIcon()),
	)
	e.tabs.OnSelected = func(*container.TabItem) {
		e.showPage()
		e.refreshTab()
	}
	e.showPage()

	e.dot = canvas.NewCircle(statusColor(""))
	e.statusText = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.backBtn = newTipButton(svc, "", theme.NavigateBackIcon(), func() { e.onStep(-1) })
	e.fwdBtn = newTipButton(svc, "", theme.NavigateNextIcon(), func() { e.onStep(+1) })
	e.fwdBtn.IconPlacement = widget.ButtonIconTrailingText
	e.fwdBtn.Importance = widget.HighImportance
	e.trashBtn = newTipButton(svc, "Xóa", theme.DeleteIcon(), e.onTrash)
	e.restoreBtn = newTipButton(svc, "Khôi phục", theme.ContentUndoIcon(), e.onRestore)
	e.saveBtn = newTipButton(svc, "Lưu", theme.DocumentSaveIcon(), func() { e.save() })
	e.stateText = widget.NewLabel("") // italic from the first record on (showItalics)
	e.stateText.Alignment = fyne.TextAlignTrailing
	e.stateText.Truncation = fyne.TextTruncateEllipsis

	dotBox := container.New(fixedSize{12, 12}, e.dot)
	status := container.NewHBox(dotBox, e.statusText, e.backBtn, e.fwdBtn)
	right := container.NewHBox(e.saveBtn, e.trashBtn, e.restoreBtn)
	// The state ("Sửa lần cuối …") takes the room left between the
	// workflow and the buttons and shortens itself on a narrow screen.
	bar := container.NewBorder(nil, nil, status, right, e.stateText)
	// The bar is placed on top but comes after the tabs in the focus order,
	// so that Tab starts in the form.
	e.view = container.New(barOnTop{}, container.NewBorder(e.tabs, nil, nil, nil, e.pages), container.NewVBox(bar, widget.NewSeparator()))

	hint := widget.NewLabel("Chọn một bản ghi trong danh sách, hoặc bấm Ctrl+N để soạn bản ghi mới.")
	hint.Alignment = fyne.TextAlignCenter
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	e.placeholder = container.NewCenter(container.New(fixedWidth{360}, hint))
	// Both stay in the tree (a theme change reaches the hidden one).
	e.content = container.NewStack(e.placeholder, e.view)
	e.view.Hide()
	return e
}

// showPage shows the selected tab's page.
func (e *editorPanel) showPage() {
	sel := e.tabs.SelectedIndex()
	for i, p := range e.pages.Objects {
		if i == sel {
			p.Show()
		} else {
			p.Hide()
		}
	}
}

// record is the record the editor works on (nil when none is open).
func (e *editorPanel) record() *model.Record { return e.rec }

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
	e.placeholder.Hide()
	e.showItalics()
	e.view.Show()
	e.tabs.SelectIndex(tabCompose)
	e.updateStatus()
	switch {
	case dirty:
		e.stateText.SetText("Nội dung khôi phục, chưa lưu")
		e.scheduleAutosave()
	case r.ID == 0:
		e.stateText.SetText("Bản ghi mới")
	default:
		e.showLastEdit()
	}
	e.shown()
}

// showItalics gives the editor's italic labels (the record's state, the
// body's italic button) their style when the first record opens. Each text
// style Fyne measures parses its own fonts and keeps them for the life of
// the window: Noto Sans, the system's font for the locale that Fyne adds
// as a fallback (DejaVu Sans, Arial), the emoji stand-in (fonts.go). For
// italic that is about 6 MB, and the hidden editor is measured at start:
// without this a window that only shows its list would hold it. A
// record's preview needs italic anyway (place and date, "Nơi nhận"). No
// label that shows before a record opens is italic (TestStartWithoutItalic).
func (e *editorPanel) showItalics() {
	if e.stateText.TextStyle.Italic {
		return
	}
	e.stateText.TextStyle.Italic = true
	e.stateText.Refresh()
	e.form.italic.setStyle(fyne.TextStyle{Italic: true})
}

// close empties the editor.
func (e *editorPanel) close() {
	e.stopTimers()
	e.rec = nil
	e.dirty = false
	e.view.Hide()
	e.placeholder.Show()
	e.shown()
}

func (e *editorPanel) shown() {
	if e.onShown != nil {
		e.onShown()
	}
}

// showLastEdit says when the record was last changed in the archive.
func (e *editorPanel) showLastEdit() {
	e.stateText.SetText("Sửa lần cuối " + e.rec.Updated.Local().Format("15:04 02/01/2006"))
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
	e.dirty = true
	e.stateText.SetText("Chưa lưu")
	e.scheduleAutosave()
	if i := e.tabs.SelectedIndex(); i == tabPreview || i == tabChecks {
		if e.refresh != nil {
			e.refresh.Stop()
		}
		e.refresh = e.svc.sched.After(refreshDelay, e.refreshTab)
	}
}

func (e *editorPanel) scheduleAutosave() {
	if e.autosave != nil {
		e.autosave.Stop()
	}
	e.autosave = e.svc.sched.After(autosaveDelay, e.autosaveNow)
}

// autosaveNow writes the form to the record's recovery slot off the UI
// goroutine. A slot write older than the last explicit save is dropped.
func (e *editorPanel) autosaveNow() {
	if e.rec == nil || !e.dirty {
		return
	}
	r, _ := e.form.collect(e.rec)
	gen := e.gen
	st := e.svc.st
	e.svc.sched.Go(func() {
		// The result goes to the UI after the lock is released: a save on
		// the UI goroutine may be waiting for the lock, and a scheduler
		// that waits for the UI (a test's, or Fyne's DoAndWait) would
		// otherwise never get it.
		e.ioMu.Lock()
		if gen <= e.saved.Load() {
			e.ioMu.Unlock()
			return
		}
		err := st.Autosave(r)
		e.ioMu.Unlock()
		e.svc.sched.Do(func() {
			if err != nil {
				e.svc.notify("Không lưu tạm được: " + oneLine(err.Error()))
				return
			}
			if e.dirty && e.gen == gen {
				e.stateText.SetText("Chưa lưu · đã lưu tạm lúc " + e.svc.clock.Now().Format("15:04:05"))
			}
		})
	})
}

// flushDraft writes what the form holds to the record's recovery slot now,
// on the calling goroutine: the last thing done after a fault. It reports
// whether a draft was written.
func (e *editorPanel) flushDraft() (written bool) {
	defer func() {
		if recover() != nil {
			written = false
		}
	}()
	if e.rec == nil || !e.dirty {
		return false
	}
	r, _ := e.form.collect(e.rec)
	// A write caught in the fault may hold the lock for ever: wait a while,
	// not for ever.
	for deadline := time.Now().Add(3 * time.Second); !e.ioMu.TryLock(); {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	defer e.ioMu.Unlock()
	return e.svc.st.Autosave(r) == nil
}

// drainIO waits for the record's writes in flight (before the archive
// closes or another one opens).
func (e *editorPanel) drainIO() {
	e.ioMu.Lock()
	defer e.ioMu.Unlock()
}

// swapStore makes st the archive the editor writes to, once the writes in
// flight are done.
func (e *editorPanel) swapStore(st *store.Store) {
	e.ioMu.Lock()
	defer e.ioMu.Unlock()
	e.svc.st = st
}

// save is the explicit save (Ctrl+S): a new revision. It reports whether
// the record was saved.
func (e *editorPanel) save() bool {
	if e.rec == nil {
		return false
	}
	r, dateErr := e.form.collect(e.rec)
	if dateErr != nil {
		e.svc.showMessage("Chưa lưu được", "Ngày không hợp lệ: "+oneLine(dateErr.Error()))
		return false
	}
	if r.Title == "" {
		e.svc.showMessage("Chưa lưu được", "Bản ghi cần có tiêu đề.")
		return false
	}
	gen := e.gen
	if err := e.write(func(st *store.Store) error { return st.Save(r) }, gen); err != nil {
		e.svc.showError(err)
		return false
	}
	e.rec = r
	if e.gen == gen {
		e.dirty = false
	}
	e.stateText.SetText("Đã lưu lúc " + e.svc.clock.Now().Format("15:04:05"))
	e.svc.notify(fmt.Sprintf("Đã lưu “%s”", r.Title))
	e.updateStatus()
	e.stored(r)
	if e.tabs.SelectedIndex() == tabHistory {
		e.history.load()
	}
	return true
}

// write runs an explicit save under the write lock; gen is the edit
// generation it saves, which drops older autosaves.
func (e *editorPanel) write(f func(st *store.Store) error, gen int64) error {
	e.ioMu.Lock()
	defer e.ioMu.Unlock()
	if err := f(e.svc.st); err != nil {
		return err
	}
	e.saved.Store(gen)
	return nil
}

func (e *editorPanel) stored(r *model.Record) {
	e.shown()
	if e.onStored != nil {
		e.onStored(r)
	}
}

// saveChanges saves the open record's unsaved work, if any; false when it
// could not (the clerk was told).
func (e *editorPanel) saveChanges() bool {
	return e.rec == nil || !e.dirty || e.save()
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
	e.svc.sched.Go(func() { e.discardSlot(id) })
}

// discardSlot drops a record's recovery slot (0: the new record's).
func (e *editorPanel) discardSlot(id int64) error {
	e.ioMu.Lock()
	defer e.ioMu.Unlock()
	return e.svc.st.DiscardAutosave(id)
}

// updateStatus shows the record's status and the workflow buttons.
func (e *editorPanel) updateStatus() {
	if e.rec == nil {
		return
	}
	defer e.gateRoles()
	s := cmpStatus(e.rec.Status)
	e.dot.FillColor = statusColor(string(s))
	e.dot.Refresh()
	label := s.Label()
	if e.rec.ID == 0 {
		label += " (chưa lưu lần nào)"
	}
	e.statusText.SetText(label)
	i := slices.Index(workflow, s)
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

// cmpStatus is s, or draft for a record without one.
func cmpStatus(s model.Status) model.Status {
	if s == "" {
		return model.StatusDraft
	}
	return s
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

// onStep moves the record one step forward or back in the workflow.
func (e *editorPanel) onStep(d int) {
	if e.rec == nil || e.rec.Status == model.StatusTrash {
		e.svc.notify("Chưa mở bản ghi nào để chuyển bước")
		return
	}
	i := slices.Index(workflow, cmpStatus(e.rec.Status)) + d
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
	if e.office != nil && e.office.joined() { // role checked, sent at once (sync.go)
		e.office.setStatus(id, s, portal, func(err error) { e.statusApplied(id, s, err) })
		return
	}
	err := e.write(func(st *store.Store) error { return st.SetStatus(id, s, portal) }, e.gen)
	e.statusApplied(id, s, err)
}

// statusApplied shows a status change that was made (or why not).
func (e *editorPanel) statusApplied(id int64, s model.Status, err error) {
	if err != nil {
		e.svc.showError(err)
		return
	}
	if e.rec == nil || e.rec.ID != id { // another record was opened meanwhile
		if e.onOtherStored != nil {
			e.onOtherStored()
		}
		return
	}
	e.reloadStored(fmt.Sprintf("“%s”: %s", e.rec.Title, s.Label()))
}

// reloadStored takes the stored status, address and time of the open
// record after a status change (the typing was saved before), shows them
// and tells the list.
func (e *editorPanel) reloadStored(msg string) {
	r, err := e.svc.st.Get(e.rec.ID)
	if err != nil {
		e.svc.showError(err)
		return
	}
	e.rec.Status, e.rec.URL, e.rec.Updated = r.Status, r.URL, r.Updated
	e.form.setURL(r.URL)
	e.updateStatus()
	if !e.dirty {
		e.showLastEdit()
	}
	e.svc.notify(msg)
	e.stored(e.rec)
	if e.tabs.SelectedIndex() == tabHistory {
		e.history.load()
	}
}

// askURL asks for the portal address of a published item.
func (e *editorPanel) askURL(then func(string)) {
	entry := newTextEntry(e.svc)
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
	d = e.svc.customDialog("Đăng bài", content, []dialogButton{
		{label: "Hủy"},
		{label: "Đã đăng", primary: true, action: ok, keepOpen: true},
	})
	e.svc.focus(entry)
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
		e.svc.notify("Chưa mở bản ghi đã lưu nào")
		return
	}
	title := e.rec.Title
	e.svc.confirm("Xóa bản ghi?", fmt.Sprintf("Chuyển “%s” vào Thùng rác? Có thể khôi phục lại từ Thùng rác.", title),
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
		e.svc.notify("Chưa mở bản ghi nào trong Thùng rác")
		return
	}
	id := e.rec.ID
	if err := e.write(func(st *store.Store) error { return st.Restore(id) }, e.gen); err != nil {
		e.svc.showError(err)
		return
	}
	e.reloadStored("Đã khôi phục “" + e.rec.Title + "” từ Thùng rác")
}

// restoreRevision makes a revision the record's content (a new revision:
// nothing is lost); unsaved typing is saved first.
func (e *editorPanel) restoreRevision(rv store.Revision) {
	when := rv.Created.Local().Format("15:04 02/01/2006")
	e.svc.confirm("Khôi phục phiên bản?", fmt.Sprintf("Đưa bản ghi về phiên bản lúc %s? Nội dung hiện tại vẫn còn trong lịch sử.", when),
		"Khôi phục", func() {
			if e.dirty && !e.save() {
				return
			}
			var r *model.Record
			err := e.write(func(st *store.Store) (err error) {
				r, err = st.RestoreRevision(rv.ID)
				return err
			}, e.gen)
			if err != nil {
				e.svc.showError(err)
				return
			}
			full, err := e.svc.st.Get(r.ID)
			if err != nil {
				e.svc.showError(err)
				return
			}
			e.open(full, false)
			e.tabs.SelectIndex(tabHistory)
			e.stored(full)
			e.svc.notify("Đã khôi phục phiên bản lúc " + when)
		})
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
	case tabPreview:
		e.preview.show(e.current())
	case tabChecks:
		r, _ := e.form.collect(e.rec)
		r.Body = e.form.body.Text() // findings' offsets refer to the editor's text
		e.checks.run(r)
	case tabHistory:
		e.history.load()
	}
}

// goTo puts the cursor on a finding of the checks: in the body (body is
// the text the finding's offsets refer to), or in the field it names.
func (e *editorPanel) goTo(f check.Finding, body string) {
	e.tabs.SelectIndex(tabCompose)
	if f.Line > 0 {
		n := 0
		if f.Offset >= 0 && f.Offset+f.Length <= len(body) {
			n = utf8.RuneCountInString(body[f.Offset : f.Offset+f.Length])
		}
		if n > 0 {
			e.form.body.Select(f.Line-1, f.Col-1, n)
		} else {
			e.form.body.FocusAt(f.Line-1, f.Col-1)
		}
		return
	}
	e.form.focusField(f.Field)
}

// applyFix makes a finding's fix in the body as one undoable edit, when
// the body is still the text that was checked; then checks again.
func (e *editorPanel) applyFix(f check.Finding, checked string) {
	if f.Fix == nil {
		return
	}
	cur := e.form.body.Text()
	if cur != checked {
		e.svc.notify("Nội dung đã thay đổi từ lần soát trước: đã soát lại")
		e.refreshTab()
		return
	}
	e.form.body.ReplaceText(check.Apply(cur, *f.Fix))
	e.svc.notify("Đã sửa: " + f.Fix.Label)
	e.refreshTab()
}

// showFind opens the body's find bar on the compose tab.
func (e *editorPanel) showFind() {
	e.tabs.SelectIndex(tabCompose)
	e.form.find.show()
}

// findNext finds the next (or previous) match of the find bar's text.
func (e *editorPanel) findNext(backward bool) {
	if e.rec != nil {
		e.form.find.next(backward)
	}
}

// onEscape closes what Escape closes in the editor when no dialog is open:
// the find bar, else the side column's drawer.
func (e *editorPanel) onEscape() { e.form.onEscape() }

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
