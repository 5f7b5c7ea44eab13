// Package store files Biên Tập's records in one SQLite database: records and
// their images, revisions, autosave slots for draft recovery, document number
// series, settings and a diacritic-insensitive search index. One file is the
// whole archive.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"bientap/model"
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

// ErrReadOnly marks a write refused because the archive's file or folder is
// read-only; ErrDiskFull one refused for lack of space.
var (
	ErrReadOnly = errors.New("không ghi được cơ sở dữ liệu: tệp hoặc thư mục chỉ đọc, hoặc không có quyền ghi")
	ErrDiskFull = errors.New("ổ đĩa đã đầy, không ghi được cơ sở dữ liệu")
)

// Store is an open archive. It is safe for concurrent use.
type Store struct {
	db    *sql.DB
	path  string
	clock model.Clock

	upgrade     Progress      // reports a long migration at open (OpenProgress)
	opened      fileState     // the files' state before this store opened them (Verified)
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

// SetClock sets the clock that dates new records, saves, autosaves and
// safety copies (nil: the system clock). Call it right after Open, before
// the store is shared.
func (s *Store) SetClock(c model.Clock) { s.clock = c }

// Clock is the clock the store dates things with.
func (s *Store) Clock() model.Clock { return s.clock }

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
// It refuses, without writing to it or leaving any file beside it, a file
// that is not a SQLite database, a SQLite database that is not a Biên Tập
// archive, a damaged database, and one made by a newer version of the app:
// the file's header is read and judged before SQLite opens it, and a file
// not yet in WAL mode passes its integrity check before it is switched.
// Forward migrations run at open. Hidden temporaries that a killed backup or
// restore left in the archive's folder are removed.
func Open(path string) (*Store, error) { return OpenProgress(path, nil) }

// OpenProgress is Open reporting, through progress, a migration that takes
// long (one that rebuilds the search index of a large archive); progress is
// not called when there is none.
func OpenProgress(path string, progress Progress) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: đường dẫn không hợp lệ", path)
	}
	h, err := inspectForOpen(abs)
	if err == nil {
		err = h.judge()
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", abs, err)
	}
	opened, _ := statFiles(abs)
	db, err := sql.Open("sqlite3", dsn(abs, false))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", abs, translate(err))
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Store{db: db, path: abs, upgrade: progress, opened: opened, checked: make(chan struct{}), checkCtx: ctx, cancelCheck: cancel}
	if err := s.init(ctx, h); err != nil {
		s.endCheck()
		db.Close()
		return nil, fmt.Errorf("%s: %w", abs, err)
	}
	CleanTemporaries(filepath.Dir(abs))
	return s, nil
}

// dsn builds the go-sqlite3 connection string: foreign keys, a busy
// timeout, immediate write transactions (no upgrade deadlocks between
// processes) and full sync so that a save that returned survives a crash.
// The journal mode is not in it: connecting must not change a file that may
// still be refused (init switches an accepted archive to WAL).
func dsn(path string, readOnly bool) string {
	p := filepath.ToSlash(path)
	if runtime.GOOS == "windows" && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	u := url.URL{Scheme: "file", Path: p}
	q := url.Values{}
	q.Set("_busy_timeout", strconv.Itoa(int(busyTimeout/time.Millisecond)))
	q.Set("_foreign_keys", "on")
	q.Set("_txlock", "immediate")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_synchronous", "FULL")
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// busyTimeout is how long a write waits for another program's write before
// it gives up with ErrBusy.
const busyTimeout = 5 * time.Second

// inspectForOpen reads the header of an existing file; for a missing one it
// checks that the folder exists and can take a new archive.
func inspectForOpen(path string) (header, error) {
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		dir := filepath.Dir(path)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return header{}, fmt.Errorf("thư mục %s không tồn tại", dir)
		}
		// A new archive needs a writable folder: say so plainly.
		probe, err := os.CreateTemp(dir, ".bientap-probe-*")
		if err != nil {
			return header{}, fmt.Errorf("không tạo được cơ sở dữ liệu, thư mục %s chỉ đọc hoặc không có quyền ghi", dir)
		}
		probe.Close()
		os.Remove(probe.Name())
		return header{empty: true}, nil
	}
	return readHeader(path)
}

func (s *Store) init(ctx context.Context, h header) error {
	var appID, version int
	var mode string
	// The header was judged from the main file; the WAL may hold newer
	// pages, so SQLite's view is checked again (reading writes nothing).
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
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		return translate(err)
	}
	switch {
	case version == 0:
		s.checkOnce.Do(func() { close(s.checked) }) // a new archive: nothing to check
	case version < len(migrations) || !strings.EqualFold(mode, "wal"):
		// Never migrate, or switch the journal mode of, a damaged archive:
		// check it first, synchronously.
		if s.upgrade != nil && version < len(migrations) {
			s.upgrade(0, 0) // the check takes a while before the first step
		}
		s.checkOnce.Do(func() { s.quickCheck(ctx) })
		if s.checkErr != nil {
			return s.checkErr
		}
	default:
		// quick_check reads the whole file (seconds for a large archive), so
		// it runs in the background, from checkDelay after open or as soon
		// as something waits for its verdict; writes wait for it.
		s.checkTimer = time.AfterFunc(checkDelay, s.startCheck)
	}
	if !strings.EqualFold(mode, "wal") {
		if _, err := s.db.Exec("PRAGMA journal_mode=WAL"); err != nil {
			return translate(err)
		}
	}
	return s.migrate(version)
}

func (s *Store) quickCheck(ctx context.Context) {
	defer close(s.checked)
	check, err := runQuickCheck(ctx, s.db)
	if err != nil {
		if ctx.Err() == nil { // else closed before the check finished: nothing found wrong
			s.checkErr = fmt.Errorf("%s: %w", s.path, translate(err))
		}
		return
	}
	if check != "ok" {
		s.checkErr = fmt.Errorf("%s: %w (kiểm tra toàn vẹn báo lỗi)", s.path, ErrDamaged)
	}
}

// runQuickCheck runs PRAGMA quick_check on a connection whose page cache
// is kept small while it runs: the check reads every page of the file once,
// so its cache would only hold pages no query asks for (2 MB of them by
// default, resident in the window while the check runs and after, in the
// idle connection). The connection goes back to the pool with the cache
// size it had.
func runQuickCheck(ctx context.Context, db *sql.DB) (string, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	var size int
	if err := conn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&size); err != nil {
		return "", err
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA cache_size = -64"); err != nil {
		return "", err
	}
	defer conn.ExecContext(context.Background(), fmt.Sprintf("PRAGMA cache_size = %d", size))
	var check string
	err = conn.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check)
	return check, err
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

// Checked reports the open-time check's verdict without waiting: done is
// false while it still runs.
func (s *Store) Checked() (done bool, err error) {
	select {
	case <-s.checked:
		return true, s.checkErr
	default:
		return false, nil
	}
}

// translate turns driver errors into the store's errors, in Vietnamese: the
// driver's English text never reaches a message (it stays in the chain for
// errors.As).
func translate(err error) error {
	if err == nil {
		return nil
	}
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return kindError{ErrBusy, err}
	case sqlite3.ErrNotADB:
		return kindError{ErrNotSQLite, err}
	case sqlite3.ErrCorrupt:
		return kindError{ErrDamaged, err}
	case sqlite3.ErrReadonly, sqlite3.ErrPerm:
		return kindError{ErrReadOnly, err}
	case sqlite3.ErrCantOpen:
		return kindError{errors.New("không mở được tệp cơ sở dữ liệu (thư mục chỉ đọc, không có quyền, hoặc tệp đã bị xóa)"), err}
	case sqlite3.ErrFull:
		return kindError{ErrDiskFull, err}
	case sqlite3.ErrIoErr:
		return kindError{errors.New("lỗi đọc/ghi đĩa khi dùng cơ sở dữ liệu"), err}
	case sqlite3.ErrInterrupt:
		return kindError{context.Canceled, err}
	}
	return kindError{fmt.Errorf("lỗi cơ sở dữ liệu (SQLite mã %d)", int(se.Code)), err}
}

// kindError is one of the store's errors (its text) caused by a driver
// error; errors.Is and errors.As see both.
type kindError struct {
	kind, cause error
}

func (e kindError) Error() string   { return e.kind.Error() }
func (e kindError) Unwrap() []error { return []error{e.kind, e.cause} }

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
		w.progress(int64(min(done, total)), int64(total))
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
func (s *Store) tx(f func(tx *wtx) error) error { return s.txContext(context.Background(), f) }

// txContext is tx that ctx can cancel: the transaction is rolled back and
// ctx's error returned.
func (s *Store) txContext(ctx context.Context, f func(tx *wtx) error) error {
	if err := s.Check(); err != nil {
		return err
	}
	t, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return translate(err)
	}
	tx := &wtx{Tx: t, stmts: map[string]*sql.Stmt{}}
	if err := f(tx); err != nil {
		tx.Rollback()
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return translate(err)
	}
	if err := tx.Commit(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return translate(err)
	}
	return nil
}
