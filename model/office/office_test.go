package office

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"bientap/model/office/pgtest"
)

var cluster *pgtest.Cluster

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, &cluster, pgtest.Options{})) }

// office is one initialised archive in its own database, with a user of each role.
type testOffice struct {
	db    string
	super Config
}

const userPassword = "mật-khẩu Đúng 1"

func newOffice(t *testing.T) *testOffice {
	t.Helper()
	cluster.Need(t)
	db, err := cluster.NewDB()
	if err != nil {
		t.Fatal(err)
	}
	super := mustParse(t, cluster.SuperURL(db))
	if _, err := Init(context.Background(), super); err != nil {
		t.Fatal(err)
	}
	for _, u := range []struct {
		name string
		role Role
	}{{"clerk", RoleDrafter}, {"leader", RoleLeader}, {"registrar", RoleRegistrar}, {"admin", RoleAdmin}} {
		if err := AddUser(context.Background(), super, u.name, u.role, userPassword); err != nil {
			t.Fatal(err)
		}
	}
	return &testOffice{db: db, super: super}
}

func (o *testOffice) cfg(t *testing.T, user string) Config {
	return mustParse(t, cluster.URL(user, userPassword, o.db))
}

// psql is a plain pgx connection as user, the way a user with psql connects.
func (o *testOffice) psql(t *testing.T, user string) *pgx.Conn {
	t.Helper()
	pw := userPassword
	if user == "postgres" {
		pw = pgtest.SuperPassword
	}
	c, err := pgx.Connect(context.Background(), cluster.URL(user, pw, o.db))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

func mustParse(t testing.TB, u string) Config {
	t.Helper()
	c, err := ParseURL(u)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testRow(gid, status string) Row {
	return Row{GID: gid, Kind: "thong-bao", Title: "Thông báo " + gid[:4], Date: "2026-03-02", Status: status,
		Author: "Ban biên tập", ToList: []string{}, Recipients: []string{}, Images: []ImageRef{},
		Created: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), Updated: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
}

func gid(i int) string { return fmt.Sprintf("%032x", i) }

func TestInitIsIdempotentAndVersioned(t *testing.T) {
	o := newOffice(t)
	res, err := Init(context.Background(), o.super)
	if err != nil {
		t.Fatal(err)
	}
	if res.From != SchemaVersion || res.To != SchemaVersion {
		t.Fatalf("second init did something: %+v", res)
	}
	c, err := Connect(context.Background(), o.cfg(t, "leader"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.Info.Schema != SchemaVersion || c.Info.User != "leader" || !c.Info.Roles.Has(RoleLeader) || c.Info.Roles.Has(RoleRegistrar) {
		t.Fatalf("info %+v", c.Info)
	}
	if len(c.Info.OfficeID) != 32 {
		t.Fatalf("office id %q", c.Info.OfficeID)
	}
}

func TestConnectErrorsAreOneVietnameseLine(t *testing.T) {
	o := newOffice(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		cfg  Config
		kind error
		want string
	}{
		{"wrong password", mustParse(t, cluster.URL("clerk", "sai", o.db)), ErrAuth, "sai tên đăng nhập hoặc mật khẩu"},
		{"unknown user", mustParse(t, cluster.URL("nobody", "x", o.db)), ErrAuth, "sai tên đăng nhập hoặc mật khẩu"},
		{"no such database", mustParse(t, cluster.URL("clerk", userPassword, "khong_co")), ErrSchema, "không có cơ sở dữ liệu"},
		{"unreachable", mustParse(t, "postgres://clerk:x@127.0.0.1:1/vp?sslmode=disable"), ErrOffline, "không kết nối được máy chủ"},
		{"not an office", mustParse(t, cluster.SuperURL("postgres")), ErrSchema, "chưa có kho chung"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := Connect(ctx, tc.cfg)
			if err == nil {
				t.Fatal("connected")
			}
			if !errors.Is(err, tc.kind) {
				t.Fatalf("error %q (%T) is not %v", err, err, tc.kind)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") || !strings.Contains(msg, tc.want) || strings.Contains(msg, "SQLSTATE") ||
				strings.Contains(msg, "password authentication failed") {
				t.Fatalf("message %q", msg)
			}
			if time.Since(start) > ConnectTimeout+2*time.Second {
				t.Fatalf("took %v", time.Since(start))
			}
		})
	}
}

func TestSchemaTooNewIsRefused(t *testing.T) {
	o := newOffice(t)
	if err := cluster.Exec(o.db, "INSERT INTO bientap.schema_version (version) VALUES ($1)", SchemaVersion+1); err != nil {
		t.Fatal(err)
	}
	_, err := Connect(context.Background(), o.cfg(t, "clerk"))
	if !errors.Is(err, ErrSchema) || !strings.Contains(err.Error(), "hãy cập nhật Biên Tập") {
		t.Fatalf("got %v", err)
	}
	if _, err := Init(context.Background(), o.super); !errors.Is(err, ErrSchema) {
		t.Fatalf("init on a newer schema: %v", err)
	}
}

func TestAddUserRules(t *testing.T) {
	o := newOffice(t)
	ctx := context.Background()
	// The admin adds users; a clerk may not.
	if err := AddUser(ctx, o.cfg(t, "admin"), "clerk2", RoleDrafter, "pw2"); err != nil {
		t.Fatal(err)
	}
	if err := AddUser(ctx, o.cfg(t, "clerk"), "clerk3", RoleLeader, "pw3"); !errors.Is(err, ErrRefused) {
		t.Fatalf("clerk added a user: %v", err)
	}
	// An existing Biên Tập user gets a new password and role.
	if err := AddUser(ctx, o.super, "clerk2", RoleRegistrar, "pw4"); err != nil {
		t.Fatal(err)
	}
	c, err := Connect(ctx, mustParse(t, cluster.URL("clerk2", "pw4", o.db)))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Info.Roles.Has(RoleRegistrar) || len(c.Info.Roles) != 1 {
		t.Fatalf("roles %v", c.Info.Roles)
	}
	c.Close()
	// Roles that are not Biên Tập users are never touched.
	for _, name := range []string{"postgres", "bientap_lanh_dao", "Bad Name"} {
		if err := AddUser(ctx, o.cfg(t, "admin"), name, RoleDrafter, "x"); !errors.Is(err, ErrRefused) {
			t.Fatalf("add-user %q: %v", name, err)
		}
	}
	if err := cluster.Exec(o.db, "CREATE ROLE outsider LOGIN"); err != nil {
		t.Fatal(err)
	}
	if err := AddUser(ctx, o.cfg(t, "admin"), "outsider", RoleLeader, "x"); !errors.Is(err, ErrRefused) {
		t.Fatalf("took over a foreign role: %v", err)
	}
}

func TestScramSecretLogsIn(t *testing.T) {
	o := newOffice(t)
	// A Vietnamese password, NFC, logs in through pgx.
	c, err := Connect(context.Background(), o.cfg(t, "clerk"))
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	s, err := scramSecret("abc")
	if err != nil || !strings.HasPrefix(s, "SCRAM-SHA-256$4096:") || strings.Count(s, "$") != 2 {
		t.Fatalf("%q %v", s, err)
	}
}

// A clerk connecting with psql cannot approve, number or publish: the server
// refuses, whatever the window does.
func TestClerkDirectSQLIsRefused(t *testing.T) {
	o := newOffice(t)
	ctx := context.Background()
	clerk, err := Connect(ctx, o.cfg(t, "clerk"))
	if err != nil {
		t.Fatal(err)
	}
	defer clerk.Close()
	res, _, err := clerk.Push(ctx, []PushRecord{{Row: testRow(gid(1), "review")}}, nil, nil)
	if err != nil || res[0].Result != PushOK {
		t.Fatalf("push: %v %+v", err, res)
	}
	db := o.psql(t, "clerk")
	for _, tc := range []struct{ sql, want string }{
		{"UPDATE bientap.records SET status = 'approved' WHERE gid = $1", "chỉ lãnh đạo được duyệt"},
		{"UPDATE bientap.records SET status = 'published' WHERE gid = $1", "chỉ văn thư được đăng"},
		{"UPDATE bientap.records SET number = '07' WHERE gid = $1", "chỉ văn thư được cấp"},
		{"SELECT bientap.take_number($1)", "permission denied"},
		{"DELETE FROM bientap.records WHERE gid = $1", "permission denied"},
		{"UPDATE bientap.archive SET version = 0 WHERE $1 <> ''", "permission denied"},
		{"INSERT INTO bientap.series VALUES (2026, 'TB', $1::text::int)", "permission denied"},
		{"UPDATE bientap.records SET deleted = true WHERE gid = $1", "chỉ xóa hẳn được bản ghi đã ở thùng rác"},
	} {
		arg := gid(1)
		if strings.Contains(tc.sql, "series") {
			arg = "5"
		}
		_, err := db.Exec(ctx, tc.sql, arg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.sql, err, tc.want)
		}
	}
	// An insert of an approved record is refused as well.
	if _, err := db.Exec(ctx, `INSERT INTO bientap.records (gid, version, edit_version, kind, date, status, created, updated, created_by, updated_by)
		VALUES ($1, 0, 0, 'thong-bao', '2026-01-01', 'approved', now(), now(), '', '')`, gid(2)); err == nil ||
		!strings.Contains(err.Error(), "chỉ lãnh đạo được duyệt") {
		t.Errorf("insert approved: %v", err)
	}
	// The leader may approve through psql; the server records who did.
	leader := o.psql(t, "leader")
	if _, err := leader.Exec(ctx, "UPDATE bientap.records SET status = 'approved' WHERE gid = $1", gid(1)); err != nil {
		t.Fatal(err)
	}
	var by string
	if err := leader.QueryRow(ctx, "SELECT updated_by FROM bientap.records WHERE gid = $1", gid(1)).Scan(&by); err != nil || by != "leader" {
		t.Fatalf("updated_by %q %v", by, err)
	}
	// Now the clerk may not edit it any more.
	if _, err := db.Exec(ctx, "UPDATE bientap.records SET body = 'sửa' WHERE gid = $1", gid(1)); err == nil ||
		!strings.Contains(err.Error(), "chỉ lãnh đạo hoặc văn thư được sửa") {
		t.Errorf("clerk edited an approved record: %v", err)
	}
	// Revisions say who made them, whatever the client claims.
	if _, err := db.Exec(ctx, `INSERT INTO bientap.revisions (gid, version, created, author, snapshot)
		VALUES ($1, 0, now(), 'leader', '{}')`, gid(1)); err != nil {
		t.Fatal(err)
	}
	var author string
	if err := db.QueryRow(ctx, "SELECT author FROM bientap.revisions ORDER BY id DESC LIMIT 1").Scan(&author); err != nil || author != "clerk" {
		t.Fatalf("author %q %v", author, err)
	}
}

// The README's set-up: init by an account with CREATEROLE and CREATE on the
// database, not a superuser; it owns the archive and adds users.
func TestInitByNonSuperuser(t *testing.T) {
	cluster.Need(t)
	db, err := cluster.NewDB()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bientap_it') THEN CREATE ROLE bientap_it LOGIN CREATEROLE PASSWORD 'it-pw'; END IF; END$$",
		"GRANT CREATE ON DATABASE " + db + " TO bientap_it",
	} {
		if err := cluster.Exec(db, q); err != nil {
			t.Fatal(err)
		}
	}
	it := mustParse(t, cluster.URL("bientap_it", "it-pw", db))
	if _, err := Init(context.Background(), it); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := AddUser(ctx, it, "vt_it", RoleRegistrar, userPassword); err != nil {
		t.Fatal(err)
	}
	// The owner files an approved, numbered record (an old archive coming in).
	owner, err := Connect(ctx, it)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	r := testRow(gid(1), "published")
	r.Number, r.Sign = "07", "TB-UBND"
	if res, _, err := owner.Push(ctx, []PushRecord{{Row: r}, {Row: testRow(gid(2), "approved")}}, nil, nil); err != nil ||
		res[0].Result != PushOK || res[1].Result != PushOK {
		t.Fatalf("owner push: %v %+v", err, res)
	}
	// The văn thư's next number follows the imported one.
	vt, err := Connect(ctx, mustParse(t, cluster.URL("vt_it", userPassword, db)))
	if err != nil {
		t.Fatal(err)
	}
	defer vt.Close()
	rr := testRow(gid(3), "draft")
	rr.Sign = "TB-UBND"
	vt.Push(ctx, []PushRecord{{Row: rr}}, nil, nil)
	if n, _, err := vt.TakeNumber(ctx, gid(3)); err != nil || n != "08" {
		t.Fatalf("number %q %v", n, err)
	}
}
