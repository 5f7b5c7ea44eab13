package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"bientap/model"
	"bientap/model/store"
)

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	bad := &model.Record{Kind: model.KindThongBao, Title: "Thông báo lịch họp", Number: "5", Sign: "TB-UBND",
		Date: time.Date(2024, 4, 10, 0, 0, 0, 0, time.UTC), Status: model.StatusDraft,
		Body:       "Kính gửi :các sở, ban, ngành.\n\nĐề nghị các đơn vị cử đại biểu  tham dự",
		Recipients: []string{"- Như trên;", "- Các sở, ban, ngành."}}
	good := &model.Record{Kind: model.KindThongBao, Title: "Thông báo", Number: "05", Sign: "TB-UBND",
		Date: time.Date(2024, 4, 10, 0, 0, 0, 0, time.UTC), Status: model.StatusDraft,
		Body:       "Đề nghị các đơn vị cử đại biểu tham dự đúng thành phần, thời gian./.",
		Recipients: []string{"- Như trên;", "- Lưu: VT, TH."}}
	for _, r := range []*model.Record{bad, good} {
		if err := st.Create(r); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	txt := write("a.txt", []byte("Ủy ban nhân dân tỉnh;lập kế hoạch\r\nCác nội dung khác....\r\n"))
	// "Uỷ ban nhân dân tỉnh ,Lào Cai" in TCVN3 bytes: decoded before checking.
	tcvn3 := write("b.txt", []byte("U\xFB ban nh\xA9n d\xA9n t\xD8nh ,L\xB5o Cai\n"))
	clean := write("c.txt", []byte("Văn bản đúng chính tả, không có lỗi.\n"))

	badID, goodID := strconv.FormatInt(bad.ID, 10), strconv.FormatInt(good.ID, 10)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string // part of stderr; "" means empty
	}{
		{"record with mistakes", []string{"check", badID}, 0,
			"0:0: Số văn bản “5” thiếu số 0 ở đầu: số nhỏ hơn 10 viết “05”\n" +
				"0:0: Nơi nhận chưa kết thúc bằng dòng “- Lưu: VT, …” (lưu văn thư và đơn vị soạn thảo)\n" +
				"1:9: Thừa dấu cách trước dấu “:”\n" +
				"1:10: Thiếu dấu cách sau dấu “:”\n" +
				"3:31: Thừa dấu cách (2 dấu cách liền nhau)\n" +
				"3:40: Thiếu dấu kết thúc “./.” ở cuối nội dung văn bản\n", ""},
		{"correct record", []string{"check", goodID}, 0, "", ""},
		{"file", []string{"check", "--file", txt}, 0,
			"1:21: Thiếu dấu cách sau dấu “;”\n2:18: Quá ba dấu chấm liền nhau\n", ""},
		{"legacy file, flag after", []string{"check", "--file=" + tcvn3, "--from", "tcvn3"}, 0,
			"1:21: Thừa dấu cách trước dấu “,”\n1:22: Thiếu dấu cách sau dấu “,”\n", ""},
		{"clean file", []string{"check", "--file", clean}, 0, "", ""},
		{"missing record", []string{"check", "999"}, 1, "", "không tìm thấy"},
		{"bad id", []string{"check", "abc"}, 1, "", "mã bản ghi không hợp lệ"},
		{"missing file", []string{"check", "--file", filepath.Join(dir, "nope.txt")}, 1, "", "không có tệp này"},
		{"nothing to check", []string{"check"}, 1, "", "cần mã bản ghi hoặc --file"},
		{"both", []string{"check", badID, "--file", txt}, 1, "", "không cả hai"},
		{"two ids", []string{"check", badID, goodID}, 1, "", "thừa đối số"},
		{"bad encoding", []string{"check", "--file", txt, "--from", "koi8"}, 1, "", "bảng mã không rõ"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := Run(db, tt.args, &out, &errb)
		if code != tt.code || out.String() != tt.stdout {
			t.Errorf("%s: code %d, stdout\n%s\nstderr %q", tt.name, code, out.String(), errb.String())
		}
		if tt.stderr == "" && errb.Len() > 0 || tt.stderr != "" && (!strings.Contains(errb.String(), tt.stderr) || strings.Count(errb.String(), "\n") != 1) {
			t.Errorf("%s: stderr %q, want one line with %q", tt.name, errb.String(), tt.stderr)
		}
	}
}
