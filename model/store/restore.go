package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// RestoreFrom replaces the open archive's content with the backup at path
// and returns the path of the safety copy of what it replaced.
//
// The backup is validated (never written), copied into a hidden temporary
// beside the archive and brought to this version's schema and this
// archive's page size. Then the archive's write lock is taken (waiting for
// another writer at most the busy timeout), the content current at that
// moment is copied aside and verified ("<name>.truoc-khoi-phuc-<time>.db",
// a free name), and only then is the content replaced, in one transaction.
// No write can land between the safety copy and the replacement, so a
// restore loses nothing. Cancelling ctx, or any failure, leaves the archive
// exactly as it was (and no safety copy). Progress runs from 0 to 3000 over
// the three copies.
func (s *Store) RestoreFrom(ctx context.Context, path string, progress Progress) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("%s: đường dẫn không hợp lệ", path)
	}
	if abs == s.path {
		return "", fmt.Errorf("%s: không thể khôi phục từ chính cơ sở dữ liệu đang mở", abs)
	}
	if err := validate(ctx, abs, "PRAGMA integrity_check"); err != nil {
		return "", fmt.Errorf("%s: %w", abs, err)
	}
	if err := s.Check(); err != nil {
		return "", err
	}
	stage := func(n int64) Progress {
		return func(done, total int64) {
			if total > 0 {
				report(progress, n*1000+done*1000/total, 3000)
			}
		}
	}
	tmp, err := createTemp(filepath.Dir(s.path))
	if err != nil {
		return "", fmt.Errorf("%s: %w", s.path, err)
	}
	defer removeDB(tmp)
	if err := s.prepareRestore(ctx, abs, tmp, stage(0)); err != nil {
		return "", fmt.Errorf("%s: không khôi phục được: %w", abs, err)
	}
	safety, err := s.replaceWith(ctx, tmp, stage(1), stage(2))
	if err != nil {
		return "", fmt.Errorf("khôi phục từ %s không được, dữ liệu hiện tại giữ nguyên: %w", abs, err)
	}
	if _, err := s.db.Exec("PRAGMA journal_mode=WAL"); err != nil {
		return safety, translate(err)
	}
	return safety, nil
}

// prepareRestore copies the backup at src into the empty file tmp, with the
// live archive's page size (a WAL database cannot take pages of another
// size) and this version's schema.
func (s *Store) prepareRestore(ctx context.Context, src, tmp string, progress Progress) error {
	from, err := sql.Open("sqlite3", readOnlyDSN(src))
	if err != nil {
		return translate(err)
	}
	t, err := sql.Open("sqlite3", dsn(tmp, false))
	if err != nil {
		from.Close()
		return translate(err)
	}
	defer t.Close()
	err = copyDB(ctx, t, from, progress)
	from.Close()
	if err != nil {
		return err
	}
	if _, err := t.ExecContext(ctx, "PRAGMA journal_mode=DELETE"); err != nil {
		return ctxOr(ctx, err)
	}
	var want, got, version int
	if err := s.db.QueryRow("PRAGMA page_size").Scan(&want); err != nil {
		return translate(err)
	}
	if err := t.QueryRow("PRAGMA page_size").Scan(&got); err != nil {
		return translate(err)
	}
	if got != want {
		// VACUUM rewrites a rollback-journal database with a new page size.
		if _, err := t.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d; VACUUM", want)); err != nil {
			return translate(err)
		}
	}
	if err := t.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return translate(err)
	}
	checked := make(chan struct{})
	close(checked)
	ts := &Store{db: t, path: tmp, clock: s.clock, checked: checked, cancelCheck: func() {}}
	return ts.migrate(version)
}

// replaceWith takes the live archive's write lock, copies its content aside
// (verified), then copies tmp over it in the same lock, and returns the
// safety copy's path.
func (s *Store) replaceWith(ctx context.Context, tmp string, safetyProgress, progress Progress) (string, error) {
	src, err := sql.Open("sqlite3", dsn(tmp, false))
	if err != nil {
		return "", translate(err)
	}
	defer src.Close()
	var safety string
	err = withConns(ctx, s.db, src, func(live, from *sqlite3.SQLiteConn) error {
		b, err := startBackup(ctx, live, from)
		if err != nil {
			return err
		}
		// The write lock is held from here: what is current now is what the
		// safety copy keeps, and nothing else can commit before the restore.
		name := s.safetyName()
		aside, err := createTemp(filepath.Dir(s.path))
		if err != nil {
			b.Close()
			return err
		}
		defer removeDB(aside)
		if err := copyVerified(ctx, aside, s.db, safetyProgress); err != nil {
			b.Close()
			return fmt.Errorf("không lưu được bản hiện tại trước khi khôi phục: %w", err)
		}
		if err := os.Rename(aside, name); err != nil {
			b.Close()
			return fmt.Errorf("%s: %w", name, renameError(err))
		}
		syncDir(filepath.Dir(name))
		if err := finishBackup(ctx, b, progress); err != nil {
			// The archive is unchanged: the safety copy is not needed.
			os.Remove(name)
			return err
		}
		safety = name
		return nil
	})
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		return "", ctx.Err()
	}
	return safety, err
}
