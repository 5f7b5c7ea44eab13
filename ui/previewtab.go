package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/doc"
	"bientap/ui/preview"
)

// previewTab is "Xem trước": the record drawn from the document model, the
// same one the PDF and the HTML use. It is rebuilt a moment after typing
// stops, only while the tab is visible; the body is parsed off the UI
// goroutine.
type previewTab struct {
	sched   sched
	scroll  *container.Scroll
	content fyne.CanvasObject
	gen     int
}

func newPreviewTab(s sched) *previewTab {
	p := &previewTab{sched: s}
	p.scroll = container.NewVScroll(widget.NewLabel(""))
	p.content = p.scroll
	return p
}

// show renders r (nil: nothing).
func (p *previewTab) show(r *model.Record) {
	if r == nil {
		return
	}
	p.gen++
	gen := p.gen
	p.sched.Go(func() {
		d := doc.Parse(r.Body)
		p.sched.Do(func() {
			if gen != p.gen {
				return
			}
			offset := p.scroll.Offset
			p.scroll.Content = container.NewPadded(preview.Render(r, d))
			p.scroll.Refresh()
			p.scroll.ScrollToOffset(offset)
		})
	})
}
