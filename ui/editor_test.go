package ui

import (
	"bientap/model"
	"bientap/model/store"
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

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
	tu2.offerRecovery(true, "")
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

// "Sửa lần cuối" follows the record's last change in the archive, also
// after a status change.
func TestLastEditFollowsStatus(t *testing.T) {
	tu := newTestUI(t, false)
	line := `{"kind":"thong-bao","title":"Thông báo lịch trực Tết","date":"2025-01-20","status":"draft","updated":"2025-01-20T08:00:00+07:00"}`
	if _, err := tu.st.ImportJSONL(context.Background(), strings.NewReader(line+"\n"), store.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	tu.list.reload()
	tu.openIndex(0)
	e := tu.editor
	before := e.stateText.Text
	if !strings.Contains(before, "2025") {
		t.Fatalf("state %q", before)
	}
	test.Tap(e.fwdBtn) // Gửi duyệt
	got, _ := tu.st.Get(e.rec.ID)
	want := "Sửa lần cuối " + got.Updated.Local().Format("15:04 02/01/2006")
	if got.Status != model.StatusReview || e.stateText.Text != want || want == before {
		t.Fatalf("after Gửi duyệt: %s, state %q, want %q", got.Status, e.stateText.Text, want)
	}
}

// Deleting for good is styled as dangerous, and offered only when the trash
// holds something.
func TestEmptyTrashIsDangerous(t *testing.T) {
	tu := newTestUI(t, true)
	tu.list.showTrash()
	if !tu.list.emptyTrash.Visible() || !tu.list.emptyTrash.Disabled() {
		t.Fatal("an empty trash shows a disabled Dọn thùng rác")
	}
	tu.list.status.SetSelectedIndex(0)
	tu.openIndex(tu.rowOf("Phiên chợ"))
	test.Tap(tu.editor.trashBtn)
	tu.press("Xóa bản ghi?", "Chuyển vào Thùng rác")
	if tu.list.emptyTrash.Disabled() {
		t.Fatal("Dọn thùng rác should be enabled")
	}
	tu.onEmptyTrash()
	h := tu.dialog("Dọn thùng rác?")
	if b := h.button("Xóa vĩnh viễn"); b.Importance != widget.DangerImportance {
		t.Fatalf("Xóa vĩnh viễn importance %v", b.Importance)
	}
	if !strings.Contains(tu.lastMessage+dialogText(h), "1 bản ghi") {
		t.Fatalf("dialog %q", dialogText(h))
	}
	tu.press("Dọn thùng rác?", "Xóa vĩnh viễn")
	if !tu.list.emptyTrash.Disabled() || !tu.menuItem("Bản ghi", "Dọn thùng rác…").Disabled {
		t.Fatal("after emptying, Dọn thùng rác is disabled again")
	}
}

// dialogText is the text a dialog shows.
func dialogText(h *dialogHandle) string { return texts(h.content) }
