// Package preview draws the "Xem trước" tab: a record shown as it will be
// published or printed, built from the same document model (model/doc) as
// the PDF and the HTML, so that the three agree on what the body says. It
// builds Fyne rich-text segments itself (no Markdown parsing): paragraphs
// with bold and italic runs, headings, centred lines, pictures with their
// captions, and tables.
package preview

import (
	"bytes"
	"image"
	"image/color"
	_ "image/jpeg" // decode JPEG pictures
	_ "image/png"  // decode PNG pictures
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
	"bientap/model/vntext"
)

// maxPictureWidth is the widest a picture is shown.
const maxPictureWidth = 520

// Render returns the preview of r whose body parsed to d: the portal view
// of a news item, or the Decree-30 layout of a document, whose header and
// footer lines come from decree.Of(r, o) like every other output's.
func Render(r *model.Record, d doc.Document, o decree.Options) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	var h decree.Header
	if r.Kind.IsDocument() {
		h = decree.Of(r, o)
		objs = documentHead(h)
	} else {
		objs = newsHead(r, d, decree.Of(r, o))
	}
	objs = append(objs, Body(r, d)...)
	if r.Kind.IsDocument() {
		if h.HasFooter() {
			objs = append(objs, documentFoot(h))
		}
	} else if a := strings.TrimSpace(r.Author); a != "" {
		objs = append(objs, label(a, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
	}
	return container.NewVBox(objs...)
}

// Body renders the blocks of d: runs of text blocks share one rich text;
// pictures and tables stand between them. A document's paragraphs are set
// in their decree.Roles.
func Body(r *model.Record, d doc.Document) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	var segs []widget.RichTextSegment
	flush := func() {
		if len(segs) > 0 {
			rt := widget.NewRichText(segs...)
			rt.Wrapping = fyne.TextWrapWord
			objs = append(objs, rt)
			segs = nil
		}
	}
	var roles []decree.Style
	if r.Kind.IsDocument() {
		roles = decree.Roles(r.Kind, d)
	}
	for i, b := range d.Blocks {
		switch b.Kind {
		case doc.Heading:
			st := widget.RichTextStyleSubHeading
			if b.Level >= 2 {
				st = widget.RichTextStyleStrong
				st.Inline = false
			}
			segs = append(segs, &widget.TextSegment{Text: doc.PlainText(b.Runs), Style: st})
		case doc.Centered:
			segs = append(segs, centred(b.Runs))
		case doc.Image:
			flush()
			objs = append(objs, picture(r, b))
		case doc.Table:
			flush()
			objs = append(objs, table(b))
		default:
			if roles == nil {
				segs = append(segs, paragraph(b.Runs, false)...)
				continue
			}
			switch role := roles[i]; {
			case role.Role == decree.DispatchHead:
				// shown with the addressing, in the header
			case role.Role.Centred():
				segs = append(segs, centred(role.Apply(b.Runs)))
			default:
				segs = append(segs, paragraph(role.Apply(b.Runs), false)...)
			}
		}
	}
	flush()
	return objs
}

// paragraph is one paragraph: its inline runs, then the paragraph break
// (as Fyne's own Markdown renderer ends a paragraph); bold makes every run
// bold.
func paragraph(runs []doc.Run, bold bool) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for _, r := range runs {
		segs = append(segs, &widget.TextSegment{Text: r.Text, Style: widget.RichTextStyle{
			Inline: true, TextStyle: fyne.TextStyle{Bold: r.Bold || bold, Italic: r.Italic}}})
	}
	return append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph})
}

// centred is a centred line; a segment holds one style, so the line takes
// the style its runs mostly have.
func centred(runs []doc.Run) widget.RichTextSegment {
	var bold, italic, n int
	for _, r := range runs {
		l := len(r.Text)
		n += l
		if r.Bold {
			bold += l
		}
		if r.Italic {
			italic += l
		}
	}
	return &widget.TextSegment{Text: doc.PlainText(runs), Style: widget.RichTextStyle{
		Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: bold*2 > n, Italic: italic*2 > n}}}
}

// picture shows one of the record's images with its caption, or says why
// it cannot.
func picture(r *model.Record, b doc.Block) fyne.CanvasObject {
	caption := doc.PlainText(b.Runs)
	im := r.ImageByName(b.Src)
	if im == nil {
		return missing("Không có ảnh “" + b.Src + "” trong bản ghi")
	}
	return pictureObject(im, caption)
}

func pictureObject(im *model.Image, caption string) fyne.CanvasObject {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(im.Data))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		return missing("Ảnh “" + im.Name + "” hỏng, không hiển thị được")
	}
	w, h := float32(cfg.Width), float32(cfg.Height)
	if w > maxPictureWidth {
		h, w = h*maxPictureWidth/w, maxPictureWidth
	}
	img := canvas.NewImageFromResource(fyne.NewStaticResource(im.Name, im.Data))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(w, h))
	objs := []fyne.CanvasObject{container.NewCenter(img)}
	if c := strings.TrimSpace(caption); c != "" {
		objs = append(objs, label(c, fyne.TextAlignCenter, fyne.TextStyle{Italic: true}))
	}
	return container.NewVBox(objs...)
}

func missing(msg string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle("["+msg+"]", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// table draws a table's cells with thin borders, columns as wide as their
// longest text suggests.
func table(b doc.Block) fyne.CanvasObject {
	cols := 1
	for _, row := range b.Rows {
		cols = max(cols, len(row))
	}
	weights := make([]float32, cols)
	var cells []fyne.CanvasObject
	for i, row := range b.Rows {
		for j := 0; j < cols; j++ {
			var runs []doc.Run
			if j < len(row) {
				runs = row[j].Runs
			}
			n := float32(len([]rune(doc.PlainText(runs))))
			weights[j] = max(weights[j], min(n, 36))
			rt := widget.NewRichText(paragraph(runs, b.Header && i == 0)...)
			rt.Wrapping = fyne.TextWrapWord
			border := canvas.NewRectangle(color.Transparent)
			border.StrokeColor = theme.Color(theme.ColorNameForeground)
			border.StrokeWidth = 0.5
			cells = append(cells, container.NewStack(border, rt))
		}
	}
	for j := range weights {
		weights[j] += 4
	}
	return container.NewPadded(container.New(&tableLayout{cols: cols, weights: weights}, cells...))
}

// tableLayout places cells in rows without gaps (borders meet); a row is
// as tall as its tallest cell at the column widths.
type tableLayout struct {
	cols    int
	weights []float32
	width   float32
}

func (l *tableLayout) widths(w float32) []float32 {
	var sum float32
	for _, x := range l.weights {
		sum += x
	}
	out := make([]float32, l.cols)
	for j, x := range l.weights {
		out[j] = w * x / sum
	}
	return out
}

func (l *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for r := 0; r*l.cols < len(objs); r++ {
		var rh float32
		for j := 0; j < l.cols && r*l.cols+j < len(objs); j++ {
			rh = max(rh, objs[r*l.cols+j].MinSize().Height)
		}
		h += rh
	}
	return fyne.NewSize(float32(l.cols)*40, h)
}

func (l *tableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	ws := l.widths(size.Width)
	var y float32
	for r := 0; r*l.cols < len(objs); r++ {
		row := objs[r*l.cols : min(len(objs), (r+1)*l.cols)]
		var rh float32
		for j, o := range row {
			if o.Size().Width != ws[j] {
				o.Resize(fyne.NewSize(ws[j], max(o.Size().Height, 1))) // wrap at the column's width
			}
			rh = max(rh, o.MinSize().Height)
		}
		var x float32
		for j, o := range row {
			o.Resize(fyne.NewSize(ws[j], rh))
			o.Move(fyne.NewPos(x, y))
			x += ws[j]
		}
		y += rh
	}
}

func label(text string, align fyne.TextAlign, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(text, align, style)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// newsHead is the portal view's head: category and date, title, sapo and
// the featured picture when the body does not place it; a draft's mark
// above them.
func newsHead(r *model.Record, d doc.Document, h decree.Header) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	if m := draftMark(h); m != nil {
		objs = append(objs, m)
	}
	meta := []string{}
	if c := strings.TrimSpace(r.Category); c != "" {
		meta = append(meta, c)
	}
	if !r.Date.IsZero() {
		meta = append(meta, vntext.NewsDate(r.Date))
	}
	if len(meta) > 0 {
		m := label(strings.Join(meta, " · "), fyne.TextAlignLeading, fyne.TextStyle{})
		m.Importance = widget.LowImportance
		objs = append(objs, m)
	}
	title := widget.NewRichText(&widget.TextSegment{Text: titleText(r), Style: widget.RichTextStyleHeading})
	title.Wrapping = fyne.TextWrapWord
	objs = append(objs, title)
	if s := strings.TrimSpace(r.Summary); s != "" {
		objs = append(objs, label(strings.Join(strings.Fields(s), " "), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	if im := r.FeaturedImage(); im != nil && !placed(d, im.Name) {
		objs = append(objs, pictureObject(im, im.Caption))
	}
	return objs
}

func titleText(r *model.Record) string {
	if t := strings.TrimSpace(r.Title); t != "" {
		return t
	}
	return "(chưa có tiêu đề)"
}

// placed reports whether the body shows the picture named name.
func placed(d doc.Document, name string) bool {
	for _, b := range d.Blocks {
		if b.Kind == doc.Image && b.Src == name {
			return true
		}
	}
	return false
}

// draftMark is the DỰ THẢO line of a draft, or nil.
func draftMark(h decree.Header) fyne.CanvasObject {
	s := h.DraftLine()
	if s == "" {
		return nil
	}
	l := label(s, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	l.Importance = widget.DangerImportance
	return l
}

// rule is a short centred line under a header line, frac of the text's
// width (as the PDF's: half of a short agency name, the whole Tiêu ngữ).
func rule(text string, style fyne.TextStyle, frac float32) fyne.CanvasObject {
	w := fyne.MeasureText(text, theme.TextSize(), style).Width * frac
	line := canvas.NewRectangle(theme.Color(theme.ColorNameForeground))
	line.SetMinSize(fyne.NewSize(max(w, 8), 1))
	return container.NewCenter(line)
}

// documentHead is the Decree-30 head, every line from the shared header:
// agencies and number on the left, the national motto and place/date on the
// right, then the urgency, the kind and the trích yếu (for a công văn, "V/v"
// under the number) and the addressees.
func documentHead(h decree.Header) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	if m := draftMark(h); m != nil {
		objs = append(objs, m)
	}
	centre := func(list *[]fyne.CanvasObject, s string, st fyne.TextStyle) {
		*list = append(*list, label(s, fyne.TextAlignCenter, st))
	}
	var left []fyne.CanvasObject
	for _, s := range h.AgencyParent {
		centre(&left, s, fyne.TextStyle{})
	}
	for _, s := range h.Agency {
		centre(&left, s, fyne.TextStyle{Bold: true})
	}
	if len(h.Agency) > 0 {
		left = append(left, rule(longest(h.Agency), fyne.TextStyle{Bold: true}, 0.5))
	}
	centre(&left, h.NumberLine, fyne.TextStyle{})
	if h.SummaryUnderNumber {
		for _, s := range h.Summary {
			centre(&left, s, fyne.TextStyle{})
		}
	}
	right := []fyne.CanvasObject{
		label(h.QuocHieu, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		label(h.TieuNgu, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		rule(h.TieuNgu, fyne.TextStyle{Bold: true}, 1),
		label(h.PlaceDate, fyne.TextAlignCenter, fyne.TextStyle{Italic: true}),
	}
	objs = append(objs, container.NewGridWithColumns(2, container.NewVBox(left...), container.NewVBox(right...)))
	if h.Urgency != "" {
		u := label(h.Urgency, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		u.Importance = widget.DangerImportance
		objs = append(objs, u)
	}
	if h.KindName != "" {
		kind := widget.NewRichText(&widget.TextSegment{Text: h.KindName,
			Style: widget.RichTextStyle{Alignment: fyne.TextAlignCenter, SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
		objs = append(objs, kind)
		for _, s := range h.Summary {
			objs = append(objs, label(s, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
		}
		objs = append(objs, rule(longest(append([]string{h.KindName}, h.Summary...)), fyne.TextStyle{Bold: true}, 5.0/12))
	}
	switch {
	case h.Addressing == decree.Dispatch:
		if h.AddressLabel != "" {
			objs = append(objs, label(h.AddressLabel, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
		}
		for _, s := range h.ToLines {
			objs = append(objs, label(s, fyne.TextAlignLeading, fyne.TextStyle{}))
		}
	case len(h.ToLines) == 1:
		objs = append(objs, label(h.AddressLabel+" "+h.ToLines[0], fyne.TextAlignCenter, fyne.TextStyle{}))
	case len(h.ToLines) > 1:
		objs = append(objs, label(h.AddressLabel+" "+strings.Join(h.ToLines, "\n"), fyne.TextAlignCenter, fyne.TextStyle{}))
	}
	return objs
}

// longest is the longest of ss (in runes).
func longest(ss []string) string {
	l := ""
	for _, s := range ss {
		if len([]rune(s)) > len([]rune(l)) {
			l = s
		}
	}
	return l
}

// documentFoot is "Nơi nhận" on the left and the signature on the right.
func documentFoot(h decree.Header) fyne.CanvasObject {
	var left []fyne.CanvasObject
	if len(h.Recipients) > 0 {
		left = append(left, label(decree.NoiNhanLabel, fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Italic: true}))
		for _, l := range h.Recipients {
			left = append(left, label(l, fyne.TextAlignLeading, fyne.TextStyle{}))
		}
	}
	var right []fyne.CanvasObject
	for _, l := range h.Signer {
		right = append(right, label(l, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	if h.SignerName != "" {
		right = append(right, widget.NewLabel(" "), widget.NewLabel(" "),
			label(h.SignerName, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	return container.NewGridWithColumns(2, container.NewVBox(left...), container.NewVBox(right...))
}
