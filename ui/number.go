package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/vntext"
)

// numberField is a document's Số and Ký hiệu with "Cấp số" (the next
// number of the year's series) and a warning when the typed number is
// already used in the year.
type numberField struct {
	svc *services
	// record is the record as the form shows it; nil when none is open.
	record   func() *model.Record
	onChange func()
	// onOffice numbers the record from the office archive when the desk
	// joined one (sync.go) and then reports true; nil or false: the local
	// series numbers it.
	onOffice func() bool

	number  *textEntry
	sign    *textEntry
	button  *tipButton // its tip says why a role may not number
	dupWarn *widget.Label
	row     fyne.CanvasObject // the number and the button

	loading bool
	timer   stopper
	gen     int
}

func newNumberField(svc *services, record func() *model.Record) *numberField {
	n := &numberField{svc: svc, record: record}
	changed := func(string) {
		if n.loading {
			return
		}
		if n.onChange != nil {
			n.onChange()
		}
		n.checkDuplicate()
	}
	n.number = newTextEntry(svc)
	n.number.SetPlaceHolder("05")
	n.number.OnChanged = changed
	n.sign = newTextEntry(svc)
	n.sign.SetPlaceHolder("TB-UBND")
	n.sign.OnChanged = changed
	n.button = newTipButton(svc, "Cấp số", nil, n.onAssign)
	n.dupWarn = widget.NewLabel("")
	n.dupWarn.Importance = widget.WarningImportance
	n.dupWarn.Wrapping = fyne.TextWrapWord
	n.dupWarn.Hide()
	n.row = container.NewBorder(nil, nil, nil, n.button, n.number)
	return n
}

// fill shows a record's number and sign without marking it changed.
func (n *numberField) fill(number, sign string) {
	n.loading = true
	defer func() { n.loading = false }()
	setField(n.number, number)
	setField(n.sign, sign)
	n.dupWarn.Hide()
}

// values are the number and sign typed, normalised.
func (n *numberField) values() (number, sign string) {
	return strings.TrimSpace(vntext.Clean(n.number.Text)), strings.TrimSpace(vntext.Clean(n.sign.Text))
}

// checkDuplicate warns, off the UI goroutine and a moment after typing
// stops, when the typed number and sign are already used by another
// record of the year.
func (n *numberField) checkDuplicate() {
	if n.timer != nil {
		n.timer.Stop()
	}
	n.timer = n.svc.sched.After(400*time.Millisecond, func() {
		r := n.record()
		if r == nil {
			return
		}
		n.gen++
		gen := n.gen
		st := n.svc.st
		n.svc.sched.Go(func() {
			ids, err := st.DuplicateNumbers(r)
			n.svc.sched.Do(func() {
				if gen != n.gen {
					return
				}
				if err != nil || len(ids) == 0 {
					n.dupWarn.Hide()
					return
				}
				var refs []string
				for _, id := range ids {
					refs = append(refs, fmt.Sprintf("#%d", id))
				}
				n.dupWarn.SetText(fmt.Sprintf("Số %s đã dùng trong năm %d (bản ghi %s). Kiểm tra lại hoặc bấm “Cấp số”.",
					decree.NumberSign(r.Number, r.Sign), r.Date.Year(), strings.Join(refs, ", ")))
				n.dupWarn.Show()
			})
		})
	})
}

// onAssign gives the next number of the year's series for the kind (the
// year of the record's date); a number already there is replaced only
// after asking.
func (n *numberField) onAssign() {
	r := n.record()
	if r == nil {
		return
	}
	if n.onOffice != nil && n.onOffice() {
		return
	}
	year := r.Date.Year()
	if r.Date.IsZero() {
		year = n.svc.clock.Today().Year()
	}
	number, sign := n.values()
	if sign == "" {
		sign = n.svc.settings.SignFor(r.Kind)
	}
	assign := func() {
		num, err := n.svc.st.NextNumber(year, sign)
		if err != nil {
			n.svc.showError(err)
			return
		}
		n.sign.SetText(sign)
		n.number.SetText(num)
		n.dupWarn.Hide()
		n.svc.notify(fmt.Sprintf("Đã cấp số %s/%s", num, sign))
	}
	if number != "" {
		n.svc.confirm("Cấp số mới?", fmt.Sprintf("Văn bản đã có số %s. Cấp số tiếp theo của sổ %s năm %d?",
			number, sign, year), "Cấp số mới", assign)
		return
	}
	assign()
}
