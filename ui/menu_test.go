package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"bientap/model"
)

// The items that act on the open record are disabled while none is open
// (their shortcuts say why), and the trash items follow the record.
func TestMenusFollowTheRecord(t *testing.T) {
	tu := newTestUI(t, true)
	recordItems := [][]string{
		{"Tệp", "Lưu"}, {"Tệp", "In / Xuất PDF…"}, {"Tệp", "Xuất, gửi đi", "Xuất Word (.docx)…"},
		{"Tệp", "Xuất, gửi đi", "Xuất HTML…"},
		{"Tệp", "Xuất, gửi đi", "Gửi thư…"}, {"Sửa", "Tìm trong nội dung"},
		{"Bản ghi", "Chuyển bước tiếp theo"}, {"Bản ghi", "Trả về bước trước"},
		{"Bản ghi", "Chuyển vào Thùng rác"}, {"Bản ghi", "Khôi phục từ Thùng rác"},
	}
	for _, p := range recordItems {
		if !tu.menuItem(p...).Disabled {
			t.Errorf("%q is enabled with no record open", p)
		}
	}
	for _, p := range [][]string{{"Tệp", "Bản ghi mới"}, {"Tệp", "Mở cơ sở dữ liệu khác…"}, {"Bản ghi", "Xem Thùng rác"},
		{"Kho chung", "Đồng bộ ngay"}, {"Kho chung", "Xung đột…"}, {"Kho chung", "Tham gia kho chung…"}} {
		if tu.menuItem(p...).Disabled {
			t.Errorf("%q is disabled", p)
		}
	}
	if !tu.menuItem("Bản ghi", "Dọn thùng rác…").Disabled {
		t.Error("Dọn thùng rác is enabled on an empty trash")
	}
	// A shortcut of a disabled item still says why nothing happens.
	tu.shortcut(ctrl(fyne.KeyS))
	if !strings.Contains(tu.statusBar.Text, "Chưa mở bản ghi") {
		t.Fatalf("status bar %q", tu.statusBar.Text)
	}

	tu.openIndex(0)
	for _, p := range recordItems[:len(recordItems)-2] { // all but the trash items
		if tu.menuItem(p...).Disabled {
			t.Errorf("%q is disabled with a record open", p)
		}
	}
	if tu.menuItem("Bản ghi", "Chuyển vào Thùng rác").Disabled || !tu.menuItem("Bản ghi", "Khôi phục từ Thùng rác").Disabled {
		t.Fatal("an open record can go to the trash, not out of it")
	}
	tu.menuItem("Bản ghi", "Chuyển vào Thùng rác").Action()
	tu.press("Xóa bản ghi?", "Chuyển vào Thùng rác")
	if tu.editor.rec.Status != model.StatusTrash {
		t.Fatal("not trashed")
	}
	if !tu.menuItem("Bản ghi", "Chuyển vào Thùng rác").Disabled || tu.menuItem("Bản ghi", "Khôi phục từ Thùng rác").Disabled {
		t.Fatal("a trashed record can only be restored")
	}
	if tu.menuItem("Bản ghi", "Dọn thùng rác…").Disabled || tu.list.emptyTrash.Disabled() {
		t.Fatal("Dọn thùng rác should be enabled when the trash holds a record")
	}
}

// The Tệp menu shows whole on a 600-pixel-high screen: a dozen lines at
// most (about 40 pixels each under the menu bar).
func TestFileMenuFits(t *testing.T) {
	tu := newTestUI(t, false)
	var file *fyne.Menu
	for _, m := range tu.menu.Items {
		if m.Label == "Tệp" {
			file = m
		}
	}
	items, seps := 0, 0
	for _, it := range file.Items {
		if it.IsSeparator {
			seps++
		} else {
			items++
		}
	}
	if h := items*39 + seps*9; h > 560-28 {
		t.Fatalf("Tệp has %d items and %d separators: %d pixels", items, seps, h)
	}
	tu.menuItem("Tệp", "Mở cơ sở dữ liệu khác…")
}
