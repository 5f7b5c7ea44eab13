package ui

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/export/atomicfile"
	"bientap/export/htmlexport"
	"bientap/export/mail"
	"bientap/export/pdf"
	"bientap/model"
	"bientap/model/vntext"
)

// exportRecord is the open record as the form shows it, ready to export.
func (u *mainUI) exportRecord(what string) (*model.Record, bool) {
	r := u.editor.current()
	if r == nil {
		u.showMessage(what, "Hãy mở một bản ghi trước.")
		return nil, false
	}
	if _, err := vntext.ParseDate(u.editor.form.date.Text); err != nil {
		u.showMessage(what, "Ngày không hợp lệ: "+oneLine(err.Error()))
		return nil, false
	}
	return r, true
}

// writePDF lays out r as its kind asks (news print view or Decree-30
// document) into w.
func writePDF(w io.Writer, r *model.Record, opt pdf.Options) (pdf.Result, error) {
	if r.Kind == model.KindNews {
		return pdf.News(w, r, opt)
	}
	return pdf.Document(w, r, opt)
}

// onExportPDF prints the open record to a PDF file (Ctrl+P).
func (u *mainUI) onExportPDF() {
	r, ok := u.exportRecord("In / Xuất PDF")
	if !ok {
		return
	}
	u.saveFileDialog("In / Xuất PDF", vntext.SafeFileName(r.Title, "pdf"), []string{".pdf"}, "exportDir", func(path string) {
		u.exportPDFTo(r, path)
	})
}

// exportPDFTo writes r's PDF to path behind a progress dialog.
func (u *mainUI) exportPDFTo(r *model.Record, path string) {
	opt := pdf.OptionsFrom(u.settings)
	var res pdf.Result
	u.runLong("Đang xuất PDF", func(p progressFunc) (string, error) {
		p(0, 0, "Đang dàn trang “"+recordLabel(r)+"”…")
		return "", atomicfile.WriteFile(path, func(w io.Writer) error {
			var err error
			res, err = writePDF(w, r, opt)
			return err
		})
	}, func(_ string, err error) {
		if err != nil {
			dropEmpty(path)
			u.showError(err)
			return
		}
		u.notify(fmt.Sprintf("Đã xuất %s (%s trang)", filepath.Base(path), vntext.Number(res.Pages)))
		u.offerOpen("Đã xuất PDF", fmt.Sprintf("Đã ghi %s (%s trang, phông %s).", path, vntext.Number(res.Pages), res.Font), res.Warnings, path)
	})
}

// onExportHTML writes the portal HTML, its pictures and a .zip to a folder.
func (u *mainUI) onExportHTML() {
	r, ok := u.exportRecord("Xuất HTML")
	if !ok {
		return
	}
	u.chooseFolder("Chọn thư mục để ghi trang HTML", "htmlDir", func(dir string) {
		page := htmlexport.Build(r)
		out, err := page.WriteDir(dir)
		if err != nil {
			u.showError(err)
			return
		}
		u.notify("Đã xuất HTML: " + out.HTML)
		msg := fmt.Sprintf("Đã ghi %s, %s ảnh và tệp nén %s để tải lên cổng thông tin.", filepath.Base(out.HTML),
			vntext.Number(len(out.Images)), filepath.Base(out.Zip))
		u.offerOpen("Đã xuất HTML", msg, page.Warnings, out.HTML)
	})
}

// onCopyHTML puts the portal HTML fragment on the clipboard.
func (u *mainUI) onCopyHTML() {
	r, ok := u.exportRecord("Sao chép HTML")
	if !ok {
		return
	}
	page := htmlexport.Build(r)
	u.app.Clipboard().SetContent(page.Fragment)
	msg := "Đã chép HTML vào bộ nhớ tạm: dán vào ô nội dung của cổng thông tin."
	if len(page.Images) > 0 {
		msg += fmt.Sprintf(" Bài có %s ảnh: dùng “Xuất HTML…” để có tệp ảnh tải lên.", vntext.Number(len(page.Images)))
	}
	u.notify(msg)
}

// onMail writes an e-mail draft (.eml) with the PDF attached and opens it in
// the mail program.
func (u *mainUI) onMail() {
	r, ok := u.exportRecord("Gửi thư")
	if !ok {
		return
	}
	u.saveFileDialog("Lưu thư (.eml) để gửi", vntext.SafeFileName(r.Title, "eml"), []string{".eml"}, "mailDir", func(path string) {
		opt := pdf.OptionsFrom(u.settings)
		u.runLong("Đang soạn thư", func(p progressFunc) (string, error) {
			p(0, 2, "Đang dàn trang PDF…")
			var buf bytes.Buffer
			if _, err := writePDF(&buf, r, opt); err != nil {
				return "", err
			}
			p(1, 2, "Đang ghi thư…")
			return "", atomicfile.WriteFile(path, func(w io.Writer) error {
				return mail.Write(w, r, buf.Bytes(), mail.Options{Date: u.clock.Now()})
			})
		}, func(_ string, err error) {
			if err != nil {
				dropEmpty(path)
				u.showError(err)
				return
			}
			u.notify("Đã ghi thư " + filepath.Base(path))
			u.offerOpen("Đã soạn thư", fmt.Sprintf("Đã ghi %s, đính kèm %s. Mở tệp để gửi bằng chương trình thư.",
				path, mail.AttachmentName(r.Title)), nil, path)
		})
	})
}

// onRegisterDocuments writes the year's register of outgoing documents.
func (u *mainUI) onRegisterDocuments() {
	years := u.yearChoices()
	sel := widget.NewSelect(years, nil)
	sel.SetSelectedIndex(0)
	note := widget.NewLabel("Sổ gồm các văn bản đã duyệt hoặc đã đăng, có số, trong năm đã chọn.")
	note.Wrapping = fyne.TextWrapWord
	content := container.New(fixedWidth{420}, container.NewVBox(widget.NewForm(widget.NewFormItem("Năm", sel)), note))
	u.customDialog("Sổ văn bản đi", content, []dialogButton{
		{label: "Hủy"},
		{label: "Xuất PDF…", primary: true, action: func() {
			var year int
			fmt.Sscan(sel.Selected, &year)
			u.saveFileDialog("Lưu sổ văn bản đi", vntext.SafeFileName(fmt.Sprintf("Sổ văn bản đi năm %d", year), "pdf"), []string{".pdf"}, "exportDir",
				func(path string) { u.writeRegister(path, year) })
		}},
	})
}

func (u *mainUI) writeRegister(path string, year int) {
	st, opt := u.st, pdf.OptionsFrom(u.settings)
	var res pdf.Result
	u.runLong("Đang lập sổ văn bản đi", func(p progressFunc) (string, error) {
		p(0, 3, fmt.Sprintf("Đang đọc văn bản năm %d…", year))
		issued, err := st.OutgoingRegister(year)
		if err != nil {
			return "", err
		}
		if !p(1, 3, fmt.Sprintf("Đang dàn trang %s văn bản…", vntext.Number(len(issued)))) {
			return "", errCancelled
		}
		err = atomicfile.WriteFile(path, func(w io.Writer) error {
			var err error
			res, err = pdf.Register(w, year, issued, opt)
			return err
		})
		return fmt.Sprintf("%s văn bản", vntext.Number(len(issued))), err
	}, func(summary string, err error) {
		if err != nil {
			dropEmpty(path)
			u.showError(err)
			return
		}
		u.offerOpen("Đã lập sổ văn bản đi", fmt.Sprintf("Đã ghi %s: %s, %s trang.", path, summary, vntext.Number(res.Pages)), res.Warnings, path)
	})
}

// onRegisterNews writes the list of news items published in a date range.
func (u *mainUI) onRegisterNews() {
	now := u.clock.Now()
	from := newTextEntry(u)
	from.SetText(vntext.ListDate(time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.UTC)))
	to := newTextEntry(u)
	to.SetText(vntext.ListDate(now))
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Hide()
	content := container.New(fixedWidth{420}, container.NewVBox(
		widget.NewForm(widget.NewFormItem("Từ ngày", from), widget.NewFormItem("Đến ngày", to)), msg))
	var h *dialogHandle
	h = u.customDialog("Các tin đã đăng", content, []dialogButton{
		{label: "Hủy"},
		{label: "Xuất PDF…", primary: true, keepOpen: true, action: func() {
			f, err1 := vntext.ParseDate(from.Text)
			t, err2 := vntext.ParseDate(to.Text)
			switch {
			case err1 != nil:
				msg.SetText("Từ ngày: " + oneLine(err1.Error()))
			case err2 != nil:
				msg.SetText("Đến ngày: " + oneLine(err2.Error()))
			case t.Before(f):
				msg.SetText("“Đến ngày” đứng trước “Từ ngày”.")
			default:
				h.close()
				name := vntext.SafeFileName(fmt.Sprintf("Các tin đã đăng %s - %s", f.Format("02-01-2006"), t.Format("02-01-2006")), "pdf")
				u.saveFileDialog("Lưu danh sách tin đã đăng", name, []string{".pdf"}, "exportDir",
					func(path string) { u.writeNewsList(path, f, t) })
				return
			}
			msg.Show()
		}},
	})
}

func (u *mainUI) writeNewsList(path string, from, to time.Time) {
	st, opt := u.st, pdf.OptionsFrom(u.settings)
	var res pdf.Result
	u.runLong("Đang lập danh sách tin đã đăng", func(p progressFunc) (string, error) {
		p(0, 2, "Đang đọc các tin đã đăng…")
		recs, err := st.PublishedNews(from, to)
		if err != nil {
			return "", err
		}
		if !p(1, 2, fmt.Sprintf("Đang dàn trang %s tin…", vntext.Number(len(recs)))) {
			return "", errCancelled
		}
		err = atomicfile.WriteFile(path, func(w io.Writer) error {
			var err error
			res, err = pdf.NewsList(w, from, to, recs, opt)
			return err
		})
		return fmt.Sprintf("%s tin", vntext.Number(len(recs))), err
	}, func(summary string, err error) {
		if err != nil {
			dropEmpty(path)
			u.showError(err)
			return
		}
		u.offerOpen("Đã lập danh sách tin", fmt.Sprintf("Đã ghi %s: %s, %s trang.", path, summary, vntext.Number(res.Pages)), res.Warnings, path)
	})
}

// yearChoices lists the years of the list's year filter, current year first
// when present.
func (u *mainUI) yearChoices() []string {
	var ys []string
	for _, y := range u.list.year.Options {
		if y != allYears {
			ys = append(ys, y)
		}
	}
	if len(ys) == 0 {
		ys = []string{fmt.Sprint(u.clock.Today().Year())}
	}
	return ys
}

// onExportJSONL writes the whole archive as JSON Lines.
func (u *mainUI) onExportJSONL() {
	name := "bientap-" + u.clock.Now().Format("2006-01-02") + ".jsonl"
	u.saveFileDialog("Xuất toàn bộ dữ liệu (JSONL)", name, []string{".jsonl"}, "exportDir", func(path string) {
		st := u.st
		var n int
		u.runLong("Đang xuất dữ liệu", func(p progressFunc) (string, error) {
			p(0, 0, "Đang ghi các bản ghi…")
			return "", atomicfile.WriteFile(path, func(w io.Writer) error {
				var err error
				n, err = st.ExportJSONL(w)
				return err
			})
		}, func(_ string, err error) {
			if err != nil {
				dropEmpty(path)
				u.showError(err)
				return
			}
			u.offerOpen("Đã xuất dữ liệu", fmt.Sprintf("Đã ghi %s bản ghi vào %s.", vntext.Number(n), path), nil, path)
		})
	})
}
