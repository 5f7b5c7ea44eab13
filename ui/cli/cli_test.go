package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestFlagErrorsInVietnamese(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"list", "--db", "x.db"}, "--db đặt trước lệnh"},
		{[]string{"list", "--foo"}, "không có tùy chọn -foo"},
		{[]string{"export", "pdf", "1", "-o"}, "tùy chọn -o cần một giá trị"},
		{[]string{"list", "--year", "abc"}, `giá trị "abc" không hợp lệ cho -year`},
		{[]string{"frobnicate"}, "lệnh không rõ"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		if code := Run(db, tt.args, &out, &errb); code != 1 {
			t.Errorf("%v: exit %d", tt.args, code)
		}
		msg := errb.String()
		if !strings.Contains(msg, tt.want) || strings.Count(msg, "\n") != 1 || out.Len() != 0 {
			t.Errorf("%v: stderr %q, stdout %q", tt.args, msg, out.String())
		}
	}
}
