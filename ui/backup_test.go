package ui

import (
	"bientap/model/store"
	"path/filepath"
	"testing"
)

func TestBackupNowAndDaily(t *testing.T) {
	tu := newTestUI(t, true)
	dir := filepath.Join(t.TempDir(), "saoluu")
	s := tu.settings
	s.BackupDir, s.BackupKeep, s.BackupDaily = dir, 2, true
	if err := tu.st.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	tu.settings, _ = tu.st.LoadSettings()
	tu.startDailyBackup()
	daily := filepath.Join(dir, store.DailyBackupName(testNow))
	if err := store.Validate(daily); err != nil {
		t.Fatalf("daily backup: %v", err)
	}
	tu.onBackupNow()
	tu.dialog("Đã sao lưu")
	files, _ := filepath.Glob(filepath.Join(dir, "bientap-*.db"))
	if len(files) != 2 {
		t.Fatalf("%d backups, want 2", len(files))
	}
}
