package officesync

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"bientap/model/office"
	"bientap/model/secret"
	"bientap/model/store"
)

// The crash tests run the sync in a child process (this test binary again)
// and kill it with SIGKILL at chosen points; the sync then resumes.
const childEnv = "BIENTAP_SYNC_CHILD"

// childMain is the child: BT_DB, BT_CMD (join URL | sync), BT_HOOK (the point
// at which it prints a line and waits to be killed).
func childMain() int {
	st, err := store.Open(os.Getenv("BT_DB"))
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	d := &Desk{Store: st, PageSize: 20}
	want := os.Getenv("BT_HOOK")
	d.hook = func(point string) {
		if point == want {
			fmt.Println(point)
			time.Sleep(300 * time.Millisecond) // the parent kills us here
		}
	}
	if url := os.Getenv("BT_JOIN"); url != "" {
		cfg, err := office.ParseURL(url)
		if err != nil {
			fmt.Println("error", err)
			return 1
		}
		_, _, err = d.Join(context.Background(), cfg)
		if err != nil {
			fmt.Println("error", err)
			return 1
		}
	} else if _, err := d.Sync(context.Background()); err != nil {
		fmt.Println("error", err)
		return 1
	}
	fmt.Println("done")
	return 0
}

// killAt runs the child and kills it at the n-th time it reaches point; it
// reports whether the kill happened (false: the child finished first).
func killAt(t *testing.T, db, join, point string, n int) bool {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=1", "BT_DB="+db, "BT_JOIN="+join, "BT_HOOK="+point,
		secret.EnvPassword+"="+testPassword)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	seen, killed := 0, false
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "error") {
			t.Fatalf("child: %s", line)
		}
		if line == point {
			if seen++; seen == n {
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
			}
		}
	}
	cmd.Wait()
	return killed
}

func TestKillDuringPushAndPullResumes(t *testing.T) {
	o := newOffice(t, everyone)
	dir := t.TempDir()
	a := newDesk(t, dir, "a")
	const n = 200
	for i := 0; i < n; i++ {
		r := record("Văn bản trước khi tham gia", i)
		if err := a.Store.Create(r); err != nil {
			t.Fatal(err)
		}
		if i%3 == 0 { // some history to send as well
			r.Body += "\nSửa lần hai."
			a.Store.Save(r)
		}
	}
	a.Store.Close()
	// Kill the join (push) right after the server committed a batch, twice,
	// and once in the revisions.
	if !killAt(t, a.path, o.url("clerk1"), "pushed", 3) {
		t.Fatal("the join finished before the kill")
	}
	if !killAt(t, a.path, "", "pushed", 4) {
		t.Fatal("the sync finished before the kill")
	}
	if !killAt(t, a.path, "", "pushed", 6) {
		t.Fatal("the sync finished before the kill")
	}
	st, err := store.Open(a.path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a.Desk.Store = st
	a.user = "clerk1"
	a.sync(t)
	if got := o.value(t, "SELECT count(*) FROM bientap.records"); got != n {
		t.Fatalf("%d records on the server, want %d", got, n)
	}
	if got := o.value(t, "SELECT count(DISTINCT title) FROM bientap.records"); got != n {
		t.Fatalf("%d distinct titles on the server", got)
	}
	if got := o.value(t, "SELECT count(*) FROM bientap.revisions"); got != n+(n+2)/3 {
		t.Fatalf("%d revisions on the server, want %d", got, n+(n+2)/3)
	}
	if p, _ := st.PendingCount(); p != 0 {
		t.Fatalf("%d still pending", p)
	}
	if cs, _ := st.Conflicts(); len(cs) != 0 {
		t.Fatalf("a crash made conflicts: %+v", cs)
	}

	// Now a new desk pulls, killed after reading a page and after applying one.
	b := newDesk(t, dir, "b")
	b.Store.Close()
	if !killAt(t, b.path, o.url("clerk2"), "pulled", 2) {
		t.Fatal("the join finished before the kill")
	}
	if !killAt(t, b.path, "", "applied", 3) {
		t.Fatal("the sync finished before the kill")
	}
	if !killAt(t, b.path, "", "pulled", 2) {
		t.Fatal("the sync finished before the kill")
	}
	stb, err := store.Open(b.path)
	if err != nil {
		t.Fatal(err)
	}
	defer stb.Close()
	b.Desk.Store = stb
	b.user = "clerk2"
	b.sync(t)
	sameArchives(t, st, stb) // content() also fails on a record held twice
	items, _ := stb.List(store.Query{Text: "Văn bản trước khi tham gia 3"})
	revs, _ := stb.Revisions(items[0].ID)
	if len(revs) != 2 {
		t.Fatalf("%d revisions of a record on the pulling desk, want 2", len(revs))
	}
}

// The server restarts in the middle of a sync: the sync reconnects and
// finishes (or says it is offline, and the next one finishes).
func TestServerRestartDuringSync(t *testing.T) {
	o := newOffice(t, everyone)
	dir := t.TempDir()
	a := newDesk(t, dir, "a")
	a.join(t, o, "clerk1")
	for i := 0; i < 300; i++ {
		a.Store.Create(record("Trước khi máy chủ khởi động lại", i))
	}
	a.PageSize = 10
	restarted := make(chan error, 1)
	once := false
	a.hook = func(point string) {
		if point == "pushed" && !once {
			once = true
			go func() { restarted <- cluster.Restart("fast") }()
			time.Sleep(200 * time.Millisecond) // the server is going down under us
		}
	}
	_, err := a.Sync(context.Background())
	if rerr := <-restarted; rerr != nil {
		t.Fatal(rerr)
	}
	if err != nil {
		t.Logf("first sync: %v", err)
		if !office.IsConnection(err) || strings.Contains(err.Error(), "\n") {
			t.Fatalf("not a one-line offline error: %v", err)
		}
		a.sync(t)
	}
	a.hook = nil
	if got := o.value(t, "SELECT count(*) FROM bientap.records"); got != 300 {
		t.Fatalf("%d records on the server", got)
	}
	if p, _ := a.Store.PendingCount(); p != 0 {
		t.Fatalf("%d pending", p)
	}
}
