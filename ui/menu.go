package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"bientap/model"
)

// buildMenu makes the main menu. Items carry the shortcuts (Ctrl+N, S, P,
// F, Shift+F, G, Z, Y, Q) so that they work while a text field has the
// focus. The Tệp menu keeps to a dozen lines (a 600-pixel-high screen shows
// it whole): exports, imports, registers and backups are submenus. "Kho
// chung" is the office archive's (sync.go).
func (u *mainUI) buildMenu() *fyne.MainMenu {
	ctrl := fyne.KeyModifierShortcutDefault
	shift := fyne.KeyModifierShift
	key := func(k fyne.KeyName, m fyne.KeyModifier) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: m}
	}
	// A shortcut reaches the menu even while a dialog is open: the menu's
	// actions wait until it is closed (undo and redo act on the focused field,
	// which may be the dialog's). A panic in an action is caught: the draft
	// is saved and the clerk told.
	item := func(label string, s fyne.Shortcut, f func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() {
			if u.topDialog() == nil {
				u.guard(f)
			}
		})
		it.Shortcut = s
		return it
	}
	// recordItem acts on the open record: disabled while none is open.
	recordItem := func(label string, s fyne.Shortcut, f func()) *fyne.MenuItem {
		it := item(label, s, f)
		u.needRecord = append(u.needRecord, it)
		return it
	}
	sub := func(label string, items ...*fyne.MenuItem) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, nil)
		it.ChildMenu = fyne.NewMenu("", items...)
		return it
	}
	sep := fyne.NewMenuItemSeparator
	quit := item("Thoát", key(fyne.KeyQ, ctrl), u.onQuitRequested)
	quit.IsQuit = true
	file := fyne.NewMenu("Tệp",
		item("Bản ghi mới", key(fyne.KeyN, ctrl), u.onNew),
		recordItem("Lưu", key(fyne.KeyS, ctrl), u.onSave),
		sep(),
		recordItem("In / Xuất PDF…", key(fyne.KeyP, ctrl), u.onExportPDF),
		sub("Xuất, gửi đi",
			recordItem("Xuất Word (.docx)…", nil, u.onExportDocx),
			recordItem("Xuất HTML…", nil, u.onExportHTML),
			recordItem("Sao chép HTML", nil, u.onCopyHTML),
			recordItem("Gửi thư…", nil, u.onMail),
			sep(),
			item("Xuất toàn bộ ra JSONL…", nil, u.onExportJSONL),
		),
		sub("Nhập",
			item("Nhập tệp…", nil, u.onImportFile),
			item("Nhập cả thư mục…", nil, u.onImportFolder),
		),
		sub("Sổ, danh sách",
			item("Sổ văn bản đi…", nil, u.onRegisterDocuments),
			item("Các tin đã đăng…", nil, u.onRegisterNews),
		),
		sep(),
		item("Mở cơ sở dữ liệu khác…", nil, u.onOpenOtherDB),
		sub("Sao lưu, khôi phục",
			item("Sao lưu ngay", nil, u.onBackupNow),
			item("Khôi phục từ bản sao lưu…", nil, u.onRestoreBackup),
			item("Nội dung chưa lưu…", nil, func() { u.offerRecovery(true, "") }),
		),
		sep(),
		item("Cài đặt…", nil, u.onSettings),
		quit,
	)
	edit := fyne.NewMenu("Sửa",
		&fyne.MenuItem{Label: "Hoàn tác", Shortcut: &fyne.ShortcutUndo{}, Action: u.onUndo},
		&fyne.MenuItem{Label: "Làm lại", Shortcut: &fyne.ShortcutRedo{}, Action: u.onRedo},
		sep(),
		item("Tìm trong danh sách", key(fyne.KeyF, ctrl), u.onFocusSearch),
		recordItem("Tìm trong nội dung", key(fyne.KeyF, ctrl|shift), u.onFindInBody),
		recordItem("Tìm tiếp", key(fyne.KeyG, ctrl), func() { u.editor.findNext(false) }),
		recordItem("Tìm ngược lại", key(fyne.KeyG, ctrl|shift), func() { u.editor.findNext(true) }),
	)
	u.trashItem = recordItem("Chuyển vào Thùng rác", nil, u.editor.onTrash)
	u.restoreItem = recordItem("Khôi phục từ Thùng rác", nil, u.editor.onRestore)
	u.emptyTrashItem = item("Dọn thùng rác…", nil, u.onEmptyTrash)
	record := fyne.NewMenu("Bản ghi",
		recordItem("Chuyển bước tiếp theo", nil, func() { u.editor.onStep(+1) }),
		recordItem("Trả về bước trước", nil, func() { u.editor.onStep(-1) }),
		sep(),
		u.trashItem,
		u.restoreItem,
		item("Xem Thùng rác", nil, u.list.showTrash),
		u.emptyTrashItem,
	)
	help := fyne.NewMenu("Trợ giúp",
		item("Cách soạn nội dung", nil, u.onHelpMarkup),
		item("Phím tắt", nil, u.onHelpKeys),
		item("Giới thiệu", nil, u.onAbout),
	)
	return fyne.NewMainMenu(file, edit, record, u.sync.menu(item), help)
}

// updateMenus enables the items that act on the open record only while one
// is open, and the trash items as its status allows.
func (u *mainUI) updateMenus() {
	if u.menu == nil {
		return
	}
	r := u.editor.rec
	open := r != nil
	for _, it := range u.needRecord {
		it.Disabled = !open
	}
	inTrash := open && r.Status == model.StatusTrash
	u.trashItem.Disabled = !open || inTrash || r.ID == 0
	u.restoreItem.Disabled = !inTrash
	u.menu.Refresh()
}

// onUndo and onRedo reach the focused field: the body's own history or an
// entry's (the menu holds Ctrl+Z and Ctrl+Y so that they work everywhere).
func (u *mainUI) onUndo() {
	if f, ok := u.focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(&fyne.ShortcutUndo{})
	}
}

func (u *mainUI) onRedo() {
	if f, ok := u.focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(&fyne.ShortcutRedo{})
	}
}

// onFocusSearch puts the cursor in the list's search box (Ctrl+F).
func (u *mainUI) onFocusSearch() {
	u.showMain()
	u.focus(u.list.search)
}

// onFindInBody opens the find bar of the body (Ctrl+Shift+F).
func (u *mainUI) onFindInBody() {
	if u.editor.rec == nil {
		u.notify("Chưa mở bản ghi nào")
		return
	}
	u.editor.showFind()
}
