package docx

import (
	"fmt"
	"strings"

	"bientap/export/pdf"
	"bientap/model"
	"bientap/model/doc"
)

// picture writes an image block of the body: the picture centred at most
// width mm wide and maxH mm tall, before twips under the text above (-1:
// the style's), its caption under it; a picture the record lacks or that
// cannot be used is left out with a warning (its caption stays).
func (d *docWriter) picture(b doc.Block, before int, width, maxH float64) string {
	im := d.r.ImageByName(b.Src)
	caption := doc.PlainText(b.Runs)
	if im == nil {
		d.warn("Dòng %d: không có ảnh «%s» trong bản ghi, đã bỏ qua", b.Line, b.Src)
		return d.caption(caption)
	}
	return d.pictureOf(im, caption, stAnh, before, width, maxH)
}

// pictureOf writes a record image in a paragraph of style st (stAnh, or
// stAnhDaiDien for a news item's featured picture) before twips under the
// text above (-1: the style's), and its caption.
func (d *docWriter) pictureOf(im *model.Image, caption, st string, before int, width, maxH float64) string {
	d.shown[im.Name] = true
	ni, problem := pdf.NormalizeImage(im.Data)
	if problem != "" {
		label := im.Name
		if label == "" {
			label = caption
		}
		d.warn("Ảnh «%s» %s, đã bỏ qua", label, problem)
		return d.caption(caption)
	}
	key := im.Name + "\x00" + fmt.Sprint(len(im.Data))
	id, ok := d.media[key]
	if !ok {
		n := len(d.files) + 1
		ext := "jpeg"
		if ni.Type == "png" {
			ext = "png"
		}
		name := fmt.Sprintf("image%d.%s", n, ext)
		d.files = append(d.files, file{"word/media/" + name, ni.Data})
		id = fmt.Sprintf("rIdImage%d", n)
		d.rels = append(d.rels, rel{id, relImage, "media/" + name})
		d.media[key] = id
	}
	w := width
	h := w * float64(ni.Height) / float64(ni.Width)
	if h > maxH {
		h = maxH
		w = h * float64(ni.Width) / float64(ni.Height)
	}
	n := len(d.files)
	// The picture's name (Word's selection pane) is the record's name of
	// the image, so that it comes back on import even from LibreOffice,
	// which keeps only this one.
	objName := im.Name
	if objName == "" {
		objName = fmt.Sprintf("Ảnh %d", n)
	}
	drawing := fmt.Sprintf(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/>`+
		`<wp:docPr id="%d" name="%s" descr="%s"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`+
		`<pic:nvPicPr><pic:cNvPr id="%d" name="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
		emu(w), emu(h), d.drawingID(), esc(xmlText(objName)), esc(xmlText(caption)), n, esc(xmlText(im.Name)), id, emu(w), emu(h))
	p := para(st)
	p.before = before
	p.keepNext = strings.TrimSpace(caption) != ""
	return paragraph(p, drawing) + d.caption(caption)
}

// drawingID numbers the drawings of the document.
func (d *docWriter) drawingID() int {
	d.drawings++
	return d.drawings
}

// caption is a picture's caption line, or "".
func (d *docWriter) caption(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return ""
	}
	p := para(stChuThich)
	p.before = tw(1.5)
	return paragraph(p, run(s, rPr{}))
}

// table writes a body table with a grid, its header row bold and repeated
// on every page.
func (d *docWriter) table(b doc.Block) string {
	cols := 0
	for _, row := range b.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return ""
	}
	total := d.g.TextWidth
	if !d.o.Document {
		total = 210 - 2*newsSide
	}
	// The columns are the PDF's: sized to their content.
	size := pdf.SizeTable
	if !d.o.Document {
		size = 11
	}
	widths := d.g.TableColumns(b, total, size)
	var sb strings.Builder
	fmt.Fprintf(&sb, `<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/>`+
		`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`, tblLuoi, tw(total))
	for _, w := range widths {
		fmt.Fprintf(&sb, `<w:gridCol w:w="%d"/>`, tw(w))
	}
	sb.WriteString("</w:tblGrid>")
	for i, row := range b.Rows {
		head := b.Header && i == 0
		sb.WriteString("<w:tr><w:trPr><w:cantSplit/>")
		if head {
			sb.WriteString("<w:tblHeader/>")
		}
		sb.WriteString("</w:trPr>")
		for j := 0; j < cols; j++ {
			var runs []doc.Run
			if j < len(row) {
				runs = row[j].Runs
			}
			p := para(stBang)
			if !d.o.Document {
				p = para(stBangTin)
			}
			if head {
				p.align = "center"
				runs = boldRuns(runs)
			}
			fmt.Fprintf(&sb, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>`, tw(widths[j]), paragraph(p, docRuns(runs)...))
		}
		sb.WriteString("</w:tr>")
	}
	sb.WriteString("</w:tbl>\n")
	// A paragraph after a table keeps Word from joining it with the next.
	return sb.String()
}

func boldRuns(runs []doc.Run) []doc.Run {
	out := make([]doc.Run, len(runs))
	for i, r := range runs {
		r.Bold = true
		out[i] = r
	}
	return out
}
