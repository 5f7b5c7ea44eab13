package bodyedit

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bientap/ui/internal/rendertest"

	"golang.org/x/text/unicode/norm"
)

func newTestEditor(t testing.TB, text string) (*Editor, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	ed := New()
	ed.SetText(text)
	w := test.NewTempWindow(t, ed)
	w.Resize(fyne.NewSize(700, 500))
	return ed, w
}

func key(p *para, name fyne.KeyName) { p.TypedKey(&fyne.KeyEvent{Name: name}) }

func TestSetTextRoundTrip(t *testing.T) {
	for _, s := range []string{"", "một dòng", "a\n\nb\n", "# Tiêu đề\n| a | b |\n|---|---|\n| 1 | 2 |", "\n\n"} {
		ed, _ := newTestEditor(t, s)
		if got := ed.Text(); got != s {
			t.Errorf("Text() = %q, want %q", got, s)
		}
		if want := strings.Count(s, "\n") + 1; ed.Paragraphs() != want {
			t.Errorf("%q: %d paragraphs, want %d", s, ed.Paragraphs(), want)
		}
	}
}

func TestTypeEnterBackspaceDelete(t *testing.T) {
	ed, w := newTestEditor(t, "")
	changes := 0
	ed.OnChanged = func() { changes++ }
	ed.FocusStart()
	test.Type(w.Canvas().Focused(), "Kính gửi")
	if ed.Text() != "Kính gửi" || changes != 8 {
		t.Fatalf("text %q after %d changes", ed.Text(), changes)
	}
	p := ed.paras[0]
	for range 4 {
		key(p, fyne.KeyLeft)
	}
	key(p, fyne.KeyReturn) // split before "gửi"
	if got := ed.Text(); got != "Kính\n gửi" {
		t.Fatalf("after Enter: %q", got)
	}
	if ed.Paragraphs() != 2 || w.Canvas().Focused() != ed.paras[1] {
		t.Fatalf("Enter should focus the new paragraph")
	}
	if i, off := ed.Cursor(); i != 1 || off != 0 {
		t.Fatalf("cursor after Enter at %d:%d", i, off)
	}
	test.Type(w.Canvas().Focused(), "x")
	if got := ed.Text(); got != "Kính\nx gửi" {
		t.Fatalf("typing after Enter: %q", got)
	}
	key(ed.paras[1], fyne.KeyLeft)
	key(ed.paras[1], fyne.KeyBackspace) // join back
	if got := ed.Text(); got != "Kínhx gửi" || ed.Paragraphs() != 1 {
		t.Fatalf("after Backspace at start: %q (%d paragraphs)", got, ed.Paragraphs())
	}
	if _, off := ed.Cursor(); off != 4 {
		t.Fatalf("cursor after join at %d, want 4", off)
	}
	key(ed.paras[0], fyne.KeyReturn)
	key(ed.paras[0], fyne.KeyDelete) // Delete at the end of the first joins the second
	if got := ed.Text(); got != "Kínhx gửi" {
		t.Fatalf("after Delete at end: %q", got)
	}
}

func TestArrowsCrossParagraphs(t *testing.T) {
	ed, w := newTestEditor(t, "một\nhai\nba")
	ed.FocusAt(1, 0)
	key(ed.paras[1], fyne.KeyLeft)
	if w.Canvas().Focused() != ed.paras[0] {
		t.Fatal("Left at the start should go to the paragraph above")
	}
	if _, off := ed.Cursor(); off != 3 {
		t.Fatalf("cursor at %d, want end of paragraph", off)
	}
	key(ed.paras[0], fyne.KeyRight)
	if w.Canvas().Focused() != ed.paras[1] {
		t.Fatal("Right at the end should go to the paragraph below")
	}
	key(ed.paras[1], fyne.KeyDown)
	if w.Canvas().Focused() != ed.paras[2] {
		t.Fatal("Down on the last row should go to the paragraph below")
	}
	key(ed.paras[2], fyne.KeyUp)
	if w.Canvas().Focused() != ed.paras[1] {
		t.Fatal("Up on the first row should go to the paragraph above")
	}
}

func TestPasteMultiLine(t *testing.T) {
	ed, w := newTestEditor(t, "đầu cuối")
	ed.FocusAt(0, 4)
	p := w.Canvas().Focused().(*para)
	p.TypedShortcut(&fyne.ShortcutPaste{Clipboard: textClipboard("A\r\nB\nC ")})
	if got := ed.Text(); got != "đầu A\nB\nC cuối" {
		t.Fatalf("paste: %q", got)
	}
	if i, off := ed.Cursor(); i != 2 || off != 2 {
		t.Fatalf("cursor after paste at %d:%d, want 2:2", i, off)
	}
}

func TestPasteHook(t *testing.T) {
	ed, w := newTestEditor(t, "")
	var later func(string)
	ed.OnPaste = func(text string, insert func(string)) bool {
		if strings.Contains(text, "¸") {
			later = insert
			return true
		}
		return false
	}
	ed.FocusStart()
	p := w.Canvas().Focused().(*para)
	p.TypedShortcut(&fyne.ShortcutPaste{Clipboard: textClipboard("Th«ng b¸o")})
	if ed.Text() != "" || later == nil {
		t.Fatalf("hooked paste inserted %q", ed.Text())
	}
	later("Thông báo")
	if ed.Text() != "Thông báo" {
		t.Fatalf("insert from hook: %q", ed.Text())
	}
	p.TypedShortcut(&fyne.ShortcutPaste{Clipboard: textClipboard(" thường")})
	if ed.Text() != "Thông báo thường" {
		t.Fatalf("plain paste: %q", ed.Text())
	}
}

func TestUndoRedo(t *testing.T) {
	ed, w := newTestEditor(t, "gốc")
	ed.FocusAt(0, -1)
	test.Type(w.Canvas().Focused(), " một")
	key(ed.paras[0], fyne.KeyReturn)
	test.Type(w.Canvas().Focused(), "hai")
	if ed.Text() != "gốc một\nhai" {
		t.Fatalf("setup: %q", ed.Text())
	}
	steps := []string{"gốc một\n", "gốc một", "gốc"}
	for _, want := range steps {
		w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
		if got := ed.Text(); got != want {
			t.Fatalf("undo: %q, want %q", got, want)
		}
	}
	ed.Undo() // nothing more: no change
	if ed.Text() != "gốc" {
		t.Fatalf("undo past the start: %q", ed.Text())
	}
	for _, want := range []string{"gốc một", "gốc một\n", "gốc một\nhai"} {
		ed.Redo()
		if got := ed.Text(); got != want {
			t.Fatalf("redo: %q, want %q", got, want)
		}
	}
	ed.Undo()
	test.Type(w.Canvas().Focused(), "ba")
	ed.Redo() // a new edit drops the redo history
	if got := ed.Text(); got != "gốc một\nba" {
		t.Fatalf("after new edit and redo: %q", got)
	}
}

func TestHeightFollowsText(t *testing.T) {
	long := strings.Repeat("Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành triển khai. ", 12)
	ed, w := newTestEditor(t, "ngắn\n"+long)
	short, tall := ed.paras[0].wrap.Size().Height, ed.paras[1].wrap.Size().Height
	if short <= 0 || tall < 4*short {
		t.Fatalf("short paragraph %v high, long one %v: the long one should wrap to many rows", short, tall)
	}
	if y := ed.paras[1].wrap.Position().Y; y < short {
		t.Fatalf("second paragraph at y=%v overlaps the first (%v high)", y, short)
	}
	// Typing rows into the short paragraph makes it grow.
	ed.FocusAt(0, -1)
	test.Type(w.Canvas().Focused(), strings.Repeat(" thêm chữ", 30))
	if h := ed.paras[0].wrap.Size().Height; h <= short {
		t.Fatalf("paragraph did not grow: %v", h)
	}
	if y := ed.paras[1].wrap.Position().Y; y < ed.paras[0].wrap.Size().Height {
		t.Fatalf("second paragraph not moved down: y=%v", y)
	}
	// A narrower window wraps into more rows.
	before := ed.paras[1].wrap.Size().Height
	w.Resize(fyne.NewSize(400, 500))
	if after := ed.paras[1].wrap.Size().Height; after <= before {
		t.Fatalf("narrower column: %v high, was %v", after, before)
	}
}

func TestFind(t *testing.T) {
	ed, w := newTestEditor(t, "Điều 1. Phạm vi\nđiều chỉnh\nKhông có gì\nĐIỀU 3")
	ed.FocusStart()
	var found []int
	for range 4 {
		if !ed.Find("dieu", false) {
			t.Fatal("not found")
		}
		i, _ := ed.Cursor()
		found = append(found, i)
		if sel := ed.paras[i].SelectedText(); vnFold(sel) != "dieu" {
			t.Fatalf("selected %q", sel)
		}
	}
	if want := []int{0, 1, 3, 0}; !slices.Equal(found, want) {
		t.Fatalf("matches in paragraphs %v, want %v (wrapping around)", found, want)
	}
	if !ed.Find("ĐIỀU", true) {
		t.Fatal("backward not found")
	}
	if i, _ := ed.Cursor(); i != 3 {
		t.Fatalf("backward search from the first match found paragraph %d, want 3", i)
	}
	if ed.Find("không tồn tại", false) {
		t.Fatal("found a missing text")
	}
	_ = w
}

func TestWrapAndHeading(t *testing.T) {
	ed, w := newTestEditor(t, "Nội dung chính")
	ed.FocusAt(0, 4)
	ed.paras[0].selectRunes(4)
	ed.Wrap("**", "**")
	if got := ed.Text(); got != "Nội **dung** chính" {
		t.Fatalf("bold selection: %q", got)
	}
	ed.FocusAt(0, -1)
	ed.Wrap("*", "*")
	test.Type(w.Canvas().Focused(), "nghiêng")
	if got := ed.Text(); got != "Nội **dung** chính*nghiêng*" {
		t.Fatalf("italic with no selection: %q", got)
	}
	for _, want := range []string{"# ", "## ", ""} {
		ed.ToggleHeading()
		if got := ed.Text(); got != want+"Nội **dung** chính*nghiêng*" {
			t.Fatalf("heading: %q", got)
		}
	}
	ed.InsertLinesAfter([]string{"| Cột 1 | Cột 2 |", "|---|---|"})
	if got := ed.Text(); !strings.HasSuffix(got, "\n| Cột 1 | Cột 2 |\n|---|---|") {
		t.Fatalf("insert lines: %q", got)
	}
	ed.Undo()
	if got := ed.Text(); got != "Nội **dung** chính*nghiêng*" {
		t.Fatalf("undo insert lines: %q", got)
	}
}

// Unikey and EVKey type a Vietnamese letter as the base letter, then a
// backspace and the toned letter; some tools send decomposed marks. The body
// ends in NFC either way.
func TestVietnameseKeyboards(t *testing.T) {
	ed, w := newTestEditor(t, "")
	ed.FocusStart()
	p := w.Canvas().Focused().(*para)
	// "Việt": V i e → (e→ê) backspace ê → (ê→ệ) backspace ệ → t
	for _, step := range []string{"V", "i", "e", "\b", "ê", "\b", "ệ", "t"} {
		if step == "\b" {
			key(p, fyne.KeyBackspace)
		} else {
			test.Type(p, step)
		}
	}
	test.Type(p, " Nam ")
	test.Type(p, "Lai Cha\u0302u") // decomposed â
	w.Canvas().Unfocus()
	got := ed.Text()
	if got != "Việt Nam Lai Châu" || !norm.NFC.IsNormalString(got) {
		t.Fatalf("typed %q (%+q)", got, got)
	}
}

func TestTabLeavesBody(t *testing.T) {
	test.NewTempApp(t)
	ed := New()
	ed.SetText("a\nb\nc")
	before, after := newTestEntry(), newTestEntry()
	w := test.NewTempWindow(t, vbox(before, ed, after))
	w.Resize(fyne.NewSize(600, 600))
	ed.FocusAt(0, 0)
	key(ed.paras[0], fyne.KeyTab)
	if w.Canvas().Focused() != after {
		t.Fatalf("Tab from the body focused %T", w.Canvas().Focused())
	}
	ed.FocusAt(2, 0)
	ed.paras[2].KeyDown(&fyne.KeyEvent{Name: "LeftShift"})
	key(ed.paras[2], fyne.KeyTab)
	if w.Canvas().Focused() != before {
		t.Fatalf("Shift+Tab from the body focused %T", w.Canvas().Focused())
	}
}

func TestReplaceTextUndoable(t *testing.T) {
	ed, w := newTestEditor(t, "một\nhai ,ba\nbốn")
	ed.FocusAt(1, 0)
	test.Type(w.Canvas().Focused(), "x")
	ed.ReplaceText("một\nxhai,ba\nbốn")
	if ed.Text() != "một\nxhai,ba\nbốn" {
		t.Fatalf("replace: %q", ed.Text())
	}
	if i, _ := ed.Cursor(); i != 1 {
		t.Fatalf("cursor in paragraph %d after replace", i)
	}
	ed.Undo()
	if ed.Text() != "một\nxhai ,ba\nbốn" {
		t.Fatalf("undo replace: %q", ed.Text())
	}
	ed.Undo()
	if ed.Text() != "một\nhai ,ba\nbốn" {
		t.Fatalf("undo typing: %q", ed.Text())
	}
}

// Fyne destroys the renderers of widgets that have not been drawn for about
// a minute (the editor on a hidden tab) and makes new ones at the next
// layout. The body must lay out, take a theme change, resize and type after
// that as before.
func TestRendererExpiry(t *testing.T) {
	text := strings.Repeat("Đoạn văn dài để xuống dòng nhiều lần trong khung soạn thảo của Biên Tập. ", 6)
	ed, w := newTestEditor(t, text+"\n\nHai.\n"+text)
	if n := rendertest.Expire(t, w.Content()); n < 10 {
		t.Fatalf("expired only %d renderers", n)
	}
	ed.Refresh()
	test.ApplyTheme(t, test.NewTheme())
	w.Resize(fyne.NewSize(520, 400))
	rendertest.Expire(t, w.Content())
	w.Resize(fyne.NewSize(700, 500))
	ed.FocusAt(2, 0)
	test.Type(w.Canvas().Focused(), "Mới ")
	if got := strings.Split(ed.Text(), "\n")[2]; got != "Mới Hai." {
		t.Fatalf("typed into %q", got)
	}
	// Each paragraph is still as tall as its wrapped text.
	p := ed.paras[0]
	if h, line := p.Size().Height, p.lineHeight(); h < 3*line {
		t.Fatalf("a long paragraph is %v tall (line %v): not wrapped", h, line)
	}
}

// The mouse wheel over the text scrolls the body: every paragraph is an
// entry with a scroller of its own, which used to take the wheel and not
// move.
func TestWheelOverParagraphs(t *testing.T) {
	var lines []string
	for i := range 60 {
		lines = append(lines, fmt.Sprintf("Đoạn %d của một văn bản dài, đủ để phải cuộn xuống mới đọc hết.", i+1))
	}
	ed, w := newTestEditor(t, strings.Join(lines, "\n"))
	c := w.Canvas()
	over := fyne.CurrentApp().Driver().AbsolutePositionForObject(ed.paras[2]).Add(fyne.NewPos(40, 10))
	test.Scroll(c, over, 0, -200)
	if ed.scroll.Offset.Y <= 0 {
		t.Fatal("the wheel over a paragraph did not scroll the body")
	}
	// (Clicks reaching the paragraphs under the overlay are checked in the
	// real window: scripts/soak-window clicks into the body and types.)
}
