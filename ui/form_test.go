package ui

import (
	"bientap/model"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"
)

func TestVietnameseTypingEndsNFC(t *testing.T) {
	tu := newTestUI(t, true)
	tu.shortcut(ctrl(fyne.KeyN))
	title := tu.editor.form.title
	for _, step := range []string{"V", "i", "e", "\b", "ê", "\b", "ệ", "t", " ", "N", "a", "m", " ", "Lai Cha\u0302u"} {
		if step == "\b" {
			title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		} else {
			test.Type(title, step)
		}
	}
	tu.editor.form.body.FocusStart()
	test.Type(tu.win.Canvas().Focused(), "Hòa bình, đô\u0323c lâ\u0323p")
	tu.shortcut(ctrl(fyne.KeyS))
	got, err := tu.st.Get(tu.editor.rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Việt Nam Lai Châu" || got.Body != "Hòa bình, độc lập" {
		t.Fatalf("stored %q / %q", got.Title, got.Body)
	}
	if !norm.NFC.IsNormalString(got.Title) || !norm.NFC.IsNormalString(got.Body) {
		t.Fatal("stored text is not NFC")
	}
}

func TestUndoRedoAndFindViaMenu(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(tu.rowOf("Phiên chợ"))
	body := tu.editor.form.body
	orig := body.Text()
	body.FocusAt(0, 0)
	test.Type(tu.win.Canvas().Focused(), "Thêm. ")
	tu.shortcut(&fyne.ShortcutUndo{})
	if body.Text() != orig {
		t.Fatal("Ctrl+Z should undo the typing")
	}
	tu.shortcut(&fyne.ShortcutRedo{})
	if !strings.HasPrefix(body.Text(), "Thêm. ") {
		t.Fatal("Ctrl+Y should redo")
	}
	tu.win.Canvas().Focus(tu.editor.form.title)
	typeEnd(tu.editor.form.title, "ABC")
	tu.shortcut(&fyne.ShortcutUndo{})
	if strings.Contains(tu.editor.form.title.Text, "ABC") {
		t.Fatal("Ctrl+Z in the title should undo the title's typing")
	}

	tu.shortcut(ctrlShift(fyne.KeyF))
	if !tu.editor.form.find.visible() || tu.win.Canvas().Focused() != tu.editor.form.find.entry {
		t.Fatal("Ctrl+Shift+F should open the find bar")
	}
	test.Type(tu.editor.form.find.entry, "giao luu van hoa")
	tu.editor.form.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	i, _ := body.Cursor()
	if i != 1 {
		t.Fatalf("find selected paragraph %d, want 1", i)
	}
	if sel := tu.win.Canvas().Focused().(interface{ SelectedText() string }).SelectedText(); sel != "giao lưu văn hóa" {
		t.Fatalf("find selected %q", sel)
	}
	tu.onEscape()
	if tu.editor.form.find.visible() {
		t.Fatal("Esc should close the find bar")
	}
}

func TestAssignNumberAndDuplicate(t *testing.T) {
	tu := newTestUI(t, true)
	tu.shortcut(ctrl(fyne.KeyN))
	f := tu.editor.form
	f.kind.SetSelected("Thông báo")
	if !f.docBox.Visible() || f.header.Items[2].Text != "Trích yếu" {
		t.Fatal("a document shows its fields and calls the summary trích yếu")
	}
	test.Type(f.title, "Thông báo nghỉ lễ")
	test.Tap(f.number.button)
	if f.number.number.Text != "01" || f.number.sign.Text != "TB-VP" {
		t.Fatalf("Cấp số gave %q/%q", f.number.number.Text, f.number.sign.Text)
	}
	// A hand-typed number already used this year by the sample Thông báo.
	f.number.sign.SetText("TB-UBND")
	f.agency.SetText("ỦY BAN NHÂN DÂN TỈNH")
	f.number.number.SetText("215")
	tu.sched.flush()
	if !f.number.dupWarn.Visible() || !strings.Contains(f.number.dupWarn.Text, "215/TB-UBND") {
		t.Fatalf("duplicate warning %q", f.number.dupWarn.Text)
	}
	f.kind.SetSelected("Tin bài")
	if f.docBox.Visible() || f.header.Items[2].Text != "Sapo" {
		t.Fatal("news hides the document fields")
	}
}

func TestLegacyPaste(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(0)
	title := tu.editor.form.title
	title.SetText("")
	tu.win.Canvas().Focus(title)
	title.TypedShortcut(&fyne.ShortcutPaste{Clipboard: staticClipboard("Th«ng b¸o kÕt luËn cña Chñ tÞch UBND tØnh")})
	tu.press("Chuyển bảng mã?", "Chuyển sang Unicode")
	if title.Text != "Thông báo kết luận của Chủ tịch UBND tỉnh" {
		t.Fatalf("converted paste: %q", title.Text)
	}
	// Ordinary Unicode text pastes as it is, without a question.
	title.TypedShortcut(&fyne.ShortcutPaste{Clipboard: staticClipboard(" mới")})
	tu.noDialog()
	if title.Text != "Thông báo kết luận của Chủ tịch UBND tỉnh mới" {
		t.Fatalf("plain paste: %q", title.Text)
	}
}

func TestPictureChecks(t *testing.T) {
	if _, err := checkPicture("a.png", []byte("not a picture")); err == nil || !strings.Contains(err.Error(), "không phải ảnh") {
		t.Fatalf("bad type: %v", err)
	}
	if _, err := checkPicture("b.jpg", []byte("\xFF\xD8\xFF\xE0broken")); err == nil || !strings.Contains(err.Error(), "hỏng") {
		t.Fatalf("broken jpeg: %v", err)
	}
	tu := newTestUI(t, true)
	tu.openIndex(tu.rowOf("Phiên chợ"))
	f := tu.editor.form
	if !f.picture.thumbBx.Visible() || !strings.Contains(f.picture.info.Text, "800×450") {
		t.Fatalf("featured picture: %q", f.picture.info.Text)
	}
	test.Tap(f.picture.remove)
	if f.picture.thumbBx.Visible() || !tu.editor.dirty {
		t.Fatal("Bỏ ảnh should remove the picture and mark the record changed")
	}
	f.picture.images = []model.Image{{Name: "anh-1.jpg", MediaType: "image/jpeg", Data: []byte("\xFF\xD8\xFFhỏng")}}
	f.picture.show()
	if !strings.Contains(f.picture.info.Text, "hỏng") {
		t.Fatalf("broken picture message %q", f.picture.info.Text)
	}
}

func TestTabOrder(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(tu.rowOf("Phiên chợ"))
	c := tu.win.Canvas()
	f := tu.editor.form
	c.Focus(f.kind)
	want := []fyne.Focusable{f.date, f.title, f.summary}
	for _, w := range want {
		test.FocusNext(c)
		if c.Focused() != w {
			t.Fatalf("Tab went to %T, want %T", c.Focused(), w)
		}
	}
	test.FocusNext(c)
	if i, _ := f.body.Cursor(); i != 0 {
		t.Fatalf("Tab from the summary should reach the body's first paragraph, got paragraph %d (%T)", i, c.Focused())
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if c.Focused() == nil || c.Focused() == f.summary {
		t.Fatalf("Tab in the body went to %T", c.Focused())
	}
	if e, ok := c.Focused().(*widget.SelectEntry); !ok || e != f.category {
		t.Fatalf("Tab from the body should reach the category, got %T", c.Focused())
	}
	for _, w := range []fyne.Focusable{f.author, f.place} {
		test.FocusNext(c)
		if _, ok := c.Focused().(*widget.Button); ok {
			test.FocusNext(c) // the category's drop-down button
		}
		if c.Focused() != w {
			t.Fatalf("Tab went to %T, want %T", c.Focused(), w)
		}
	}
}
