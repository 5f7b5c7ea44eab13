// Package store files Biên Tập's records in one SQLite database: records and
// their images, revisions, autosave slots for draft recovery, document number
// series, settings and a diacritic-insensitive search index. One file is the
// whole archive.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// applicationID marks a SQLite file as a Biên Tập archive ("BTap").
const applicationID = 0x42546170

// Errors callers can test with errors.Is.
var (
	ErrNotFound  = errors.New("không tìm thấy bản ghi")
	ErrNewer     = errors.New("cơ sở dữ liệu do phiên bản Biên Tập mới hơn tạo ra")
	ErrNotSQLite = errors.New("tệp không phải cơ sở dữ liệu Biên Tập")
	ErrDamaged   = errors.New("cơ sở dữ liệu bị hỏng")
	ErrBusy      = errors.New("cơ sở dữ liệu đang bận (một chương trình khác đang ghi)")
)

// Store is an open archive. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string

	upgrade     Progress      // reports a long migration at open (OpenProgress)
	checked     chan struct{} // closed when the open-time quick_check is done
	checkErr    error
	checkCtx    context.Context // cancelled by Close
	cancelCheck context.CancelFunc
	checkOnce   sync.Once   // starts the check, or gives it up at Close
	checkTimer  *time.Timer // starts it checkDelay after open
}

// checkDelay is how long after open the background quick_check starts
// unless something waits for its verdict (Check, a write) sooner: a short
// command (a search, a list) ends before it and does not pay for reading
// the whole file, and the window's first screen does not share the
// machine with it.
const checkDelay = 2 * time.Second

// Path is the database file the store was opened on.
func (s *Store) Path() string { return s.path }

// Close closes the database, interrupting a quick_check still running and
// waiting for it to let go of its connection.
func (s *Store) Close() error {
	s.endCheck()
	return s.db.Close()
}

// endCheck interrupts the open-time check, or gives it up if it has not
// started, and waits for it to let go of its connection.
func (s *Store) endCheck() {
	if s.checkTimer != nil {
		s.checkTimer.Stop()
	}
	s.checkOnce.Do(func() { close(s.checked) })
	s.cancelCheck()
	<-s.checked
}

// Open opens the archive at path, creating it when the file does not exist.
// It refuses, without writing to it, a file that is not a SQLite database, a
// SQLite database that is not a Biên Tập archive, a damaged database, and one
// made by a newer version of the app. Forward migrations run at open.
func Open(path string) (*Store, error) { return OpenProgress(path, nil) }

// OpenProgress is Open reporting, through progress, a migration that takes
// long (one that rebuilds the search index of a large archive); progress is
// not called when there is none. Its return value is ignored.
func OpenProgress(path string, progress Progress) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if err := checkHeader(abs); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite3", dsn(abs, false))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", abs, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Store{db: db, path: abs, upgrade: progress, checked: make(chan struct{}), checkCtx: ctx, cancelCheck: cancel}
	if err := s.init(ctx); err != nil {
		s.endCheck()
		db.Close()
		return nil, fmt.Errorf("%s: %w", abs, err)
	}
	return s, nil
}

// dsn builds the go-sqlite3 connection string: WAL, foreign keys, a busy
// timeout, immediate write transactions (no upgrade deadlocks between
// processes) and full sync so that a save that returned survives a crash.
func dsn(path string, readOnly bool) string {
	p := filepath.ToSlash(path)
	if runtime.GOOS == "windows" && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	u := url.URL{Scheme: "file", Path: p}
	q := url.Values{}
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	q.Set("_txlock", "immediate")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "FULL")
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// checkHeader refuses a non-empty file that does not start with SQLite's magic.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		dir := filepath.Dir(path)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return fmt.Errorf("%s: thư mục %s không tồn tại", path, dir)
		}
		// A new archive needs a writable folder: say so plainly.
		probe, err := os.CreateTemp(dir, ".bientap-probe-*")
		if err != nil {
			return fmt.Errorf("%s: không tạo được cơ sở dữ liệu, thư mục %s chỉ đọc hoặc không có quyền ghi", path, dir)
		}
		probe.Close()
		os.Remove(probe.Name())
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: không mở được tệp: %v", path, err)
	}
	defer f.Close()
	head := make([]byte, 16)
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return nil // an empty file becomes a new archive
	}
	if !bytes.Equal(head[:n], []byte("SQLite format 3\x00")[:n]) || n < 16 {
		return fmt.Errorf("%s: %w", path, ErrNotSQLite)
	}
	return nil
}

func (s *Store) init(ctx context.Context) error {
	var appID, version int
	if err := s.db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return translate(err)
	}
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return translate(err)
	}
	if version > len(migrations) {
		return fmt.Errorf("%w (phiên bản lược đồ %d, ứng dụng này hiểu đến %d); hãy cập nhật Biên Tập", ErrNewer, version, len(migrations))
	}
	if appID != applicationID {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
			return translate(err)
		}
		if n > 0 || appID != 0 {
			return ErrNotSQLite
		}
	}
	if version < len(migrations) && version > 0 {
		// Never migrate a damaged archive: check it first, synchronously.
		if s.upgrade != nil {
			s.upgrade(0, 0) // the check takes a while before the first step
		}
		s.checkOnce.Do(func() { s.quickCheck(ctx) })
		if s.checkErr != nil {
			return s.checkErr
		}
	} else {
		// quick_check reads the whole file (seconds for a large archive), so
		// it runs in the background, from checkDelay after open or as soon
		// as something waits for its verdict; writes wait for it.
		s.checkTimer = time.AfterFunc(checkDelay, s.startCheck)
	}
	if _, err := s.db.Exec("PRAGMA journal_mode=WAL"); err != nil {
		return translate(err)
	}
	return s.migrate(version)
}

func (s *Store) quickCheck(ctx context.Context) {
	defer close(s.checked)
	var check string
	if err := s.db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil {
		if ctx.Err() == nil { // else closed before the check finished: nothing found wrong
			s.checkErr = fmt.Errorf("%s: %w", s.path, translate(err))
		}
		return
	}
	if check != "ok" {
		s.checkErr = fmt.Errorf("%s: %w: %s", s.path, ErrDamaged, check)
	}
}

// startCheck starts the background check unless it started or was given up.
func (s *Store) startCheck() {
	s.checkOnce.Do(func() { go s.quickCheck(s.checkCtx) })
}

// CheckVerdict waits for the open-time integrity check's verdict without
// starting the check sooner than checkDelay after open: the window reports
// the verdict when it comes. Check starts it at once.
func (s *Store) CheckVerdict() error {
	<-s.checked
	return s.checkErr
}

// Check waits for the open-time integrity check (PRAGMA quick_check),
// starting it if it has not started, and returns its verdict. Every write
// waits for it too, so a damaged archive is never written to.
func (s *Store) Check() error {
	if s.checkTimer != nil {
		s.startCheck()
	}
	<-s.checked
	return s.checkErr
}

// translate turns driver errors into the store's errors with Vietnamese text.
func translate(err error) error {
	if err == nil {
		return nil
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return ErrBusy
		case sqlite3.ErrNotADB:
			return ErrNotSQLite
		case sqlite3.ErrCorrupt:
			return fmt.Errorf("%w: %v", ErrDamaged, err)
		case sqlite3.ErrReadonly, sqlite3.ErrCantOpen, sqlite3.ErrPerm:
			return fmt.Errorf("không ghi được cơ sở dữ liệu (thư mục hoặc tệp chỉ đọc?): %v", err)
		case sqlite3.ErrFull:
			return fmt.Errorf("đĩa đầy, không ghi được: %v", err)
		}
	}
	return err
}

// wtx is a write transaction that prepares each statement once: bulk
// inserts run the same few statements thousands of times.
type wtx struct {
	*sql.Tx
	stmts    map[string]*sql.Stmt
	progress Progress // a migration's progress (OpenProgress), or nil
}

// report passes a migration's progress on.
func (w *wtx) report(done, total int) {
	if w.progress != nil {
		w.progress(min(done, total), total)
	}
}

func (w *wtx) stmt(q string) (*sql.Stmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	st, err := w.Tx.Prepare(q)
	if err != nil {
		return nil, err
	}
	w.stmts[q] = st
	return st, nil
}

// Exec runs one statement (prepared once per transaction); a script of
// several statements runs unprepared.
func (w *wtx) Exec(q string, args ...any) (sql.Result, error) {
	if strings.Contains(strings.TrimRight(strings.TrimSpace(q), ";"), ";") {
		return w.Tx.Exec(q, args...)
	}
	st, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.Exec(args...)
}

// QueryRow runs a one-row query prepared once per transaction.
func (w *wtx) QueryRow(q string, args ...any) *sql.Row {
	st, err := w.stmt(q)
	if err != nil {
		return w.Tx.QueryRow(q, args...)
	}
	return st.QueryRow(args...)
}

// tx runs f in one write transaction, once the archive passed its check.
func (s *Store) tx(f func(tx *wtx) error) error {
	if err := s.Check(); err != nil {
		return err
	}
	t, err := s.db.Begin()
	if err != nil {
		return translate(err)
	}
	tx := &wtx{Tx: t, stmts: map[string]*sql.Stmt{}}
	if err := f(tx); err != nil {
		tx.Rollback()
		return translate(err)
	}
	return translate(tx.Commit())
}
