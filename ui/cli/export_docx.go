package cli

import (
	"fmt"
	"io"

	"bientap/export"
)

func init() {
	register(command{name: "export docx", usage: "ID -o TỆP.docx [--layout tin|vanban] [--font liberation|times]", run: runExportDocx})
}

// runExportDocx writes the record as a Word file: a Decree-30 document
// laid out as its PDF, or a news item as a plain article.
func runExportDocx(env *Env, args []string) error {
	fs := newFlags("export docx")
	out := fs.String("o", "", "tệp .docx ra")
	layout := fs.String("layout", "", "tin hoặc vanban")
	font := fs.String("font", "", "liberation hoặc times")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if *out == "" {
		return usageError("thiếu tệp ra (-o TỆP.docx)")
	}
	lay, err := export.ParseLayout(*layout)
	if err != nil {
		return usageError("%v", err)
	}
	st, r, err := env.record(pos)
	if err != nil {
		return err
	}
	opt, err := exportOptions(st, *font)
	if err != nil {
		return err
	}
	opt.Layout = lay
	res, err := export.WriteFile(*out, func(w io.Writer) (export.Result, error) { return export.Docx(w, r, opt) })
	if err != nil {
		return err
	}
	warn(env, res.Warnings)
	fmt.Fprintf(env.Stderr, "Đã ghi %s (phông %s)\n", *out, res.Font)
	return nil
}
