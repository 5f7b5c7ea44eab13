package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"bientap/model/store"
	"bientap/resources"
)

var ctx = context.Background()

// english are fragments of Go's and SQLite's messages that must not reach
// the command line.
var english = []string{"invalid", "attempt to", "no such", "stat ", "open ", "unexpected", "cannot", "failed",
	"syntax error", "illegal base64", "database is", "permission denied", "is a directory", "uri"}

// oneVietnameseLine checks a failing command's stderr: exactly one line,
// naming want, without a library's English.
func oneVietnameseLine(t *testing.T, what, stderr string, want ...string) {
	t.Helper()
	if strings.Count(stderr, "\n") != 1 {
		t.Errorf("%s: %d lines: %q", what, strings.Count(stderr, "\n"), stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("%s: %q lacks %q", what, stderr, w)
		}
	}
	for _, e := range english {
		if strings.Contains(strings.ToLower(stderr), e) {
			t.Errorf("%s: English %q in %q", what, e, stderr)
		}
	}
}

func TestArchiveCommandMessages(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errs := run(t, db, "list"); code != 0 {
		t.Fatal(errs)
	}
	text := filepath.Join(dir, "chu.db")
	os.WriteFile(text, []byte("không phải cơ sở dữ liệu"), 0o644)
	badJSON := filepath.Join(dir, "hong.jsonl")
	os.WriteFile(badJSON, []byte(`{"kind":"news","title":"a","date":"2026-01-01"}`+"\n"+`{"kind": news}`+"\n"), 0o644)
	badB64 := filepath.Join(dir, "anh.jsonl")
	os.WriteFile(badB64, []byte(`{"kind":"news","title":"a","date":"2026-01-01","images":[{"data":"%%%"}]}`+"\n"), 0o644)
	svg := filepath.Join(dir, "svg.jsonl")
	os.WriteFile(svg, []byte(`{"kind":"news","title":"a","date":"2026-01-01","images":[{"name":"a.jpg","data":"`+
		base64.StdEncoding.EncodeToString([]byte("<svg onload=alert(1)>"))+`"}]}`+"\n"), 0o644)
	folderJSONL := filepath.Join(dir, "thu-muc.jsonl")
	os.Mkdir(folderJSONL, 0o755)
	missing := filepath.Join(dir, "khong-co.db")

	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"restore missing", []string{"restore", missing}, []string{missing, "không có tệp này"}},
		{"restore text", []string{"restore", text}, []string{text, "không phải cơ sở dữ liệu Biên Tập"}},
		{"restore itself", []string{"restore", db}, []string{db, "chính cơ sở dữ liệu đang mở"}},
		{"backup into missing folder", []string{"backup", filepath.Join(dir, "khong", "bk.db")}, []string{"không tồn tại"}},
		{"backup onto a folder", []string{"backup", dir}, []string{dir, "thư mục"}},
		{"export onto a folder", []string{"export", "jsonl", "-o", dir}, []string{dir, "thư mục"}},
		{"import bad json", []string{"import", badJSON}, []string{badJSON, "dòng 2: JSON sai cú pháp"}},
		{"import bad base64", []string{"import", badB64}, []string{badB64, "dòng 1:", "base64"}},
		{"import svg as picture", []string{"import", svg}, []string{svg, "dòng 1: ảnh 1: không phải ảnh JPEG hay PNG (dữ liệu là SVG)"}},
		{"import a folder", []string{"import", folderJSONL}, []string{folderJSONL, "thư mục"}},
		{"import missing", []string{"import", filepath.Join(dir, "khong.jsonl")}, []string{"khong.jsonl", "không có tệp này"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, db, tt.args...)
			if code != 1 || out != "" {
				t.Errorf("exit %d, stdout %q", code, out)
			}
			oneVietnameseLine(t, tt.name, errs, tt.want...)
		})
	}
	if code, out, _ := run(t, db, "list"); code != 0 || out != "" {
		t.Errorf("failed commands changed the archive: %q", out)
	}
}

// Issue 11's second trial on the command line: a refused file stays
// byte-identical, with nothing left beside it.
func TestRefusedArchiveUntouched(t *testing.T) {
	dir := t.TempDir()
	o := filepath.Join(dir, "o.db")
	sq, err := sql.Open("sqlite3", "file:"+o)
	if err != nil {
		t.Fatal(err)
	}
	sq.Exec("CREATE TABLE t(x)")
	sq.Close()
	before, _ := os.ReadFile(o)
	code, _, errs := run(t, o, "list")
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	oneVietnameseLine(t, "list", errs, o, "không phải cơ sở dữ liệu Biên Tập")
	after, _ := os.ReadFile(o)
	if !bytes.Equal(before, after) {
		t.Errorf("refused file changed (bytes 18–19: %v → %v)", before[18:20], after[18:20])
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left beside it: %v", entries)
	}
}

// list and search on a damaged archive say so, in one line, after the rows.
func TestListWarnsOnDamagedArchive(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ImportJSONL(ctx, bytes.NewReader(resources.Sample), store.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// Damage the table of blobs (the sample's picture) behind the list's back.
	b, _ := os.ReadFile(db)
	i := bytes.Index(b, []byte("\xFF\xD8\xFF"))
	if i < 0 {
		t.Fatal("no picture in the archive")
	}
	page := i / 4096 * 4096
	for j := page; j < page+4096; j++ {
		b[j] = 0xEE
	}
	os.WriteFile(db, b, 0o644)
	for _, args := range [][]string{{"list"}, {"search", "hoi nghi"}} {
		code, out, errs := run(t, db, args...)
		if code != 1 {
			t.Errorf("%v: exit %d", args, code)
		}
		oneVietnameseLine(t, args[0], errs, "cảnh báo", db, "bị hỏng")
		t.Logf("%v: %d rows, %s", args, strings.Count(out, "\n"), errs)
	}
}

// Issue 11's fourth trial: the same JSON Lines twice duplicates nothing,
// and the command says what it did; --update takes changed records.
func TestImportJSONLTwice(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	sample := filepath.Join(dir, "sample.jsonl")
	os.WriteFile(sample, resources.Sample, 0o644)
	code, out, errs := run(t, db, "import", sample)
	if code != 0 || strings.Count(out, "\n") != 9 || !strings.Contains(errs, "Đã nhập 9 bản ghi, bỏ qua 0 trùng, 0 tệp lỗi\n") {
		t.Fatalf("first: %d %q %q", code, out, errs)
	}
	code, out, errs = run(t, db, "import", sample)
	if code != 0 || out != "" || !strings.Contains(errs, "9 bản ghi đã có, giống hệt") ||
		!strings.HasSuffix(errs, "Đã nhập 0 bản ghi, bỏ qua 9 trùng, 0 tệp lỗi\n") {
		t.Errorf("second: %d %q %q", code, out, errs)
	}
	// An export of this archive, one record changed in it.
	exp := filepath.Join(dir, "xuat.jsonl")
	if code, _, errs := run(t, db, "export", "jsonl", "-o", exp); code != 0 {
		t.Fatal(errs)
	}
	data, _ := os.ReadFile(exp)
	changed := strings.Replace(string(data), "Phiên chợ vùng cao", "Phiên chợ phiên vùng cao", 1)
	os.WriteFile(exp, []byte(changed), 0o644)
	code, _, errs = run(t, db, "import", exp)
	if code != 0 || !strings.Contains(errs, "1 bản ghi đã có nhưng khác") || !strings.Contains(errs, "dùng --update") {
		t.Errorf("changed: %d %q", code, errs)
	}
	code, _, errs = run(t, db, "import", "--update", exp)
	if code != 0 || !strings.HasSuffix(errs, "Đã nhập 0 bản ghi, cập nhật 1, bỏ qua 8 trùng, 0 tệp lỗi\n") {
		t.Errorf("update: %d %q", code, errs)
	}
	if _, out, _ := run(t, db, "list"); strings.Count(out, "\n") != 9 {
		t.Errorf("%d records after four imports", strings.Count(out, "\n"))
	}
}

// restore takes a path relative to the current folder, and keeps the
// replaced content beside the archive.
func TestRestoreCommandRelative(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cur.db")
	sample := filepath.Join(dir, "sample.jsonl")
	os.WriteFile(sample, resources.Sample, 0o644)
	run(t, db, "import", sample)
	if code, _, errs := run(t, db, "backup", filepath.Join(dir, "bk.db")); code != 0 || !strings.Contains(errs, "kiểm tra toàn vẹn") {
		t.Fatal(errs)
	}
	other := filepath.Join(dir, "other.db")
	t.Chdir(dir)
	code, _, errs := run(t, other, "restore", "bk.db")
	if code != 0 || !strings.Contains(errs, "Đã khôi phục từ bk.db") {
		t.Fatalf("%d %q", code, errs)
	}
	if _, out, _ := run(t, other, "list"); strings.Count(out, "\n") != 9 {
		t.Errorf("restored %d records", strings.Count(out, "\n"))
	}
}
