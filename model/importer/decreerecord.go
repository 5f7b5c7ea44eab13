package importer

import (
	"cmp"
	"slices"
	"strings"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
)

// documentRecord builds the record of a recognised administrative document
// and reports what was read from the file and what was guessed.
func (dx *docxDoc) documentRecord(d *decreeDoc, core map[string]string, fileName string, opts Options) *model.Record {
	rep := dx.rep
	r := &model.Record{Kind: d.kind, Status: cmp.Or(opts.Status, model.StatusDraft)}
	r.Number, r.Sign, r.Urgency = d.number, d.sign, d.urgency
	r.AgencyParent = strings.Join(d.parent, "\n")
	r.Agency = strings.Join(d.agency, "\n")
	r.Place = d.place
	r.Category = oneLine(core["category"])
	r.Summary = strings.Join(d.summary, "\n")
	r.To = d.to
	r.Recipients = d.recipients
	r.SignerName = d.signerName
	auth := d.authority
	if auth < 0 {
		auth = authorityLines(d.signer)
	}
	r.SignerAuthority = strings.Join(d.signer[:auth], "\n")
	r.SignerPosition = strings.Join(d.signer[auth:], "\n")

	rep.found("Văn bản hành chính: %s (theo %s)", r.Kind.Label(), d.kindWhy)
	for _, g := range d.guessed {
		rep.guess("%s", g)
	}
	if ns := decree.NumberSign(r.Number, r.Sign); r.Number == "" && ns != "" {
		rep.found("Ký hiệu: %s (số để trống, chưa cấp số)", r.Sign)
	} else if ns != "" {
		rep.found("Số, ký hiệu: %s", ns)
	} else {
		rep.warn("không thấy dòng «Số: …/…»")
	}
	if r.AgencyParent != "" {
		rep.found("Cơ quan chủ quản: %s", oneLine(r.AgencyParent))
	}
	if r.Agency != "" {
		rep.found("Cơ quan ban hành: %s", oneLine(r.Agency))
	} else {
		rep.warn("không thấy tên cơ quan ban hành")
	}
	if r.Urgency != "" {
		rep.found("Độ khẩn: %s", r.Urgency)
	}
	if d.dated {
		r.Date = d.date
		rep.found("Địa danh, ngày: %s, %s", cmp.Or(r.Place, "(không ghi địa danh)"), r.Date.Format("02/01/2006"))
	} else {
		if d.place != "" {
			rep.found("Địa danh: %s (ngày tháng để trống)", d.place)
		}
		r.Date = dx.fileDate(core, opts)
	}
	if r.Summary != "" {
		rep.found("Trích yếu: «%s»", shorten(oneLine(r.Summary), 80))
	} else if r.Kind != model.KindCongVan {
		rep.warn("không thấy trích yếu dưới tên loại")
	}
	if len(r.To) > 0 {
		rep.found("Kính gửi: %d nơi (%s)", len(r.To), shorten(strings.Join(r.To, "; "), 80))
	}
	if r.SignerName != "" || len(d.signer) > 0 {
		rep.found("Người ký: %s", shorten(strings.Join(append(slices.Clone(d.signer), r.SignerName), " / "), 100))
	} else {
		rep.warn("không thấy khối chữ ký (quyền hạn, chức vụ, họ tên người ký)")
	}
	if len(r.Recipients) > 0 {
		rep.found("Nơi nhận: %d dòng", len(r.Recipients))
	}
	for _, t := range d.read {
		rep.drop(t, DropRead) // read into fields, reported above
	}
	for _, t := range d.dropped {
		rep.drop(t, DropHeader)
	}

	// Title: the document's title property when it names the document,
	// else made from the tên loại and the trích yếu.
	if t := core["title"]; usableTitle(t) {
		r.Title = t
		rep.found("Tiêu đề lấy từ thuộc tính Title của tệp")
	} else {
		r.Title = documentTitle(r, fileName)
		rep.guess("tiêu đề ghép từ tên loại và trích yếu: «%s»", shorten(r.Title, 100))
	}

	body := joinCaptions(d.body)
	if dx.softBreaks {
		body = canonicalRoles(r.Kind, body)
	}
	blocks := dx.bodyBlocks(append(body, dx.noteBlocks...))
	var md doc.Document
	for i, b := range blocks {
		b.Line = i + 1
		md.Blocks = append(md.Blocks, b)
	}
	r.Body = md.Markup()
	r.Images = referenced(dx.imgs.images, blocks)
	paras, pics := 0, 0
	for _, b := range blocks {
		if b.Kind == doc.Image {
			pics++
		} else {
			paras++
		}
	}
	rep.found("Nội dung: %d đoạn, %d ảnh", paras, pics)
	if !decree.EndsWithEndMark(doc.Document{Blocks: md.Blocks[:len(md.Blocks)-len(dx.noteBlocks)]}) {
		rep.warn("nội dung chưa có dấu kết thúc «./.» sau câu cuối")
	}
	setTimes(r, core, opts)
	return r
}

// documentTitle makes a title from the tên loại and the trích yếu: a công
// văn is known by its trích yếu ("Tăng cường công tác…"), others by their
// kind and trích yếu ("Kế hoạch tổ chức hội chợ…"); without a trích yếu,
// the kind and the number; without those, the file's name.
func documentTitle(r *model.Record, fileName string) string {
	s := oneLine(r.Summary)
	for _, p := range []string{"V/v", "V/V", "v/v", "Về việc", "về việc"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			s = strings.TrimLeft(rest, " :")
			break
		}
	}
	switch {
	case s != "" && r.Kind == model.KindCongVan:
		return upperFirstRune(s)
	case s != "" && isUpperText(s): // a trích yếu set in capitals stays so
		return r.Kind.Label() + " " + s
	case s != "":
		return r.Kind.Label() + " " + lowerFirstRune(s)
	case decree.NumberSign(r.Number, r.Sign) != "":
		return r.Kind.Label() + " số " + decree.NumberSign(r.Number, r.Sign)
	}
	return cmp.Or(fileTitle(fileName), r.Kind.Label())
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// canonicalRoles undoes, in a file Biên Tập wrote, the formatting that the
// body's roles (decree.Roles) put there and that every output puts there
// again: the bold of "Điều 1." and of headings, the italic of a legal
// basis. A level-1 heading and a centred bold line share a style; which one
// a paragraph was is told by its role, as is a level-2 heading from a bold
// section line. What is left is the body as the clerk typed it.
func canonicalRoles(kind model.Kind, bs []dblock) []dblock {
	out := slices.Clone(bs)
	plain := func(i int) {
		out[i].Kind, out[i].Level = doc.Paragraph, 0
	}
	// First pass: the paragraphs as paragraphs, to learn their roles.
	trial := func() []decree.Style {
		var d doc.Document
		for _, b := range out {
			d.Blocks = append(d.Blocks, b.Block)
		}
		return decree.Roles(kind, d)
	}
	for i, b := range out {
		switch b.part {
		case partBody, partBasis, partArticle, partCentreBold, partBold:
			plain(i)
			out[i].Runs = untab(b.Runs)
		}
	}
	roles := trial()
	for i, b := range out {
		switch b.part {
		case partCentreBold:
			if !roles[i].Role.Centred() {
				out[i].Kind, out[i].Level, out[i].Runs = doc.Heading, 1, unbold(b.Runs)
			}
		case partBold:
			if r := roles[i].Role; r != decree.Section && r != decree.ClauseTitle {
				out[i].Kind, out[i].Level, out[i].Runs = doc.Heading, 2, unbold(b.Runs)
			}
		}
	}
	// Second pass: take off what the roles add.
	roles = trial()
	for i, b := range out {
		if b.Kind != doc.Paragraph || b.part == partNone {
			continue
		}
		st := roles[i]
		runs := b.Runs
		if st.Role.Bold() && allBold(runs) {
			runs = unbold(runs)
		}
		if st.Role.Italic() && allItalic(runs) {
			runs = unitalic(runs)
		}
		if st.Role == decree.Article {
			runs = unboldPrefix(runs, st.Label)
		}
		out[i].Runs = runs
	}
	return out
}

// unitalic sets runs upright.
func unitalic(runs []doc.Run) []doc.Run {
	out := make([]doc.Run, len(runs))
	for i, r := range runs {
		r.Italic = false
		out[i] = r
	}
	return trimRuns(out)
}

// unboldPrefix takes the bold off the text of runs up to the length of
// label when that text, bold, is the label ("Điều 1.").
func unboldPrefix(runs []doc.Run, label string) []doc.Run {
	if !strings.HasPrefix(doc.PlainText(runs), label) {
		return runs
	}
	var out []doc.Run
	n := len(label)
	for _, r := range runs {
		switch {
		case n <= 0:
			out = append(out, r)
		case len(r.Text) <= n:
			if !r.Bold {
				return runs // the label was not all bold: leave it
			}
			r.Bold = false
			out = append(out, r)
			n -= len(r.Text)
		default:
			if !r.Bold {
				return runs
			}
			head, tail := r, r
			head.Text, head.Bold = r.Text[:n], false
			tail.Text = r.Text[n:]
			out = append(out, head, tail)
			n = 0
		}
	}
	return trimRuns(out)
}
