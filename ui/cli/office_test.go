package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bientap/model"
	"bientap/model/office/pgtest"
	"bientap/model/secret"
	"bientap/model/store"
)

var cluster *pgtest.Cluster

// TestMain starts the PostgreSQL cluster of the office tests and keeps the
// integrity verdicts that list and search remember (store.Verified) in a
// cache of the tests' own, not the user's.
func TestMain(m *testing.M) {
	cache, err := os.MkdirTemp("", "bientap-cli-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := pgtest.Main(m, &cluster, pgtest.Options{})
	os.RemoveAll(cache)
	os.Exit(code)
}

func isOneLine(t *testing.T, s string) {
	t.Helper()
	if strings.Count(s, "\n") != 1 || !strings.HasSuffix(s, "\n") {
		t.Fatalf("not one line: %q", s)
	}
}

// The command lines of issue 14, as scripts use them.
func TestOfficeCommands(t *testing.T) {
	cluster.Need(t)
	dbName, err := cluster.NewDB()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	admin := cluster.SuperURL(dbName)
	code, out, errs := run(t, filepath.Join(dir, "x.db"), "server", "init", admin)
	if code != 0 || !strings.Contains(out, "đã tạo lược đồ bientap") {
		t.Fatalf("server init: %d %q %q", code, out, errs)
	}
	code, out, _ = run(t, filepath.Join(dir, "x.db"), "server", "init", admin)
	if code != 0 || !strings.Contains(out, "không có gì phải làm") {
		t.Fatalf("second init: %d %q", code, out)
	}
	t.Setenv(secret.EnvPassword, "Mật khẩu chung")
	for _, u := range [][2]string{{"chuyenvien", "soan-thao"}, {"lanhdao", "lanh-dao"}, {"vanthu", "van-thu"}} {
		code, out, errs := run(t, filepath.Join(dir, "x.db"), "server", "add-user", admin, u[0], u[1])
		if code != 0 || !strings.Contains(out, "Đã thêm người dùng "+u[0]) {
			t.Fatalf("add-user %v: %d %q %q", u, code, out, errs)
		}
	}
	code, _, errs = run(t, filepath.Join(dir, "x.db"), "server", "add-user", admin, "ai", "giam-doc")
	if code != 1 || !strings.Contains(errs, "vai trò không hợp lệ") {
		t.Fatalf("bad role: %d %q", code, errs)
	}
	isOneLine(t, errs)

	// A clerk's desk with a draft joins (password in the environment).
	clerkDB := filepath.Join(dir, "clerk.db")
	st, err := store.Open(clerkDB)
	if err != nil {
		t.Fatal(err)
	}
	draft := &model.Record{Kind: model.KindThongBao, Title: "Thông báo lịch họp", Sign: "TB-UBND", Body: "Nội dung./."}
	st.Create(draft)
	st.Close()
	code, out, errs = run(t, clerkDB, "join", cluster.URL("chuyenvien", "", dbName))
	if code != 0 || !strings.Contains(out, "Đã tham gia") || !strings.Contains(out, "gửi 1") {
		t.Fatalf("join: %d %q %q", code, out, errs)
	}
	isOneLine(t, out)
	// The clerk may send for review, not approve, not number.
	code, out, errs = run(t, clerkDB, "status", "1", "review")
	if code != 0 || !strings.Contains(out, "Nháp → Chờ duyệt (đã gửi lên kho chung)") {
		t.Fatalf("status review: %d %q %q", code, out, errs)
	}
	code, _, errs = run(t, clerkDB, "status", "1", "approved")
	if code != 1 || !strings.Contains(errs, "chỉ lãnh đạo được duyệt") {
		t.Fatalf("clerk approved: %d %q", code, errs)
	}
	isOneLine(t, errs)
	code, _, errs = run(t, clerkDB, "number", "1")
	if code != 1 || !strings.Contains(errs, "chỉ văn thư") {
		t.Fatalf("clerk numbered: %d %q", code, errs)
	}
	// The leader approves on their own desk; the văn thư numbers.
	leaderDB := filepath.Join(dir, "leader.db")
	if code, out, errs := run(t, leaderDB, "join", cluster.URL("lanhdao", "Mật khẩu chung", dbName)); code != 0 || !strings.Contains(out, "nhận 1") {
		t.Fatalf("leader join: %d %q %q", code, out, errs)
	}
	if code, out, errs := run(t, leaderDB, "status", "1", "approved"); code != 0 || !strings.Contains(out, "Đã duyệt") {
		t.Fatalf("approve: %d %q %q", code, out, errs)
	}
	vtDB := filepath.Join(dir, "vt.db")
	if code, _, errs := run(t, vtDB, "join", cluster.URL("vanthu", "", dbName)); code != 0 {
		t.Fatalf("vt join: %q", errs)
	}
	code, out, errs = run(t, vtDB, "number", "1")
	if code != 0 || out != "Bản ghi 1: số 01/TB-UBND\n" {
		t.Fatalf("number: %d %q %q", code, out, errs)
	}
	code, _, errs = run(t, vtDB, "number", "1")
	if code != 1 || !strings.Contains(errs, "đã có số 01/TB-UBND") {
		t.Fatalf("renumber: %d %q", code, errs)
	}
	// The clerk's sync brings the approval and the number; one line.
	code, out, errs = run(t, clerkDB, "sync")
	if code != 0 || !strings.HasPrefix(out, "Đồng bộ xong: gửi 0, nhận 1 bản ghi") {
		t.Fatalf("sync: %d %q %q", code, out, errs)
	}
	isOneLine(t, out)
	code, out, _ = run(t, clerkDB, "list", "--status", "approved")
	if code != 0 || !strings.Contains(out, "Thông báo lịch họp") {
		t.Fatalf("list: %q", out)
	}
	// Without a password anywhere, sync says so in one line and exits 1.
	os.Unsetenv(secret.EnvPassword)
	code, _, errs = run(t, clerkDB, "sync")
	if code != 1 || !strings.Contains(errs, "chưa có mật khẩu") {
		t.Fatalf("sync without password: %d %q", code, errs)
	}
	isOneLine(t, errs)
	// Offline: one line, exit 1, the archive untouched.
	t.Setenv(secret.EnvPassword, "Mật khẩu chung")
	st, _ = store.Open(clerkDB)
	st.SetSyncState(map[string]string{store.SyncURL: "postgres://chuyenvien@127.0.0.1:1/" + dbName + "?sslmode=disable"})
	st.Close()
	code, out, errs = run(t, clerkDB, "sync")
	if code != 1 || out != "" || !strings.Contains(errs, "không kết nối được máy chủ") {
		t.Fatalf("offline sync: %d %q %q", code, out, errs)
	}
	isOneLine(t, errs)
	code, out, _ = run(t, clerkDB, "status", "1", "trash")
	if code != 1 { // the clerk may not trash an approved document, offline or not
		t.Fatalf("offline trash: %d %q", code, out)
	}
	code, out, _ = run(t, clerkDB, "conflicts")
	if code != 0 || out != "" {
		t.Fatalf("conflicts: %d %q", code, out)
	}
	// A desk that never joined: number from its own series, status freely.
	lone := filepath.Join(dir, "lone.db")
	st, _ = store.Open(lone)
	st.Create(&model.Record{Kind: model.KindCongVan, Title: "Công văn", Sign: "UBND-VP"})
	st.Close()
	if code, out, _ := run(t, lone, "number", "1"); code != 0 || out != "Bản ghi 1: số 01/UBND-VP\n" {
		t.Fatalf("lone number: %d %q", code, out)
	}
	if code, out, _ := run(t, lone, "status", "1", "approved"); code != 0 || out != "Bản ghi 1: Nháp → Đã duyệt\n" {
		t.Fatalf("lone status: %d %q", code, out)
	}
	if code, _, errs := run(t, lone, "sync"); code != 1 || !strings.Contains(errs, "chưa tham gia kho chung") {
		t.Fatalf("lone sync: %d %q", code, errs)
	}
}
