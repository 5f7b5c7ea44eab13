package pdf

import (
	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
)

// bodyStyle is how a body is set: the text column, sizes and spacing.
type bodyStyle struct {
	x, w         float64 // text column
	size         float64 // paragraph size (pt)
	spacing      float64 // line spacing (1 = single)
	indent       float64 // first-line indent (mm)
	gap          float64 // space between paragraphs (mm)
	align        byte    // paragraph alignment
	decree       bool    // apply the Decree 30 body rules (Điều, Chương, căn cứ, …)
	tableSize    float64
	captionSize  float64
	maxImageH    float64
	head1, head2 float64 // heading sizes
}

// body lays out a parsed body. In the Decree 30 layout each paragraph is set
// as decree.Roles says (legal bases italic, "Điều" and titled khoản bold,
// divisions and the operative line centred bold), the same roles the
// preview, the HTML and the Word export use.
func (e *engine) body(r *model.Record, d doc.Document, st bodyStyle, skipImage string) []unit {
	lh := lineHeight(st.size, st.spacing)
	var us []unit
	var roles []decree.Style
	if st.decree {
		roles = decree.Roles(r.Kind, d)
	}
	for i, b := range d.Blocks {
		before := st.gap
		if i == 0 {
			before = 0
		}
		switch b.Kind {
		case doc.Heading:
			if st.decree && b.Level == 1 {
				sp := withFace(e.spans(b.Runs), bold)
				us = append(us, keepAll(e.para(sp, st.x, st.w, 0, lh, st.size, 'C', before))...)
			} else {
				size := st.head1
				sp := withFace(e.spans(b.Runs), bold)
				if b.Level == 2 {
					size = st.head2
					if !st.decree {
						sp = withFace(sp, italic)
					}
				}
				indent := 0.0
				if st.decree {
					indent = st.indent
				}
				us = append(us, keepAll(e.para(sp, st.x, st.w, indent, lineHeight(size, st.spacing), size, 'L', before+st.gap/2))...)
			}
		case doc.Centered:
			us = append(us, e.para(e.spans(b.Runs), st.x, st.w, 0, lh, st.size, 'C', before)...)
		case doc.Image:
			im := r.ImageByName(b.Src)
			if im == nil {
				e.warn("Dòng %d: không có ảnh «%s» trong bản ghi, đã bỏ qua", b.Line, b.Src)
				continue
			}
			if b.Src == skipImage {
				continue
			}
			us = append(us, e.imageUnits(im, e.spans(b.Runs), st.x, st.w, st.maxImageH, st.captionSize, before+st.gap)...)
		case doc.Table:
			us = append(us, e.table(b, st.x, st.w, st.tableSize, before+st.gap/2)...)
		default:
			if !st.decree {
				if sp := e.spans(b.Runs); len(sp) > 0 {
					us = append(us, e.para(sp, st.x, st.w, st.indent, lh, st.size, st.align, before)...)
				}
				continue
			}
			if roles[i].Role == decree.DispatchHead {
				continue // printed with the addressing (decree.Header.AddressLabel)
			}
			if sp := e.spans(roles[i].Apply(b.Runs)); len(sp) > 0 {
				us = append(us, e.rolePara(sp, roles[i].Role, st, lh, before)...)
			}
		}
	}
	return us
}

// rolePara places one paragraph of a document body, already in its role's
// faces (decree.Style.Apply): centred, indented, kept with what follows.
func (e *engine) rolePara(sp []span, role decree.Role, st bodyStyle, lh, before float64) []unit {
	switch role {
	case decree.DivisionTitle:
		before = 0
	case decree.Division:
		before += st.gap
	case decree.Order:
		before += st.gap / 2
	}
	switch {
	case role.Centred():
		return keepAll(e.para(sp, st.x, st.w, 0, lh, st.size, 'C', before))
	case role.Heading():
		return keepAll(e.para(sp, st.x, st.w, st.indent, lh, st.size, 'L', before))
	}
	ps := e.para(sp, st.x, st.w, st.indent, lh, st.size, 'J', before)
	if (role == decree.ArticleTitle || role == decree.Article) && len(ps) == 1 {
		ps[0].keep = true // a one-line article title stays with its text
	}
	return ps
}

// keepAll marks every unit to stay with the next one (headings).
func keepAll(us []unit) []unit {
	for i := range us {
		us[i].keep = true
	}
	return us
}

// table lays out a body table: columns sized to their content, cells
// wrapped, the header row bold, centred and repeated on each new page.
func (e *engine) table(b doc.Block, x, w, size, before float64) []unit {
	rows := make([][][]span, len(b.Rows))
	for i, row := range b.Rows {
		rows[i] = make([][]span, len(row))
		for j, c := range row {
			sp := e.spans(c.Runs)
			if b.Header && i == 0 {
				sp = withFace(sp, bold)
			}
			rows[i][j] = sp
		}
	}
	return e.grid(rows, nil, b.Header, x, w, size, nil, before)
}

// cellPad is the padding inside table cells (mm).
const (
	cellPadX = 1.5
	cellPadY = 1.0
)

// grid lays out rows of cells as a bordered table of total width w. widths
// gives fixed column fractions (nil: sized to content); aligns gives each
// column's alignment (nil: left; header cells are centred).
func (e *engine) grid(rows [][][]span, widths []float64, header bool, x, w, size float64, aligns []byte, before float64) []unit {
	ncol := 0
	for _, r := range rows {
		ncol = max(ncol, len(r))
	}
	if ncol == 0 {
		return nil
	}
	cols := make([]float64, ncol)
	if widths != nil {
		for j := range cols {
			cols[j] = widths[j] * w
		}
	} else {
		cols = e.columnWidths(rows, ncol, w, size)
	}
	lh := lineHeight(size, 1)
	var us []unit
	for i, r := range rows {
		isHead := header && i == 0
		cells := make([][]textLine, ncol)
		nl := 1
		for j := 0; j < ncol; j++ {
			var sp []span
			if j < len(r) {
				sp = r[j]
			}
			inner := cols[j] - 2*cellPadX
			cells[j] = e.breakLines(e.words(sp, size), inner, inner, size)
			nl = max(nl, len(cells[j]))
		}
		h := float64(nl)*lh + 2*cellPadY
		var ops []op
		base := cellPadY + (lh-single*size*ptMM)/2 + ascent*size*ptMM
		cx := x
		for j := 0; j < ncol; j++ {
			align := byte('L')
			if isHead {
				align = 'C'
			} else if aligns != nil && j < len(aligns) {
				align = aligns[j]
			}
			for k, l := range cells[j] {
				ops = append(ops, lineOps(l, cx+cellPadX, base+float64(k)*lh, cols[j]-2*cellPadX, align, size)...)
			}
			ops = append(ops, lineOp(cx, 0, cx, h, 0.2))
			cx += cols[j]
		}
		ops = append(ops, lineOp(cx, 0, cx, h, 0.2), lineOp(x, 0, cx, 0, 0.2), lineOp(x, h, cx, h, 0.2))
		u := unit{h: h, ops: ops}
		if i == 0 {
			u.before = before
		}
		if isHead {
			u.keep = true
			u.ops = append(u.ops, op{kind: opLine, x: x, y: h, x2: cx, y2: h, lw: 0.4})
		}
		us = append(us, u)
	}
	if header && len(us) > 1 {
		us[0].ops = append(us[0].ops, repeatMark)
		us[len(us)-1].ops = append(us[len(us)-1].ops, endRepeatMark)
	}
	return us
}

// Marks carried in a unit's ops that tell the flow to start or stop
// repeating a table's header row; they draw nothing.
var (
	repeatMark    = op{kind: opMark, text: "repeat"}
	endRepeatMark = op{kind: opMark, text: "end"}
)

// columnWidths sizes columns to content: each column gets at least its
// longest word (capped) and the rest of the width goes to the columns whose
// text would wrap, in proportion to how much they need.
func (e *engine) columnWidths(rows [][][]span, ncol int, w, size float64) []float64 {
	minW := make([]float64, ncol)
	maxW := make([]float64, ncol)
	for _, r := range rows {
		for j, sp := range r {
			ws := e.words(sp, size)
			nat := 0.0
			for k, wd := range ws {
				minW[j] = max(minW[j], min(wd.w, w/float64(ncol)))
				nat += wd.w
				if k < len(ws)-1 {
					nat += wd.space
				}
			}
			maxW[j] = max(maxW[j], nat)
		}
	}
	cols := make([]float64, ncol)
	sumMin, sumMax := 0.0, 0.0
	for j := range cols {
		minW[j] += 2*cellPadX + 0.5
		maxW[j] = max(maxW[j]+2*cellPadX+0.5, minW[j])
		sumMin += minW[j]
		sumMax += maxW[j]
	}
	switch {
	case sumMax <= w:
		for j := range cols {
			cols[j] = maxW[j] + (w-sumMax)*maxW[j]/sumMax
		}
	case sumMin >= w:
		for j := range cols {
			cols[j] = w * minW[j] / sumMin
		}
	default:
		for j := range cols {
			cols[j] = minW[j] + (w-sumMin)*(maxW[j]-minW[j])/(sumMax-sumMin)
		}
	}
	return cols
}
