package ui

import (
	"fmt"
	"os"
	"path/filepath"

	"bientap/model/store"
)

// startDailyBackup makes the day's automatic backup, off the UI goroutine,
// when the settings ask for one and it is not there yet, then keeps the
// newest BackupKeep backups of the folder.
func (u *mainUI) startDailyBackup() {
	s := u.settings
	if !s.BackupDaily || s.BackupDir == "" {
		return
	}
	target := filepath.Join(s.BackupDir, store.DailyBackupName(u.clock.Now()))
	if _, err := os.Stat(target); err == nil {
		return // today's backup exists
	}
	st := u.st
	u.sched.Go(func() {
		err := os.MkdirAll(s.BackupDir, 0o755)
		if err == nil {
			err = st.Backup(target, nil)
		}
		if err == nil {
			err = store.RotateBackups(s.BackupDir, s.BackupKeep)
		}
		u.sched.Do(func() {
			if err != nil {
				u.notify("Sao lưu tự động không được: " + oneLine(err.Error()))
				return
			}
			u.notify("Đã sao lưu tự động: " + target)
		})
	})
}

// onBackupNow backs the archive up: into the backup folder of the settings
// when there is one, else where the clerk chooses.
func (u *mainUI) onBackupNow() {
	s := u.settings
	if s.BackupDir != "" {
		if err := os.MkdirAll(s.BackupDir, 0o755); err != nil {
			u.showError(folderError(s.BackupDir, err))
			return
		}
		name := "bientap-" + u.clock.Now().Format("2006-01-02-150405") + ".db"
		u.backupTo(filepath.Join(s.BackupDir, name), s.BackupDir, s.BackupKeep)
		return
	}
	u.saveFileDialog("Sao lưu dữ liệu", store.DailyBackupName(u.clock.Now()), []string{".db"}, "backupDir", func(path string) {
		u.backupTo(path, "", 0)
	})
}

// backupTo writes a backup to path behind a progress dialog; with dir, the
// folder's old backups beyond keep are removed.
func (u *mainUI) backupTo(path, dir string, keep int) {
	st := u.st
	u.runLong("Đang sao lưu", func(p progressFunc) (string, error) {
		p(0, 0, "Đang sao lưu vào "+path+"…")
		err := st.Backup(path, func(done, total int) bool {
			return p(done, total, "")
		})
		if err == nil && dir != "" {
			err = store.RotateBackups(dir, keep)
		}
		return "", err
	}, func(_ string, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.notify("Đã sao lưu: " + path)
		u.offerOpen("Đã sao lưu", "Đã ghi bản sao lưu "+path+".", nil, path)
	})
}

// onRestoreBackup replaces the archive's content by a backup, after
// checking the backup and asking; the current content is kept beside the
// database first (the store does it).
func (u *mainUI) onRestoreBackup() {
	u.chooseFile("Chọn bản sao lưu (.db)", "Chọn", []string{".db"}, "backupDir", func(path string) {
		if err := store.Validate(path); err != nil {
			u.showError(err)
			return
		}
		u.confirm("Khôi phục từ bản sao lưu?",
			fmt.Sprintf("Toàn bộ dữ liệu hiện tại sẽ được thay bằng nội dung của %s. Dữ liệu hiện tại được giữ lại trong một tệp bên cạnh cơ sở dữ liệu.", path),
			"Khôi phục", func() {
				u.confirmDiscard(func() { u.restoreFrom(path) }, nil)
			})
	})
}

func (u *mainUI) restoreFrom(path string) {
	st := u.st
	u.editor.close()
	u.list.setSelected(0)
	u.runLong("Đang khôi phục", func(p progressFunc) (string, error) {
		p(0, 0, "Đang chép dữ liệu từ bản sao lưu…")
		return st.RestoreFrom(path, func(done, total int) bool { return p(done, total, "") })
	}, func(safety string, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if s, err := u.st.LoadSettings(); err == nil {
			u.settings = s
			u.app.Settings().SetTheme(newAppTheme(s.Theme))
		}
		u.showMain()
		u.list.reload()
		u.list.loadFacets()
		u.notify("Đã khôi phục từ " + path)
		u.showMessage("Đã khôi phục", fmt.Sprintf("Đã khôi phục dữ liệu từ %s. Dữ liệu trước khi khôi phục được giữ ở %s.", path, safety))
	})
}
