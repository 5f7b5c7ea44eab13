package preview

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/doc"
)

func pngData(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 200
	}
	img.Set(0, 0, color.Black)
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// walk collects the texts, pictures and bold runs a preview shows.
type seen struct {
	text     strings.Builder
	bold     []string
	centred  []string
	pictures []fyne.Size
	missing  []string
}

func look(o fyne.CanvasObject) *seen {
	s := &seen{}
	for _, c := range test.LaidOutObjects(o) {
		switch v := c.(type) {
		case *widget.Label:
			s.text.WriteString(v.Text + "\n")
			if v.Importance == widget.DangerImportance {
				s.missing = append(s.missing, v.Text)
			}
		case *widget.RichText:
			for _, seg := range v.Segments {
				if t, ok := seg.(*widget.TextSegment); ok {
					s.text.WriteString(t.Text)
					if t.Style.TextStyle.Bold && t.Text != "" {
						s.bold = append(s.bold, t.Text)
					}
					if t.Style.Alignment == fyne.TextAlignCenter {
						s.centred = append(s.centred, t.Text)
					}
					if !t.Style.Inline {
						s.text.WriteString("\n")
					}
				}
			}
		case *canvas.Image:
			s.pictures = append(s.pictures, v.MinSize())
		}
	}
	return s
}

func TestRenderNews(t *testing.T) {
	test.NewTempApp(t)
	r := &model.Record{Kind: model.KindNews, Title: "Tin thử", Summary: "Sapo của tin.", Category: "Kinh tế",
		Author: "Thu Hà", Date: time.Date(2026, 8, 17, 0, 0, 0, 0, time.UTC),
		Body: "Đoạn **đậm** và *nghiêng*.\n# Mục một\n-> Dòng giữa <-\n![Ảnh trong bài](anh-2.png)\n![Ảnh thiếu](khong-co.jpg)\n| A | B |\n|---|---|\n| 1 | 2 |",
		Images: []model.Image{{Name: "anh-1.png", Caption: "Ảnh đại diện", Data: pngData(1200, 600)},
			{Name: "anh-2.png", Caption: "Ảnh trong bài", Data: pngData(300, 200)}}}
	s := look(Render(r, doc.Parse(r.Body), decree.Options{}))
	txt := s.text.String()
	for _, want := range []string{"Kinh tế · Thứ Hai, 17/8/2026", "Tin thử", "Sapo của tin.", "Ảnh đại diện",
		"Đoạn đậm và nghiêng.", "Mục một", "Dòng giữa", "Ảnh trong bài", "A", "2", "Thu Hà"} {
		if !strings.Contains(txt, want) {
			t.Errorf("preview lacks %q in\n%s", want, txt)
		}
	}
	if !contains(s.bold, "đậm") || !contains(s.centred, "Dòng giữa") {
		t.Errorf("bold %q, centred %q", s.bold, s.centred)
	}
	// The featured picture is scaled to the preview's width; the body's
	// picture keeps its size.
	if len(s.pictures) != 2 || s.pictures[0].Width != maxPictureWidth || s.pictures[0].Height != maxPictureWidth/2 ||
		s.pictures[1].Width != 300 {
		t.Errorf("pictures %v", s.pictures)
	}
	if len(s.missing) != 1 || !strings.Contains(s.missing[0], "khong-co.jpg") {
		t.Errorf("missing picture messages %q", s.missing)
	}
}

func TestRenderDocument(t *testing.T) {
	test.NewTempApp(t)
	r := &model.Record{Kind: model.KindQuyetDinh, Title: "QĐ", Summary: "Ban hành Quy chế",
		AgencyParent: "UBND tỉnh Lai Châu", Agency: "Văn phòng", Number: "05", Sign: "QĐ-VP", Place: "Lai Châu",
		Date:           time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC),
		Body:           "Chương I\nĐiều 1. Phạm vi điều chỉnh\nNội dung thường./.",
		SignerPosition: "KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG", SignerName: "Nguyễn Văn An",
		Recipients: []string{"- Như Điều 3;", "- Lưu: VT."}}
	s := look(Render(r, doc.Parse(r.Body), decree.Options{}))
	txt := s.text.String()
	for _, want := range []string{"UBND TỈNH LAI CHÂU", "VĂN PHÒNG", "Số: 05/QĐ-VP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Lai Châu, ngày 05 tháng 01 năm 2026", "QUYẾT ĐỊNH", "Ban hành Quy chế", "Nơi nhận:", "- Lưu: VT.",
		"PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Văn An"} {
		if !strings.Contains(txt, want) {
			t.Errorf("preview lacks %q in\n%s", want, txt)
		}
	}
	if !contains(s.centred, "Chương I") || !contains(s.bold, "Điều 1. Phạm vi điều chỉnh") || contains(s.bold, "Nội dung thường./.") {
		t.Errorf("bold %q, centred %q", s.bold, s.centred)
	}
	// A công văn puts V/v under the number and names its addressees.
	cv := &model.Record{Kind: model.KindCongVan, Summary: "tăng cường phòng cháy", To: []string{"Sở Y tế"}, Sign: "UBND-VX"}
	txt = look(Render(cv, doc.Parse(""), decree.Options{})).text.String()
	if !strings.Contains(txt, "V/v tăng cường phòng cháy") || !strings.Contains(txt, "Kính gửi: Sở Y tế") || strings.Contains(txt, "CÔNG VĂN") {
		t.Errorf("công văn preview:\n%s", txt)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
