package cli

import (
	"bytes"
	"fmt"
	"io"

	"bientap/export/atomicfile"
	"bientap/export/mail"
	"bientap/export/pdf"
	"bientap/model"
)

func init() {
	register(command{name: "export eml", usage: "ID -o TỆP.eml [--from ĐỊA_CHỈ] [--to ĐỊA_CHỈ] [--font liberation|times]",
		run: runExportEML})
}

// runExportEML writes an e-mail draft with the record's sapo and portal
// address as text and its PDF (news print view for news, the Decree 30
// layout otherwise) attached; opening the file hands it to the mail program.
func runExportEML(env *Env, args []string) error {
	fs := newFlags("export eml")
	out := fs.String("o", "", "tệp .eml ra")
	from := fs.String("from", "", "người gửi")
	to := fs.String("to", "", "người nhận")
	font := fs.String("font", "", "liberation hoặc times")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if *out == "" {
		return usageError("thiếu tệp ra (-o TỆP.eml)")
	}
	st, r, err := env.record(pos)
	if err != nil {
		return err
	}
	opt, err := pdfOptions(st, *font)
	if err != nil {
		return err
	}
	var doc bytes.Buffer
	var res pdf.Result
	if r.Kind == model.KindNews {
		res, err = pdf.News(&doc, r, opt)
	} else {
		res, err = pdf.Document(&doc, r, opt)
	}
	if err != nil {
		return fmt.Errorf("không tạo được PDF: %v", err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(env.Stderr, "Cảnh báo: %s\n", w)
	}
	err = atomicfile.WriteFile(*out, func(w io.Writer) error {
		return mail.Write(w, r, doc.Bytes(), mail.Options{From: *from, To: *to})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Đã ghi %s (đính kèm %s, %d trang)\n", *out, mail.AttachmentName(r.Title), res.Pages)
	return nil
}
