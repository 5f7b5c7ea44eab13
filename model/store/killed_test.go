package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledChild is the child of the kill -9 trials below: it runs one
// long all-or-nothing operation on $BIENTAP_KILL_DB and prints its progress
// until it is killed.
func TestKilledChild(t *testing.T) {
	path := os.Getenv("BIENTAP_KILL_DB")
	if path == "" {
		t.Skip("helper process for the kill -9 trials")
	}
	st, err := Open(path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	w := bufio.NewWriter(os.Stdout)
	slow := os.Getenv("BIENTAP_KILL_OP") == "restore"
	progress := func(done, total int64) {
		fmt.Fprintf(w, "%d %d\n", done, total)
		w.Flush()
		if slow {
			// Give the parent time to kill before the next step: the
			// step that reaches the total has already committed.
			time.Sleep(200 * time.Millisecond)
		}
	}
	switch os.Getenv("BIENTAP_KILL_OP") {
	case "import":
		_, err = st.ImportJSONL(ctx, &slowReader{}, ImportOptions{Progress: progress})
	case "restore":
		_, err = st.RestoreFrom(ctx, os.Getenv("BIENTAP_KILL_FROM"), progress)
	}
	fmt.Println("ended:", err)
	os.Exit(4)
}

// killDuring runs the child operation op and kills it with SIGKILL once its
// progress passes after.
func killDuring(t *testing.T, path, op string, after int64, env ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledChild$")
	cmd.Env = append(append(os.Environ(), "BIENTAP_KILL_DB="+path, "BIENTAP_KILL_OP="+op), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	deadline := time.Now().Add(60 * time.Second)
	killed := false
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 2 {
			done, err1 := strconv.ParseInt(f[0], 10, 64)
			total, err2 := strconv.ParseInt(f[1], 10, 64)
			if err1 == nil && err2 == nil && done > after && (total <= 0 || done < total) {
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
				break
			}
		} else {
			t.Logf("child: %s", sc.Text())
		}
		if time.Now().After(deadline) {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if !killed {
		t.Fatal("the child ended before it was killed")
	}
}

// reopenChecked opens the archive after a kill: it passes integrity_check
// and holds n records.
func reopenChecked(t *testing.T, path string, n int) *Store {
	t.Helper()
	st, err := Open(path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	var check string
	st.db.QueryRow("PRAGMA integrity_check").Scan(&check)
	if check != "ok" {
		t.Fatalf("integrity_check after kill: %s", check)
	}
	if got, _ := st.Count(Query{}); got != n {
		t.Errorf("%d records after the kill, want %d", got, n)
	}
	return st
}

// TestImportKilled: an import killed with SIGKILL half-way leaves the
// archive as it was.
func TestImportKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process")
	}
	path := filepath.Join(t.TempDir(), "k.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fillArchive(t, st, 7, 100)
	st.Close()
	killDuring(t, path, "import", 6<<20)
	st = reopenChecked(t, path, 7)
	defer st.Close()
	if items, _ := st.List(Query{Text: "noi dung dai"}); len(items) != 0 {
		t.Errorf("the killed import left %d search entries", len(items))
	}
}

// TestRestoreKilled: a restore killed while it replaces the content leaves
// the archive whole, as it was; the next start removes the temporaries.
func TestRestoreKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "k.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fillArchive(t, st, 7, 100)
	st.Close()
	bk := backupFile(t, t.TempDir(), "bk.db", 1500)
	killDuring(t, path, "restore", 2100, "BIENTAP_KILL_FROM="+bk)
	st = reopenChecked(t, path, 7)
	st.Close()
	for _, f := range siblings(t, dir) {
		if strings.HasPrefix(f, tempPrefix) {
			t.Errorf("temporary left after the next start: %s", f)
		}
	}
}
