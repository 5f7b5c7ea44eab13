package pdf

import (
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"bientap/model"
	"bientap/model/vntext"
)

// Register geometry (landscape A4, mm) and sizes (pt).
const (
	regTop, regBottom, regLeft, regRight = 15.0, 15.0, 25.0, 15.0
	rsCell                               = 11.0
)

// Columns of the sổ đăng ký văn bản đi (Decree 30, Phụ lục IV) and their
// shares of the width.
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

// Register writes the register of outgoing documents (sổ đăng ký văn bản
// đi) of year: a cover with the year, the date range and the number range,
// then a landscape table with the Phụ lục IV columns whose header row repeats
// on every page. Records are listed by date, then number.
func Register(w io.Writer, year int, recs []*model.Record, opt Options) (Result, error) {
	e := newEngine(opt, true)
	recs = sortRecords(recs)
	left, right := regLeft, e.pageW-regRight
	tw := right - left

	// Cover.
	cover := e.newPage()
	agencyParent := firstNonEmpty(opt.AgencyParent, firstField(recs, func(r *model.Record) string { return r.AgencyParent }))
	agency := firstNonEmpty(opt.Agency, firstField(recs, func(r *model.Record) string { return r.Agency }))
	y := 30.0
	for _, ln := range []struct {
		s string
		f face
	}{{agencyParent, regular}, {agency, bold}} {
		if s := strings.ToUpper(strings.TrimSpace(oneLine(ln.s))); s != "" {
			cover.ops = append(cover.ops, e.centredOp(s, ln.f, 14, left+tw/2, y))
			y += 7
		}
	}
	cy := 85.0
	cover.ops = append(cover.ops, e.centredOp("SỔ ĐĂNG KÝ VĂN BẢN ĐI", bold, 26, left+tw/2, cy))
	lines := []string{"Năm: " + strconv.Itoa(year)}
	if len(recs) > 0 {
		lines = append(lines, "Từ ngày "+vntext.ListDate(recs[0].Date)+" đến ngày "+vntext.ListDate(recs[len(recs)-1].Date))
		if lo, hi, ok := numberRange(recs); ok {
			lines = append(lines, "Từ số "+lo+" đến số "+hi)
		}
		lines = append(lines, "Số văn bản: "+strconv.Itoa(len(recs)))
	} else {
		lines = append(lines, "Không có văn bản nào được đăng ký trong năm")
	}
	for i, s := range lines {
		cover.ops = append(cover.ops, e.centredOp(s, regular, 15, left+tw/2, cy+18+float64(i)*9))
	}

	// Table.
	if len(recs) > 0 {
		fl := e.newFlow(regTop, e.pageH-regBottom)
		title := e.para(e.plain("SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM "+strconv.Itoa(year), bold), left, tw, 0, lineHeight(13, 1.2), 13, 'C', 0)
		rows := [][][]span{nil}
		widths := make([]float64, len(registerCols))
		aligns := make([]byte, len(registerCols))
		for j, c := range registerCols {
			rows[0] = append(rows[0], e.plain(c.title, bold))
			widths[j], aligns[j] = c.share, c.align
		}
		for _, r := range recs {
			summary := e.plain(strings.TrimSpace(r.Summary), regular)
			kind := e.plain(r.Kind.Label(), bold)
			if len(summary) > 0 {
				kind = append(kind, span{" ", regular})
			}
			sent, kept := splitRecipients(r.Recipients)
			rows = append(rows, [][]span{
				e.plain(numberSign(r), regular),
				e.plain(dateOrBlank(r.Date), regular),
				append(kind, summary...),
				e.plain(r.SignerName, regular),
				e.plain(sent, regular),
				e.plain(kept, regular),
				nil, nil, nil,
				e.plain(strings.TrimSpace(r.Urgency), regular),
			})
		}
		g := e.grid(rows, widths, true, left, tw, rsCell, aligns, 4)
		us := append(keepAll(title), g...)
		fl.place(us)
	}
	e.numberPages(left, tw, regTop)
	return e.render(w, meta{
		title:    "Sổ đăng ký văn bản đi năm " + strconv.Itoa(year),
		author:   oneLine(agency),
		subject:  "Sổ đăng ký văn bản đi",
		keywords: "sổ đăng ký văn bản đi, " + strconv.Itoa(year),
		date:     latest(recs),
	})
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
	if p := strings.TrimSpace(firstNonEmpty(opt.PortalName, opt.Agency)); p != "" {
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
				e.plain(firstNonEmpty(r.Title, r.Summary), regular), e.plain(r.Category, regular),
				e.plain(firstNonEmpty(r.Author, model.DefaultAuthor), regular), e.plain(r.URL, regular),
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
		author:   strings.TrimSpace(firstNonEmpty(opt.PortalName, opt.Agency)),
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
func (e *engine) numberPages(left, tw, top float64) {
	for i, p := range e.pages {
		if i == 0 {
			continue
		}
		p.ops = append(p.ops, e.centredOp(itoa(i+1), regular, szPageNo, left+tw/2, top/2+0.35*szPageNo*ptMM))
	}
}

// sortRecords returns recs by date, then number, then id.
func sortRecords(recs []*model.Record) []*model.Record {
	out := append([]*model.Record(nil), recs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		na, ea := strconv.Atoi(a.Number)
		nb, eb := strconv.Atoi(b.Number)
		if ea == nil && eb == nil && na != nb {
			return na < nb
		}
		if a.Number != b.Number {
			return a.Number < b.Number
		}
		return a.ID < b.ID
	})
	return out
}

// numberRange is the lowest and highest numeric số among recs, as written.
func numberRange(recs []*model.Record) (lo, hi string, ok bool) {
	min, max := 0, 0
	for _, r := range recs {
		n, err := strconv.Atoi(strings.TrimSpace(r.Number))
		if err != nil {
			continue
		}
		if !ok || n < min {
			min, lo = n, strings.TrimSpace(r.Number)
		}
		if !ok || n > max {
			max, hi = n, strings.TrimSpace(r.Number)
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

// firstField returns the first non-blank field f of recs.
func firstField(recs []*model.Record, f func(*model.Record) string) string {
	for _, r := range recs {
		if s := strings.TrimSpace(f(r)); s != "" {
			return s
		}
	}
	return ""
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
