package ui

import (
	"context"
	"errors"

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
	ui       *mainUI
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

// customDialog shows content with the given buttons. The first button
// marked cancel (or, if none, labelled "Hủy"/"Đóng") answers Escape.
func (u *mainUI) customDialog(title string, content fyne.CanvasObject, buttons []dialogButton) *dialogHandle {
	h := &dialogHandle{ui: u, title: title, content: content, buttons: map[string]*widget.Button{}}
	d := dialog.NewCustomWithoutButtons(title, content, u.win)
	h.d, h.hide = d, d.Hide
	var objs []fyne.CanvasObject
	for _, b := range buttons {
		b := b
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
			if b.action != nil {
				h.onCancel = b.action
			} else {
				h.onCancel = func() {}
			}
		}
		h.buttons[b.label] = btn
		objs = append(objs, btn)
	}
	d.SetButtons(objs)
	d.SetOnClosed(func() {
		h.closed = true
		u.forget(h)
	})
	u.dialogs = append(u.dialogs, h)
	d.Show()
	return h
}

// trackFileDialog lets Escape close one of Fyne's file dialogs (when none
// of its own fields has the keyboard focus).
func (u *mainUI) trackFileDialog(title string, d *dialog.FileDialog) {
	h := &dialogHandle{ui: u, title: title, hide: d.Hide, onCancel: func() {}, buttons: map[string]*widget.Button{}}
	d.SetOnClosed(func() {
		h.closed = true
		u.forget(h)
	})
	u.dialogs = append(u.dialogs, h)
	d.Resize(fyne.NewSize(820, 560))
}

// forget drops a closed dialog from the stack.
func (u *mainUI) forget(h *dialogHandle) {
	for i, o := range u.dialogs {
		if o == h {
			u.dialogs = append(u.dialogs[:i], u.dialogs[i+1:]...)
			return
		}
	}
}

// topDialog is the newest open dialog, or nil.
func (u *mainUI) topDialog() *dialogHandle {
	if len(u.dialogs) == 0 {
		return nil
	}
	return u.dialogs[len(u.dialogs)-1]
}

// onEscape closes the newest dialog (as its cancel button), or the find bar.
func (u *mainUI) onEscape() {
	if h := u.topDialog(); h != nil {
		h.cancel()
		return
	}
	if u.editor != nil && u.editor.form.findBar.Visible() {
		u.editor.form.hideFind()
	}
}

// confirm asks a yes/cancel question.
func (u *mainUI) confirm(title, message, yes string, then func()) *dialogHandle {
	l := widget.NewLabel(message)
	l.Wrapping = fyne.TextWrapWord
	return u.customDialog(title, container.New(fixedWidth{440}, l), []dialogButton{
		{label: "Hủy", cancel: true},
		{label: yes, primary: true, action: then},
	})
}

// showMessage shows a message with a close button.
func (u *mainUI) showMessage(title, message string) *dialogHandle {
	u.lastMessage = message
	l := widget.NewLabel(message)
	l.Wrapping = fyne.TextWrapWord
	return u.customDialog(title, container.New(fixedWidth{440}, l), []dialogButton{{label: "Đóng", primary: true}})
}

// showError shows an error's first line. An operation the clerk stopped
// (Hủy) is only noted in the status bar.
func (u *mainUI) showError(err error) {
	if err == nil {
		return
	}
	if errors.Is(err, errCancelled) || errors.Is(err, context.Canceled) {
		u.notify("Đã dừng theo yêu cầu")
		return
	}
	u.showMessage("Có lỗi", oneLine(err.Error()))
}

// confirmDiscard runs then when the editor holds no unsaved work, or after
// the clerk chose to save (and it worked) or not to save; cancel runs when
// the clerk keeps editing.
func (u *mainUI) confirmDiscard(then, cancel func()) {
	e := u.editor
	if e.rec == nil || !e.dirty {
		then()
		return
	}
	msg := widget.NewLabel("“" + recordLabel(e.current()) + "” có thay đổi chưa lưu. Lưu trước khi tiếp tục?")
	msg.Wrapping = fyne.TextWrapWord
	u.customDialog("Lưu thay đổi?", container.New(fixedWidth{440}, msg), []dialogButton{
		{label: "Hủy", cancel: true, action: cancel},
		{label: "Không lưu", action: func() {
			e.discard()
			then()
		}},
		{label: "Lưu", primary: true, action: func() {
			if e.save() {
				then()
			} else if cancel != nil {
				cancel()
			}
		}},
	})
}
