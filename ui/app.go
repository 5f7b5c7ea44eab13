package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/legacy"
	"bientap/model/store"
	"bientap/model/vntext"
)

// stopper is a timer that can be stopped.
type stopper interface{ Stop() bool }

// sched runs work off the UI goroutine and brings results back to it. The
// app uses goroutines, fyne.Do and timers; tests use a synchronous one.
type sched interface {
	Go(f func())                             // run f off the UI goroutine
	Do(f func())                             // run f on the UI goroutine
	After(d time.Duration, f func()) stopper // run f on the UI goroutine after d
}

type realSched struct{}

func (realSched) Go(f func()) { go f() }
func (realSched) Do(f func()) { fyne.Do(f) }
func (realSched) After(d time.Duration, f func()) stopper {
	return time.AfterFunc(d, func() { fyne.Do(f) })
}

// mainUI is the main window and what it works on.
type mainUI struct {
	app      fyne.App
	win      fyne.Window
	st       *store.Store
	cfg      Config
	sched    sched
	settings model.Settings

	list      *listPanel
	editor    *editorPanel
	main      fyne.CanvasObject
	welcome   fyne.CanvasObject
	statusBar *widget.Label
	menu      *fyne.MainMenu
	tips      *tipLayer // tooltips (tooltip.go)
	sync      *syncUI   // the office archive (sync.go)

	dialogs         []*dialogHandle
	ioMu            sync.Mutex // serialises the editor record's writes (autosave, save)
	knownCategories []string
	quitting        bool
	lastMessage     string          // the last message shown in a dialog (tests read it)
	onQuit          func()          // how the app ends (app.Quit; tests replace it)
	settingsDlg     *settingsDialog // the last settings dialog opened
}

// loadUI builds the main window on an open store. Run passes the real app;
// tests pass test.NewTempApp and a synchronous scheduler.
func loadUI(a fyne.App, st *store.Store, cfg Config, s sched) *mainUI {
	u := &mainUI{app: a, st: st, cfg: cfg, sched: s}
	u.onQuit = a.Quit
	var serr error
	u.settings, serr = st.LoadSettings()
	a.Settings().SetTheme(newAppTheme(u.settings.Theme))
	u.win = a.NewWindow(u.windowTitle())
	u.win.Resize(fyne.NewSize(1280, 800))

	u.statusBar = widget.NewLabel("")
	u.statusBar.Truncation = fyne.TextTruncateEllipsis
	u.tips = newTipLayer()
	u.editor = newEditorPanel(u)
	u.list = newListPanel(u)
	u.sync = newSyncUI(u)
	split := container.NewHSplit(u.list.content, u.editor.content)
	split.Offset = 0.3
	bottom := container.NewBorder(nil, nil, nil, u.sync.indicator, u.statusBar)
	u.main = u.tips.wrap(container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), bottom), nil, nil, split))
	u.welcome = u.newWelcome()

	u.menu = u.buildMenu()
	u.win.SetMainMenu(u.menu)
	u.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			u.onEscape()
		}
	})
	u.win.SetCloseIntercept(u.onQuitRequested)

	n, err := st.Count(store.Query{Statuses: model.Statuses})
	if err == nil && n == 0 {
		u.win.SetContent(u.welcome)
	} else {
		u.win.SetContent(u.main)
	}
	u.notify("Cơ sở dữ liệu: " + st.Path())
	u.list.reload()
	u.list.loadFacets()
	if serr != nil {
		u.showError(serr)
	}
	u.offerRecovery(false)
	u.checkStore()
	u.startDailyBackup()
	u.sync.start()
	return u
}

func (u *mainUI) windowTitle() string {
	return "Biên Tập — " + filepath.Base(u.st.Path())
}

// updateTitle keeps the window title current (the database's name).
func (u *mainUI) updateTitle() { u.win.SetTitle(u.windowTitle()) }

// notify shows a line in the status bar.
func (u *mainUI) notify(msg string) {
	u.statusBar.SetText(time.Now().Format("15:04") + "  " + oneLine(msg))
}

// showMain leaves the welcome panel.
func (u *mainUI) showMain() {
	if u.win.Content() != u.main {
		u.win.SetContent(u.main)
	}
}

// checkStore reports, when it is done, the open-time integrity check
// (it reads the whole file: seconds for a large archive, so it always runs
// beside the window, even in tests).
func (u *mainUI) checkStore() {
	st := u.st
	go func() {
		if err := st.CheckVerdict(); err != nil {
			u.sched.Do(func() { u.showError(err) })
		}
	}()
}

func (u *mainUI) buildMenu() *fyne.MainMenu {
	ctrl := fyne.KeyModifierShortcutDefault
	shift := fyne.KeyModifierShift
	key := func(k fyne.KeyName, m fyne.KeyModifier) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: m}
	}
	// A shortcut reaches the menu even while a dialog is open: the menu's
	// actions wait until it is closed (undo and redo act on the focused field,
	// which may be the dialog's).
	item := func(label string, s fyne.Shortcut, f func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() {
			if u.topDialog() == nil {
				f()
			}
		})
		it.Shortcut = s
		return it
	}
	sep := fyne.NewMenuItemSeparator
	quit := item("Thoát", key(fyne.KeyQ, ctrl), u.onQuitRequested)
	quit.IsQuit = true
	file := fyne.NewMenu("Tệp",
		item("Bản ghi mới", key(fyne.KeyN, ctrl), u.onNew),
		item("Lưu", key(fyne.KeyS, ctrl), u.onSave),
		sep(),
		item("In / Xuất PDF…", key(fyne.KeyP, ctrl), u.onExportPDF),
		item("Xuất Word (.docx)…", nil, u.onExportDocx),
		item("Xuất HTML…", nil, u.onExportHTML),
		item("Sao chép HTML", nil, u.onCopyHTML),
		item("Gửi thư…", nil, u.onMail),
		sep(),
		item("Nhập tệp…", nil, u.onImportFile),
		item("Nhập cả thư mục…", nil, u.onImportFolder),
		item("Xuất toàn bộ ra JSONL…", nil, u.onExportJSONL),
		sep(),
		item("Sổ văn bản đi…", nil, u.onRegisterDocuments),
		item("Các tin đã đăng…", nil, u.onRegisterNews),
		sep(),
		item("Sao lưu ngay", nil, u.onBackupNow),
		item("Khôi phục từ bản sao lưu…", nil, u.onRestoreBackup),
		item("Nội dung chưa lưu…", nil, func() { u.offerRecovery(true) }),
		sep(),
		item("Cài đặt…", nil, u.onSettings),
		quit,
	)
	edit := fyne.NewMenu("Sửa",
		&fyne.MenuItem{Label: "Hoàn tác", Shortcut: &fyne.ShortcutUndo{}, Action: u.onUndo},
		&fyne.MenuItem{Label: "Làm lại", Shortcut: &fyne.ShortcutRedo{}, Action: u.onRedo},
		sep(),
		item("Tìm trong danh sách", key(fyne.KeyF, ctrl), u.onFocusSearch),
		item("Tìm trong nội dung", key(fyne.KeyF, ctrl|shift), u.onFindInBody),
		item("Tìm tiếp", key(fyne.KeyG, ctrl), func() { u.editor.form.findNext(false) }),
		item("Tìm ngược lại", key(fyne.KeyG, ctrl|shift), func() { u.editor.form.findNext(true) }),
	)
	record := fyne.NewMenu("Bản ghi",
		item("Chuyển bước tiếp theo", nil, func() { u.editor.onStep(+1) }),
		item("Trả về bước trước", nil, func() { u.editor.onStep(-1) }),
		sep(),
		item("Chuyển vào Thùng rác", nil, u.editor.onTrash),
		item("Khôi phục từ Thùng rác", nil, u.editor.onRestore),
		item("Xem Thùng rác", nil, func() { u.list.status.SetSelectedIndex(trashFilterIx) }),
		item("Dọn thùng rác…", nil, u.onEmptyTrash),
	)
	help := fyne.NewMenu("Trợ giúp",
		item("Cách soạn nội dung", nil, u.onHelpMarkup),
		item("Phím tắt", nil, u.onHelpKeys),
		item("Giới thiệu", nil, u.onAbout),
	)
	return fyne.NewMainMenu(file, edit, record, u.sync.menu(item), help)
}

// newRecord is a blank record with the office's defaults.
func (u *mainUI) newRecord() *model.Record {
	s := u.settings
	kind := model.KindNews
	if q := u.list.query(); len(q.Kinds) == 1 {
		kind = q.Kinds[0]
	}
	return &model.Record{
		Kind: kind, Status: model.StatusDraft, Date: model.Day(time.Now()),
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
		u.win.Canvas().Focus(u.editor.form.title)
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

// onQuitRequested ends the app (Ctrl+Q, closing the window), asking about
// unsaved work first.
func (u *mainUI) onQuitRequested() {
	if u.quitting {
		return
	}
	u.confirmDiscard(func() {
		u.quitting = true
		u.onQuit()
	}, nil)
}

// onUndo and onRedo reach the focused field: the body's own history or an
// entry's (the menu holds Ctrl+Z and Ctrl+Y so that they work everywhere).
func (u *mainUI) onUndo() {
	if f, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(&fyne.ShortcutUndo{})
	}
}

func (u *mainUI) onRedo() {
	if f, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(&fyne.ShortcutRedo{})
	}
}

// onFocusSearch puts the cursor in the list's search box (Ctrl+F).
func (u *mainUI) onFocusSearch() {
	u.showMain()
	u.win.Canvas().Focus(u.list.search)
}

// onFindInBody opens the find bar of the body (Ctrl+Shift+F).
func (u *mainUI) onFindInBody() {
	if u.editor.rec == nil {
		return
	}
	u.editor.tabs.SelectIndex(0)
	u.editor.form.showFind()
}

// offerRecovery lists the recovery slots left by a crash and lets the clerk
// reopen or drop each.
func (u *mainUI) offerRecovery(asked bool) {
	slots, err := u.st.Recovered()
	if err != nil {
		u.showError(err)
		return
	}
	if len(slots) == 0 {
		if asked {
			u.showMessage("Nội dung chưa lưu", "Không có nội dung chưa lưu nào.")
		}
		return
	}
	rows := container.NewVBox()
	var h *dialogHandle
	named := map[string]*widget.Button{}
	for i, sl := range slots {
		sl := sl
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
			u.ioMu.Lock()
			err := u.st.DiscardAutosave(sl.RecordID)
			u.ioMu.Unlock()
			if err != nil {
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
	intro := widget.NewLabel("Lần trước Biên Tập đóng lại khi còn nội dung chưa lưu. Khôi phục để mở lại nội dung đó (rồi bấm Lưu), hoặc bỏ đi.")
	intro.Wrapping = fyne.TextWrapWord
	h = u.customDialog("Khôi phục nội dung chưa lưu?", container.New(fixedWidth{560}, container.NewVBox(intro, rows)),
		[]dialogButton{{label: "Để sau", cancel: true}})
	for k, b := range named {
		h.buttons[k] = b
	}
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

// onPasteText looks at pasted text: text in a legacy Vietnamese encoding
// (TCVN3, VNI, VIQR) is offered for conversion; other text is normalised
// (NFC, invisible characters removed). It reports whether it handled the
// paste (insert is then called, now or after the clerk's answer).
func (u *mainUI) onPasteText(text string, insert func(string)) bool {
	conv, rep := legacy.ConvertString(text, legacy.Auto)
	if rep.Encoding != legacy.UTF8 && rep.Encoding != legacy.Auto && conv != text && rep.Confidence >= 0.5 {
		sample := []rune(conv)
		if len(sample) > 300 {
			sample = append(sample[:300], '…')
		}
		l := widget.NewLabel(fmt.Sprintf("Văn bản dán vào có vẻ dùng bảng mã cũ %s. %s\n\nSau khi chuyển sang Unicode:\n%s",
			rep.Encoding.Label(), rep.Detail, string(sample)))
		l.Wrapping = fyne.TextWrapWord
		u.customDialog("Chuyển bảng mã?", container.New(fixedWidth{520}, l), []dialogButton{
			{label: "Hủy", cancel: true},
			{label: "Dán nguyên văn", action: func() { insert(vntext.CleanLines(text)) }},
			{label: "Chuyển sang Unicode", primary: true, action: func() { insert(conv) }},
		})
		return true
	}
	if clean := vntext.CleanLines(text); clean != text {
		insert(clean)
		return true
	}
	return false
}

// openPicture lets the clerk pick a JPEG or PNG file and checks it.
func (u *mainUI) openPicture(then func(name string, data []byte, mediaType string)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if rc == nil {
			return
		}
		defer rc.Close()
		name := rc.URI().Name()
		data, err := io.ReadAll(io.LimitReader(rc, maxPictureBytes+1))
		if err != nil {
			u.showError(fmt.Errorf("không đọc được %s: %v", name, err))
			return
		}
		mt, err := checkPicture(name, data)
		if err != nil {
			u.showError(err)
			return
		}
		u.rememberDir("pictureDir", rc.URI().Path())
		then(name, data, mt)
	}, u.win)
	d.SetTitleText("Chọn ảnh (JPEG hoặc PNG)")
	d.SetConfirmText("Chọn")
	d.SetDismissText("Hủy")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".jpg", ".jpeg", ".png", ".JPG", ".JPEG", ".PNG"}))
	u.setDialogLocation(d, "pictureDir")
	u.trackFileDialog("Chọn ảnh (JPEG hoặc PNG)", d)
	d.Show()
}

// rememberCategory adds a category to the choices.
func (u *mainUI) rememberCategory(c string) {
	c = strings.TrimSpace(c)
	if c == "" {
		return
	}
	for _, k := range u.knownCategories {
		if k == c {
			return
		}
	}
	u.knownCategories = append(u.knownCategories, c)
	u.list.categories = append(u.list.categories, c)
	u.list.category.SetOptions(u.list.categories)
	u.editor.form.setCategories(u.list.categories)
}

// onEmptyTrash deletes the trashed records for good, after asking.
func (u *mainUI) onEmptyTrash() {
	n, err := u.st.Count(store.Query{Statuses: []model.Status{model.StatusTrash}})
	if err != nil {
		u.showError(err)
		return
	}
	if n == 0 {
		u.showMessage("Thùng rác", "Thùng rác đang trống.")
		return
	}
	h := u.confirm("Dọn thùng rác?", fmt.Sprintf("Xóa vĩnh viễn %s bản ghi trong Thùng rác? Việc này không hoàn tác được.",
		formatCount(n)), "Xóa vĩnh viễn", func() {
		if _, err := u.st.EmptyTrash(); err != nil {
			u.showError(err)
			return
		}
		if r := u.editor.rec; r != nil && r.Status == model.StatusTrash {
			u.editor.close()
			u.list.setSelected(0)
		}
		u.notify(fmt.Sprintf("Đã xóa vĩnh viễn %s bản ghi", formatCount(n)))
		u.list.reload()
	})
	h.button("Xóa vĩnh viễn").Importance = widget.DangerImportance
}

func (u *mainUI) onHelpMarkup() {
	u.showMessage("Cách soạn nội dung", strings.Join([]string{
		"Mỗi dòng là một đoạn; số thứ tự gõ thế nào giữ nguyên thế ấy (1., a), Điều 1.).",
		"**chữ đậm**, *chữ nghiêng*; \\* là dấu sao thường.",
		"# Tiêu đề mục, ## Tiêu đề nhỏ.",
		"-> dòng căn giữa <-",
		"![chú thích](anh-1.jpg): chèn ảnh của bản ghi (nút “Ảnh”).",
		"| ô | ô |: dòng của bảng; dòng |---|---| ngay sau dòng đầu đánh dấu hàng tiêu đề (nút “Bảng”).",
	}, "\n"))
}

func (u *mainUI) onHelpKeys() {
	u.showMessage("Phím tắt", strings.Join([]string{
		"Ctrl+N: bản ghi mới · Ctrl+S: lưu · Ctrl+P: in / xuất PDF",
		"Ctrl+F: tìm trong danh sách · Ctrl+Shift+F: tìm trong nội dung · Ctrl+G: tìm tiếp",
		"Ctrl+Z / Ctrl+Y: hoàn tác / làm lại · Ctrl+Q: thoát · Esc: đóng hộp thoại",
		"Trong nội dung: Enter tách đoạn, Backspace ở đầu đoạn nối với đoạn trên, Tab sang ô tiếp theo.",
	}, "\n"))
}

func (u *mainUI) onAbout() {
	m := u.cfg.Meta
	u.showMessage("Giới thiệu", fmt.Sprintf("%s %s\nSoạn, lưu trữ, tra cứu và in tin bài, văn bản hành chính theo Nghị định 30/2020/NĐ-CP.\nCơ sở dữ liệu: %s",
		firstNonEmpty(m.Name, "Biên Tập"), m.VersionString(), u.st.Path()))
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// setDialogLocation opens a file dialog in the folder last used for key.
func (u *mainUI) setDialogLocation(d *dialog.FileDialog, key string) {
	dir := u.app.Preferences().String(key)
	if dir == "" {
		return
	}
	uri := storage.NewFileURI(dir)
	if l, err := storage.ListerForURI(uri); err == nil {
		d.SetLocation(l)
	}
}

// rememberDir stores the folder of path as the last used for key.
func (u *mainUI) rememberDir(key, path string) {
	u.app.Preferences().SetString(key, filepath.Dir(path))
}
