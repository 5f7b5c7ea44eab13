package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"bientap/model/store"
)

// startDailyBackup makes the day's automatic backup, off the UI goroutine,
// when the settings ask for one and it is not there yet, then keeps the
// newest BackupKeep backups of the folder (never removing the last good
// one). Temporaries that a killed backup left in the folder go first.
func (u *mainUI) startDailyBackup() {
	s := u.settings
	if !s.BackupDaily || s.BackupDir == "" {
		return
	}
	st := u.st
	target := filepath.Join(s.BackupDir, store.DailyBackupName(u.clock.Now()))
	if _, err := os.Stat(target); err == nil {
		return // today's backup exists
	}
	u.sched.Go(func() {
		err := os.MkdirAll(s.BackupDir, 0o755)
		if err == nil {
			store.CleanTemporaries(s.BackupDir)
			err = st.Backup(context.Background(), target, nil)
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
	now := u.clock.Now()
	if s.BackupDir != "" {
		if err := os.MkdirAll(s.BackupDir, 0o755); err != nil {
			u.showError(folderError(s.BackupDir, err))
			return
		}
		name := "bientap-" + now.Format("2006-01-02-150405") + ".db"
		u.backupTo(filepath.Join(s.BackupDir, name), s.BackupDir, s.BackupKeep)
		return
	}
	u.saveFileDialog("Sao lưu dữ liệu", store.DailyBackupName(now), []string{".db"}, "backupDir", func(path string) {
		u.backupTo(path, "", 0)
	})
}

// backupTo writes a backup to path behind a progress dialog (pages copied,
// then the copy's integrity check); Hủy stops it and leaves no file. With
// dir, the folder's old backups beyond keep are removed.
func (u *mainUI) backupTo(path, dir string, keep int) {
	st := u.st
	u.runLongCtx("Đang sao lưu", func(ctx context.Context, p progressFunc) (string, error) {
		p(0, 0, "Đang sao lưu vào "+path+"…")
		err := st.Backup(ctx, path, func(done, total int64) {
			msg := ""
			if done == total {
				msg = "Đang kiểm tra bản sao lưu…"
			}
			p(int(done), int(total), msg)
		})
		if err == nil && dir != "" {
			err = store.RotateBackups(dir, keep)
		}
		return "", err
	}, func(_ string, err error) {
		if err != nil {
			dropEmpty(path)
			u.showError(err)
			return
		}
		u.notify("Đã sao lưu: " + path)
		u.offerOpen("Đã sao lưu", "Đã ghi bản sao lưu "+path+" (đã kiểm tra toàn vẹn).", nil, path)
	})
}

// onRestoreBackup replaces the archive's content by a backup, after
// checking the backup's header and asking; the store checks the whole
// backup and keeps the current content beside the database first.
func (u *mainUI) onRestoreBackup() {
	u.chooseFile("Chọn bản sao lưu (.db)", "Chọn", []string{".db"}, "backupDir", func(path string) {
		if err := store.Inspect(path); err != nil {
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
	u.runLongCtx("Đang khôi phục", func(ctx context.Context, p progressFunc) (string, error) {
		p(0, 0, "Đang kiểm tra và chép bản sao lưu…")
		return st.RestoreFrom(ctx, path, func(done, total int64) {
			msg := ""
			switch {
			case done >= 2000:
				msg = "Đang thay dữ liệu…"
			case done >= 1000:
				msg = "Đang giữ lại dữ liệu hiện tại…"
			}
			p(int(done), int(total), msg)
		})
	}, func(safety string, err error) {
		if err != nil {
			u.showError(err)
			u.list.reload()
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
