package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "van-ban.pdf")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		path    string
		build   func(io.Writer) error
		wantErr string
		want    string // content of target afterwards
	}{
		{"build fails midway", target, func(w io.Writer) error {
			io.WriteString(w, "%PDF-1.3 partial")
			return errors.New("không tạo được PDF: lỗi thử")
		}, "lỗi thử", "old"},
		{"missing folder", filepath.Join(dir, "khong-co", "a.pdf"), func(w io.Writer) error { return nil }, "không tồn tại", "old"},
		{"target is a folder", dir, func(w io.Writer) error { return nil }, "là một thư mục", "old"},
		{"success replaces", target, func(w io.Writer) error {
			_, err := io.WriteString(w, "%PDF-1.3 new")
			return err
		}, "", "%PDF-1.3 new"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := WriteFile(tc.path, tc.build)
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("err %v, want %q", err, tc.wantErr)
			}
			if b, _ := os.ReadFile(target); string(b) != tc.want {
				t.Errorf("target holds %q, want %q", b, tc.want)
			}
			ents, _ := os.ReadDir(dir)
			for _, e := range ents {
				if strings.HasSuffix(e.Name(), ".tmp") {
					t.Errorf("temporary file %s left behind", e.Name())
				}
			}
		})
	}
	if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("mode of the written file: %v %v", fi.Mode(), err)
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "ổ đĩa đã đầy"},
		{&os.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, "không có quyền ghi"},
		{&os.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, "không có quyền ghi"},
		{errSharing, "đang mở trong chương trình khác"},
		{&os.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}, "không tồn tại"},
		{errors.New("lạ"), "không ghi được"},
	}
	for _, tc := range tests {
		got := describe(tc.err, "/tmp/a.pdf").Error()
		if !strings.Contains(got, tc.want) || strings.Contains(got, "\n") {
			t.Errorf("describe(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}

// TestWriteFileReadOnlyFolder needs a user that permissions apply to.
func TestWriteFileReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores folder permissions")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	err := WriteFile(filepath.Join(dir, "a.pdf"), func(w io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "không có quyền ghi") {
		t.Fatalf("err %v", err)
	}
}

// TestDescribeWraps: the Vietnamese message keeps the file-system error
// for errors.Is, and shows none of its English.
func TestDescribeWraps(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fs.ErrPermission, "không có quyền ghi"},
		{fs.ErrNotExist, "không tồn tại"},
		{&fs.PathError{Op: "open", Path: "/x/y", Err: syscall.EIO}, "không ghi được «/x/y.pdf»"},
	} {
		err := Describe(tc.err, "/x/y.pdf")
		if !errors.Is(err, tc.err) || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "input/output") {
			t.Errorf("Describe(%v) = %q (wraps: %v)", tc.err, err, errors.Is(err, tc.err))
		}
	}
}
