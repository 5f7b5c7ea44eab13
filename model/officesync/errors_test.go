package officesync

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"bientap/model"
	"bientap/model/office"
	"bientap/model/store"
)

// What a clerk meets when the sync cannot run is one Vietnamese line, and
// the local archive is untouched.
func TestSyncFailuresAreOneLineAndTouchNothing(t *testing.T) {
	o := newOffice(t, everyone)
	dir := t.TempDir()
	a := newDesk(t, dir, "a")
	a.join(t, o, "clerk1")
	a.Store.Create(record("Chưa gửi", 1))
	before := content(t, a.Store)
	for _, tc := range []struct {
		name  string
		setup func()
		kind  error
		want  string
	}{
		{"wrong password", func() {
			a.Password = func(office.Config) (string, error) { return "sai mật khẩu", nil }
		}, office.ErrAuth, "sai tên đăng nhập hoặc mật khẩu"},
		{"schema too new", func() {
			a.Password = func(office.Config) (string, error) { return testPassword, nil }
			if err := cluster.Exec(o.db, "INSERT INTO bientap.schema_version (version) VALUES (99)"); err != nil {
				t.Fatal(err)
			}
		}, office.ErrSchema, "hãy cập nhật Biên Tập"},
		{"unreachable", func() {
			cluster.Exec(o.db, "DELETE FROM bientap.schema_version WHERE version = 99")
			a.Store.SetSyncState(map[string]string{store.SyncURL: "postgres://clerk1@127.0.0.1:1/" + o.db + "?sslmode=disable"})
		}, office.ErrOffline, "không kết nối được máy chủ"},
		{"another archive", func() {
			other := newOffice(t, everyone)
			a.Store.SetSyncState(map[string]string{store.SyncURL: other.url("clerk1")})
		}, office.ErrSchema, "không phải kho chung máy này đã tham gia"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.setup()
			a.Close() // a new session: the desk connects again
			a.Retries = 1
			start := time.Now()
			_, err := a.Sync(context.Background())
			if !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("got %v", err)
			}
			if time.Since(start) > 10*time.Second {
				t.Fatalf("took %v", time.Since(start))
			}
			if p, _ := a.Store.PendingCount(); p != 1 {
				t.Fatalf("%d pending", p)
			}
			after := content(t, a.Store)
			if fmt.Sprint(before) != fmt.Sprint(after) {
				t.Fatal("the archive changed")
			}
		})
	}
}

// A connection killed by the server in the middle of a pull: the sync
// reconnects, resumes and nothing is missing.
func TestDroppedConnectionResumes(t *testing.T) {
	o := newOffice(t, everyone)
	dir := t.TempDir()
	a, b := newDesk(t, dir, "a"), newDesk(t, dir, "b")
	a.join(t, o, "clerk1")
	for i := 0; i < 100; i++ {
		a.Store.Create(record("Kết nối bị cắt", i))
	}
	a.sync(t)
	b.PageSize = 10
	drops := 0
	b.hook = func(point string) {
		if point == "pulled" && drops < 2 {
			drops++
			conn, err := pgx.Connect(context.Background(), cluster.SuperURL(o.db))
			if err != nil {
				t.Error(err)
				return
			}
			defer conn.Close(context.Background())
			conn.Exec(context.Background(), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'clerk2'")
		}
	}
	b.join(t, o, "clerk2")
	if drops != 2 {
		t.Fatalf("%d drops", drops)
	}
	sameArchives(t, a.Store, b.Store)
}

// Ten desks of the văn thư take 100 numbers each at once through the desk's
// own API: 1,000 numbers, unique office-wide, no gaps, each in its record.
func TestTenDesksTakeNumbers(t *testing.T) {
	users := map[string]office.Role{"clerk1": office.RoleDrafter}
	for i := 0; i < 10; i++ {
		users[fmt.Sprintf("vt%d", i)] = office.RoleRegistrar
	}
	o := newOffice(t, users)
	dir := t.TempDir()
	desks := make([]*desk, 10)
	ids := make([][]int64, 10)
	for i := range desks {
		desks[i] = newDesk(t, dir, fmt.Sprint("vt", i))
		for k := 0; k < 100; k++ {
			r := record(fmt.Sprintf("Công văn bàn %d", i), k)
			r.Kind = model.KindCongVan
			r.Sign = "UBND-VP"
			desks[i].Store.Create(r)
			ids[i] = append(ids[i], r.ID)
		}
		desks[i].join(t, o, fmt.Sprintf("vt%d", i))
	}
	var wg sync.WaitGroup
	errs := make(chan error, 10)
	for i, d := range desks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, id := range ids[i] {
				if _, err := d.TakeNumber(context.Background(), id); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	var all []int
	for i, d := range desks {
		for _, id := range ids[i] {
			r, _ := d.Store.Get(id)
			n, err := strconv.Atoi(r.Number)
			if err != nil {
				t.Fatalf("record %d has number %q", id, r.Number)
			}
			all = append(all, n)
		}
	}
	slices.Sort(all)
	for i, n := range all {
		if n != i+1 {
			t.Fatalf("numbers are not 1..1000: position %d holds %d", i, n)
		}
	}
	// A clerk cannot take a number, online or not.
	c := newDesk(t, dir, "clerk")
	c.join(t, o, "clerk1")
	r := record("Nháp của chuyên viên", 1)
	c.Store.Create(r)
	if _, err := c.TakeNumber(context.Background(), r.ID); !errors.Is(err, office.ErrRefused) ||
		!strings.Contains(err.Error(), "chỉ văn thư") {
		t.Fatalf("clerk took a number: %v", err)
	}
}

// An offline desk cannot take a number: it says so and keeps the draft.
func TestOfflineDeskCannotTakeNumber(t *testing.T) {
	o := newOffice(t, everyone)
	dir := t.TempDir()
	d := newDesk(t, dir, "vt")
	d.join(t, o, "registrar")
	r := record("Công văn gửi gấp", 1)
	d.Store.Create(r)
	d.Store.SetSyncState(map[string]string{store.SyncURL: "postgres://registrar@127.0.0.1:1/" + o.db + "?sslmode=disable"})
	d.Retries = 1
	d.Close()
	_, err := d.TakeNumber(context.Background(), r.ID)
	if !errors.Is(err, office.ErrOffline) || !strings.Contains(err.Error(), "không cấp số được khi ngoại tuyến") {
		t.Fatalf("got %v", err)
	}
	kept, _ := d.Store.Get(r.ID)
	if kept.Number != "" || kept.Title != r.Title {
		t.Fatalf("draft changed: %+v", kept)
	}
	// A desk that never joined takes numbers from its own series.
	lone := newDesk(t, dir, "lone")
	r2 := record("Văn bản máy lẻ", 1)
	lone.Store.Create(r2)
	if n, err := lone.TakeNumber(context.Background(), r2.ID); err != nil || n != "01" {
		t.Fatalf("local number %q %v", n, err)
	}
	if _, err := lone.TakeNumber(context.Background(), r2.ID); err == nil {
		t.Fatal("renumbered")
	}
}

// A first join cancelled in the middle (the window's Hủy) keeps what it
// pulled; the next sync goes on from there.
func TestCancelledJoinResumes(t *testing.T) {
	o := newOffice(t, everyone)
	dir := t.TempDir()
	a := newDesk(t, dir, "a")
	for i := 0; i < 120; i++ {
		a.Store.Create(record("Hủy rồi làm tiếp", i))
	}
	a.join(t, o, "clerk1")
	b := newDesk(t, dir, "b")
	b.PageSize = 10
	pages := 0
	b.Progress = func(stage string, done, total int) bool {
		if stage == StagePull && done > 0 {
			pages++
		}
		return pages < 4
	}
	_, _, err := b.Join(context.Background(), o.cfg(t, "clerk2"))
	if !errors.Is(err, office.ErrCanceled) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("cancelled join: %v", err)
	}
	if n := len(content(t, b.Store)); n != 40 {
		t.Fatalf("%d records kept from the cancelled join, want 40", n)
	}
	b.Progress = nil
	b.user = "clerk2"
	if sum := b.sync(t); sum.Pulled != 80 {
		t.Fatalf("resumed sync pulled %d, want 80", sum.Pulled)
	}
	sameArchives(t, a.Store, b.Store)
}
