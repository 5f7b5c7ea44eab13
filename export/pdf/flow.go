package pdf

// unit is an unbreakable slice of the flow: a line of text, a table row, an
// image, a signature block. Its ops are relative to the unit's top.
type unit struct {
	h      float64
	ops    []op
	before float64 // space above it, dropped at the top of a page
	keep   bool    // keep on the same page as the next unit
}

// flow places units down the pages between top and bottom.
type flow struct {
	e      *engine
	top    float64
	bottom float64
	y      float64
	page   *page
	fresh  bool   // nothing but repeated headers on the page yet
	repeat []unit // placed at the top of every new page (a table's header row)
}

func (e *engine) newFlow(top, bottom float64) *flow {
	fl := &flow{e: e, top: top, bottom: bottom}
	fl.breakPage()
	return fl
}

// continueOn starts the flow at y on the current last page.
func (e *engine) continueOn(top, bottom, y float64) *flow {
	if len(e.pages) == 0 {
		e.newPage()
	}
	return &flow{e: e, top: top, bottom: bottom, y: y, page: e.pages[len(e.pages)-1], fresh: y <= top}
}

// breakPage starts a new page and repeats the current headers on it.
func (fl *flow) breakPage() {
	fl.page = fl.e.newPage()
	fl.y = fl.top
	for _, u := range fl.repeat {
		fl.put(u, 0)
	}
	fl.fresh = true
}

// put draws u at the current position.
func (fl *flow) put(u unit, before float64) {
	fl.y += before
	fl.page.ops = append(fl.page.ops, shift(u.ops, fl.y)...)
	fl.y += u.h
}

// room is the height left on the page.
func (fl *flow) room() float64 { return fl.bottom - fl.y }

// place lays units out in order. A unit that does not fit goes to the next
// page; units marked keep travel with the unit after them (headings with
// their text, the first and last two lines of a paragraph, a table's header
// with its first row), unless the chain is taller than a page.
func (fl *flow) place(units []unit) {
	const eps = 1e-6
	for i := 0; i < len(units); i++ {
		u := units[i]
		before := u.before
		if fl.fresh {
			before = 0
		}
		chain := before + u.h
		for j := i; units[j].keep && j+1 < len(units); j++ {
			chain += units[j+1].before + units[j+1].h
		}
		if !fl.fresh && chain > fl.room()+eps && chain <= fl.bottom-fl.top {
			fl.breakPage()
			before = 0
		} else if !fl.fresh && before+u.h > fl.room()+eps {
			fl.breakPage()
			before = 0
		}
		fl.put(u, before)
		fl.fresh = false
		for _, o := range u.ops {
			if o.kind == opMark {
				switch o.text {
				case "repeat":
					h := u
					h.before = 0
					h.keep = false
					fl.repeat = []unit{h}
				case "end":
					fl.repeat = nil
				}
			}
		}
	}
}

// lines turns broken lines into units of height lh, each drawn at x within
// avail; the first line is indented by indent. Orphans and widows are
// avoided: the first line stays with the second, the last with the one
// before.
func (e *engine) lineUnits(lines []textLine, x, avail, indent, lh, size float64, align byte, before float64) []unit {
	base := (lh-single*size*ptMM)/2 + ascent*size*ptMM
	us := make([]unit, len(lines))
	for i, l := range lines {
		lx, la := x, avail
		if i == 0 {
			lx, la = x+indent, avail-indent
		}
		us[i] = unit{h: lh, ops: lineOps(l, lx, base, la, align, size)}
	}
	if len(us) > 0 {
		us[0].before = before
	}
	if n := len(us); n >= 2 {
		us[0].keep = true
		us[n-2].keep = true
	}
	return us
}

// para lays out spans as a paragraph: broken to avail (first line indented),
// aligned, with line height lh.
func (e *engine) para(sp []span, x, avail, indent, lh, size float64, align byte, before float64) []unit {
	ws := e.words(sp, size)
	var lines []textLine
	if align == 'C' && indent == 0 {
		lines = e.balancedLines(ws, avail, size)
	} else {
		lines = e.breakLines(ws, avail-indent, avail, size)
	}
	return e.lineUnits(lines, x, avail, indent, lh, size, align, before)
}

// block stacks units into one unit (kept whole).
func block(us []unit) unit {
	var b unit
	for i, u := range us {
		if i > 0 {
			b.h += u.before
		}
		b.ops = append(b.ops, shift(u.ops, b.h)...)
		b.h += u.h
	}
	if len(us) > 0 {
		b.before = us[0].before
	}
	return b
}

// height is the total height of units placed one after another.
func height(us []unit) float64 {
	h := 0.0
	for i, u := range us {
		if i > 0 {
			h += u.before
		}
		h += u.h
	}
	return h
}

// lineHeight is the line height in mm of size pt at spacing (1 = single).
func lineHeight(size, spacing float64) float64 { return single * size * ptMM * spacing }
