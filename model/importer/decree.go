package importer

import (
	"slices"
	"strings"
	"time"

	"bientap/model"
	"bientap/model/doc"
)

// This file recognises an administrative document (văn bản hành chính) in
// the blocks of a Word file, the way Word templates for Decree 30 lay it
// out: the header (cơ quan, Số/ký hiệu, Quốc hiệu, Tiêu ngữ, place and
// date, urgency, a công văn's "V/v …") in a two-column table, with tab
// stops, or in stacked paragraphs; the tên loại and trích yếu; Kính gửi;
// the body; the Nơi nhận and signer block in a borderless table, with tab
// stops, or in paragraphs. Paragraph styles that name the parts (those of
// the files Biên Tập writes, and of templates that name them alike) are
// taken at their word.

// decreeDoc is what was recognised of a document.
type decreeDoc struct {
	kind    model.Kind
	kindWhy string // how the kind was found, for the report
	guessed []string

	number, sign   string
	parent, agency []string
	place          string
	date           time.Time
	dated          bool
	urgency        string
	summary        []string // trích yếu, one entry per paragraph
	summaryCV      bool     // "V/v …" under the number
	to             []string
	signer         []string // quyền hạn and chức vụ lines
	authority      int      // how many of signer's lines are the quyền hạn, by their styles; -1: not said
	signerName     string
	recipients     []string

	body     []dblock // the body's blocks, header and footer left out
	read     []string // header and footer lines read into fields (or printed again by the layout)
	dropped  []string // pieces left out (rules, placeholders, signature pictures)
	dispatch bool     // the body opens with a công điện's "… điện:" line
}

// headerEvidence reports whether lines hold the header of a Decree-30
// document: the Quốc hiệu or Tiêu ngữ, or a number line with a place/date.
func headerEvidence(ls []line) bool {
	var number, date bool
	for _, l := range ls {
		switch classify(l) {
		case lkQuocHieu, lkTieuNgu:
			return true
		case lkNumber:
			number = true
		case lkPlaceDate:
			date = true
		}
	}
	return number && date
}

// headerKinds are the lines a header zone holds.
var headerKinds = []lineKind{lkEmpty, lkRule, lkQuocHieu, lkTieuNgu, lkNumber, lkPlaceDate, lkUrgency,
	lkSecrecy, lkVv, lkUpper}

// recogniseDecree looks for a Decree-30 document in bs. With forced (the
// clerk chose a document kind), the parts are looked for even without a
// header. It returns nil when bs is not laid out as a document.
func recogniseDecree(bs []dblock, forced model.Kind) *decreeDoc {
	d := &decreeDoc{}
	var head []line
	i := 0
	vvOpen := false // the last header line was a V/v or its continuation
	for i < len(bs) && i < 60 {
		b := bs[i]
		if b.cellImage {
			i++
			continue
		}
		ls := linesOf(b, i)
		if b.Kind == doc.Table {
			if b.rows == nil || !headerEvidence(ls) && !hasHeaderPart(ls) {
				break
			}
			head = append(head, ls...)
			i++
			continue
		}
		if b.Kind == doc.Image {
			break
		}
		ok := len(ls) > 0
		for _, l := range ls {
			k := classify(l)
			switch {
			case slices.Contains(headerKinds, k):
				vvOpen = k == lkVv
			case vvOpen && k == lkOther && l.align != "both" && wordCount(l.text, 20) <= 20:
				// a V/v continued on the next line
			default:
				ok = false
			}
		}
		if !ok {
			break
		}
		head = append(head, ls...)
		i++
	}
	if !headerEvidence(head) && !hasHeaderPart(head) {
		if forced == "" || !forced.IsDocument() {
			return nil
		}
		head, i = nil, 0
	}
	d.readHeader(head)

	// Tên loại, trích yếu, Kính gửi.
	i = d.readTitle(bs, i)
	i = d.readKinhGui(bs, i)

	// The footer from the end, then the body between.
	end := d.readFooter(bs, i)
	d.body = slices.Clone(bs[i:end])
	d.readDispatch()
	d.decideKind(forced)
	return d
}

// hasHeaderPart reports whether a line's style names a header part (a file
// written from a template whose styles say what each line is).
func hasHeaderPart(ls []line) bool {
	for _, l := range ls {
		switch l.part {
		case partQuocHieu, partNumber, partPlaceDate, partAgency, partParent:
			return true
		}
	}
	return false
}

// readHeader fills the header fields from its lines.
func (d *decreeDoc) readHeader(head []line) {
	var upper []line // agency lines, in order
	numberSeen := false
	vv := -1 // index in d.summary continuation: the V/v is open
	for _, l := range head {
		k := classify(l)
		if k != lkOther {
			vv = -1
		}
		switch k {
		case lkNumber, lkPlaceDate, lkUrgency, lkRule, lkQuocHieu, lkTieuNgu:
			d.read = append(d.read, l.text)
		}
		switch k {
		case lkNumber:
			d.number, d.sign, _ = parseNumberLine(l.text)
			numberSeen = true
		case lkPlaceDate:
			d.place, d.date, d.dated, _ = parsePlaceDate(l.text)
		case lkUrgency:
			d.urgency = urgencies[foldWords(l.text)]
			if d.urgency == "" { // named by its style only
				d.urgency = strings.ToUpper(l.text)
			}
		case lkSecrecy:
			d.dropped = append(d.dropped, l.text)
		case lkVv:
			d.summary = append(d.summary, l.text)
			d.summaryCV = true
			vv = len(d.summary) - 1
		case lkRule, lkEmpty, lkQuocHieu, lkTieuNgu:
		case lkUpper:
			if l.col != 1 && !numberSeen || l.part == partParent || l.part == partAgency {
				upper = append(upper, l)
			} else {
				d.dropped = append(d.dropped, l.text)
			}
		case lkOther:
			if vv >= 0 && l.part == partSummaryCV {
				d.summary = append(d.summary, l.text) // another typed line
				continue
			}
			if vv >= 0 {
				d.summary[vv] += " " + l.text
				continue
			}
			d.dropped = append(d.dropped, l.text)
		default:
			d.dropped = append(d.dropped, l.text)
		}
	}
	d.splitAgency(upper)
}

// splitAgency tells the cơ quan chủ quản from the cơ quan ban hành: by
// their styles when they name them; else the lines before the first bold
// one are the chủ quản (Decree 30 sets it upright, the issuer bold); with
// no bold to go by, two lines or more are chủ quản then issuer.
func (d *decreeDoc) splitAgency(ls []line) {
	if len(ls) == 0 {
		return
	}
	styled := false
	for _, l := range ls {
		switch l.part {
		case partParent:
			d.parent = append(d.parent, l.text)
			styled = true
		case partAgency:
			d.agency = append(d.agency, l.text)
			styled = true
		}
	}
	if styled {
		return
	}
	firstBold := slices.IndexFunc(ls, line.bold)
	allBold := !slices.ContainsFunc(ls, func(l line) bool { return !l.bold() })
	switch {
	case firstBold > 0:
		for _, l := range ls[:firstBold] {
			d.parent = append(d.parent, l.text)
		}
		ls = ls[firstBold:]
	case firstBold < 0 && len(ls) >= 2:
		d.parent = append(d.parent, ls[0].text)
		ls = ls[1:]
		d.guessed = append(d.guessed, "cơ quan chủ quản là dòng đầu (không có chữ đậm để phân biệt)")
	case allBold:
	}
	for _, l := range ls {
		d.agency = append(d.agency, l.text)
	}
}

// readTitle reads the tên loại and the trích yếu from block i on.
func (d *decreeDoc) readTitle(bs []dblock, i int) int {
	i = skipRules(bs, i)
	if i >= len(bs) {
		return i
	}
	ls := linesOf(bs[i], i)
	if len(ls) != 1 || classify(ls[0]) != lkKind {
		return i
	}
	k := kindOfLine(ls[0].text)
	if k == "" { // named by its style only
		k = kindNames[foldWords(ls[0].text)]
	}
	if k != "" {
		d.kind, d.kindWhy = k, "dòng tên loại «"+ls[0].text+"»"
	}
	d.read = append(d.read, ls[0].text)
	i++
	var first *line
	for i < len(bs) {
		b := bs[i]
		if b.Kind == doc.Image || b.Kind == doc.Table {
			break
		}
		ls := linesOf(b, i)
		if len(ls) != 1 {
			break
		}
		l := ls[0]
		k := classify(l)
		if k == lkRule || k == lkEmpty {
			i++
			if first != nil {
				break // the rule under the trích yếu ends it
			}
			continue
		}
		if !d.summaryLine(l, first) {
			break
		}
		if first != nil && l.part != partSummary && len(d.summary) > 0 {
			d.summary[len(d.summary)-1] += " " + l.text // the line wrapped by hand
		} else {
			d.summary = append(d.summary, l.text)
		}
		if first == nil {
			first = &l
		}
		i++
	}
	return i
}

// summaryLine reports whether l continues the trích yếu (first is its first
// line, nil before it).
func (d *decreeDoc) summaryLine(l line, first *line) bool {
	if l.part == partSummary {
		return true
	}
	if l.part != partNone {
		return false
	}
	f := foldWords(l.text)
	switch {
	case classify(l) != lkOther && classify(l) != lkVv && classify(l) != lkUpper:
		return false
	case strings.HasPrefix(f, "can cu") || strings.HasPrefix(f, "xet ") || strings.HasPrefix(f, "theo de nghi"):
		return false
	case strings.HasSuffix(strings.TrimSpace(l.text), ":"): // "… điện:", "QUYẾT ĐỊNH:"
		return false
	case isUpperText(l.text) && first != nil: // the issuing authority of a decision
		return false
	case isUpperText(l.text) && classify(l) == lkUpper && wordCount(l.text, 30) > 3 && d.kind != "":
		// a trích yếu in capitals is rare; an authority line is not one
		return !isPositionLine(l.text)
	case wordCount(l.text, 60) > 50:
		return false
	}
	if first == nil {
		return l.align == "center" || l.bold()
	}
	return l.align == first.align && l.bold() == first.bold()
}

// readKinhGui reads "Kính gửi:" and its addressees from block i on: one on
// the same line, or several on the lines after ("- …;"), or in a table whose
// first cell holds the label.
func (d *decreeDoc) readKinhGui(bs []dblock, i int) int {
	i = skipRules(bs, i)
	if i >= len(bs) {
		return i
	}
	b := bs[i]
	if b.Kind == doc.Table && b.rows != nil && len(b.rows) > 0 && len(b.rows[0]) >= 2 {
		var label []line
		for _, cb := range b.rows[0][0] {
			label = append(label, linesOf(cb, i)...)
		}
		if len(label) == 0 || classify(label[0]) != lkKinhGui {
			return i
		}
		for _, l := range label {
			d.read = append(d.read, l.text)
			d.addAddressees(afterLabel(l.text))
		}
		for _, row := range b.rows {
			for _, cell := range row[1:] {
				for _, cb := range cell {
					for _, l := range linesOf(cb, i) {
						d.addAddressees(l.text)
					}
				}
			}
		}
		return i + 1
	}
	ls := linesOf(b, i)
	if len(ls) == 0 || classify(ls[0]) != lkKinhGui {
		return i
	}
	var rest []string
	for _, l := range ls {
		rest = append(rest, l.text)
	}
	d.read = append(d.read, strings.Join(rest, " "))
	first := afterLabel(strings.Join(rest, " "))
	d.addAddressees(first)
	i++
	if strings.HasSuffix(first, ".") { // one addressee, on the label's line
		return i
	}
	for i < len(bs) {
		ls := linesOf(bs[i], i)
		if len(ls) == 0 || bs[i].Kind != doc.Paragraph && bs[i].Kind != doc.Centered {
			break
		}
		t := strings.Join(textsOf(ls), " ")
		if !isListLine(t) && ls[0].part != partKinhGui || wordCount(t, 40) > 35 {
			break
		}
		d.addAddressees(t)
		i++
		if strings.HasSuffix(t, ".") { // the last addressee
			break
		}
	}
	return i
}

// afterLabel is what follows "Kính gửi" (and its colon) on its line.
func afterLabel(t string) string {
	t = strings.TrimSpace(t)
	n := len([]rune("Kính gửi"))
	rs := []rune(t)
	if len(rs) < n {
		return ""
	}
	return strings.TrimLeft(string(rs[n:]), " :\u00a0")
}

// addAddressees adds the names of a Kính gửi line: "Sở Y tế.", "- Sở A;",
// or several on one line "- Sở A; - Sở B.".
func (d *decreeDoc) addAddressees(t string) {
	t = strings.TrimSpace(t)
	if t == "" {
		return
	}
	var items []string
	if strings.Count(t, "; -") > 0 || strings.Count(t, ";-") > 0 {
		for _, p := range strings.Split(strings.ReplaceAll(t, ";-", "; -"), "; -") {
			items = append(items, p)
		}
	} else {
		items = []string{t}
	}
	for _, it := range items {
		if n := cleanAddressee(it); n != "" {
			d.to = append(d.to, n)
		}
	}
}

func textsOf(ls []line) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.text
	}
	return out
}

// skipRules passes over rules and empty lines.
func skipRules(bs []dblock, i int) int {
	for i < len(bs) {
		ls := linesOf(bs[i], i)
		if len(ls) != 1 || bs[i].Kind == doc.Table {
			return i
		}
		if k := classify(ls[0]); k != lkRule && k != lkEmpty {
			return i
		}
		i++
	}
	return i
}

// readDispatch reads a công điện's addressing: the body opens with "… điện:"
// and the addressees follow it one per line ("- …;"). The line stays in the
// body as plain text (the layout sets it centred and bold); the addressees
// go to the Kính gửi list.
func (d *decreeDoc) readDispatch() {
	if len(d.body) == 0 || d.kind != model.KindCongDien && d.kind != "" {
		return
	}
	b := d.body[0]
	if b.Kind == doc.Image || b.Kind == doc.Table {
		return
	}
	t := oneSpace(doc.PlainText(untab(b.Runs)))
	if !strings.HasSuffix(strings.ToLower(t), "điện:") {
		return
	}
	d.dispatch = true
	d.body[0] = dblock{Block: doc.Block{Kind: doc.Paragraph, Runs: []doc.Run{{Text: t}}}}
	n := 1
	for n < len(d.body) {
		b := d.body[n]
		if b.Kind != doc.Paragraph && b.Kind != doc.Centered {
			break
		}
		t := oneSpace(doc.PlainText(untab(b.Runs)))
		if !isListLine(t) || wordCount(t, 40) > 35 {
			break
		}
		d.addAddressees(t)
		n++
		if strings.HasSuffix(t, ".") { // the last addressee
			break
		}
	}
	d.body = append(d.body[:1], d.body[n:]...)
}

// decideKind settles the kind: the tên loại line, else the ký hiệu, else
// a "V/v" makes a công văn; the clerk's choice wins over all of them.
func (d *decreeDoc) decideKind(forced model.Kind) {
	if d.kind == "" && d.sign != "" {
		if k, abbr, ok := kindOfSign(d.sign); ok {
			d.kind = k
			if k == model.KindCongVan {
				d.kindWhy = "ký hiệu «" + d.sign + "» (không có tên loại)"
			} else {
				d.kindWhy = "chữ viết tắt «" + abbr + "» trong ký hiệu"
			}
			d.guessed = append(d.guessed, "loại văn bản theo "+d.kindWhy)
		}
	}
	if d.kind == "" && d.summaryCV {
		d.kind, d.kindWhy = model.KindCongVan, "dòng «V/v …» dưới số"
		d.guessed = append(d.guessed, "loại văn bản là công văn theo dòng «V/v …»")
	}
	if d.kind == "" {
		d.kind, d.kindWhy = model.KindCongVan, "không có tên loại, không có ký hiệu"
		d.guessed = append(d.guessed, "không thấy tên loại hay ký hiệu; tạm coi là công văn")
	}
	if forced != "" && forced.IsDocument() && forced != d.kind {
		d.guessed = append(d.guessed, "văn bản ghi là "+d.kind.Label()+" nhưng đã nhập theo loại được chọn: "+forced.Label())
		d.kind, d.kindWhy = forced, "loại được chọn khi nhập"
	}
}
