package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/export"
	"bientap/export/atomicfile"
	"bientap/export/mail"
	"bientap/model"
	"bientap/model/vntext"
)

// Every export below goes through package export, the one entry per output
// the command line calls too; this file only asks where to write and shows
// what came out.

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

// exportOptions are the archive's settings for an export, dated by the
// window's clock.
func (s *services) exportOptions() export.Options {
	o := export.Options{Settings: s.settings, Clock: s.clock}
	if s.st != nil {
		o.Archive = s.st
	}
	return o
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
	opt := u.exportOptions()
	var res export.Result
	u.runLong("Đang xuất PDF", func(p progressFunc) (string, error) {
		p(0, 0, "Đang dàn trang “"+recordLabel(r)+"”…")
		var err error
		res, err = export.WriteFile(path, func(w io.Writer) (export.Result, error) { return export.PDF(w, r, opt) })
		return "", err
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

// onExportDocx writes the open record as a Word file: a Decree-30 document
// laid out as its PDF, or a news article.
func (u *mainUI) onExportDocx() {
	r, ok := u.exportRecord("Xuất Word (.docx)")
	if !ok {
		return
	}
	u.saveFileDialog("Xuất Word (.docx)", vntext.SafeFileName(r.Title, "docx"), []string{".docx"}, "exportDir", func(path string) {
		u.exportDocxTo(r, path)
	})
}

// exportDocxTo writes r's .docx to path behind a progress dialog.
func (u *mainUI) exportDocxTo(r *model.Record, path string) {
	opt := u.exportOptions()
	var res export.Result
	u.runLong("Đang xuất Word", func(p progressFunc) (string, error) {
		p(0, 0, "Đang soạn “"+recordLabel(r)+"”…")
		var err error
		res, err = export.WriteFile(path, func(w io.Writer) (export.Result, error) { return export.Docx(w, r, opt) })
		return "", err
	}, func(_ string, err error) {
		if err != nil {
			dropEmpty(path)
			u.showError(err)
			return
		}
		u.notify("Đã xuất " + filepath.Base(path))
		u.offerOpen("Đã xuất Word", fmt.Sprintf("Đã ghi %s (phông %s), mở bằng Word hoặc LibreOffice để sửa tiếp.", path, res.Font), res.Warnings, path)
	})
}

// onExportHTML writes the portal HTML, its pictures and a .zip to a folder.
func (u *mainUI) onExportHTML() {
	r, ok := u.exportRecord("Xuất HTML")
	if !ok {
		return
	}
	opt := u.exportOptions()
	u.chooseFolder("Chọn thư mục để ghi trang HTML", "htmlDir", func(dir string) {
		page := export.HTML(r, opt)
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
	page := export.HTML(r, u.exportOptions())
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
	u.saveFileDialog("Lưu thư (.eml) để gửi", vntext.SafeFileName(mail.SubjectText(r), "eml"), []string{".eml"}, "mailDir", func(path string) {
		opt := u.exportOptions()
		var res export.Result
		u.runLong("Đang soạn thư", func(p progressFunc) (string, error) {
			p(0, 1, "Đang dàn trang PDF và ghi thư…")
			var err error
			res, err = export.WriteFile(path, func(w io.Writer) (export.Result, error) { return export.Mail(w, r, opt) })
			return "", err
		}, func(_ string, err error) {
			if err != nil {
				dropEmpty(path)
				u.showError(err)
				return
			}
			u.notify("Đã ghi thư " + filepath.Base(path))
			u.offerOpen("Đã soạn thư", fmt.Sprintf("Đã ghi %s, đính kèm %s. Mở tệp để gửi bằng chương trình thư.",
				path, res.Attachment), res.Warnings, path)
		})
	})
}

// onRegisterDocuments writes the year's register of outgoing documents.
func (u *mainUI) onRegisterDocuments() {
	years := u.yearChoices()
	sel := widget.NewSelect(years, nil)
	sel.SetSelectedIndex(0)
	note := widget.NewLabel("Sổ gồm các văn bản đã duyệt hoặc đã đăng, có số, trong năm đã chọn; mỗi cơ quan ban hành và mỗi dãy số (ký hiệu) một quyển, có bìa riêng.")
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

// writeRegister writes the register of year to path behind a progress
// dialog that can cancel it.
func (u *mainUI) writeRegister(path string, year int) {
	opt := u.exportOptions()
	var res export.Result
	u.runLong("Đang lập sổ văn bản đi", func(p progressFunc) (string, error) {
		opt.Progress = p
		var err error
		res, err = export.WriteFile(path, func(w io.Writer) (export.Result, error) { return export.Register(w, year, opt) })
		return vntext.Number(res.Count) + " văn bản", cancelled(err)
	}, func(summary string, err error) {
		if err != nil {
			dropEmpty(path)
			u.showError(err)
			return
		}
		u.offerOpen("Đã lập sổ văn bản đi", fmt.Sprintf("Đã ghi %s: %s, %s trang.", path, summary, vntext.Number(res.Pages)), res.Warnings, path)
	})
}

// cancelled turns the export's cancellation into the window's.
func cancelled(err error) error {
	if errors.Is(err, export.ErrCancelled) {
		return errCancelled
	}
	return err
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

// writeNewsList writes "Các tin đã đăng" from from to to into path.
func (u *mainUI) writeNewsList(path string, from, to time.Time) {
	opt := u.exportOptions()
	var res export.Result
	u.runLong("Đang lập danh sách tin đã đăng", func(p progressFunc) (string, error) {
		opt.Progress = p
		var err error
		res, err = export.WriteFile(path, func(w io.Writer) (export.Result, error) { return export.NewsList(w, from, to, opt) })
		return vntext.Number(res.Count) + " tin", cancelled(err)
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

// onExportJSONL writes the whole archive as JSON Lines where the clerk
// chooses.
func (u *mainUI) onExportJSONL() {
	name := "bientap-" + u.clock.Now().Format("2006-01-02") + ".jsonl"
	u.saveFileDialog("Xuất toàn bộ dữ liệu (JSONL)", name, []string{".jsonl"}, "exportDir", u.exportJSONLTo)
}

// exportJSONLTo writes the archive to path behind a progress dialog that
// counts records; Hủy stops it within a moment and leaves no file.
func (u *mainUI) exportJSONLTo(path string) {
	st := u.st
	var n int
	u.runLongCtx("Đang xuất dữ liệu", func(ctx context.Context, p progressFunc) (string, error) {
		p(0, 0, "Đang ghi các bản ghi…")
		return "", atomicfile.WriteFile(path, func(w io.Writer) error {
			var err error
			n, err = st.ExportJSONL(ctx, w, storeProgress(p, "Đang ghi các bản ghi…"))
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
}
