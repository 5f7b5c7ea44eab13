package ui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/office"
	"bientap/model/office/pgtest"
	"bientap/model/officesync"
	"bientap/model/store"
)

const officePassword = "Mật khẩu văn phòng"

// The window on a desk of an office archive: the indicator, joining, the
// role rules on the buttons (disabled, with a tip saying why), status
// changes sent at once, who made each revision, conflicts listed and
// resolved. Against a real PostgreSQL.
func TestOfficeWindow(t *testing.T) {
	cl, err := pgtest.Start(pgtest.Options{})
	if err != nil {
		if os.Getenv("BIENTAP_SKIP_PG") == "1" {
			t.Skip(err)
		}
		t.Fatalf("PostgreSQL is needed (apt-get install postgresql; BIENTAP_SKIP_PG=1 skips on a developer machine): %v", err)
	}
	t.Cleanup(cl.Destroy)
	db, err := cl.NewDB()
	if err != nil {
		t.Fatal(err)
	}
	super, _ := office.ParseURL(cl.SuperURL(db))
	if _, err := office.Init(context.Background(), super); err != nil {
		t.Fatal(err)
	}
	for name, role := range map[string]office.Role{"chuyenvien": office.RoleDrafter, "lanhdao": office.RoleLeader} {
		if err := office.AddUser(context.Background(), super, name, role, officePassword); err != nil {
			t.Fatal(err)
		}
	}
	cfg := func(user string) office.Config {
		c, err := office.ParseURL(cl.URL(user, officePassword, db))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}

	tu := newTestUI(t, false)
	for i, title := range []string{"Kế hoạch tổ chức Hội nghị tổng kết năm", "Thông báo lịch tiếp công dân tháng 12"} {
		r := &model.Record{Kind: model.KindKeHoach, Title: title, Sign: "KH-UBND", Body: "1. Mục đích.\n2. Yêu cầu./.",
			Date: time.Date(2026, 11, 20+i, 0, 0, 0, 0, time.UTC)}
		if err := tu.st.Create(r); err != nil {
			t.Fatal(err)
		}
	}
	tu.list.reload()
	tu.showMain()
	s := tu.sync
	if got := s.indicator.Text; !strings.Contains(got, "Máy lẻ") {
		t.Fatalf("indicator before joining: %q", got)
	}
	// The join dialog builds the URL from its fields.
	f := &joinForm{host: newTextEntry(nil), port: newTextEntry(nil), db: newTextEntry(nil), user: newTextEntry(nil),
		ca: newTextEntry(nil)}
	f.host.SetText("10.0.0.5")
	f.db.SetText("vanphong")
	f.user.SetText("chuyenvien")
	f.password = newPasswordEntryForTest("x")
	c, err := f.url()
	if err != nil {
		t.Fatal(err)
	}
	if c.Key() != "chuyenvien@10.0.0.5:5432/vanphong" || strings.Contains(c.URL, "sslmode") {
		t.Fatalf("join URL %q %q %v", c.URL, c.Key(), err)
	}

	// Join as a clerk: the drafts go up.
	s.join(cfg("chuyenvien"))
	tu.noDialog()
	if got := s.indicator.Text; !strings.HasPrefix(got, "Trực tuyến · đồng bộ ") || !strings.HasSuffix(got, "· 0 chờ gửi") {
		t.Fatalf("indicator after joining: %q", got)
	}
	n, _ := tu.st.Count(store.Query{Statuses: model.Statuses})
	if n == 0 {
		t.Fatal("no sample records")
	}

	// A draft: the clerk may send it for review, and it goes up at once.
	row := tu.rowOf("")
	var draftID int64
	for i := 0; i < tu.list.total; i++ {
		if it, ok := tu.list.itemAt(i); ok && it.Status == model.StatusDraft {
			row, draftID = i, it.ID
			break
		}
	}
	if draftID == 0 {
		t.Fatal("no draft among the samples")
	}
	tu.openIndex(row)
	e := tu.editor
	if e.fwdBtn.Disabled() || e.fwdBtn.Text != "Gửi duyệt" {
		t.Fatalf("forward button %q disabled=%v", e.fwdBtn.Text, e.fwdBtn.Disabled())
	}
	test.Tap(e.fwdBtn)
	if e.rec.Status != model.StatusReview {
		t.Fatalf("status %s", e.rec.Status)
	}
	gid, base, _ := tu.st.RecordGID(draftID)
	if gid == "" || base == 0 {
		t.Fatal("the record is not on the server")
	}
	if pending, _ := tu.st.IsPending(draftID); pending {
		t.Fatal("the status change was not sent at once")
	}
	// Now only a leader may approve it: the button is disabled and says why.
	if e.fwdBtn.Text != "Duyệt" || !e.fwdBtn.Disabled() {
		t.Fatalf("approve button %q disabled=%v", e.fwdBtn.Text, e.fwdBtn.Disabled())
	}
	want := "Chỉ lãnh đạo được duyệt văn bản (bạn là Soạn thảo)"
	if e.fwdBtn.Tip != want {
		t.Fatalf("tip %q", e.fwdBtn.Tip)
	}
	// Numbers are the văn thư's: "Cấp số" and the number field are off.
	if nb := e.form.number.button; !nb.Disabled() || !strings.HasSuffix(nb.Tip, "(bạn là Soạn thảo)") || !e.form.number.number.Disabled() {
		t.Fatalf("Cấp số disabled=%v tip %q, field disabled=%v", nb.Disabled(), nb.Tip, e.form.number.number.Disabled())
	}
	if e.backBtn.Disabled() || e.backBtn.Tip != "" { // back to draft: any role
		t.Fatalf("back button disabled=%v tip %q", e.backBtn.Disabled(), e.backBtn.Tip)
	}
	// Hovering shows the tip, leaving hides it.
	tu.win.Resize(fyne.NewSize(1280, 800))
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.fwdBtn)
	test.MoveMouse(tu.win.Canvas(), pos.AddXY(5, 5))
	tu.fireTimers(tipDelay)
	if got := tu.tips.shown(); got != want {
		t.Fatalf("tip shown %q", got)
	}
	shot(t, tu, "office-window.png")
	test.MoveMouse(tu.win.Canvas(), fyne.NewPos(2, 2))
	if got := tu.tips.shown(); got != "" {
		t.Fatalf("tip still shown: %q", got)
	}
	// Lịch sử says who made each revision.
	revs, _ := tu.st.Revisions(draftID)
	if len(revs) == 0 || revs[0].Author != "chuyenvien" || !strings.HasSuffix(revisionLabel(revs[0], 1), "— chuyenvien") {
		t.Fatalf("revisions %+v", revs)
	}

	// The leader's desk approves it and edits the same record's body; the
	// clerk edited it too (offline): a conflict, listed and resolvable.
	leader := &officesync.Desk{Store: openStore(t), Password: func(office.Config) (string, error) { return officePassword, nil }}
	defer leader.Close()
	if _, _, err := leader.Join(context.Background(), cfg("lanhdao")); err != nil {
		t.Fatal(err)
	}
	lid, err := leader.Store.FindByTitleDate(e.rec.Title, e.rec.Date)
	if err != nil || lid == 0 {
		t.Fatalf("leader's copy: %v", err)
	}
	lr, _ := leader.Store.Get(lid)
	lr.Body = "Lãnh đạo sửa: " + lr.Body
	leader.Store.Save(lr)
	if _, err := leader.SetStatus(context.Background(), lid, model.StatusApproved, ""); err != nil {
		t.Fatal(err)
	}
	mine, _ := tu.st.Get(draftID)
	mine.Body = "Chuyên viên sửa khi ngoại tuyến."
	tu.st.Save(mine)
	tu.openIndex(tu.rowOf("")) // leave the record, then sync
	s.onSyncNow()
	if got := s.indicator.Text; !strings.Contains(got, "1 xung đột") {
		t.Fatalf("indicator after the conflict: %q", got)
	}
	s.onConflicts()
	h := tu.dialog("Xung đột")
	if txt := texts(h.content); !strings.Contains(txt, "Xung đột: lanhdao đã sửa") {
		t.Fatalf("conflicts dialog: %q", txt)
	}
	shot(t, tu, "office-conflicts.png")
	tapButtonLabelled(t, h.content, "Giữ bản kho chung")
	tu.noDialog()
	if cs, _ := tu.st.Conflicts(); len(cs) != 0 {
		t.Fatalf("still open: %+v", cs)
	}
	final, _ := tu.st.Get(draftID)
	if final.Status != model.StatusApproved || !strings.HasPrefix(final.Body, "Lãnh đạo sửa: ") {
		t.Fatalf("the office's version is not here: %s %q", final.Status, final.Body)
	}
	// The clerk's text is still in Lịch sử, marked.
	revs, _ = tu.st.Revisions(draftID)
	found := false
	for _, rv := range revs {
		if strings.HasPrefix(rv.Note, "Xung đột") {
			old, _ := tu.st.RevisionRecord(rv.ID)
			found = old.Body == "Chuyên viên sửa khi ngoại tuyến."
		}
	}
	if !found {
		t.Fatal("the clerk's text was lost")
	}
	s.stop()

	// A văn thư's desk: "Cấp số" takes the number from the office archive
	// (the record is saved first) and the form shows it.
	if err := office.AddUser(context.Background(), super, "vanthu", office.RoleRegistrar, officePassword); err != nil {
		t.Fatal(err)
	}
	vt := newTestUI(t, false)
	defer vt.sync.stop()
	vt.sync.join(cfg("vanthu"))
	vt.noDialog()
	vt.openIndex(vt.rowOf("Thông báo lịch tiếp công dân"))
	ve := vt.editor
	if nb := ve.form.number.button; nb.Disabled() || ve.form.number.number.Text != "" {
		t.Fatalf("văn thư: Cấp số disabled=%v, number %q", nb.Disabled(), ve.form.number.number.Text)
	}
	typeEnd(ve.form.title, " (sửa)")
	test.Tap(ve.form.number.button)
	vt.noDialog()
	got, _ := vt.st.Get(ve.rec.ID)
	if got.Number == "" || ve.form.number.number.Text != got.Number || !strings.HasSuffix(got.Title, "(sửa)") || ve.dirty {
		t.Fatalf("office number %q, form %q, title %q, dirty %v", got.Number, ve.form.number.number.Text, got.Title, ve.dirty)
	}
	if pending, _ := vt.st.IsPending(got.ID); pending {
		t.Fatal("the numbered record was not sent at once")
	}
}

func openStore(t *testing.T) *store.Store {
	st, err := store.Open(filepath.Join(t.TempDir(), "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// fireTimers fires the pending timers of delay d (not the periodic sync).
func (tu *testUI) fireTimers(d interface{ Nanoseconds() int64 }) {
	for _, tm := range tu.sched.timers {
		if !tm.stopped && tm.d.Nanoseconds() == d.Nanoseconds() {
			tm.stopped = true
			tm.f()
		}
	}
}

// shot writes the window's picture to $BIENTAP_SHOTS (when set) for a look.
func shot(t *testing.T, tu *testUI, name string) {
	dir := os.Getenv("BIENTAP_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	png.Encode(f, tu.win.Canvas().Capture())
}

func newPasswordEntryForTest(text string) *widget.Entry {
	e := widget.NewPasswordEntry()
	e.SetText(text)
	return e
}

// tapButtonLabelled taps the first button labelled label inside o.
func tapButtonLabelled(t *testing.T, o fyne.CanvasObject, label string) {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == label {
				found = w
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(w.Content)
		}
	}
	walk(o)
	if found == nil {
		t.Fatalf("no button %q", label)
	}
	test.Tap(found)
}
