package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConvert(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// "Uỷ ban nhân dân tỉnh Lào Cai" in TCVN3 bytes, CRLF.
	tcvn3 := write("tcvn3.txt", []byte("U\xFB ban nh\xA9n d\xA9n t\xD8nh L\xB5o Cai\r\nB\xB6o Th\xBEng\r\n"))
	vni := write("vni.txt", []byte("cha\xF8o ba\xEFn, Vie\xE4t Nam\n"))
	viqr := write("viqr.txt", []byte("Vie^.t Nam\n"))
	unicode := write("unicode.txt", []byte("\xEF\xBB\xBFỦy ban nhân dân\n"))
	binary := write("x.doc", []byte("\xD0\xCF\x11\xE0\x00\x00"))

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string // part of stderr
	}{
		{"tcvn3 auto", []string{"convert", tcvn3}, 0, "Uỷ ban nhân dân tỉnh Lào Cai\nBảo Thắng\n", "Đoán là TCVN3 (ABC)"},
		{"vni auto", []string{"convert", vni}, 0, "chào bạn, Việt Nam\n", "VNI-Windows"},
		{"viqr forced, flag after file", []string{"convert", viqr, "--from", "viqr"}, 0, "Việt Nam\n", "VIQR theo lựa chọn"},
		{"unicode", []string{"convert", unicode}, 0, "Ủy ban nhân dân\n", "Giữ nguyên"},
		{"forced tcvn3", []string{"convert", "--from=tcvn3", tcvn3}, 0, "Uỷ ban nhân dân tỉnh Lào Cai\nBảo Thắng\n", "TCVN3 (ABC) theo lựa chọn"},
		{"missing", []string{"convert", filepath.Join(dir, "nope.txt")}, 1, "", "không có tệp này"},
		{"directory", []string{"convert", dir}, 1, "", "thư mục, không phải tệp"},
		{"binary", []string{"convert", binary}, 1, "", "nhị phân"},
		{"bad encoding", []string{"convert", "--from", "koi8", tcvn3}, 1, "", "bảng mã không rõ"},
		{"no file", []string{"convert"}, 1, "", "cần đúng một tệp"},
		{"two files", []string{"convert", tcvn3, vni}, 1, "", "cần đúng một tệp"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := Run(filepath.Join(dir, "t.db"), tt.args, &out, &errb)
		if code != tt.code || out.String() != tt.stdout || !strings.Contains(errb.String(), tt.stderr) {
			t.Errorf("%s: code %d, stdout %q, stderr %q", tt.name, code, out.String(), errb.String())
		}
		if n := strings.Count(errb.String(), "\n"); n != 1 {
			t.Errorf("%s: stderr has %d lines: %q", tt.name, n, errb.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "t.db")); err == nil {
		t.Errorf("convert created the database")
	}
}
