package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// Progress reports a long operation's progress (done of total); returning
// false cancels it.
type Progress func(done, total int) bool

// copyDB copies src into dst with SQLite's online backup API, a few hundred
// pages at a time so that writers are not blocked for long.
func copyDB(ctx context.Context, dst, src *sql.DB, progress Progress) error {
	dc, err := dst.Conn(ctx)
	if err != nil {
		return translate(err)
	}
	defer dc.Close()
	sc, err := src.Conn(ctx)
	if err != nil {
		return translate(err)
	}
	defer sc.Close()
	return dc.Raw(func(d any) error {
		return sc.Raw(func(s any) error {
			b, err := d.(*sqlite3.SQLiteConn).Backup("main", s.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return translate(err)
			}
			for {
				done, err := b.Step(256)
				if err != nil {
					b.Close()
					return translate(err)
				}
				if progress != nil && !progress(b.PageCount()-b.Remaining(), b.PageCount()) {
					b.Close()
					return context.Canceled
				}
				if done {
					return translate(b.Finish())
				}
			}
		})
	})
}

// Backup writes a consistent copy of the live archive to path (atomically:
// a temporary file in the same folder renamed into place).
func (s *Store) Backup(path string, progress Progress) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if abs == s.path {
		return fmt.Errorf("không thể sao lưu đè lên chính cơ sở dữ liệu đang mở")
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), ".bientap-backup-*.db")
	if err != nil {
		return fmt.Errorf("không tạo được tệp sao lưu trong %s: %v", filepath.Dir(abs), err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName)
	dst, err := sql.Open("sqlite3", dsn(tmpName, false))
	if err != nil {
		return err
	}
	err = copyDB(context.Background(), dst, s.db, progress)
	if err == nil {
		// A backup is one self-contained file: leave WAL mode.
		_, err = dst.Exec("PRAGMA journal_mode=DELETE")
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sao lưu thất bại: %w", err)
	}
	if err := syncFile(tmpName); err != nil {
		return err
	}
	if err := os.Rename(tmpName, abs); err != nil {
		return fmt.Errorf("không ghi được %s: %v", abs, err)
	}
	return nil
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// Validate checks that path is a Biên Tập archive this version can open:
// SQLite, ours, not newer, and passing integrity_check. It never writes.
func Validate(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err != nil {
		return fmt.Errorf("%s: không đọc được tệp: %v", abs, err)
	}
	if err := checkHeader(abs); err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", dsn(abs, true))
	if err != nil {
		return err
	}
	defer db.Close()
	var appID, version int
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("%s: %w", abs, translate(err))
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("%s: %w", abs, translate(err))
	}
	if appID != applicationID {
		return fmt.Errorf("%s: %w", abs, ErrNotSQLite)
	}
	if version > len(migrations) {
		return fmt.Errorf("%s: %w", abs, ErrNewer)
	}
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil {
		return fmt.Errorf("%s: %w", abs, translate(err))
	}
	if check != "ok" {
		return fmt.Errorf("%s: %w: %s", abs, ErrDamaged, check)
	}
	return nil
}

// RestoreFrom replaces the open archive's content with the backup at path,
// after checking the backup is a valid archive. The current content is first
// saved beside the database ("<name>.truoc-khoi-phuc-<time>.db") so that a
// restore never loses anything; that file's path is returned.
func (s *Store) RestoreFrom(path string, progress Progress) (string, error) {
	if err := Validate(path); err != nil {
		return "", err
	}
	safety := strings.TrimSuffix(s.path, filepath.Ext(s.path)) + ".truoc-khoi-phuc-" +
		time.Now().Format("20060102-150405") + ".db"
	if err := s.Backup(safety, nil); err != nil {
		return "", fmt.Errorf("không lưu được bản hiện tại trước khi khôi phục: %w", err)
	}
	src, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return safety, err
	}
	defer src.Close()
	if err := copyDB(context.Background(), s.db, src, progress); err != nil {
		return safety, fmt.Errorf("khôi phục thất bại (bản cũ vẫn còn ở %s): %w", safety, err)
	}
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return safety, translate(err)
	}
	if _, err := s.db.Exec("PRAGMA journal_mode=WAL"); err != nil {
		return safety, translate(err)
	}
	return safety, s.migrate(version)
}

// RotateBackups keeps the newest keep files matching "bientap-*.db" in dir.
func RotateBackups(dir string, keep int) error {
	files, err := filepath.Glob(filepath.Join(dir, "bientap-*.db"))
	if err != nil {
		return err
	}
	sort.Strings(files) // names carry the date: lexical order is age order
	for len(files) > keep {
		if err := os.Remove(files[0]); err != nil {
			return err
		}
		files = files[1:]
	}
	return nil
}

// DailyBackupName is the file name of the automatic backup of day t.
func DailyBackupName(t time.Time) string { return "bientap-" + t.Format("2006-01-02") + ".db" }
