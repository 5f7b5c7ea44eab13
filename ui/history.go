package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/store"
	"bientap/model/vntext"
)

// maxDiffLines bounds how many lines of a body diff are shown.
const maxDiffLines = 400

// historyTab is "Lịch sử": the saved versions of the record, what each
// changed compared with the text in the editor, and restore.
type historyTab struct {
	svc *services
	// current is the record as the form shows it (nil when none is open):
	// each revision is compared with it.
	current func() *model.Record
	// onRestore makes a revision the record's content.
	onRestore func(rv store.Revision)

	list     *widget.List
	info     *widget.Label
	diff     *widget.RichText
	restore  *widget.Button
	split    *container.Split
	content  fyne.CanvasObject
	revs     []store.Revision
	selected int // index in revs, -1 for none
}

func newHistoryTab(svc *services, current func() *model.Record) *historyTab {
	h := &historyTab{svc: svc, current: current, selected: -1}
	h.info = widget.NewLabel("")
	h.info.Wrapping = fyne.TextWrapWord
	h.list = widget.NewList(func() int { return len(h.revs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(h.revs) {
				o.(*widget.Label).SetText(revisionLabel(h.revs[i], len(h.revs)-i))
			}
		})
	h.list.OnSelected = h.onSelected
	h.diff = widget.NewRichText()
	h.diff.Wrapping = fyne.TextWrapWord
	h.restore = widget.NewButtonWithIcon("Khôi phục phiên bản này", theme.HistoryIcon(), h.onRestoreTapped)
	h.restore.Disable()
	right := container.NewBorder(container.NewVBox(h.info, h.restore), nil, nil, nil, container.NewVScroll(h.diff))
	h.split = container.NewHSplit(h.list, right)
	h.split.Offset = 0.34
	h.content = h.split
	return h
}

func revisionLabel(rv store.Revision, n int) string {
	note := rv.Note
	if note == "" {
		note = "Lưu"
	}
	label := fmt.Sprintf("%s. %s — %s", vntext.Number(n), rv.Created.Local().Format("15:04 02/01/2006"), note)
	if rv.Author != "" { // who made it, on a desk of an office archive
		label += " — " + rv.Author
	}
	return label
}

// load lists the open record's revisions.
func (h *historyTab) load() {
	cur := h.current()
	h.selected = -1
	h.list.UnselectAll()
	h.restore.Disable()
	h.diff.Segments = nil
	h.diff.Refresh()
	if cur == nil || cur.ID == 0 {
		h.revs = nil
		h.list.Refresh()
		h.info.SetText("Bản ghi chưa được lưu lần nào: chưa có lịch sử.")
		return
	}
	revs, err := h.svc.st.Revisions(cur.ID)
	if err != nil {
		h.svc.showError(err)
		return
	}
	h.revs = revs
	h.list.Refresh()
	if len(revs) == 0 {
		h.info.SetText("Chưa có phiên bản nào khác: bản ghi được nhập vào và chưa sửa lần nào.")
		return
	}
	h.info.SetText(countOf(len(revs), "phiên bản đã lưu, mới nhất trên cùng. Chọn một phiên bản để xem khác gì so với nội dung đang soạn."))
}

func (h *historyTab) onSelected(i widget.ListItemID) {
	if i >= len(h.revs) {
		return
	}
	h.selected = i
	rv := h.revs[i]
	old, err := h.svc.st.RevisionRecord(rv.ID)
	if err != nil {
		h.svc.showError(err)
		return
	}
	cur := h.current()
	if cur == nil {
		return
	}
	changes := model.Diff(old, cur)
	h.diff.Segments = diffSegments(changes)
	h.diff.Refresh()
	if len(changes) == 0 {
		h.info.SetText("Phiên bản này giống hệt nội dung đang soạn.")
	} else {
		h.info.SetText("So với nội dung đang soạn: " + countOf(len(changes), "mục khác.") + " Dòng “−” chỉ có ở phiên bản cũ, dòng “+” chỉ có ở nội dung hiện tại.")
	}
	h.restore.Enable()
}

// diffSegments draws field changes: the field name, then removed lines in
// the error colour and added ones in the success colour.
func diffSegments(changes []model.FieldChange) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	line := func(text string, color fyne.ThemeColorName, bold bool) {
		segs = append(segs, &widget.TextSegment{Text: text, Style: widget.RichTextStyle{
			ColorName: color, TextStyle: fyne.TextStyle{Bold: bold}}})
	}
	shown := 0
	for _, c := range changes {
		line(c.Field, theme.ColorNameForeground, true)
		if c.Lines == nil {
			line("− "+c.Old, theme.ColorNameError, false)
			line("+ "+c.New, theme.ColorNameSuccess, false)
			continue
		}
		for k, l := range c.Lines {
			if shown >= maxDiffLines {
				line("… (còn nữa)", theme.ColorNamePlaceHolder, false)
				break
			}
			switch l.Op {
			case model.LineAdded:
				line("+ "+l.Text, theme.ColorNameSuccess, false)
				shown++
			case model.LineRemoved:
				line("− "+l.Text, theme.ColorNameError, false)
				shown++
			default:
				// Keep one line of context around changes.
				near := (k > 0 && c.Lines[k-1].Op != model.LineSame) || (k+1 < len(c.Lines) && c.Lines[k+1].Op != model.LineSame)
				if near {
					line("  "+strings.TrimSpace(l.Text), theme.ColorNamePlaceHolder, false)
					shown++
				}
			}
		}
	}
	return segs
}

// onRestoreTapped restores the chosen revision (after asking).
func (h *historyTab) onRestoreTapped() {
	if h.selected < 0 || h.selected >= len(h.revs) || h.onRestore == nil {
		return
	}
	h.onRestore(h.revs[h.selected])
}
