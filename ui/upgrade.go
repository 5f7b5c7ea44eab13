package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/model/store"
)

// openAndRun opens the archive at path and runs the main window on it
// until it closes. Opening takes milliseconds, except when the archive
// needs an upgrade that rebuilds its search index (seconds for a large
// archive, once): a small window then shows how far it is, and the main
// window takes its place when the archive is ready. Closing that window
// stops the upgrade, which leaves the archive as it was (it is one
// transaction) and runs again at the next start.
func openAndRun(a fyne.App, path string, cfg Config) error {
	type opened struct {
		st  *store.Store
		err error
	}
	done := make(chan opened, 1)
	progress := make(chan [2]int, 1) // the newest step only
	go func() {
		st, err := store.OpenProgress(path, func(n, total int64) {
			select {
			case <-progress:
			default:
			}
			progress <- [2]int{int(n), int(total)}
		})
		done <- opened{st, err}
	}()
	var u *mainUI
	var r opened
	var p [2]int
	quick := true
	select {
	case r = <-done:
	case p = <-progress:
		// An upgrade: worth a window of its own unless it ends at once (a
		// small archive).
		select {
		case r = <-done:
		case <-time.After(300 * time.Millisecond):
			quick = false
		}
	}
	if quick {
		if r.err != nil {
			showFatal(a, fmt.Errorf("không mở được cơ sở dữ liệu: %w", r.err))
			return r.err
		}
		u = startUI(a, r.st, cfg)
		u.show()
		return runApp(a, func() *mainUI { return u })
	}
	var openErr error
	w := a.NewWindow("Biên Tập — đang nâng cấp cơ sở dữ liệu")
	msg := widget.NewLabel("Đang nâng cấp " + path + ":\nxây lại chỉ mục tìm kiếm (chỉ một lần, có thể mất vài chục giây)…")
	msg.Wrapping = fyne.TextWrapWord
	bar := widget.NewProgressBar()
	w.SetContent(container.NewPadded(container.NewVBox(msg, bar)))
	w.Resize(fyne.NewSize(520, 140))
	show := func(p [2]int) {
		if p[1] > 0 {
			bar.SetValue(float64(p[0]) / float64(p[1]))
		}
	}
	show(p)
	go func() {
		for {
			select {
			case p := <-progress:
				fyne.Do(func() { show(p) })
			case r := <-done:
				fyne.Do(func() {
					if r.err != nil {
						openErr = r.err
						msg.SetText("Không mở được cơ sở dữ liệu: " + r.err.Error())
						bar.Hide()
						w.SetContent(container.NewBorder(nil, container.NewCenter(widget.NewButton("Đóng", a.Quit)),
							nil, nil, container.NewPadded(msg)))
						return
					}
					u = startUI(a, r.st, cfg)
					u.show()
					w.Close()
				})
				return
			}
		}
	}()
	w.Show()
	if err := runApp(a, func() *mainUI { return u }); err != nil || u != nil {
		return err
	}
	return openErr
}
