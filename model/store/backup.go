package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// Progress reports how far a long operation got: done of total (pages,
// bytes or records; total 0 when unknown). Operations are cancelled through
// their context, not through the callback.
type Progress func(done, total int64)

func report(p Progress, done, total int64) {
	if p != nil {
		p(done, total)
	}
}

// stepPages is how many pages one step of the online backup copies (1 MB of
// 4 KB pages): short enough that a cancel is seen at once.
const stepPages = 256

// withConns runs f on the raw SQLite connections of dst and src.
func withConns(ctx context.Context, dst, src *sql.DB, f func(d, s *sqlite3.SQLiteConn) error) error {
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
			return f(d.(*sqlite3.SQLiteConn), s.(*sqlite3.SQLiteConn))
		})
	})
}

// readSnapshot opens a read transaction on the source connection for the
// whole copy: the copy is the archive as it was at that instant, and writes
// by others meanwhile neither block it nor make it start over.
func readSnapshot(src *sqlite3.SQLiteConn) (end func(), err error) {
	if _, err := src.Exec("BEGIN", nil); err != nil {
		return nil, translate(err)
	}
	if _, err := src.Exec("SELECT count(*) FROM sqlite_master", nil); err != nil {
		src.Exec("ROLLBACK", nil)
		return nil, translate(err)
	}
	return func() { src.Exec("ROLLBACK", nil) }, nil
}

// startBackup begins an online backup of src into dst and steps it until it
// holds dst's write lock, waiting for another writer at most busyTimeout
// (sleeping, never spinning): go-sqlite3 reports a busy step as no progress.
func startBackup(ctx context.Context, d, s *sqlite3.SQLiteConn) (*sqlite3.SQLiteBackup, error) {
	b, err := d.Backup("main", s, "main")
	if err != nil {
		return nil, translate(err)
	}
	deadline := time.Now().Add(busyTimeout)
	for {
		if _, err := b.Step(0); err != nil {
			b.Close()
			return nil, translate(err)
		}
		if b.PageCount() > 0 {
			return b, nil // locks taken, nothing copied yet
		}
		if time.Now().After(deadline) {
			b.Close()
			return nil, ErrBusy
		}
		if err := sleep(ctx, 20*time.Millisecond); err != nil {
			b.Close()
			return nil, err
		}
	}
}

// finishBackup copies the remaining pages, reporting progress, and commits.
// On any error or cancel the backup is abandoned, which rolls dst back.
func finishBackup(ctx context.Context, b *sqlite3.SQLiteBackup, progress Progress) error {
	for {
		if err := ctx.Err(); err != nil {
			b.Close()
			return err
		}
		done, err := b.Step(stepPages)
		if err != nil {
			b.Close()
			return translate(err)
		}
		total := int64(b.PageCount())
		report(progress, total-int64(b.Remaining()), total)
		if done {
			return translate(b.Finish())
		}
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// copyDB copies src into dst (a new, private database) with SQLite's online
// backup API, from one consistent snapshot of src.
func copyDB(ctx context.Context, dst, src *sql.DB, progress Progress) error {
	return withConns(ctx, dst, src, func(d, s *sqlite3.SQLiteConn) error {
		end, err := readSnapshot(s)
		if err != nil {
			return err
		}
		defer end()
		b, err := startBackup(ctx, d, s)
		if err != nil {
			return err
		}
		return finishBackup(ctx, b, progress)
	})
}

// verify runs SQLite's full integrity check on a copy.
func verify(ctx context.Context, db *sql.DB) error {
	var check string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return translate(err)
	}
	if check != "ok" {
		return fmt.Errorf("%w (kiểm tra toàn vẹn bản sao báo lỗi)", ErrDamaged)
	}
	return nil
}

// copyVerified writes a self-contained copy (rollback journal, no -wal) of
// src into the empty file tmp, checks it with integrity_check and flushes it
// to disk. Only a copy that passed counts.
func copyVerified(ctx context.Context, tmp string, src *sql.DB, progress Progress) error {
	dst, err := sql.Open("sqlite3", dsn(tmp, false))
	if err != nil {
		return translate(err)
	}
	err = copyDB(ctx, dst, src, progress)
	if err == nil {
		// The copied header says WAL, like its source; a copy is one
		// self-contained file.
		_, err = dst.ExecContext(ctx, "PRAGMA journal_mode=DELETE")
		err = ctxOr(ctx, err)
	}
	if err == nil {
		err = verify(ctx, dst)
	}
	if cerr := dst.Close(); err == nil {
		err = translate(cerr)
	}
	if err != nil {
		return err
	}
	return syncFile(tmp)
}

// Backup writes a consistent copy of the live archive to path. The copy is
// made in a hidden temporary beside path, passes SQLite's integrity check
// and only then takes path's name, so a backup that exists is a good one; a
// damaged archive is not backed up. Cancelling ctx leaves nothing behind.
// Progress counts pages.
func (s *Store) Backup(ctx context.Context, path string, progress Progress) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("%s: đường dẫn không hợp lệ", path)
	}
	if abs == s.path {
		return fmt.Errorf("%s: không thể sao lưu đè lên chính cơ sở dữ liệu đang mở", abs)
	}
	if st, err := os.Stat(abs); err == nil && st.IsDir() {
		return fmt.Errorf("%s: là một thư mục, không phải tệp", abs)
	}
	if err := s.Check(); err != nil {
		return fmt.Errorf("không sao lưu: %w", err)
	}
	tmp, err := createTemp(filepath.Dir(abs))
	if err != nil {
		return fmt.Errorf("%s: %w", abs, err)
	}
	defer removeDB(tmp)
	if err := copyVerified(ctx, tmp, s.db, progress); err != nil {
		if errors.Is(err, ErrDamaged) {
			return fmt.Errorf("%s: không sao lưu: %w", s.path, err)
		}
		return fmt.Errorf("%s: sao lưu không được: %w", abs, err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		return fmt.Errorf("%s: %w", abs, renameError(err))
	}
	syncDir(filepath.Dir(abs))
	return nil
}

func renameError(err error) error {
	return textError{err, "không đặt được tên cho bản sao (tệp đang mở trong chương trình khác, hoặc thư mục chỉ đọc)"}
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return fileError(err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return textError{err, "không ghi được xuống đĩa"}
	}
	return nil
}

// syncDir makes a rename durable (POSIX; Windows has no directory sync).
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// readOnlyDSN opens a file that nobody should be writing (a backup) for
// reading only. Without a -wal file beside it, the file is opened immutable:
// SQLite then creates no -shm or -wal either, so checking a backup leaves
// its folder as it was.
func readOnlyDSN(path string) string {
	d := dsn(path, true)
	if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
		d += "&immutable=1"
	}
	return d
}

// Validate checks that path is a Biên Tập archive this version can open:
// SQLite, ours, not newer, and passing integrity_check. It never writes, and
// judges the header before SQLite opens the file.
func Validate(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("%s: đường dẫn không hợp lệ", path)
	}
	if err := validate(context.Background(), abs, "PRAGMA integrity_check"); err != nil {
		return fmt.Errorf("%s: %w", abs, err)
	}
	return nil
}

func validate(ctx context.Context, abs, check string) error {
	h, err := readHeader(abs)
	if err != nil {
		return err
	}
	if h.empty || h.appID != applicationID {
		return ErrNotSQLite
	}
	if err := h.judge(); err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", readOnlyDSN(abs))
	if err != nil {
		return translate(err)
	}
	defer db.Close()
	var appID, version int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return translate(err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return translate(err)
	}
	if appID != applicationID {
		return ErrNotSQLite
	}
	if version > len(migrations) {
		return fmt.Errorf("%w (phiên bản lược đồ %d, ứng dụng này hiểu đến %d); hãy cập nhật Biên Tập", ErrNewer, version, len(migrations))
	}
	var verdict string
	if err := db.QueryRowContext(ctx, check).Scan(&verdict); err != nil {
		return translate(err)
	}
	if verdict != "ok" {
		return fmt.Errorf("%w (kiểm tra toàn vẹn báo lỗi)", ErrDamaged)
	}
	return nil
}

// RotateBackups keeps the newest keep files matching "bientap-*.db" in dir
// and removes the older ones, but never the newest backup that passes its
// check: when the newest ones are damaged, the last good one stays too. When
// none passes, nothing is removed and the error says so.
func RotateBackups(dir string, keep int) error {
	files, err := filepath.Glob(filepath.Join(dir, "bientap-*.db"))
	if err != nil {
		return err
	}
	keep = max(keep, 1)
	if len(files) <= keep {
		return nil
	}
	// Names carry the date: lexical order is age order. Newest first.
	slices.Sort(files)
	slices.Reverse(files)
	good := ""
	for _, f := range files {
		if validate(context.Background(), f, "PRAGMA quick_check") == nil {
			good = f
			break
		}
	}
	if good == "" {
		return fmt.Errorf("không bản sao lưu nào trong %s qua được kiểm tra; không xóa bản nào", dir)
	}
	for _, f := range files[keep:] {
		if f == good {
			continue
		}
		if err := os.Remove(f); err != nil {
			return fmt.Errorf("%s: không xóa được bản sao lưu cũ", f)
		}
	}
	return nil
}

// DailyBackupName is the file name of the automatic backup of day t.
func DailyBackupName(t time.Time) string { return "bientap-" + t.Format("2006-01-02") + ".db" }

// safetyName is a free name for the copy of the archive taken before a
// restore: "<name>.truoc-khoi-phuc-<time>.db", then "-2", "-3"… It is called
// with the archive's write lock held, so two restores cannot pick the same.
func (s *Store) safetyName() string {
	base := strings.TrimSuffix(s.path, filepath.Ext(s.path)) + ".truoc-khoi-phuc-" + s.clock.Now().Format("20060102-150405")
	name := base + ".db"
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, os.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d.db", base, i)
	}
}

// Inspect judges the file at path from its header alone, without SQLite
// opening it: is it a Biên Tập archive this version can read? It is the
// quick first check before a restore (RestoreFrom then runs the full one).
func Inspect(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("%s: đường dẫn không hợp lệ", path)
	}
	h, err := readHeader(abs)
	if err == nil && (h.empty || h.appID != applicationID) {
		err = ErrNotSQLite
	}
	if err == nil {
		err = h.judge()
	}
	if err != nil {
		return fmt.Errorf("%s: %w", abs, err)
	}
	return nil
}
