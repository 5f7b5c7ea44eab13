package pdf

import (
	"cmp"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/vntext"
)

// Register geometry (landscape A4, mm) and sizes (pt).
const (
	regTop, regBottom, regLeft, regRight = 15.0, 15.0, 25.0, 15.0
	rsCell                               = 11.0
)

// Columns of the sổ đăng ký văn bản đi (Decree 30, Phụ lục IV) and their
// shares of the width; the Số column widens to its longest entry, taking
// from the trích yếu.
var registerCols = []struct {
	title string
	share float64
	align byte
}{
	{"Số, ký hiệu văn bản", 0.10, 'C'},
	{"Ngày tháng văn bản", 0.09, 'C'},
	{"Tên loại và trích yếu nội dung văn bản", 0.24, 'L'},
	{"Người ký", 0.10, 'L'},
	{"Nơi nhận văn bản", 0.16, 'L'},
	{"Đơn vị, người nhận bản lưu", 0.09, 'L'},
	{"Số lượng bản", 0.05, 'C'},
	{"Ngày chuyển", 0.06, 'C'},
	{"Ký nhận", 0.06, 'C'},
	{"Ghi chú", 0.05, 'L'},
}

// book is one register book: the documents of one issuing agency and one
// number series.
type book struct {
	parent, agency string // upper case, one line each
	series         string // the ký hiệu the numbers run under
	volume         int    // Quyển số, from 1 within the agency
	recs           []*model.Record
}

// books splits the year's documents into register books: one per issuing
// agency (cơ quan chủ quản and ban hành, the office's own for a record that
// names none) and, within it, one per number series (decree.SeriesKey), since
// each series runs from 01 on its own. Agencies come in the order of their
// first document, series in the order of the kinds (model.Kinds), then by
// ký hiệu; records by date, then number.
func books(recs []*model.Record, opt Options) []*book {
	type key struct{ parent, agency, series string }
	byKey := map[key]*book{}
	var agencies []string
	agencyFirst := map[string]int{}
	for _, r := range sortRecords(recs) {
		h := decree.Of(r, opt.headerOptions())
		k := key{strings.Join(h.AgencyParent, " "), strings.Join(h.Agency, " "), decree.SeriesKey(r.Sign)}
		b := byKey[k]
		if b == nil {
			b = &book{parent: k.parent, agency: k.agency, series: k.series}
			byKey[k] = b
			ak := k.parent + "\x00" + k.agency
			if _, ok := agencyFirst[ak]; !ok {
				agencyFirst[ak] = len(agencies)
				agencies = append(agencies, ak)
			}
		}
		b.recs = append(b.recs, r)
	}
	out := slices.Collect(maps.Values(byKey))
	kindRank := func(b *book) int {
		i := slices.IndexFunc(model.Kinds, func(k model.KindInfo) bool { return k.Key == b.recs[0].Kind })
		return i
	}
	slices.SortFunc(out, func(a, b *book) int {
		return cmp.Or(
			cmp.Compare(agencyFirst[a.parent+"\x00"+a.agency], agencyFirst[b.parent+"\x00"+b.agency]),
			cmp.Compare(kindRank(a), kindRank(b)),
			strings.Compare(a.series, b.series))
	})
	vol := map[string]int{}
	for _, b := range out {
		ak := b.parent + "\x00" + b.agency
		vol[ak]++
		b.volume = vol[ak]
	}
	return out
}

// Register writes the register of outgoing documents (sổ đăng ký văn bản
// đi, Phụ lục IV) of year as one file of books, one per issuing agency and
// number series, each starting on its own cover (agency, year, date range,
// number range, Quyển số) and followed by a landscape table with the ten
// columns, their numbers (1)…(10) under the titles, both repeated on every
// page. Pages are numbered within each book.
func Register(w io.Writer, year int, recs []*model.Record, opt Options) (Result, error) {
	e := newEngine(opt, true)
	bs := books(recs, opt)
	if len(bs) == 0 {
		parent := strings.ToUpper(oneLine(opt.AgencyParent))
		agency := strings.ToUpper(oneLine(opt.Agency))
		e.registerCover(&book{parent: parent, agency: agency}, year)
	}
	for _, b := range bs {
		first := len(e.pages)
		e.registerCover(b, year)
		e.registerTable(b, year)
		e.numberPagesFrom(first, regLeft, e.pageW-regLeft-regRight, regTop)
	}
	return e.render(w, meta{
		title:    "Sổ đăng ký văn bản đi năm " + strconv.Itoa(year),
		author:   cmp.Or(firstBookAgency(bs), strings.TrimSpace(oneLine(opt.Agency))),
		subject:  "Sổ đăng ký văn bản đi",
		keywords: "sổ đăng ký văn bản đi, " + strconv.Itoa(year),
		date:     latest(recs),
	})
}

func firstBookAgency(bs []*book) string {
	if len(bs) == 0 {
		return ""
	}
	return bs[0].agency
}

// registerCover draws a book's cover page.
func (e *engine) registerCover(b *book, year int) {
	left, right := regLeft, e.pageW-regRight
	cx := (left + right) / 2
	cover := e.newPage()
	y := 30.0
	for _, ln := range []struct {
		s string
		f face
	}{{b.parent, regular}, {b.agency, bold}} {
		if ln.s != "" {
			cover.ops = append(cover.ops, e.centredOp(ln.s, ln.f, 14, cx, y))
			y += 7
		}
	}
	if b.agency != "" {
		w := e.width(e.clean(b.agency), bold, 14)
		rw := shortRule(w, 20)
		ry := y - 7 + ruleDrop(14)
		cover.ops = append(cover.ops, lineOp(cx-rw/2, ry, cx+rw/2, ry, ruleW))
	}
	cy := 85.0
	cover.ops = append(cover.ops, e.centredOp("SỔ ĐĂNG KÝ VĂN BẢN ĐI", bold, 26, cx, cy))
	var lines []string
	if b.series != "" {
		lines = append(lines, "Văn bản ký hiệu "+b.series+" ("+seriesKinds(b.recs)+")")
	}
	lines = append(lines, "Năm: "+strconv.Itoa(year))
	if len(b.recs) > 0 {
		lines = append(lines, "Từ ngày "+dateOrBlank(b.recs[0].Date)+" đến ngày "+dateOrBlank(b.recs[len(b.recs)-1].Date))
		if lo, hi, ok := numberRange(b.recs); ok {
			lines = append(lines, "Từ số "+lo+" đến số "+hi)
		}
		lines = append(lines, "Quyển số: "+decree.PadNumber(strconv.Itoa(b.volume)))
		lines = append(lines, "Số văn bản: "+strconv.Itoa(len(b.recs)))
	} else {
		lines = append(lines, "Không có văn bản nào được đăng ký trong năm")
	}
	for i, s := range lines {
		cover.ops = append(cover.ops, e.centredOp(s, regular, 15, cx, cy+18+float64(i)*9))
	}
}

// seriesKinds names the kinds of a book's documents: "Thông báo".
func seriesKinds(recs []*model.Record) string {
	var names []string
	for _, r := range recs {
		if n := r.Kind.Label(); !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// registerTable lays out a book's table on the pages after its cover.
func (e *engine) registerTable(b *book, year int) {
	left, right := regLeft, e.pageW-regRight
	tw := right - left
	fl := e.newFlow(regTop, e.pageH-regBottom)
	head := "SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM " + strconv.Itoa(year)
	title := e.para(e.plain(head, bold), left, tw, 0, lineHeight(13, 1.2), 13, 'C', 0)
	sub := []string{b.agency}
	if b.series != "" {
		sub = append(sub, "ký hiệu "+b.series)
	}
	sub = append(sub, "quyển số "+decree.PadNumber(strconv.Itoa(b.volume)))
	title = append(title, e.para(e.plain(strings.Join(nonEmpty(sub...), " – "), italic), left, tw, 0, lineHeight(11, 1.2), 11, 'C', 0)...)

	widths := make([]float64, len(registerCols))
	aligns := make([]byte, len(registerCols))
	header := make([][]span, len(registerCols))
	numbers := make([][]span, len(registerCols))
	centre := make([]byte, len(registerCols))
	for j, c := range registerCols {
		header[j] = e.plain(c.title, bold)
		numbers[j] = e.plain("("+strconv.Itoa(j+1)+")", italic)
		widths[j], aligns[j], centre[j] = c.share, c.align, 'C'
	}
	rows := [][][]span{header}
	numW := 0.0
	for _, r := range b.recs {
		ns := decree.NumberSign(r.Number, r.Sign)
		numW = max(numW, e.width(e.clean(ns), regular, rsCell))
		summary := e.plain(strings.TrimSpace(r.Summary), regular)
		kind := e.plain(r.Kind.Label(), bold)
		if len(summary) > 0 {
			kind = append(kind, span{" ", regular})
		}
		sent, kept := splitRecipients(r.Recipients)
		rows = append(rows, [][]span{
			e.plain(ns, regular),
			e.plain(dateOrBlank(r.Date), regular),
			append(kind, summary...),
			e.plain(r.SignerName, regular),
			e.plain(sent, regular),
			e.plain(kept, regular),
			nil, nil, nil,
			e.plain(strings.TrimSpace(r.Urgency), regular),
		})
	}
	// The Số column holds its longest "05/UBND-VX" on one line.
	if need := (numW + 2*cellPadX + 1) / tw; need > widths[0] {
		need = min(need, 0.2)
		widths[2] -= need - widths[0]
		widths[0] = need
	}
	g := e.grid(rows, widths, true, left, tw, rsCell, aligns, 4)
	nums := e.grid([][][]span{numbers}, widths, false, left, tw, rsCell, centre, 0)
	hd := block([]unit{g[0], nums[0]})
	hd.keep, hd.before = true, g[0].before
	units := append(keepAll(title), hd)
	fl.place(append(units, g[1:]...))
}

// NewsList writes "Các tin đã đăng": the published news items dated from
// from to to (inclusive), in date order, as a landscape table whose header
// row repeats on every page.
func NewsList(w io.Writer, from, to time.Time, recs []*model.Record, opt Options) (Result, error) {
	e := newEngine(opt, true)
	recs = sortRecords(recs)
	left, right := regLeft, e.pageW-regRight
	tw := right - left
	fl := e.newFlow(regTop, e.pageH-regBottom)
	var us []unit
	if p := cmp.Or(strings.TrimSpace(opt.PortalName), strings.TrimSpace(opt.Agency)); p != "" {
		us = append(us, e.para(e.plain(strings.ToUpper(p), bold), left, tw, 0, lineHeight(12, 1.2), 12, 'C', 0)...)
	}
	us = append(us, e.para(e.plain("CÁC TIN ĐÃ ĐĂNG", bold), left, tw, 0, lineHeight(16, 1.2), 16, 'C', 3)...)
	us = append(us, e.para(e.plain(rangeText(from, to), italic), left, tw, 0, lineHeight(13, 1.2), 13, 'C', 0)...)
	us = append(us, e.para(e.plain("Tổng số: "+strconv.Itoa(len(recs))+" tin", regular), left, tw, 0, lineHeight(12, 1.2), 12, 'C', 0)...)
	us = keepAll(us)
	if len(recs) > 0 {
		rows := [][][]span{{
			e.plain("STT", bold), e.plain("Ngày đăng", bold), e.plain("Tiêu đề", bold),
			e.plain("Chuyên mục", bold), e.plain("Tác giả", bold), e.plain("Địa chỉ trên cổng", bold),
		}}
		for i, r := range recs {
			rows = append(rows, [][]span{
				e.plain(strconv.Itoa(i+1), regular), e.plain(dateOrBlank(r.Date), regular),
				e.plain(cmp.Or(strings.TrimSpace(r.Title), strings.TrimSpace(r.Summary)), regular), e.plain(r.Category, regular),
				e.plain(cmp.Or(strings.TrimSpace(r.Author), model.DefaultAuthor), regular), e.plain(r.URL, regular),
			})
		}
		widths := []float64{0.05, 0.09, 0.40, 0.14, 0.12, 0.20}
		aligns := []byte{'C', 'C', 'L', 'L', 'L', 'L'}
		us = append(us, e.grid(rows, widths, true, left, tw, rsCell, aligns, 5)...)
	}
	fl.place(us)
	e.numberPages(left, tw, regTop)
	return e.render(w, meta{
		title:    "Các tin đã đăng " + rangeText(from, to),
		author:   cmp.Or(strings.TrimSpace(opt.PortalName), strings.TrimSpace(opt.Agency)),
		subject:  "Các tin đã đăng",
		keywords: "tin bài, các tin đã đăng",
		date:     latest(recs),
	})
}

// rangeText is "Từ ngày 01/01/2024 đến ngày 31/12/2024" (open ends left out).
func rangeText(from, to time.Time) string {
	switch {
	case from.IsZero() && to.IsZero():
		return "Tất cả các ngày"
	case from.IsZero():
		return "Đến ngày " + vntext.ListDate(to)
	case to.IsZero():
		return "Từ ngày " + vntext.ListDate(from)
	}
	return "Từ ngày " + vntext.ListDate(from) + " đến ngày " + vntext.ListDate(to)
}

// centredOp is single-line text centred on cx at baseline y.
func (e *engine) centredOp(s string, f face, size, cx, y float64) op {
	s = e.clean(s)
	w := e.width(s, f, size)
	return op{kind: opText, x: cx - w/2, y: y, w: w, text: s, face: f, size: size}
}

// numberPages centres the page number in the top margin of every page but
// the first.
func (e *engine) numberPages(left, tw, top float64) { e.numberPagesFrom(0, left, tw, top) }

// numberPagesFrom numbers the pages from index first on as one document
// (a register book): its first page has no number, the next is 2.
func (e *engine) numberPagesFrom(first int, left, tw, top float64) {
	for i := first + 1; i < len(e.pages); i++ {
		p := e.pages[i]
		p.ops = append(p.ops, e.centredOp(itoa(i-first+1), regular, szPageNo, left+tw/2, top/2+0.35*szPageNo*ptMM))
	}
}

// sortRecords returns recs by date, then number, then id.
func sortRecords(recs []*model.Record) []*model.Record {
	out := slices.Clone(recs)
	slices.SortStableFunc(out, func(a, b *model.Record) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		na, ea := strconv.Atoi(strings.TrimSpace(a.Number))
		nb, eb := strconv.Atoi(strings.TrimSpace(b.Number))
		if ea == nil && eb == nil && na != nb {
			return cmp.Compare(na, nb)
		}
		return cmp.Or(strings.Compare(a.Number, b.Number), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// numberRange is the lowest and highest numeric số among recs, written the
// Decree-30 way ("01").
func numberRange(recs []*model.Record) (lo, hi string, ok bool) {
	least, most := 0, 0
	for _, r := range recs {
		n, err := strconv.Atoi(strings.TrimSpace(r.Number))
		if err != nil {
			continue
		}
		if !ok || n < least {
			least, lo = n, decree.PadNumber(r.Number)
		}
		if !ok || n > most {
			most, hi = n, decree.PadNumber(r.Number)
		}
		ok = true
	}
	return lo, hi, ok
}

// splitRecipients separates the Nơi nhận lines into the recipients and the
// archive line's holders ("Lưu: VT, HCTC." → "VT, HCTC").
func splitRecipients(lines []string) (sent, kept string) {
	var out []string
	for _, l := range lines {
		l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "-–+• "))
		l = strings.TrimRight(l, ";,. ")
		if l == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(l, "Lưu"); ok {
			kept = strings.TrimSpace(strings.TrimLeft(rest, ": "))
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "; "), kept
}

// dateOrBlank is the list form of t, or "" for no date.
func dateOrBlank(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return vntext.ListDate(t)
}

// latest is the newest Updated time among recs (the register's date).
func latest(recs []*model.Record) time.Time {
	var t time.Time
	for _, r := range recs {
		if r.Updated.After(t) {
			t = r.Updated
		}
	}
	return t
}
