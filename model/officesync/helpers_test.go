package officesync

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"bientap/model"
	"bientap/model/office"
	"bientap/model/office/pgtest"
	"bientap/model/store"
)

var cluster *pgtest.Cluster

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(childMain())
	}
	code := pgtest.Main(m, &cluster, pgtest.Options{})
	if benchCluster != nil { // the benchmarks' own cluster (bench_test.go)
		benchCluster.Destroy()
	}
	os.Exit(code)
}

const testPassword = "Mật khẩu 123"

// testOffice is an initialised archive in its own database.
type testOffice struct {
	db    string
	super office.Config
}

func newOffice(t testing.TB, users map[string]office.Role) *testOffice {
	t.Helper()
	cluster.Need(t)
	db, err := cluster.NewDB()
	if err != nil {
		t.Fatal(err)
	}
	super, err := office.ParseURL(cluster.SuperURL(db))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := office.Init(context.Background(), super); err != nil {
		t.Fatal(err)
	}
	for name, role := range users {
		if err := office.AddUser(context.Background(), super, name, role, testPassword); err != nil {
			t.Fatal(err)
		}
	}
	return &testOffice{db: db, super: super}
}

func (o *testOffice) url(user string) string { return cluster.URL(user, testPassword, o.db) }

func (o *testOffice) cfg(t testing.TB, user string) office.Config {
	c, err := office.ParseURL(o.url(user))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sql runs a query as the superuser and returns the single value.
func (o *testOffice) value(t testing.TB, q string, args ...any) int64 {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), cluster.SuperURL(o.db))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var v int64
	if err := conn.QueryRow(context.Background(), q, args...).Scan(&v); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return v
}

// desk is one PC: its own archive file, joined as user.
type desk struct {
	*Desk
	path string
	user string
}

func newDesk(t testing.TB, dir, name string) *desk {
	t.Helper()
	path := filepath.Join(dir, name+".db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &desk{Desk: &Desk{Store: st, Password: func(office.Config) (string, error) { return testPassword, nil }}, path: path}
}

func (d *desk) join(t testing.TB, o *testOffice, user string) Summary {
	t.Helper()
	d.user = user
	sum, _, err := d.Join(context.Background(), o.cfg(t, user))
	if err != nil {
		t.Fatalf("join as %s: %v", user, err)
	}
	return sum
}

func (d *desk) sync(t testing.TB) Summary {
	t.Helper()
	sum, err := d.Sync(context.Background())
	if err != nil {
		t.Fatalf("sync %s: %v", d.user, err)
	}
	return sum
}

func record(title string, i int) *model.Record {
	return &model.Record{Kind: model.KindThongBao, Title: fmt.Sprintf("%s %d", title, i),
		Summary: "Về việc " + title, Body: fmt.Sprintf("Nội dung %s số %d.\nĐoạn hai./.", title, i),
		Date: time.Date(2026, 3, 1+i%28, 0, 0, 0, 0, time.UTC), Sign: "TB-UBND", Place: "Lai Châu"}
}

// content is a desk's whole archive as comparable text: title → body|status|number.
func content(t testing.TB, st *store.Store) map[string]string {
	t.Helper()
	recs, err := st.Records(store.Query{Statuses: model.Statuses})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, r := range recs {
		key := r.Title
		if _, dup := m[key]; dup {
			t.Fatalf("record %q twice", key)
		}
		m[key] = fmt.Sprintf("%s|%s|%s|%d images", r.Body, r.Status, r.Number, len(r.Images))
	}
	return m
}

func sameArchives(t testing.TB, a, b *store.Store) {
	t.Helper()
	ca, cb := content(t, a), content(t, b)
	if len(ca) != len(cb) {
		t.Fatalf("archives differ in size: %d and %d", len(ca), len(cb))
	}
	keys := make([]string, 0, len(ca))
	for k := range ca {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if ca[k] != cb[k] {
			t.Fatalf("record %q differs:\n%s\n%s", k, ca[k], cb[k])
		}
	}
}
