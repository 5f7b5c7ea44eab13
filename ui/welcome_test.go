package ui

import (
	"bientap/model/store"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestWelcomeOnEmptyDatabase(t *testing.T) {
	tu := newTestUI(t, false)
	if !tu.welcome.Visible() || tu.main.Visible() {
		t.Fatal("an empty database should open on the welcome panel")
	}
	if !strings.HasPrefix(tu.win.Title(), "Biên Tập — t.db") {
		t.Fatalf("window title %q", tu.win.Title())
	}
	tu.onOpenSample()
	if !tu.main.Visible() || tu.welcome.Visible() {
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
	if !tu.main.Visible() || tu.editor.rec == nil {
		t.Fatal("Tạo mới should open an empty record in the main window")
	}
}

// A new archive asks once for the office's agency names and signer; new
// documents then carry them, and Cài đặt shows them.
func TestFirstRun(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString("test.firstRun", "ask")
	st, err := store.Open(filepath.Join(t.TempDir(), "moi.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tu := openTestUI(t, a, st)
	tu.dialog("Thông tin cơ quan")
	var entries []*textEntry
	for _, o := range test.LaidOutObjects(tu.topDialog().content) {
		if e, ok := o.(*textEntry); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) != 7 {
		t.Fatalf("%d fields", len(entries))
	}
	entries[0].SetText("UBND TỈNH ĐIỆN BIÊN")
	entries[1].SetText("VĂN PHÒNG")
	entries[6].SetText("Lò Văn Mạnh")
	tu.press("Thông tin cơ quan", "Lưu")
	tu.noDialog()
	s, _ := st.LoadSettings()
	if s.AgencyParent != "UBND TỈNH ĐIỆN BIÊN" || s.SignerName != "Lò Văn Mạnh" {
		t.Fatalf("settings %+v", s)
	}
	tu.onNew()
	if r := tu.editor.current(); r.AgencyParent != "UBND TỈNH ĐIỆN BIÊN" || r.SignerName != "Lò Văn Mạnh" {
		t.Fatalf("a new record carries %q / %q", r.AgencyParent, r.SignerName)
	}
	tu.win.Close()

	// Asked once: "Để sau" is remembered too.
	tu2 := openTestUI(t, a, st)
	tu2.noDialog()
	st2, _ := store.Open(filepath.Join(t.TempDir(), "khac.db"))
	defer st2.Close()
	tu3 := openTestUI(t, a, st2)
	tu3.press("Thông tin cơ quan", "Để sau")
	tu3.win.Close()
	openTestUI(t, a, st2).noDialog()
}
