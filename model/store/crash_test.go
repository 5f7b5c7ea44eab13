package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"bientap/model"
)

// TestCrashChild is the child of TestCrashDuringSaves: it saves in a loop and
// prints the number of every save that returned.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("BIENTAP_CRASH_DB")
	if path == "" {
		t.Skip("helper process for TestCrashDuringSaves")
	}
	st, err := Open(path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	w := bufio.NewWriter(os.Stdout)
	r := &model.Record{Kind: model.KindNews, Title: "Bản ghi được sửa liên tục", Date: day(2026, 1, 1)}
	if err := st.Create(r); err != nil {
		os.Exit(3)
	}
	for i := 1; ; i++ {
		n := &model.Record{Kind: model.KindNews, Title: fmt.Sprintf("Lưu số %d", i), Date: day(2026, 1, 1+i%28),
			Body: fmt.Sprintf("Nội dung lần lưu %d của phiên làm việc.", i)}
		if err := st.Create(n); err != nil {
			os.Exit(4)
		}
		r.Body = fmt.Sprintf("Lần sửa %d", i)
		if err := st.Save(r); err != nil {
			os.Exit(4)
		}
		st.Autosave(r)
		fmt.Fprintf(w, "%d %d\n", i, n.ID)
		w.Flush()
	}
}

// TestCrashDuringSaves kills a process that is saving with SIGKILL; on
// reopen the archive passes integrity_check and every save that returned is
// there.
func TestCrashDuringSaves(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	for round := 0; round < 3; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), "BIENTAP_CRASH_DB="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		saved := map[int]int64{}
		last := 0
		deadline := time.Now().Add(20 * time.Second)
		for sc.Scan() {
			var i int
			var id int64
			if _, err := fmt.Sscanf(sc.Text(), "%d %d", &i, &id); err != nil {
				continue
			}
			saved[i], last = id, i
			if last >= 40+round*17 || time.Now().After(deadline) {
				break
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		// Keep reading: saves that returned before the kill landed count too.
		for sc.Scan() {
			var i int
			var id int64
			if _, err := fmt.Sscanf(sc.Text(), "%d %d", &i, &id); err == nil {
				saved[i], last = id, i
			}
		}
		cmd.Wait()
		if last == 0 {
			t.Fatal("child saved nothing")
		}

		st, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: reopen: %v", round, err)
		}
		var check string
		st.db.QueryRow("PRAGMA integrity_check").Scan(&check)
		if check != "ok" {
			t.Fatalf("round %d: integrity_check: %s", round, check)
		}
		for i, id := range saved {
			r, err := st.Get(id)
			if err != nil || r.Title != "Lưu số "+strconv.Itoa(i) {
				t.Errorf("round %d: save %d (id %d) lost: %v", round, i, id, err)
			}
		}
		if n, _ := st.Count(Query{Text: "luu so"}); n < len(saved) {
			t.Errorf("round %d: search index has %d of %d saves", round, n, len(saved))
		}
		st.Close()
		t.Logf("round %d: %d saves survived SIGKILL", round, len(saved))
	}
}
