package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/export"
	"bientap/model"
	"bientap/model/doc"
	"bientap/ui/preview"
)

// previewTab is "Xem trước": the record drawn from the document model and
// the document header (model/decree), the same ones the PDF, the HTML and
// the Word file use. It is rebuilt a moment after typing
// stops, only while the tab is visible; the body is parsed off the UI
// goroutine.
type previewTab struct {
	sched   sched
	options func() export.Options // the archive's settings, as an export takes them
	scroll  *container.Scroll
	content fyne.CanvasObject
	gen     int
}

func newPreviewTab(s sched, options func() export.Options) *previewTab {
	p := &previewTab{sched: s, options: options}
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
	opt := p.options()
	p.sched.Go(func() {
		d := doc.Parse(r.Body)
		ho := opt.HeaderOptions(r) // the header every output draws, with the draft's revision
		p.sched.Do(func() {
			if gen != p.gen {
				return
			}
			offset := p.scroll.Offset
			p.scroll.Content = container.NewPadded(preview.Render(r, d, ho))
			p.scroll.Refresh()
			p.scroll.ScrollToOffset(offset)
		})
	})
}
