package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/check"
	"bientap/model/vntext"
)

// checksTab is "Soát lỗi": the editorial findings of the open record.
// Tapping one puts the cursor there; a safe fix is one click.
type checksTab struct {
	sched sched
	// onGoTo puts the cursor on a finding; body is the text its offsets
	// refer to.
	onGoTo func(f check.Finding, body string)
	// onFix makes a finding's fix in body (the text that was checked).
	onFix func(f check.Finding, body string)
	// onRecheck checks the record again ("Soát lại").
	onRecheck func()

	list     *widget.List
	summary  *widget.Label
	content  fyne.CanvasObject
	findings []check.Finding
	body     string // the body text the findings' offsets refer to
	gen      int
}

func newChecksTab(s sched) *checksTab {
	c := &checksTab{sched: s}
	c.summary = widget.NewLabel("")
	c.summary.Wrapping = fyne.TextWrapWord
	c.list = widget.NewList(func() int { return len(c.findings) }, c.createRow, c.updateRow)
	c.list.OnSelected = func(i widget.ListItemID) {
		c.list.Unselect(i)
		if i < len(c.findings) && c.onGoTo != nil {
			c.onGoTo(c.findings[i], c.body)
		}
	}
	again := widget.NewButton("Soát lại", func() {
		if c.onRecheck != nil {
			c.onRecheck()
		}
	})
	c.content = container.NewBorder(container.NewBorder(nil, nil, nil, again, c.summary), nil, nil, nil, c.list)
	return c
}

func (c *checksTab) createRow() fyne.CanvasObject {
	sev := widget.NewLabel("")
	sev.TextStyle.Bold = true
	msg := widget.NewLabel("")
	msg.Truncation = fyne.TextTruncateEllipsis
	where := widget.NewLabel("")
	where.Importance = widget.LowImportance
	fix := widget.NewButton("", nil)
	left := container.New(fixedWidth{160}, container.NewHBox(sev, where))
	return container.NewBorder(nil, nil, left, fix, msg)
}

func (c *checksTab) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(c.findings) {
		return
	}
	f := c.findings[i]
	row := o.(*fyne.Container)
	msg := row.Objects[0].(*widget.Label)
	left := row.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container)
	fix := row.Objects[2].(*widget.Button)
	sev, where := left.Objects[0].(*widget.Label), left.Objects[1].(*widget.Label)
	sev.SetText(f.Severity.Label())
	switch f.Severity {
	case check.Error:
		sev.Importance = widget.DangerImportance
	case check.Warning:
		sev.Importance = widget.WarningImportance
	default:
		sev.Importance = widget.MediumImportance
	}
	sev.Refresh()
	where.SetText(findingPlace(f))
	msg.SetText(f.Message)
	if f.Fix != nil {
		fix.SetText(f.Fix.Label)
		fix.OnTapped = func() { c.apply(f) }
		fix.Show()
	} else {
		fix.Hide()
	}
}

// findingPlace says where a finding is: "Dòng 3" or the field's name.
func findingPlace(f check.Finding) string {
	if f.Line > 0 {
		return "Dòng " + vntext.Number(f.Line)
	}
	switch f.Field {
	case "Number":
		return "Số văn bản"
	case "Sign":
		return "Ký hiệu"
	case "Recipients":
		return "Nơi nhận"
	case "":
		return ""
	}
	return f.Field
}

// run checks r (whose Body is the editor's text as typed) off the UI
// goroutine and shows the findings.
func (c *checksTab) run(r *model.Record) {
	c.gen++
	gen := c.gen
	c.summary.SetText("Đang soát…")
	c.sched.Go(func() {
		fs := check.Record(r)
		c.sched.Do(func() {
			if gen != c.gen {
				return
			}
			c.findings, c.body = fs, r.Body
			c.list.Refresh()
			c.summary.SetText(checkSummary(fs))
		})
	})
}

func checkSummary(fs []check.Finding) string {
	if len(fs) == 0 {
		return "Không thấy lỗi nào."
	}
	n := map[check.Severity]int{}
	fixes := 0
	for _, f := range fs {
		n[f.Severity]++
		if f.Fix != nil {
			fixes++
		}
	}
	var parts []string
	for _, s := range []check.Severity{check.Error, check.Warning, check.Info} {
		if n[s] > 0 {
			parts = append(parts, countOf(n[s], strings.ToLower(s.Label())))
		}
	}
	s := strings.Join(parts, ", ") + "."
	if fixes > 0 {
		s += " " + countOf(fixes, "chỗ sửa được bằng một nút bấm.")
	}
	return s + " Bấm vào một dòng để tới chỗ đó."
}

// apply makes a finding's fix (one undoable edit of the body).
func (c *checksTab) apply(f check.Finding) {
	if f.Fix != nil && c.onFix != nil {
		c.onFix(f, c.body)
	}
}
