package cli

import (
	"fmt"
	"io"

	"bientap/export"
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
	opt, err := exportOptions(st, *font)
	if err != nil {
		return err
	}
	opt.From, opt.To = *from, *to
	res, err := export.WriteFile(*out, func(w io.Writer) (export.Result, error) { return export.Mail(w, r, opt) })
	if err != nil {
		return err
	}
	warn(env, res.Warnings)
	fmt.Fprintf(env.Stderr, "Đã ghi %s (đính kèm %s, %d trang)\n", *out, res.Attachment, res.Pages)
	return nil
}
