package office

import (
	"strings"
	"testing"
)

func TestParseURL(t *testing.T) {
	for _, tc := range []struct {
		in, key, password, err string
	}{
		{"postgres://an:bí mật@10.0.0.5:5432/vanphong", "an@10.0.0.5:5432/vanphong", "bí mật", ""},
		{"postgresql://an@/vanphong?host=/run/postgresql&port=5433", "an@/run/postgresql:5433/vanphong", "", ""},
		{"postgres://an:p%40ss@host/db", "an@host:5432/db", "p@ss", ""},
		{"  postgres://an@host/db  ", "an@host:5432/db", "", ""},
		{"mysql://an@host/db", "", "", "không hợp lệ"},
		{"postgres://host/db", "", "", "thiếu tên người dùng"},
		{"postgres://an@host", "", "", "thiếu tên cơ sở dữ liệu"},
		{"postgres://an@host/db?sslrootcert=/khong/co.pem", "", "", "không dùng được"},
	} {
		cfg, err := ParseURL(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) || strings.Contains(err.Error(), "\n") {
				t.Errorf("%q: error %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if cfg.Key() != tc.key || cfg.Password != tc.password || strings.Contains(cfg.URL, "bí") || strings.Contains(cfg.URL, "ss@") {
			t.Errorf("%q: key %q password %q url %q", tc.in, cfg.Key(), cfg.Password, cfg.URL)
		}
	}
	// The password never shows in an error.
	if _, err := ParseURL("postgres://an:bi-mat@host?x"); err == nil || strings.Contains(err.Error(), "bi-mat") {
		t.Errorf("error shows the password: %v", err)
	}
}
