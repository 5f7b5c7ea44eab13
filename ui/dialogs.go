package ui

import (
	"context"
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// dialogButton is one button of a dialog: it runs action and closes the
// dialog (unless keepOpen). The cancel button also answers Escape.
type dialogButton struct {
	label    string
	primary  bool
	danger   bool
	cancel   bool
	keepOpen bool
	action   func()
}

// dialogHandle is an open dialog of the window.
type dialogHandle struct {
	title    string
	content  fyne.CanvasObject
	d        dialog.Dialog // nil for a file dialog
	hide     func()
	onCancel func()
	buttons  map[string]*widget.Button
	closed   bool
	// keepOnCancel leaves the dialog open on Escape (a running operation
	// closes it when it stops).
	keepOnCancel bool
}

// close hides the dialog.
func (h *dialogHandle) close() {
	if h.closed {
		return
	}
	h.closed = true
	h.hide()
}

// cancel closes the dialog as its cancel button would.
func (h *dialogHandle) cancel() {
	if !h.keepOnCancel {
		h.close()
	}
	if h.onCancel != nil {
		h.onCancel()
	}
}

// button returns the dialog's button with that label (tests press it).
func (h *dialogHandle) button(label string) *widget.Button { return h.buttons[label] }

// dialogs are the window's open dialogs, newest last: Escape closes the
// newest, and menu shortcuts wait while one is open.
type dialogs struct {
	win         fyne.Window
	open        []*dialogHandle
	lastMessage string       // the last message shown (tests read it)
	notify      func(string) // the status line: an operation the clerk stopped is only noted there
	onIdleEsc   func()       // what Escape does when no dialog is open
}

// customDialog shows content with the given buttons. The first button
// marked cancel (or, if none, labelled "Hủy"/"Đóng") answers Escape.
func (ds *dialogs) customDialog(title string, content fyne.CanvasObject, buttons []dialogButton) *dialogHandle {
	h := &dialogHandle{title: title, content: content, buttons: map[string]*widget.Button{}}
	d := dialog.NewCustomWithoutButtons(title, content, ds.win)
	h.d, h.hide = d, d.Hide
	var objs []fyne.CanvasObject
	for _, b := range buttons {
		btn := widget.NewButton(b.label, nil)
		switch {
		case b.primary:
			btn.Importance = widget.HighImportance
		case b.danger:
			btn.Importance = widget.DangerImportance
		}
		btn.OnTapped = func() {
			if !b.keepOpen {
				h.close()
			}
			if b.action != nil {
				b.action()
			}
		}
		if h.onCancel == nil && (b.cancel || b.label == "Hủy" || b.label == "Đóng") {
			h.onCancel = b.action
			if h.onCancel == nil {
				h.onCancel = func() {}
			}
		}
		h.buttons[b.label] = btn
		objs = append(objs, btn)
	}
	d.SetButtons(objs)
	d.SetOnClosed(func() {
		h.closed = true
		ds.forget(h)
	})
	ds.open = append(ds.open, h)
	d.Show()
	return h
}

// trackFileDialog lets Escape close one of Fyne's file dialogs (when none
// of its own fields has the keyboard focus).
func (ds *dialogs) trackFileDialog(title string, d *dialog.FileDialog) {
	h := &dialogHandle{title: title, hide: d.Hide, onCancel: func() {}, buttons: map[string]*widget.Button{}}
	d.SetOnClosed(func() {
		h.closed = true
		ds.forget(h)
	})
	ds.open = append(ds.open, h)
	d.Resize(fitDialog(ds.win, fyne.NewSize(820, 560)))
}

// forget drops a closed dialog from the stack.
func (ds *dialogs) forget(h *dialogHandle) {
	if i := slices.Index(ds.open, h); i >= 0 {
		ds.open = slices.Delete(ds.open, i, i+1)
	}
}

// topDialog is the newest open dialog, or nil.
func (ds *dialogs) topDialog() *dialogHandle {
	if len(ds.open) == 0 {
		return nil
	}
	return ds.open[len(ds.open)-1]
}

// onEscape closes the newest dialog (as its cancel button), or does what
// Escape does without one (closing the find bar).
func (ds *dialogs) onEscape() {
	if h := ds.topDialog(); h != nil {
		h.cancel()
		return
	}
	if ds.onIdleEsc != nil {
		ds.onIdleEsc()
	}
}

// confirm asks a yes/cancel question.
func (ds *dialogs) confirm(title, message, yes string, then func()) *dialogHandle {
	return ds.ask(title, message, dialogButton{label: yes, primary: true, action: then})
}

// confirmDanger asks before something that cannot be undone: the button
// that does it is styled as dangerous.
func (ds *dialogs) confirmDanger(title, message, yes string, then func()) *dialogHandle {
	return ds.ask(title, message, dialogButton{label: yes, danger: true, action: then})
}

func (ds *dialogs) ask(title, message string, yes dialogButton) *dialogHandle {
	l := widget.NewLabel(message)
	l.Wrapping = fyne.TextWrapWord
	return ds.customDialog(title, container.New(fixedWidth{440}, l), []dialogButton{{label: "Hủy", cancel: true}, yes})
}

// showMessage shows a message with a close button.
func (ds *dialogs) showMessage(title, message string) *dialogHandle {
	ds.lastMessage = message
	l := widget.NewLabel(message)
	l.Wrapping = fyne.TextWrapWord
	return ds.customDialog(title, container.New(fixedWidth{440}, l), []dialogButton{{label: "Đóng", primary: true}})
}

// showError shows an error's first line. An operation the clerk stopped
// (Hủy) is only noted in the status bar.
func (ds *dialogs) showError(err error) {
	if err == nil {
		return
	}
	if errors.Is(err, errCancelled) || errors.Is(err, context.Canceled) {
		ds.notify("Đã dừng theo yêu cầu")
		return
	}
	ds.showMessage("Có lỗi", oneLine(err.Error()))
}

// fitDialog is want, made smaller when the window is: a dialog never
// reaches past the window's edges (1024×600 screens).
func fitDialog(win fyne.Window, want fyne.Size) fyne.Size {
	if win == nil {
		return want
	}
	have := win.Canvas().Size()
	if have.Width <= 0 || have.Height <= 0 {
		return want
	}
	return fyne.NewSize(min(want.Width, have.Width-24), min(want.Height, have.Height-24))
}
