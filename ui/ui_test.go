package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"bientap/model"
	"bientap/model/store"
	"bientap/model/synth"
	"bientap/model/vntext"
)

func TestWelcomeOnEmptyDatabase(t *testing.T) {
	tu := newTestUI(t, false)
	if tu.win.Content() != tu.welcome {
		t.Fatal("an empty database should open on the welcome panel")
	}
	if !strings.HasPrefix(tu.win.Title(), "Biên Tập — t.db") {
		t.Fatalf("window title %q", tu.win.Title())
	}
	tu.onOpenSample()
	if tu.win.Content() != tu.main {
		t.Fatal("the sample data should show the main window")
	}
	if tu.list.total != 9 {
		t.Fatalf("list shows %d records after the sample import, want 9", tu.list.total)
	}
	if tu.list.count.Text != "9 bản ghi" {
		t.Fatalf("count label %q", tu.list.count.Text)
	}
	if tu.editor.rec == nil || tu.editor.rec.ID == 0 {
		t.Fatal("the newest sample record should be open")
	}
}

func TestWelcomeNewRecord(t *testing.T) {
	tu := newTestUI(t, false)
	tu.onNew()
	if tu.win.Content() != tu.main || tu.editor.rec == nil {
		t.Fatal("Tạo mới should open an empty record in the main window")
	}
}

func TestTypeSaveMakesRevision(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(0)
	r := tu.editor.rec
	before, err := tu.st.Revisions(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	typeEnd(tu.editor.form.title, " (bản sửa)")
	if !tu.editor.dirty {
		t.Fatal("typing should mark the record changed")
	}
	tu.shortcut(ctrl(fyne.KeyS))
	if tu.editor.dirty {
		t.Fatal("Ctrl+S should save")
	}
	// (An imported record gets its first revision, the imported state, when
	// it first changes.)
	after, _ := tu.st.Revisions(r.ID)
	if len(after) <= len(before) || after[0].Title != r.Title+" (bản sửa)" || after[0].Note != "" {
		t.Fatalf("revisions before %+v, after save %+v", before, after)
	}
	got, _ := tu.st.Get(r.ID)
	if got.Title != r.Title+" (bản sửa)" {
		t.Fatalf("stored title %q", got.Title)
	}
	if !strings.Contains(tu.itemTitle(tu.rowOf("(bản sửa)")), "(bản sửa)") {
		t.Fatal("the list should show the new title")
	}
}

func TestNewRecordShortcut(t *testing.T) {
	tu := newTestUI(t, true)
	tu.shortcut(ctrl(fyne.KeyN))
	if tu.win.Canvas().Focused() != tu.editor.form.title {
		t.Fatalf("Ctrl+N should put the cursor in the title, focus is on %T", tu.win.Canvas().Focused())
	}
	test.Type(tu.win.Canvas().Focused(), "Tin mới về nông thôn mới")
	tu.editor.form.body.FocusStart()
	test.Type(tu.win.Canvas().Focused(), "Đoạn một.")
	tu.shortcut(ctrl(fyne.KeyS))
	r := tu.editor.rec
	if r.ID == 0 {
		t.Fatal("saving a new record should create it")
	}
	got, err := tu.st.Get(r.ID)
	if err != nil || got.Title != "Tin mới về nông thôn mới" || got.Body != "Đoạn một." || got.Author != model.DefaultAuthor {
		t.Fatalf("stored %+v, %v", got, err)
	}
	if tu.list.total != 10 || tu.list.selected != r.ID {
		t.Fatalf("list: %d rows, selected %d", tu.list.total, tu.list.selected)
	}
}

func TestSaveRefusesBadDate(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(0)
	tu.editor.form.date.SetText("31/02/2026")
	if !tu.editor.form.dateErr.Visible() || !strings.Contains(tu.editor.form.dateErr.Text, "không tồn tại") {
		t.Fatalf("date error %q", tu.editor.form.dateErr.Text)
	}
	tu.shortcut(ctrl(fyne.KeyS))
	tu.dialog("Chưa lưu được")
	if !tu.editor.dirty {
		t.Fatal("nothing should be lost: the record stays changed")
	}
}

func TestUnsavedChangesPrompt(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(0)
	a := tu.editor.rec
	typeEnd(tu.editor.form.title, " X")

	tu.openIndex(1)
	tu.press("Lưu thay đổi?", "Hủy")
	if tu.editor.rec.ID != a.ID || !tu.editor.dirty {
		t.Fatal("Hủy should keep editing the same record")
	}
	if tu.list.selected != a.ID {
		t.Fatal("Hủy should keep the list on the open record")
	}

	tu.openIndex(1)
	tu.press("Lưu thay đổi?", "Không lưu")
	b := tu.editor.rec
	if b.ID == a.ID || tu.editor.dirty {
		t.Fatal("Không lưu should open the other record")
	}
	if got, _ := tu.st.Get(a.ID); got.Title != a.Title {
		t.Fatalf("Không lưu kept the change: %q", got.Title)
	}

	typeEnd(tu.editor.form.title, " Y")
	tu.openIndex(tu.rowOf(a.Title))
	tu.press("Lưu thay đổi?", "Lưu")
	if got, _ := tu.st.Get(b.ID); got.Title != b.Title+" Y" {
		t.Fatalf("Lưu did not save: %q", got.Title)
	}
	if tu.editor.rec.ID != a.ID {
		t.Fatal("after Lưu the other record should open")
	}
}

func TestAutosaveAndRecovery(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(0)
	r := tu.editor.rec
	typeEnd(tu.editor.form.title, " — đang gõ")
	if tu.sched.pending(autosaveDelay) != 1 {
		t.Fatal("typing should arm the autosave timer")
	}
	tu.sched.flush()
	slots, err := tu.st.Recovered()
	if err != nil || len(slots) != 1 || slots[0].RecordID != r.ID || slots[0].Record.Title != r.Title+" — đang gõ" {
		t.Fatalf("recovery slots %+v, %v", slots, err)
	}

	// The window goes away without saving (a crash): the next start offers
	// the slot.
	st := tu.st
	tu.win.Close()
	tu2 := openTestUI(t, test.NewTempApp(t), st)
	tu2.press("Khôi phục nội dung chưa lưu?", "Để sau")
	tu2.offerRecovery(true)
	tu2.press("Khôi phục nội dung chưa lưu?", "Khôi phục 1")
	if tu2.editor.rec == nil || tu2.editor.rec.ID != r.ID || !tu2.editor.dirty {
		t.Fatal("recovery should open the record, unsaved")
	}
	if got := tu2.editor.form.title.Text; got != r.Title+" — đang gõ" {
		t.Fatalf("recovered title %q", got)
	}
	tu2.shortcut(ctrl(fyne.KeyS))
	if slots, _ := st.Recovered(); len(slots) != 0 {
		t.Fatal("saving should empty the recovery slot")
	}
}

func TestStatusWorkflow(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(tu.rowOf("Phiên chợ"))
	e := tu.editor
	if e.rec.Status != model.StatusDraft || e.fwdBtn.Text != "Gửi duyệt" || e.backBtn.Visible() {
		t.Fatalf("draft: status %s, forward %q", e.rec.Status, e.fwdBtn.Text)
	}
	test.Tap(e.fwdBtn)
	test.Tap(e.fwdBtn)
	if got, _ := tu.st.Get(e.rec.ID); got.Status != model.StatusApproved {
		t.Fatalf("after two steps: %s", got.Status)
	}
	test.Tap(e.fwdBtn) // Đăng asks for the address
	h := tu.dialog("Đăng bài")
	var entry *textEntry
	for _, o := range test.LaidOutObjects(h.content) {
		if en, ok := o.(*textEntry); ok {
			entry = en
		}
	}
	entry.SetText("laichau.gov.vn/bai")
	test.Tap(h.button("Đã đăng"))
	tu.dialog("Đăng bài") // still open: the address is refused
	entry.SetText("https://laichau.gov.vn/tin-tuc/phien-cho")
	test.Tap(h.button("Đã đăng"))
	tu.noDialog()
	got, _ := tu.st.Get(e.rec.ID)
	if got.Status != model.StatusPublished || got.URL != "https://laichau.gov.vn/tin-tuc/phien-cho" {
		t.Fatalf("published: %s %q", got.Status, got.URL)
	}
	if e.fwdBtn.Visible() || e.backBtn.Text != "Trả về Đã duyệt" {
		t.Fatal("a published record can only go back")
	}
	test.Tap(e.backBtn)
	if got, _ := tu.st.Get(e.rec.ID); got.Status != model.StatusApproved {
		t.Fatalf("back: %s", got.Status)
	}
}

func TestTrashRestoreEmpty(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(0)
	id := tu.editor.rec.ID
	test.Tap(tu.editor.trashBtn)
	tu.press("Xóa bản ghi?", "Chuyển vào Thùng rác")
	if got, _ := tu.st.Get(id); got.Status != model.StatusTrash {
		t.Fatalf("status %s", got.Status)
	}
	if tu.list.total != 8 {
		t.Fatalf("the list should hide the trash: %d rows", tu.list.total)
	}
	tu.list.status.SetSelectedIndex(trashFilterIx)
	if tu.list.total != 1 || !tu.list.emptyTrash.Visible() {
		t.Fatalf("trash filter: %d rows", tu.list.total)
	}
	test.Tap(tu.editor.restoreBtn)
	if got, _ := tu.st.Get(id); got.Status == model.StatusTrash {
		t.Fatal("restore left the record in the trash")
	}
	test.Tap(tu.editor.trashBtn)
	tu.press("Xóa bản ghi?", "Chuyển vào Thùng rác")
	test.Tap(tu.list.emptyTrash)
	tu.press("Dọn thùng rác?", "Xóa vĩnh viễn")
	if _, err := tu.st.Get(id); err == nil {
		t.Fatal("emptying the trash should delete the record")
	}
	if tu.editor.rec != nil {
		t.Fatal("the deleted record should leave the editor")
	}
}

func TestSearchAndFilters(t *testing.T) {
	tu := newTestUI(t, true)
	test.Type(tu.list.search, "cong dien")
	if tu.sched.pending(searchDelay) == 0 {
		t.Fatal("the search should wait for typing to pause")
	}
	tu.sched.flush()
	// The công điện by its title first, then the news item that mentions one.
	if tu.list.total < 2 || tu.list.total >= 9 || !strings.HasPrefix(tu.itemTitle(0), "Công điện") {
		t.Fatalf("search without diacritics: %d rows", tu.list.total)
	}
	tu.list.search.SetText("")
	tu.sched.flush()
	tu.list.kind.SetSelected(model.KindNews.Label())
	if tu.list.total != 3 {
		t.Fatalf("kind filter: %d rows", tu.list.total)
	}
	tu.list.kind.SetSelected(allDocuments)
	if tu.list.total != 6 {
		t.Fatalf("documents filter: %d rows", tu.list.total)
	}
	tu.list.status.SetSelected(model.StatusPublished.Label())
	if tu.list.total != 3 {
		t.Fatalf("published documents: %d rows", tu.list.total)
	}
	tu.list.status.SetSelectedIndex(0)
	tu.list.kind.SetSelectedIndex(0)
	tu.list.category.SetText("Văn hóa - Xã hội")
	tu.sched.flush()
	if tu.list.total != 1 {
		t.Fatalf("category filter: %d rows", tu.list.total)
	}
	tu.list.category.SetText("")
	tu.list.year.SetSelected("2026")
	if tu.list.total != 9 || tu.list.count.Text != "9 bản ghi" {
		t.Fatalf("year 2026: %d rows, %q", tu.list.total, tu.list.count.Text)
	}
	tu.list.search.SetText("không có chữ này đâu")
	tu.sched.flush()
	if tu.list.total != 0 || tu.list.count.Text != "Không có bản ghi nào" {
		t.Fatalf("no match: %d rows, %q", tu.list.total, tu.list.count.Text)
	}
	tu.shortcut(ctrl(fyne.KeyF))
	if tu.win.Canvas().Focused() != tu.list.search {
		t.Fatal("Ctrl+F should focus the search box")
	}
}

// Unikey and EVKey type "ệ" as e, backspace, ê, backspace, ệ; some tools send
// decomposed marks. Whatever arrives, the store holds NFC.
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

func TestQuit(t *testing.T) {
	tu := newTestUI(t, true)
	tu.shortcut(ctrl(fyne.KeyQ))
	if tu.quit != 1 {
		t.Fatal("Ctrl+Q with nothing unsaved should quit at once")
	}
	tu.quitting = false
	tu.openIndex(0)
	typeEnd(tu.editor.form.title, "!")
	tu.shortcut(ctrl(fyne.KeyQ))
	tu.press("Lưu thay đổi?", "Hủy")
	if tu.quit != 1 {
		t.Fatal("Hủy should not quit")
	}
	tu.shortcut(ctrl(fyne.KeyQ))
	tu.press("Lưu thay đổi?", "Lưu")
	if tu.quit != 2 {
		t.Fatal("Lưu should save and quit")
	}
	if got, _ := tu.st.Get(tu.editor.rec.ID); !strings.HasSuffix(got.Title, "!") {
		t.Fatal("quit lost the typing")
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
	if !tu.editor.form.findBar.Visible() || tu.win.Canvas().Focused() != tu.editor.form.find {
		t.Fatal("Ctrl+Shift+F should open the find bar")
	}
	test.Type(tu.editor.form.find, "giao luu van hoa")
	tu.editor.form.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	i, _ := body.Cursor()
	if i != 1 {
		t.Fatalf("find selected paragraph %d, want 1", i)
	}
	if sel := tu.win.Canvas().Focused().(interface{ SelectedText() string }).SelectedText(); sel != "giao lưu văn hóa" {
		t.Fatalf("find selected %q", sel)
	}
	tu.onEscape()
	if tu.editor.form.findBar.Visible() {
		t.Fatal("Esc should close the find bar")
	}
}

func TestEscapeClosesDialogs(t *testing.T) {
	tu := newTestUI(t, true)
	tu.onHelpKeys()
	tu.dialog("Phím tắt")
	tu.win.Canvas().(interface {
		OnTypedKey() func(*fyne.KeyEvent)
	}).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	tu.noDialog()
	// Inside a dialog's field too.
	tu.onRegisterNews()
	h := tu.dialog("Các tin đã đăng")
	var entry *textEntry
	for _, o := range test.LaidOutObjects(h.content) {
		if en, ok := o.(*textEntry); ok {
			entry = en
		}
	}
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	tu.noDialog()
	// Fyne's file dialogs too.
	tu.onImportFile()
	tu.dialog("Nhập tệp (.txt, .html, .docx, .jsonl)")
	tu.shortcut(ctrl(fyne.KeyN)) // menu shortcuts wait while a dialog is open
	if tu.editor.rec != nil {
		t.Fatal("Ctrl+N acted behind an open dialog")
	}
	tu.onEscape()
	tu.noDialog()
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
	test.Tap(f.numberBtn)
	if f.number.Text != "01" || f.sign.Text != "TB-VP" {
		t.Fatalf("Cấp số gave %q/%q", f.number.Text, f.sign.Text)
	}
	// A hand-typed number already used this year by the sample Thông báo.
	f.sign.SetText("TB-UBND")
	f.agency.SetText("ỦY BAN NHÂN DÂN TỈNH")
	f.number.SetText("215")
	tu.sched.flush()
	if !f.dupWarn.Visible() || !strings.Contains(f.dupWarn.Text, "215/TB-UBND") {
		t.Fatalf("duplicate warning %q", f.dupWarn.Text)
	}
	f.kind.SetSelected("Tin bài")
	if f.docBox.Visible() || f.header.Items[2].Text != "Sapo" {
		t.Fatal("news hides the document fields")
	}
}

func TestChecksTabFixAndGoTo(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(tu.rowOf("Phiên chợ"))
	body := tu.editor.form.body
	body.FocusAt(0, 0)
	test.Type(tu.win.Canvas().Focused(), "Chợ họp sớm ,đông vui. ")
	tu.editor.tabs.SelectIndex(2)
	c := tu.editor.checks
	if len(c.findings) == 0 {
		t.Fatal("the checks should find the misplaced comma")
	}
	f := c.findings[0]
	if f.Line != 1 || f.Fix == nil {
		t.Fatalf("finding %+v", f)
	}
	c.list.Select(0)
	if tu.editor.tabs.SelectedIndex() != 0 {
		t.Fatal("tapping a finding should go to the form")
	}
	if i, _ := body.Cursor(); i != 0 {
		t.Fatalf("cursor in paragraph %d", i)
	}
	tu.editor.tabs.SelectIndex(2)
	n := len(c.findings)
	c.apply(c.findings[0])
	if len(c.findings) >= n {
		t.Fatalf("the fix left %d findings (had %d)", len(c.findings), n)
	}
	if strings.Contains(body.Text(), "sớm ,đông") {
		t.Fatalf("body not fixed: %q", strings.SplitN(body.Text(), "\n", 2)[0])
	}
	fixed := body.Text()
	body.Undo()
	if !strings.Contains(body.Text(), "sớm ,đông") {
		t.Fatalf("a fix should be undoable:\n%q\n%q", strings.SplitN(fixed, "\n", 2)[0], strings.SplitN(body.Text(), "\n", 2)[0])
	}
}

func TestPreviewTab(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(tu.rowOf("Kế hoạch"))
	tu.editor.tabs.SelectIndex(1)
	s := texts(tu.editor.preview.scroll.Content)
	for _, want := range []string{"KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "Sở Công Thương", "Nơi nhận:", "Hà Trọng Hải", "Lai Châu, ngày 10 tháng 11 năm 2026"} {
		if !strings.Contains(s, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	// Typing refreshes the preview a moment later.
	tu.editor.tabs.SelectIndex(0)
	tu.editor.form.body.FocusAt(0, -1)
	test.Type(tu.win.Canvas().Focused(), " MỚI THÊM")
	tu.editor.tabs.SelectIndex(1)
	tu.sched.flush()
	if !strings.Contains(texts(tu.editor.preview.scroll.Content), "MỚI THÊM") {
		t.Fatal("the preview should show the typed text")
	}
}

func TestHistoryRestore(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(0)
	id := tu.editor.rec.ID
	orig := tu.editor.rec.Title
	tu.editor.form.title.SetText("Tiêu đề thứ hai")
	tu.shortcut(ctrl(fyne.KeyS))
	tu.editor.tabs.SelectIndex(3)
	h := tu.editor.history
	if len(h.revs) != 2 {
		t.Fatalf("%d revisions", len(h.revs))
	}
	h.list.Select(1) // the imported one
	if !strings.Contains(h.diff.String(), "Tiêu đề") || !strings.Contains(h.diff.String(), orig) {
		t.Fatalf("diff: %q", h.diff.String())
	}
	test.Tap(h.restore)
	tu.press("Khôi phục phiên bản?", "Khôi phục")
	got, _ := tu.st.Get(id)
	if got.Title != orig || tu.editor.form.title.Text != orig {
		t.Fatalf("restored %q", got.Title)
	}
	if len(h.revs) != 3 {
		t.Fatalf("restoring should add a revision: %d", len(h.revs))
	}
}

func TestExportPDF(t *testing.T) {
	tu := newTestUI(t, true)
	tu.openIndex(tu.rowOf("Công điện"))
	path := filepath.Join(t.TempDir(), "cong-dien.pdf")
	tu.exportPDFTo(tu.editor.current(), path)
	tu.dialog("Đã xuất PDF")
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(data), "%PDF") {
		t.Fatalf("no PDF written: %v", err)
	}
	// A folder that does not exist: a clear message, nothing written.
	bad := filepath.Join(t.TempDir(), "khong-co", "x.pdf")
	tu.exportPDFTo(tu.editor.current(), bad)
	tu.dialog("Có lỗi")
	if !strings.Contains(tu.lastMessage, "không tồn tại") {
		t.Fatalf("message %q", tu.lastMessage)
	}
}

func TestRegisters(t *testing.T) {
	tu := newTestUI(t, true)
	dir := t.TempDir()
	tu.writeRegister(filepath.Join(dir, "so.pdf"), 2026)
	tu.dialog("Đã lập sổ văn bản đi")
	if !strings.Contains(tu.lastMessage, "5 văn bản") {
		t.Fatalf("register: %q", tu.lastMessage)
	}
	from, _ := vntext.ParseDate("01/01/2026")
	to, _ := vntext.ParseDate("31/12/2026")
	tu.writeNewsList(filepath.Join(dir, "tin.pdf"), from, to)
	if !strings.Contains(tu.lastMessage, "1 tin") {
		t.Fatalf("news list: %q", tu.lastMessage)
	}
	for _, n := range []string{"so.pdf", "tin.pdf"} {
		if fi, err := os.Stat(filepath.Join(dir, n)); err != nil || fi.Size() < 1000 {
			t.Fatalf("%s: %v", n, err)
		}
	}
}

func TestImportFiles(t *testing.T) {
	tu := newTestUI(t, false)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "tin.txt"), []byte("Khai mạc Tuần văn hóa các dân tộc\nThứ Hai, 16/11/2026\nSáng 16/11, tại thành phố Lai Châu đã khai mạc Tuần văn hóa các dân tộc tỉnh năm 2026.\nTuần văn hóa diễn ra đến hết ngày 22/11.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "hong.docx"), []byte("không phải docx"), 0o644)
	os.WriteFile(filepath.Join(dir, "ghi-chu.pdf"), []byte("%PDF"), 0o644)
	paths, err := importableFiles(dir)
	if err != nil || len(paths) != 2 {
		t.Fatalf("importable files %v, %v", paths, err)
	}
	tu.importFiles(paths)
	tu.dialog("Kết quả nhập")
	if !strings.Contains(tu.lastMessage, "1 bản ghi mới") || !strings.Contains(tu.lastMessage, "hong.docx") {
		t.Fatalf("summary %q", tu.lastMessage)
	}
	if tu.list.total != 1 || tu.win.Content() != tu.main {
		t.Fatalf("list %d rows after import", tu.list.total)
	}
	tu.press("Kết quả nhập", "Mở bản ghi đầu tiên")
	if tu.editor.rec == nil || !strings.Contains(tu.editor.rec.Title, "Tuần văn hóa") {
		t.Fatal("the imported record should open")
	}
}

func TestBackupNowAndDaily(t *testing.T) {
	tu := newTestUI(t, true)
	dir := filepath.Join(t.TempDir(), "saoluu")
	s := tu.settings
	s.BackupDir, s.BackupKeep, s.BackupDaily = dir, 2, true
	if err := tu.st.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	tu.settings, _ = tu.st.LoadSettings()
	tu.startDailyBackup()
	daily := filepath.Join(dir, store.DailyBackupName(time.Now()))
	if err := store.Validate(daily); err != nil {
		t.Fatalf("daily backup: %v", err)
	}
	tu.onBackupNow()
	tu.dialog("Đã sao lưu")
	files, _ := filepath.Glob(filepath.Join(dir, "bientap-*.db"))
	if len(files) != 2 {
		t.Fatalf("%d backups, want 2", len(files))
	}
}

func TestSettingsDialog(t *testing.T) {
	tu := newTestUI(t, true)
	tu.onSettings()
	d := tu.dialog("Cài đặt")
	sd := tu.settingsDlg
	sd.marginLeft.SetText("40")
	test.Tap(d.button("Lưu cài đặt"))
	if !sd.errLabel.Visible() || !strings.Contains(sd.errLabel.Text, "Lề trái") {
		t.Fatalf("out-of-range margin: %q", sd.errLabel.Text)
	}
	sd.marginLeft.SetText("32,5")
	sd.agency.SetText("  VĂN PHÒNG UBND TỈNH ")
	sd.series[model.KindThongBao].SetText("TB-VPUB")
	test.Tap(d.button("Lưu cài đặt"))
	tu.noDialog()
	got, _ := tu.st.LoadSettings()
	if got.MarginLeft != 32.5 || got.Agency != "VĂN PHÒNG UBND TỈNH" || got.SignFor(model.KindThongBao) != "TB-VPUB" {
		t.Fatalf("saved settings %+v", got)
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
	if !f.thumbBox.Visible() || !strings.Contains(f.imgInfo.Text, "800×450") {
		t.Fatalf("featured picture: %q", f.imgInfo.Text)
	}
	test.Tap(f.imgRemove)
	if f.thumbBox.Visible() || !tu.editor.dirty {
		t.Fatal("Bỏ ảnh should remove the picture and mark the record changed")
	}
	f.images = []model.Image{{Name: "anh-1.jpg", MediaType: "image/jpeg", Data: []byte("\xFF\xD8\xFFhỏng")}}
	f.showPicture()
	if !strings.Contains(f.imgInfo.Text, "hỏng") {
		t.Fatalf("broken picture message %q", f.imgInfo.Text)
	}
}

// The list pages through the store: every row of a long list loads, in the
// store's order, and the count follows the first page.
func TestLongListPages(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Insert(synth.Records(1234, 7, 1)); err != nil {
		t.Fatal(err)
	}
	tu := openTestUI(t, a, st)
	if tu.list.total != 1234 || tu.list.count.Text != "1.234 bản ghi" {
		t.Fatalf("list: %d rows, %q", tu.list.total, tu.list.count.Text)
	}
	all, err := st.List(store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 99, 100, 517, 1000, 1233} {
		it, ok := tu.list.itemAt(i) // asks for the page
		if !ok {
			it, ok = tu.list.itemAt(i) // loaded inline by the test scheduler
		}
		if !ok || it.ID != all[i].ID {
			t.Fatalf("row %d: %+v, want id %d", i, it, all[i].ID)
		}
	}
	if len(tu.list.pages) > listPagesKept {
		t.Fatalf("%d pages kept", len(tu.list.pages))
	}
}

// Tab follows the form: kind, date, title, summary, the body, then the side
// panel; Tab in the body leaves it rather than walking its paragraphs.
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

// Hủy stops a long operation between steps; what was done stays, and the
// clerk is told, not alarmed.
func TestLongOperationCancel(t *testing.T) {
	tu := newTestUI(t, false)
	// The progress dialog's Hủy (Esc) is pressed during the first step.
	var pressed, third bool
	tu.runLong("Thử", func(p progressFunc) (string, error) {
		for i := range 3 {
			if !p(i, 3, "") {
				return "", errCancelled
			}
			third = i == 2
			if !pressed {
				tu.dialog("Thử")
				tu.onEscape() // Esc is the dialog's Hủy
				pressed = true
			}
		}
		return "xong", nil
	}, func(_ string, err error) {
		if err != errCancelled {
			t.Fatalf("err %v", err)
		}
		tu.showError(err)
	})
	tu.noDialog()
	if third || !strings.Contains(tu.statusBar.Text, "Đã dừng") {
		t.Fatalf("status bar %q, third step run: %v", tu.statusBar.Text, third)
	}
}
