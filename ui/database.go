package ui

import (
	"context"
	"os"
	"path/filepath"

	"bientap/model/store"
)

// onOpenOtherDB switches to another archive file (Tệp → Mở cơ sở dữ liệu
// khác…).
func (u *mainUI) onOpenOtherDB() {
	u.chooseFile("Mở cơ sở dữ liệu Biên Tập (.db)", "Mở", []string{".db"}, "", u.reopen)
}

// onMoveDB copies the archive into another folder and continues there.
func (u *mainUI) onMoveDB() {
	u.chooseFolder("Chọn thư mục mới cho dữ liệu", "dbDir", func(dir string) {
		target := filepath.Join(dir, filepath.Base(u.st.Path()))
		if _, err := os.Stat(target); err == nil {
			u.showMessage("Chuyển dữ liệu", "Thư mục đã có tệp "+filepath.Base(target)+": dùng “Mở cơ sở dữ liệu khác…” để mở tệp đó.")
			return
		}
		u.confirmDiscard(func() {
			st := u.st
			u.runLongCtx("Đang chuyển dữ liệu", func(ctx context.Context, p progressFunc) (string, error) {
				return "", st.Backup(ctx, target, storeProgress(p, "Đang chép dữ liệu…"))
			}, func(_ string, err error) {
				if err != nil {
					u.showError(err)
					return
				}
				u.reopen(target)
			})
		}, nil)
	})
}

// reopen closes the archive and opens the one at path, remembering it for
// the next start.
func (u *mainUI) reopen(path string) {
	u.confirmDiscard(func() {
		st, err := store.Open(path)
		if err != nil {
			u.showError(err)
			return
		}
		st.SetClock(u.clock)
		old := u.st
		u.editor.close()
		u.editor.swapStore(st)
		quietStore.Store(st)
		old.Close()
		u.app.Preferences().SetString(prefDBPath, st.Path())
		if s, err := st.LoadSettings(); err == nil {
			u.settings = s
			u.app.Settings().SetTheme(newAppTheme(s.Theme))
		}
		u.updateTitle()
		u.list.setSelected(0)
		u.list.categories = nil
		u.list.reload()
		u.list.loadFacets()
		u.welcome = u.newWelcome()
		u.root.Objects[1] = u.welcome
		u.root.Refresh()
		u.showWelcomeIfEmpty()
		u.checkStore()
		u.refreshTrashCount()
		u.sync.storeChanged()
		u.notify("Đã mở cơ sở dữ liệu " + st.Path())
		u.offerFirstRun()
	}, nil)
}
