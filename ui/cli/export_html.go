package cli

import (
	"fmt"

	"bientap/export"
)

func init() {
	register(command{name: "export html", usage: "ID -o THƯ_MỤC | ID --fragment", run: runExportHTML})
}

// runExportHTML writes DIR/<slug>.html, the pictures beside it and
// DIR/<slug>.zip for the portal; with --fragment it prints the HTML
// fragment to stdout instead (what "Sao chép HTML" copies).
func runExportHTML(env *Env, args []string) error {
	fs := newFlags("export html")
	out := fs.String("o", "", "thư mục ra")
	fragment := fs.Bool("fragment", false, "in đoạn HTML ra màn hình")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if *out == "" && !*fragment {
		return usageError("thiếu thư mục ra (-o THƯ_MỤC)")
	}
	st, r, err := env.record(pos)
	if err != nil {
		return err
	}
	opt, err := exportOptions(st, "")
	if err != nil {
		return err
	}
	page := export.HTML(r, opt)
	for _, w := range page.Warnings {
		fmt.Fprintf(env.Stderr, "Cảnh báo: %s\n", w)
	}
	if *fragment {
		fmt.Fprint(env.Stdout, page.Fragment)
	}
	if *out == "" {
		return nil
	}
	w, err := page.WriteDir(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Đã ghi %s, %d ảnh và %s\n", w.HTML, len(w.Images), w.Zip)
	return nil
}
