package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/store"
)

// mainUI is the main window: it builds the panels, gives each the services
// it needs and connects their callbacks, and holds what the menus do.
type mainUI struct {
	*services
	cfg Config

	list    *listPanel
	editor  *editorPanel
	sync    *syncUI          // the office archive: indicator, Kho chung menu (sync.go)
	split   *container.Split // list | editor
	main    fyne.CanvasObject
	welcome fyne.CanvasObject
	// root holds the main window and the welcome panel, one of them
	// hidden: both stay in the window's tree, so a theme change reaches the
	// one not shown.
	root *fyne.Container
	menu *fyne.MainMenu
	// needRecord are the menu items that act on the open record.
	needRecord []*fyne.MenuItem
	// trashItem, restoreItem and emptyTrashItem follow the record and the trash.
	trashItem, restoreItem, emptyTrashItem *fyne.MenuItem

	quitting    bool
	onQuit      func()          // how the app ends (app.Quit; tests replace it)
	settingsDlg *settingsDialog // the last settings dialog opened
	dataDir     string          // the window's own files (crash notes)
}

// loadUI builds the main window on an open store. Run passes the real app;
// tests pass test.NewTempApp and a synchronous scheduler.
func loadUI(a fyne.App, st *store.Store, cfg Config, s sched) *mainUI {
	u := &mainUI{cfg: cfg, dataDir: cfg.DataDir}
	u.services = &services{
		dialogs: &dialogs{}, app: a, st: st, sched: s, clock: cfg.Clock,
		statusBar: widget.NewLabel(""),
	}
	u.dialogs.notify = u.notify
	u.onQuit = a.Quit
	if u.dataDir == "" {
		u.dataDir = a.Storage().RootURI().Path()
	}
	var serr error
	u.settings, serr = st.LoadSettings()
	a.Settings().SetTheme(newAppTheme(u.settings.Theme))
	u.win = a.NewWindow(u.windowTitle())

	u.statusBar.Truncation = fyne.TextTruncateEllipsis
	u.tips = newTipLayer()
	u.editor = newEditorPanel(u.services, u.pickPicture)
	u.editor.onStored = u.onRecordStored
	u.editor.onOtherStored = u.onOtherStored
	u.editor.onShown = u.updateMenus
	u.list = newListPanel(u.services)
	u.list.onOpen = u.openRecord
	u.list.onEmptyTrash = u.onEmptyTrash
	u.list.onCategories = u.editor.form.setCategories
	u.dialogs.onIdleEsc = u.editor.onEscape
	u.sync = newSyncUI(u.services)
	u.sync.saveOpen = u.editor.saveChanges
	u.sync.onChanged = u.onOfficeChanged
	u.sync.onState = u.editor.updateStatus
	u.sync.onOpen = u.openAt
	u.editor.office = u.sync
	u.editor.form.number.onOffice = u.takeOfficeNumber

	u.split = container.NewHSplit(u.list.content, u.editor.content)
	u.split.Offset = 0.3
	bottom := container.NewBorder(nil, nil, nil, u.sync.indicator, u.statusBar)
	u.main = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), bottom), nil, nil, u.split)
	u.welcome = u.newWelcome()
	u.root = container.NewStack(u.main, u.welcome)
	u.win.SetContent(u.tips.wrap(u.root))

	u.menu = u.buildMenu()
	u.win.SetMainMenu(u.menu)
	u.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			u.onEscape()
		}
	})
	u.win.SetCloseIntercept(u.onQuitRequested)
	u.restoreLayout()

	u.showWelcomeIfEmpty()
	u.notify("Cơ sở dữ liệu: " + st.Path())
	u.list.reload()
	u.list.loadFacets()
	u.updateMenus()
	if serr != nil {
		u.showError(serr)
	}
	crash := u.takeCrashNote()
	if !u.offerRecovery(false, crash) {
		u.offerFirstRun()
	}
	u.checkStore()
	u.refreshTrashCount()
	u.startDailyBackup()
	u.sync.start()
	return u
}

func (u *mainUI) windowTitle() string {
	return "Biên Tập — " + filepath.Base(u.st.Path())
}

// updateTitle keeps the window title current (the database's name).
func (u *mainUI) updateTitle() { u.win.SetTitle(u.windowTitle()) }

// showMain leaves the welcome panel.
func (u *mainUI) showMain() {
	u.welcome.Hide()
	u.main.Show()
}

// showWelcomeIfEmpty shows the welcome panel when the archive holds no
// record, else the main window.
func (u *mainUI) showWelcomeIfEmpty() {
	if n, err := u.st.Count(store.Query{Statuses: model.Statuses}); err == nil && n == 0 {
		u.main.Hide()
		u.welcome.Show()
		return
	}
	u.showMain()
}

// checkStore reports, when it is done, the open-time integrity check
// (it reads the whole file: seconds for a large archive, so it runs beside
// the window).
func (u *mainUI) checkStore() {
	st := u.st
	u.sched.Go(func() {
		if err := st.CheckVerdict(); err != nil {
			u.sched.Do(func() { u.showError(err) })
		}
	})
}

// newRecord is a blank record with the office's defaults, of the kind the
// list's filter names (news otherwise), dated today.
func (u *mainUI) newRecord() *model.Record {
	s := u.settings
	kind := model.KindNews
	if k, ok := u.list.kindFilter(); ok {
		kind = k
	}
	return &model.Record{
		Kind: kind, Status: model.StatusDraft, Date: u.clock.Today(),
		Author: s.Author, Place: s.Place, AgencyParent: s.AgencyParent, Agency: s.Agency,
		SignerAuthority: s.SignerAuthority, SignerPosition: s.SignerPosition, SignerName: s.SignerName,
	}
}

// onNew opens a new record with the cursor in the title (Ctrl+N).
func (u *mainUI) onNew() {
	u.confirmDiscard(func() {
		u.showMain()
		u.editor.open(u.newRecord(), false)
		u.list.setSelected(0)
		u.focus(u.editor.form.title)
	}, nil)
}

// onSave saves the open record (Ctrl+S).
func (u *mainUI) onSave() {
	if u.editor.rec == nil {
		u.notify("Chưa mở bản ghi nào để lưu")
		return
	}
	u.editor.save()
}

// openRecord opens a record from the list, asking about unsaved work.
func (u *mainUI) openRecord(id int64) {
	u.confirmDiscard(func() {
		r, err := u.st.Get(id)
		if err != nil {
			u.showError(err)
			u.list.syncSelection()
			return
		}
		u.editor.open(r, false)
		u.list.setSelected(id)
	}, u.list.syncSelection)
}

// onRecordStored follows a write of the open record: the list shows it
// again, selected, and its category becomes a choice.
func (u *mainUI) onRecordStored(r *model.Record) {
	u.list.setSelected(r.ID)
	u.list.reload()
	u.list.addCategory(r.Category)
	u.refreshTrashCount()
}

// onOtherStored follows a write the editor made of a record no longer open
// (a status change the office archive answered after the clerk moved on).
func (u *mainUI) onOtherStored() {
	u.list.reload()
	u.refreshTrashCount()
}

// onOfficeChanged follows records a sync brought or a resolved conflict
// changed: the list, the trash count and the open record.
func (u *mainUI) onOfficeChanged() {
	u.list.reload()
	u.refreshTrashCount()
	u.editor.reloadChanged()
}

// openAt opens a record from the conflicts dialog, at its history when
// the office's version is there.
func (u *mainUI) openAt(id int64, history bool) {
	u.openRecord(id)
	if history && u.editor.rec != nil && u.editor.rec.ID == id {
		u.editor.tabs.SelectIndex(tabHistory)
	}
}

// takeOfficeNumber gives the open record its number from the office
// archive (Cấp số on a desk that joined one), saving it first; false on a
// lone desk, where the local series numbers it.
func (u *mainUI) takeOfficeNumber() bool {
	if !u.sync.joined() {
		return false
	}
	e := u.editor
	if e.rec == nil || (e.dirty || e.rec.ID == 0) && !e.save() {
		return true
	}
	u.sync.takeNumber(e.rec.ID)
	return true
}

// confirmDiscard runs then when the editor holds no unsaved work, or after
// the clerk chose to save (and it worked) or not to save; cancel runs when
// the clerk keeps editing.
func (u *mainUI) confirmDiscard(then, cancel func()) {
	e := u.editor
	if e.rec == nil || !e.dirty {
		then()
		return
	}
	msg := widget.NewLabel("“" + recordLabel(e.current()) + "” có thay đổi chưa lưu. Lưu trước khi tiếp tục?")
	msg.Wrapping = fyne.TextWrapWord
	u.customDialog("Lưu thay đổi?", container.New(fixedWidth{440}, msg), []dialogButton{
		{label: "Hủy", cancel: true, action: cancel},
		{label: "Không lưu", action: func() {
			e.discard()
			then()
		}},
		{label: "Lưu", primary: true, action: func() {
			if e.save() {
				then()
			} else if cancel != nil {
				cancel()
			}
		}},
	})
}

// onQuitRequested ends the app (Ctrl+Q, closing the window), asking about
// unsaved work first.
func (u *mainUI) onQuitRequested() {
	if u.quitting {
		return
	}
	u.confirmDiscard(func() {
		u.quitting = true
		u.saveLayout()
		u.onQuit()
	}, nil)
}

// pickPicture asks for a JPEG or PNG file (the form's "Chọn ảnh").
func (u *mainUI) pickPicture(then func(path string)) {
	u.chooseFile("Chọn ảnh (JPEG hoặc PNG)", "Chọn", pictureExts, "pictureDir", then)
}

// onEmptyTrash deletes the trashed records for good, after asking.
func (u *mainUI) onEmptyTrash() {
	n, err := u.st.Count(store.Query{Statuses: []model.Status{model.StatusTrash}})
	if err != nil {
		u.showError(err)
		return
	}
	u.onTrashCount(n)
	if n == 0 {
		u.showMessage("Thùng rác", "Thùng rác đang trống.")
		return
	}
	u.confirmDanger("Dọn thùng rác?", "Xóa vĩnh viễn "+countOf(n, "bản ghi")+" trong Thùng rác? Việc này không hoàn tác được.",
		"Xóa vĩnh viễn", func() {
			if _, err := u.st.EmptyTrash(); err != nil {
				u.showError(err)
				return
			}
			if r := u.editor.rec; r != nil && r.Status == model.StatusTrash {
				u.editor.close()
				u.list.setSelected(0)
			}
			u.notify("Đã xóa vĩnh viễn " + countOf(n, "bản ghi"))
			u.list.reload()
			u.onTrashCount(0)
		})
}

// refreshTrashCount counts the trash off the UI goroutine.
func (u *mainUI) refreshTrashCount() {
	st := u.st
	u.sched.Go(func() {
		n, err := st.Count(store.Query{Statuses: []model.Status{model.StatusTrash}})
		if err == nil {
			u.sched.Do(func() { u.onTrashCount(n) })
		}
	})
}

// onTrashCount follows how many records the trash holds: "Dọn thùng rác"
// is only offered when there is something to delete.
func (u *mainUI) onTrashCount(n int) {
	u.list.setTrashCount(n)
	if u.emptyTrashItem != nil && u.emptyTrashItem.Disabled != (n == 0) {
		u.emptyTrashItem.Disabled = n == 0
		u.menu.Refresh()
	}
}
