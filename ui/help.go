package ui

import (
	"cmp"
	"fmt"
	"strings"
)

func (u *mainUI) onHelpMarkup() {
	u.showMessage("Cách soạn nội dung", strings.Join([]string{
		"Mỗi dòng là một đoạn; số thứ tự gõ thế nào giữ nguyên thế ấy (1., a), Điều 1.).",
		"**chữ đậm**, *chữ nghiêng*; \\* là dấu sao thường.",
		"# Tiêu đề mục, ## Tiêu đề nhỏ.",
		"-> dòng căn giữa <-",
		"![chú thích](anh-1.jpg): chèn ảnh của bản ghi (nút “Ảnh”).",
		"| ô | ô |: dòng của bảng; dòng |---|---| ngay sau dòng đầu đánh dấu hàng tiêu đề (nút “Bảng”).",
	}, "\n"))
}

func (u *mainUI) onHelpKeys() {
	u.showMessage("Phím tắt", strings.Join([]string{
		"Ctrl+N: bản ghi mới · Ctrl+S: lưu · Ctrl+P: in / xuất PDF",
		"Ctrl+F: tìm trong danh sách · Ctrl+Shift+F: tìm trong nội dung · Ctrl+G: tìm tiếp",
		"Ctrl+Z / Ctrl+Y: hoàn tác / làm lại · Ctrl+Q: thoát · Esc: đóng hộp thoại",
		"Trong nội dung: Enter tách đoạn, Backspace ở đầu đoạn nối với đoạn trên, Tab sang ô tiếp theo.",
	}, "\n"))
}

func (u *mainUI) onAbout() {
	m := u.cfg.Meta
	u.showMessage("Giới thiệu", fmt.Sprintf("%s %s\nSoạn, lưu trữ, tra cứu và in tin bài, văn bản hành chính theo Nghị định 30/2020/NĐ-CP.\nCơ sở dữ liệu: %s",
		cmp.Or(strings.TrimSpace(m.Name), "Biên Tập"), m.VersionString(), u.st.Path()))
}
