package importer

import (
	"errors"
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"bientap/model"
	"bientap/model/doc"
)

// ParseDOCX reads a Word .docx file as an administrative document or as a
// news item. An administrative document (văn bản hành chính) is recognised
// by its Decree-30 header (see recogniseDecree): every field of the record
// is filled from it (kind, số and ký hiệu, cơ quan, place and date, trích
// yếu, Kính gửi, urgency, signer, Nơi nhận) and only the body goes into the
// body. Anything else, or a file imported with Options.Kind set to news, is
// read as a news item: title (Title style, the document's title property, a
// first heading), date line, sapo, byline.
//
// Both read paragraphs with bold and italic runs, headings (styles Heading
// 1/2…, by style name so localised Word works), centred paragraphs,
// automatic list numbers (written out as text, since the body keeps numbers
// as typed), tables, embedded pictures (JPEG, PNG; GIF, BMP, TIFF become
// PNG) with a following Caption paragraph as caption, text boxes and
// footnotes (appended to the body's end as notes), the current text of
// tracked changes and the results of fields. Text in the legacy fonts
// .VnTime/.VnTimeH (TCVN3) and VNI-* is converted by its font. name is the
// file's name, the title of last resort.
//
// The archive is only read, never unpacked to disk; a part is found by its
// name inside the archive, and a relationship pointing outside the archive
// ("../", absolute, external) is refused. Every part is read through a size
// bound (a zip bomb stops at the bound) and pictures are size-checked from
// their headers before decoding.
func ParseDOCX(data []byte, name string, opts Options) (*Parsed, error) {
	pkg, err := openPackage(data)
	if err != nil {
		return nil, err
	}
	p := &Parsed{Report: Report{Format: FormatDOCX}}
	dx := &docxDoc{pkg: pkg, rep: &p.Report, notes: map[string]int{}, legacy: map[string]int{}, picNames: map[string]string{}}
	mainPart := pkg.mainPart()
	docXML, err := pkg.read(mainPart, maxDocxXML)
	if err != nil {
		return nil, fmt.Errorf("tệp .docx không có nội dung đọc được (%s): %w", mainPart, err)
	}
	root, err := parseXML(docXML)
	if err != nil {
		return nil, fmt.Errorf("nội dung .docx hỏng (%s): %w", mainPart, err)
	}
	dx.rels = pkg.rels(mainPart)
	dir := path.Dir(mainPart)
	dx.styles = pkg.styles(dx.partOf("/styles", path.Join(dir, "styles.xml")))
	dx.numbering = pkg.numbering(dx.partOf("/numbering", path.Join(dir, "numbering.xml")))
	dx.counters = map[string]*[9]int{}
	core := pkg.core()
	dx.softBreaks = writtenByUs(core, dx.styles)
	body := root.find("body")
	if body == nil {
		return nil, errors.New("tệp .docx không có phần thân văn bản")
	}
	dx.pageGeometry(body, dx.partOf("/settings", path.Join(dir, "settings.xml")))
	dx.blockItems(body)
	dx.footnotes(dx.partOf("/footnotes", path.Join(dir, "footnotes.xml")))
	for font, n := range dx.legacy {
		p.Report.found("%d đoạn chữ phông %s (bảng mã cũ) đã chuyển sang Unicode", n, font)
	}
	var r *model.Record
	if opts.Kind != model.KindNews {
		if dd := recogniseDecree(dx.blocks, opts.Kind); dd != nil {
			r = dx.documentRecord(dd, core, name, opts)
		}
	}
	if r == nil {
		r = dx.newsRecord(core, name, opts)
	}
	if len(pkg.unsafe) > 0 {
		p.Report.warn("tệp có %d mục tên bất thường (ví dụ %q), không đọc", len(pkg.unsafe), shorten(pkg.unsafe[0], 40))
	}
	p.Records = []*model.Record{r}
	return p, nil
}

// partOf finds the part a relationship of the main document names by its
// type ("/styles", "/numbering", "/footnotes"), else fallback.
func (dx *docxDoc) partOf(typeSuffix, fallback string) string {
	for _, r := range dx.rels {
		if strings.HasSuffix(r.typ, typeSuffix) && !r.external && !r.bad {
			return r.target
		}
	}
	return fallback
}

// pageGeometry reads the default tab stop interval (settings.xml) and the
// width of the text between the margins (the body's last w:sectPr), which
// tell on which side of a header a tabbed line stands.
func (dx *docxDoc) pageGeometry(body *xnode, settings string) {
	dx.tabStep = 720
	if b, err := dx.pkg.read(settings, maxDocxSmallXML); err == nil {
		if root, err := parseXML(b); err == nil {
			if v, err := strconv.Atoi(root.find("defaultTabStop").attr("val")); err == nil && v > 0 {
				dx.tabStep = v
			}
		}
	}
	dx.textWidth = 9355 // A4 with Decree-30 margins of 30 and 15 mm
	if sp := body.child("sectPr"); sp != nil {
		w, err1 := strconv.Atoi(sp.child("pgSz").attr("w"))
		l, err2 := strconv.Atoi(sp.child("pgMar").attr("left"))
		r, err3 := strconv.Atoi(sp.child("pgMar").attr("right"))
		if err1 == nil && err2 == nil && err3 == nil && w-l-r > 1000 {
			dx.textWidth = w - l - r
		}
	}
}

// writtenByUs reports whether the file is laid out as Biên Tập writes
// Word files (export/docx): by its application, or by the styles that name
// the header's parts, by their ids or their names (a file saved again from
// Word keeps the ids; LibreOffice makes new ids from the names). Such a
// file breaks long centred lines with line breaks, and sets the body's
// roles (bold "Điều 1.", italic legal bases…) by the layout rules that Biên
// Tập's outputs apply again.
func writtenByUs(core map[string]string, ss styleSet) bool {
	if strings.HasPrefix(core["Application"], "Biên Tập") {
		return true
	}
	found := map[part]bool{}
	for id, s := range ss {
		switch p := partOfStyle(id, s.name); p {
		case partNumber, partQuocHieu, partPlaceDate, partBody, partSignerName, partKind:
			found[p] = true
		}
	}
	return len(found) >= 4
}

// newsRecord builds a news item: title (Title style, else the document's
// title property, else a first short heading or bold or centred line, else
// the file name), date (a date line in the first paragraphs, else the
// creation date), sapo (a Sapo-styled or first paragraph all in bold),
// byline (a TacGia-styled or last line naming the author).
func (dx *docxDoc) newsRecord(core map[string]string, fileName string, opts Options) *model.Record {
	bs := joinCaptions(dx.blocks)
	a := &article{fileName: fileName, category: oneSpace(core["category"])}
	// Parts named by their styles.
	kept := bs[:0]
	var featured *dblock // a featured picture the body does not place
	for _, b := range bs {
		t := oneSpace(doc.PlainText(untab(b.Runs)))
		switch {
		case b.part == partFeatured && b.Kind == doc.Image && featured == nil:
			featured = &b
		case b.part == partPortal, b.part == partPageNumber, b.part == partDraft:
			dx.rep.drop(t, DropLink)
		case b.part == partSapo && a.sapo == "":
			a.sapo = t
		case b.part == partByline && a.author == "":
			a.author = t
		default:
			kept = append(kept, b)
		}
	}
	bs = kept
	for i, b := range bs {
		if b.title && b.Kind != doc.Image && b.Kind != doc.Table {
			a.title = oneSpace(doc.PlainText(untab(b.Runs)))
			bs = append(bs[:i], bs[i+1:]...)
			dx.rep.found("Tiêu đề theo kiểu Title của Word")
			break
		}
	}
	if t := core["title"]; a.title == "" && usableTitle(t) {
		a.title = t
		dx.rep.found("Tiêu đề lấy từ thuộc tính Title của tệp")
	}
	if a.title == "" && len(bs) > 0 {
		b := bs[0]
		t := oneSpace(doc.PlainText(untab(b.Runs)))
		if (b.Kind == doc.Heading || b.Kind == doc.Centered || b.Kind == doc.Paragraph && allBold(b.Runs)) &&
			wordCount(t, 40) <= 40 && !isSentence(t) {
			a.title = t
			bs = bs[1:]
			dx.rep.found("Tiêu đề lấy từ dòng đầu tiên")
		}
	}
	// Date: a date line near the top, else the file's creation date.
	for i := 0; i < len(bs) && i < 30; i++ {
		if bs[i].Kind == doc.Image || bs[i].Kind == doc.Table {
			continue
		}
		t := oneSpace(doc.PlainText(untab(bs[i].Runs)))
		if d, ok := parseDateLine(t); ok {
			a.date, a.dateFound = d, true
			dx.rep.drop(t, DropDate)
			bs = append(bs[:i], bs[i+1:]...)
			break
		}
		if _, d, dated, ok := parsePlaceDate(t); ok && dated {
			a.date, a.dateFound = d, true
			break
		}
	}
	if !a.dateFound {
		a.date = dx.fileDate(core, opts)
	}
	// Byline and sapo.
	if n := len(bs); a.author == "" && n > 0 && (bs[n-1].Kind == doc.Paragraph || bs[n-1].Kind == doc.Centered) &&
		isByline(doc.PlainText(bs[n-1].Runs)) {
		a.author = oneSpace(doc.PlainText(untab(bs[n-1].Runs)))
		bs = bs[:n-1]
	}
	if a.sapo == "" && (opts.Kind == "" || opts.Kind == model.KindNews) && len(bs) > 1 && bs[0].Kind == doc.Paragraph &&
		allBold(bs[0].Runs) && wordCount(doc.PlainText(bs[0].Runs), 12) >= 12 {
		a.sapo = oneSpace(doc.PlainText(untab(bs[0].Runs)))
		bs = bs[1:]
		dx.rep.found("Sapo lấy từ đoạn in đậm đầu tiên")
	}
	a.blocks = dx.bodyBlocks(append(bs, dx.noteBlocks...))
	a.images = referenced(dx.imgs.images, a.blocks)
	if featured != nil {
		a.images = withFeatured(a.images, dx.imgs.images, featured)
		dx.rep.found("Ảnh đại diện: «%s»", shorten(oneSpace(doc.PlainText(featured.Runs)), 80))
	}
	r := a.records(dx.rep, opts, model.StatusDraft)[0]
	setTimes(r, core, opts)
	return r
}

// withFeatured puts the featured picture (f, an image block of all, with
// its caption) first among the body's images, unless the body shows it too.
func withFeatured(images, all []model.Image, f *dblock) []model.Image {
	if findImage(images, f.Src) != nil {
		return images
	}
	for _, im := range all {
		if im.Name == f.Src {
			im.Caption = oneSpace(doc.PlainText(f.Runs))
			return append([]model.Image{im}, images...)
		}
	}
	return images
}

// usableTitle reports whether a title property names the document: not
// empty, not what Word writes for a converted file ("Microsoft Word - …"),
// not a header line that old Word copied into it ("ỦY BAN NHÂN DÂN", "CỘNG
// HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), and not too long.
func usableTitle(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || strings.HasPrefix(t, "Microsoft Word") || !titleLike(t) {
		return false
	}
	switch classify(line{text: t}) {
	case lkQuocHieu, lkTieuNgu, lkNumber, lkPlaceDate, lkKind, lkUpper, lkUrgency:
		return false
	}
	return true
}

// fileDate is the date a file without a date line gets: the document's
// creation (or modification) date, else today; the report says which.
func (dx *docxDoc) fileDate(core map[string]string, opts Options) time.Time {
	for _, k := range []string{"created", "modified"} {
		if d, ok := isoDate(core[k]); ok && d.Year() >= 1990 && !d.After(opts.today().AddDate(0, 0, 1)) {
			dx.rep.guess("ngày lấy theo ngày tạo tệp (%s) vì không thấy dòng ngày tháng", d.Format("02/01/2006"))
			return d
		}
	}
	d := opts.today()
	dx.rep.warn("không thấy ngày trong tệp; tạm lấy ngày %s", d.Format("02/01/2006"))
	return d
}

// setTimes gives the record the document's creation and modification
// times (docProps/core.xml), when they are plausible.
func setTimes(r *model.Record, core map[string]string, opts Options) {
	limit := opts.Clock.Now().Add(24 * time.Hour)
	parse := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
		if err != nil || t.Year() < 1990 || t.After(limit) {
			return time.Time{}
		}
		return t.UTC()
	}
	r.Created = parse(core["created"])
	r.Updated = parse(core["modified"])
	if r.Updated.Before(r.Created) {
		r.Updated = r.Created
	}
}

// bodyBlocks turns converted blocks into the body's blocks: tabs become
// spaces, empty paragraphs go.
func (dx *docxDoc) bodyBlocks(bs []dblock) []doc.Block {
	out := make([]doc.Block, 0, len(bs))
	inTable := 0
	for _, b := range bs {
		blk := b.Block
		blk.Runs = trimRuns(untab(blk.Runs))
		if blk.Kind == doc.Table {
			rows := make([][]doc.Cell, len(blk.Rows))
			for i, row := range blk.Rows {
				rows[i] = make([]doc.Cell, len(row))
				for j, c := range row {
					rows[i][j] = doc.Cell{Runs: trimRuns(untab(c.Runs))}
				}
			}
			blk.Rows = rows
		}
		if b.cellImage {
			inTable++
		}
		if blk.Kind != doc.Image && blk.Kind != doc.Table && len(blk.Runs) == 0 {
			continue
		}
		out = append(out, blk)
	}
	if inTable > 0 {
		dx.rep.found("%d ảnh trong bảng được đặt ngay sau bảng", inTable)
	}
	return out
}

// referenced keeps the images the body shows (a signature or seal left
// out of a document is not kept), with the captions the body gives them.
func referenced(ims []model.Image, blocks []doc.Block) []model.Image {
	used := map[string]string{}
	for _, b := range blocks {
		if b.Kind == doc.Image {
			used[b.Src] = doc.PlainText(b.Runs)
		}
	}
	var out []model.Image
	for _, im := range ims {
		if c, ok := used[im.Name]; ok {
			im.Caption = c
			out = append(out, im)
		}
	}
	return out
}

// joinCaptions makes a Caption-styled (or short italic) paragraph after a
// picture the picture's caption.
func joinCaptions(bs []dblock) []dblock {
	out := bs[:0]
	for i := 0; i < len(bs); i++ {
		b := bs[i]
		if b.Kind == doc.Image && i+1 < len(bs) {
			nx := bs[i+1]
			t := doc.PlainText(nx.Runs)
			if nx.Kind != doc.Image && nx.Kind != doc.Table && (nx.caption || isCaption(t, true) ||
				allItalic(nx.Runs) && wordCount(t, 50) <= 50) {
				b.Runs = nonItalic(trimRuns(untab(nx.Runs)))
				i++
			}
		}
		out = append(out, b)
	}
	return out
}
