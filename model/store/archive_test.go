package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"bientap/model"
)

// fillArchive stores n records with bodies of about size bytes.
func fillArchive(t testing.TB, st *Store, n, size int) {
	t.Helper()
	var recs []*model.Record
	for i := range n {
		recs = append(recs, &model.Record{Kind: model.KindNews, Title: fmt.Sprintf("Tin số %d", i+1),
			Date: day(2026, 1+i%12, 1+i%28), Body: strings.Repeat(fmt.Sprintf("Đoạn %d của tin. ", i), size/20+1)})
	}
	if _, err := st.Insert(recs); err != nil {
		t.Fatal(err)
	}
}

// rawExec runs SQL on path through a plain connection (rollback journal
// unless the file says otherwise), as another program would.
func rawExec(t testing.TB, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// siblings lists the files of dir other than the given ones.
func siblings(t testing.TB, dir string, except ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !slices.Contains(except, e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

// backupFile makes a good backup (rollback journal) of a small archive.
func backupFile(t testing.TB, dir, name string, records int) string {
	t.Helper()
	st, err := Open(filepath.Join(dir, "src-"+name))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fillArchive(t, st, records, 200)
	path := filepath.Join(dir, name)
	if err := st.Backup(ctx, path, nil); err != nil {
		t.Fatal(err)
	}
	return path
}

// damage overwrites n pages in the middle of a database file.
func damage(t testing.TB, path string, n int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := 4096
	mid := len(b) / page / 2
	for i := range n {
		off := (mid + i*3) * page
		copy(b[off:off+page], bytes.Repeat([]byte{0xA5, 0x5A, 0x01, 0xFF}, page/4))
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRefusedFileUntouched: a file that is refused stays byte-identical and
// gets no -wal, -shm or -journal beside it, whichever door it came through
// (opening it as the archive, validating it, restoring from it).
func TestRefusedFileUntouched(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "o.db")
	rawExec(t, foreign, "CREATE TABLE t(x)", "INSERT INTO t VALUES (1)")
	newer := backupFile(t, dir, "newer.db", 3)
	rawExec(t, newer, fmt.Sprintf("PRAGMA user_version = %d", len(migrations)+5))
	otherApp := filepath.Join(dir, "app.db")
	rawExec(t, otherApp, "PRAGMA application_id = 1234", "CREATE TABLE t(x)")
	damagedRollback := backupFile(t, dir, "damaged.db", 400)
	damage(t, damagedRollback, 3)
	text := filepath.Join(dir, "text.db")
	os.WriteFile(text, []byte("không phải cơ sở dữ liệu, chỉ là chữ"), 0o644)
	truncated := filepath.Join(dir, "truncated.db")
	os.WriteFile(truncated, []byte(sqliteMagic+"abc"), 0o644)

	live, err := Open(filepath.Join(dir, "live.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	liveName := []string{"live.db", "live.db-wal", "live.db-shm"}

	tests := []struct {
		name, path string
		want       error
	}{
		{"foreign sqlite", foreign, ErrNotSQLite},
		{"newer version", newer, ErrNewer},
		{"other application", otherApp, ErrNotSQLite},
		{"damaged", damagedRollback, ErrDamaged},
		{"text", text, ErrNotSQLite},
		{"truncated", truncated, ErrDamaged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.path)
			files := siblings(t, dir, liveName...)
			doors := map[string]func() error{
				"Open": func() error {
					st, err := Open(tt.path)
					if err == nil {
						err = st.Check()
						st.Close()
						if err == nil {
							return errors.New("accepted")
						}
					}
					return err
				},
				"Validate": func() error { return Validate(tt.path) },
				"Inspect": func() error {
					if err := Inspect(tt.path); err != nil {
						return err
					}
					return Validate(tt.path) // damage is found by the full check
				},
				"RestoreFrom": func() error { _, err := live.RestoreFrom(ctx, tt.path, nil); return err },
			}
			for door, f := range doors {
				err := f()
				if !errors.Is(err, tt.want) {
					t.Errorf("%s: err %v, want %v", door, err, tt.want)
				}
				if err != nil && !strings.Contains(err.Error(), tt.path) {
					t.Errorf("%s: message does not name the file: %v", door, err)
				}
				if after, _ := os.ReadFile(tt.path); !bytes.Equal(before, after) {
					t.Fatalf("%s changed the refused file", door)
				}
				if got := siblings(t, dir, liveName...); !slices.Equal(got, files) {
					t.Fatalf("%s left files: %v (before %v)", door, got, files)
				}
			}
		})
	}
	if n, _ := live.Count(Query{}); n != 0 {
		t.Errorf("a refused restore changed the archive: %d records", n)
	}
}

// TestOpenAcceptedRollbackFile: a good archive in rollback-journal mode (a
// backup opened directly) is checked, then switched to WAL and used.
func TestOpenAcceptedRollbackFile(t *testing.T) {
	dir := t.TempDir()
	bak := backupFile(t, dir, "bak.db", 5)
	if b, _ := os.ReadFile(bak); b[18] != 1 || b[19] != 1 {
		t.Fatalf("backup not self-contained: versions %d %d", b[18], b[19])
	}
	st, err := Open(bak)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, _ := st.Count(Query{}); n != 5 {
		t.Errorf("%d records", n)
	}
	var mode string
	st.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal mode %s", mode)
	}
}

// TestRestoreKeepsConcurrentWrite is issue 11's first trial: a write that
// commits while the restore waits for the lock ends up in the safety copy.
func TestRestoreKeepsConcurrentWrite(t *testing.T) {
	dir := t.TempDir()
	cur := filepath.Join(dir, "cur.db")
	st, err := Open(cur)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	bk := backupFile(t, dir, "bk.db", 2)

	// Another program holds the write lock with a pending write, and
	// commits it 1.5 s later.
	other, err := sql.Open("sqlite3", dsn(cur, false))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("INSERT INTO settings VALUES ('x', '1')"); err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(1500 * time.Millisecond)
		tx.Commit()
	}()
	safety, err := st.RestoreFrom(ctx, bk, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := st.Count(Query{}); n != 2 {
		t.Errorf("restored archive has %d records", n)
	}
	copyDB, err := sql.Open("sqlite3", readOnlyDSN(safety))
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	var v string
	if err := copyDB.QueryRow("SELECT value FROM settings WHERE key = 'x'").Scan(&v); err != nil {
		t.Fatalf("the write committed during the restore is in neither archive: %v", err)
	}
}

// TestRestoreBusy: a restore waits for another writer at most the busy
// timeout, then says the archive is busy and changes nothing.
func TestRestoreBusy(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 5 s busy timeout")
	}
	dir := t.TempDir()
	cur := filepath.Join(dir, "cur.db")
	st, err := Open(cur)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fillArchive(t, st, 3, 100)
	bk := backupFile(t, dir, "bk.db", 2)
	other, _ := sql.Open("sqlite3", dsn(cur, false))
	defer other.Close()
	tx, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	tx.Exec("INSERT INTO settings VALUES ('x', '1')")
	cpu := cpuTime()
	start := time.Now()
	_, err = st.RestoreFrom(ctx, bk, nil)
	wall := time.Since(start)
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "đang bận") {
		t.Fatalf("err = %v", err)
	}
	if wall < busyTimeout || wall > busyTimeout+3*time.Second {
		t.Errorf("gave up after %v, busy timeout %v", wall, busyTimeout)
	}
	if used := cpuTime() - cpu; used > time.Second {
		t.Errorf("busy-waited: %v of CPU in %v", used, wall)
	}
	tx.Rollback()
	if n, _ := st.Count(Query{}); n != 3 {
		t.Errorf("archive changed: %d records", n)
	}
	if left := siblings(t, dir, "cur.db", "cur.db-wal", "cur.db-shm", "bk.db", "src-bk.db", "src-bk.db-wal", "src-bk.db-shm"); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestRestoreTwiceInOneSecond: each restore keeps its own safety copy.
func TestRestoreTwiceInOneSecond(t *testing.T) {
	dir := t.TempDir()
	st, err := Open(filepath.Join(dir, "cur.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.SetClock(model.FixedClock(time.Date(2026, 11, 30, 9, 15, 0, 0, time.Local)))
	fillArchive(t, st, 1, 100)
	bk := backupFile(t, dir, "bk.db", 2)
	s1, err := st.RestoreFrom(ctx, bk, nil)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := st.RestoreFrom(ctx, bk, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s1 == s2 || filepath.Base(s1) != "cur.truoc-khoi-phuc-20261130-091500.db" ||
		filepath.Base(s2) != "cur.truoc-khoi-phuc-20261130-091500-2.db" {
		t.Fatalf("safety copies %s, %s", s1, s2)
	}
	for s, want := range map[string]int{s1: 1, s2: 2} {
		if err := Validate(s); err != nil {
			t.Fatal(err)
		}
		c, _ := Open(s)
		if n, _ := c.Count(Query{}); n != want {
			t.Errorf("%s holds %d records, want %d", s, n, want)
		}
		c.Close()
	}
}

// TestRestoreRelativePath: "restore bk.db" names a file of the current folder.
func TestRestoreRelativePath(t *testing.T) {
	dir := t.TempDir()
	st, err := Open(filepath.Join(dir, "cur.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	backupFile(t, dir, "bk.db", 2)
	t.Chdir(dir)
	if err := Validate("bk.db"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RestoreFrom(ctx, "bk.db", nil); err != nil {
		t.Fatal(err)
	}
	if n, _ := st.Count(Query{}); n != 2 {
		t.Errorf("%d records", n)
	}
}

// TestRestoreOtherPageSize: a valid archive with 8192-byte pages restores
// into one with 4096-byte pages (a WAL database cannot change its page size).
func TestRestoreOtherPageSize(t *testing.T) {
	dir := t.TempDir()
	st, err := Open(filepath.Join(dir, "cur.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	bk := backupFile(t, dir, "bk.db", 30)
	rawExec(t, bk, "PRAGMA page_size = 8192", "VACUUM")
	var ps int
	db, _ := sql.Open("sqlite3", readOnlyDSN(bk))
	db.QueryRow("PRAGMA page_size").Scan(&ps)
	db.Close()
	if ps != 8192 {
		t.Fatalf("backup page size %d", ps)
	}
	if _, err := st.RestoreFrom(ctx, bk, nil); err != nil {
		t.Fatal(err)
	}
	if n, _ := st.Count(Query{}); n != 30 {
		t.Errorf("%d records", n)
	}
	if items, _ := st.List(Query{Text: "tin so 7"}); len(items) == 0 {
		t.Error("search index not restored")
	}
	if err := st.Create(&model.Record{Kind: model.KindNews, Title: "Sau khôi phục", Date: day(2026, 2, 1)}); err != nil {
		t.Errorf("write after restore: %v", err)
	}
}

// TestRestoreCancelled: Hủy while the content is being replaced leaves the
// archive as it was, and no safety copy or temporary.
func TestRestoreCancelled(t *testing.T) {
	dir := t.TempDir()
	st, err := Open(filepath.Join(dir, "cur.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fillArchive(t, st, 3, 100)
	bk := backupFile(t, dir, "bk.db", 300)
	st2, _ := Open(filepath.Join(dir, "src-bk.db"))
	fillArchive(t, st2, 600, 4000) // several steps of copying
	st2.Backup(ctx, bk, nil)
	st2.Close()
	c, cancel := contextWithCancel()
	_, err = st.RestoreFrom(c, bk, func(done, total int64) {
		if done > 2000 && done < 3000 { // cancelled while the content is being replaced
			cancel()
		}
	})
	if !errors.Is(err, ctxCanceled) {
		t.Fatalf("err = %v", err)
	}
	if n, _ := st.Count(Query{}); n != 3 {
		t.Errorf("cancelled restore changed the archive: %d records", n)
	}
	for _, f := range siblings(t, dir) {
		if strings.Contains(f, "truoc-khoi-phuc") || strings.HasPrefix(f, tempPrefix) {
			t.Errorf("left behind: %s", f)
		}
	}
}

// TestBackupOfDamagedArchive: a damaged archive is not backed up (no file
// at the target, nothing hidden left), and the message says why.
func TestBackupOfDamagedArchive(t *testing.T) {
	dir := t.TempDir()
	path := backupFile(t, dir, "live.db", 600)
	rawExec(t, path, "PRAGMA journal_mode = WAL") // a live archive: checked beside the first screen
	damage(t, path, 3)
	st, err := Open(path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer st.Close()
	target := filepath.Join(dir, "out", "bk.db")
	os.Mkdir(filepath.Dir(target), 0o755)
	err = st.Backup(ctx, target, nil)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("backup of a damaged archive: %v", err)
	}
	if left := siblings(t, filepath.Dir(target)); len(left) > 0 {
		t.Errorf("left in the backup folder: %v", left)
	}
}

// TestBackupVerifiesCopy: the copy itself is checked. An archive whose
// index pages are damaged passes quick_check at open in the background,
// yet its backup is refused by the copy's integrity_check.
func TestBackupVerifiesCopy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "live.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fillArchive(t, st, 50, 100)
	st.Close()
	// Make an index disagree with its table: quick_check does not compare
	// them, integrity_check does.
	corruptIndex(t, path)
	st, err = Open(path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		t.Fatalf("quick_check found the damage; the test needs one only integrity_check sees: %v", err)
	}
	err = st.Backup(ctx, filepath.Join(dir, "bk.db"), nil)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("backup not verified: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "bk.db")); err == nil {
		t.Error("an unverified backup took the name")
	}
}

// corruptIndex changes one entry of an index in place (a status "draft"
// becomes "drafx"): the b-tree stays well-formed and ordered, so
// quick_check passes, but the index no longer matches its table.
func corruptIndex(t testing.TB, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int
	db.QueryRow("SELECT rootpage FROM sqlite_master WHERE name = 'records_by_kind'").Scan(&root)
	db.QueryRow("PRAGMA page_size").Scan(&pageSize)
	db.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := b[(root-1)*pageSize : root*pageSize]
	i := bytes.Index(page, []byte("draft"))
	if page[0] != 0x0A || i < 0 {
		t.Fatalf("index root page %d: type %#x, no entry found", root, page[0])
	}
	page[i+4] = 'x'
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRotateKeepsLastGood: rotation never removes the newest backup that
// passes its check, even when the newer ones are damaged.
func TestRotateKeepsLastGood(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(t.TempDir(), "live.db")
	st, err := Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fillArchive(t, st, 3, 100)
	for _, d := range []string{"01", "02", "03"} {
		if err := st.Backup(ctx, filepath.Join(dir, "bientap-2026-01-"+d+".db"), nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"04", "05", "06"} {
		os.WriteFile(filepath.Join(dir, "bientap-2026-01-"+d+".db"), []byte("hỏng"), 0o644)
	}
	if err := RotateBackups(dir, 2); err != nil {
		t.Fatal(err)
	}
	want := []string{"bientap-2026-01-03.db", "bientap-2026-01-05.db", "bientap-2026-01-06.db"}
	if got := siblings(t, dir); !slices.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
	// Nothing good at all: nothing removed, and it says so.
	bad := t.TempDir()
	for _, d := range []string{"01", "02", "03"} {
		os.WriteFile(filepath.Join(bad, "bientap-2026-02-"+d+".db"), []byte("hỏng"), 0o644)
	}
	if err := RotateBackups(bad, 1); err == nil || len(siblings(t, bad)) != 3 {
		t.Errorf("rotation among damaged backups: %v, %v", err, siblings(t, bad))
	}
}

// TestBackupCancelled leaves neither the target nor a temporary.
func TestBackupCancelled(t *testing.T) {
	dir := t.TempDir()
	st, err := Open(filepath.Join(dir, "live.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fillArchive(t, st, 400, 4000)
	out := t.TempDir()
	c, cancel := contextWithCancel()
	err = st.Backup(c, filepath.Join(out, "bk.db"), func(done, total int64) {
		if done > 0 && done < total {
			cancel()
		}
	})
	if !errors.Is(err, ctxCanceled) {
		t.Fatalf("err = %v", err)
	}
	if left := siblings(t, out); len(left) > 0 {
		t.Errorf("left: %v", left)
	}
}

// TestBackupChild is the child of TestKilledBackupCleanedUp: it backs the
// archive up again and again until it is killed.
func TestBackupChild(t *testing.T) {
	path := os.Getenv("BIENTAP_BACKUP_DB")
	if path == "" {
		t.Skip("helper process for TestKilledBackupCleanedUp")
	}
	st, err := Open(path)
	if err != nil {
		os.Exit(3)
	}
	for i := 0; ; i++ {
		st.Backup(ctx, filepath.Join(os.Getenv("BIENTAP_BACKUP_DIR"), fmt.Sprintf("bk-%d.db", i)), nil)
	}
}

// TestKilledBackupCleanedUp: a backup killed with SIGKILL leaves a hidden
// temporary; the next start (Open, or CleanTemporaries on the backup
// folder) removes it, and leaves a running process's temporaries alone.
func TestKilledBackupCleanedUp(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process")
	}
	dir := t.TempDir()
	out := t.TempDir()
	path := filepath.Join(dir, "live.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fillArchive(t, st, 1500, 4000)
	st.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestBackupChild$")
	cmd.Env = append(os.Environ(), "BIENTAP_BACKUP_DB="+path, "BIENTAP_BACKUP_DIR="+out)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	var temps []string
	for time.Now().Before(deadline) {
		temps, _ = filepath.Glob(filepath.Join(out, tempPrefix+"*.db"))
		if len(temps) > 0 {
			if st, err := os.Stat(temps[0]); err == nil && st.Size() > 64<<10 {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	temps, _ = filepath.Glob(filepath.Join(out, tempPrefix+"*"))
	if len(temps) == 0 {
		t.Fatal("the killed backup left no temporary: the test did not catch it mid-copy")
	}
	// A running process's temporary (this test's own) stays.
	mine, err := createTemp(out)
	if err != nil {
		t.Fatal(err)
	}
	legacy := filepath.Join(out, ".bientap-backup-123.db")
	os.WriteFile(legacy, []byte("x"), 0o644)
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(legacy, old, old)
	if n := CleanTemporaries(out); n < 2 {
		t.Errorf("cleaned %d", n)
	}
	left, _ := filepath.Glob(filepath.Join(out, ".bientap-*"))
	if !slices.Equal(left, []string{mine}) {
		t.Errorf("left %v, want only %s", left, mine)
	}
	// Open cleans the archive's own folder.
	dead := filepath.Join(dir, fmt.Sprintf("%s%d-1.db", tempPrefix, cmd.Process.Pid))
	os.WriteFile(dead, []byte("x"), 0o644)
	os.WriteFile(dead+"-journal", []byte("x"), 0o644)
	st, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := os.Stat(dead); err == nil {
		t.Error("Open left a dead process's temporary")
	}
	if _, err := os.Stat(dead + "-journal"); err == nil {
		t.Error("Open left a dead process's journal")
	}
}

// TestTranslateSpeaksVietnamese: driver errors come out as the store's
// errors in Vietnamese, with the driver error still in the chain.
func TestTranslateSpeaksVietnamese(t *testing.T) {
	for _, code := range []sqlite3.ErrNo{sqlite3.ErrBusy, sqlite3.ErrLocked, sqlite3.ErrNotADB, sqlite3.ErrCorrupt,
		sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen, sqlite3.ErrFull, sqlite3.ErrIoErr, sqlite3.ErrProtocol} {
		drv := sqlite3.Error{Code: code}
		err := translate(fmt.Errorf("exec: %w", drv))
		msg := err.Error()
		for _, en := range []string{"attempt", "database", "disk", "file", "locked", "unable", "exec"} {
			if strings.Contains(msg, en) {
				t.Errorf("code %d: English in %q", code, msg)
			}
		}
		var se sqlite3.Error
		if !errors.As(err, &se) || se.Code != code {
			t.Errorf("code %d: driver error lost", code)
		}
	}
	if err := translate(sqlite3.Error{Code: sqlite3.ErrReadonly}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only: %v", err)
	}
}
