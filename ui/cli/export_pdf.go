package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"bientap/export"
	"bientap/export/fonts"
	"bientap/model/store"
	"bientap/model/vntext"
)

// Every export command goes through package export, the one entry per
// output the window calls too; these files only read the flags.

func init() {
	register(command{name: "export pdf", usage: "ID -o TỆP.pdf [--layout tin|vanban] [--font liberation|times]", run: runExportPDF})
	register(command{name: "export register",
		usage: "--year NĂM -o TỆP.pdf [--kind documents|news] [--from dd/mm/yyyy --to dd/mm/yyyy] [--font liberation|times]",
		run:   runExportRegister})
}

// exportOptions reads the archive's settings, with --font overriding the
// family when given.
func exportOptions(st *store.Store, font string) (export.Options, error) {
	s, err := st.LoadSettings()
	if err != nil {
		return export.Options{}, err
	}
	if font != "" {
		if _, err := fonts.ParseFamily(font); err != nil {
			return export.Options{}, usageError("%v", err)
		}
	}
	return export.Options{Settings: s, Font: font, Archive: st}, nil
}

// reportPDF prints the result summary and warnings on stderr.
func reportPDF(env *Env, path string, res export.Result) {
	warn(env, res.Warnings)
	fmt.Fprintf(env.Stderr, "Đã ghi %s (%d trang, phông %s)\n", path, res.Pages, res.Font)
}

// warn prints an export's warnings on stderr.
func warn(env *Env, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintf(env.Stderr, "Cảnh báo: %s\n", w)
	}
}

func runExportPDF(env *Env, args []string) error {
	fs := newFlags("export pdf")
	out := fs.String("o", "", "tệp PDF ra")
	layout := fs.String("layout", "", "tin hoặc vanban")
	font := fs.String("font", "", "liberation hoặc times")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if *out == "" {
		return usageError("thiếu tệp ra (-o TỆP.pdf)")
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
	res, err := export.WriteFile(*out, func(w io.Writer) (export.Result, error) { return export.PDF(w, r, opt) })
	if err != nil {
		return err
	}
	reportPDF(env, *out, res)
	return nil
}

func runExportRegister(env *Env, args []string) error {
	fs := newFlags("export register")
	out := fs.String("o", "", "tệp PDF ra")
	year := fs.Int("year", 0, "năm")
	kind := fs.String("kind", "documents", "documents hoặc news")
	fromS := fs.String("from", "", "từ ngày dd/mm/yyyy")
	toS := fs.String("to", "", "đến ngày dd/mm/yyyy")
	font := fs.String("font", "", "liberation hoặc times")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("thừa đối số %q", pos[0])
	}
	if *out == "" {
		return usageError("thiếu tệp ra (-o TỆP.pdf)")
	}
	if *year < 0 || *year > 9999 {
		return usageError("năm không hợp lệ %d", *year)
	}
	var from, to time.Time
	for _, d := range []struct {
		s    string
		t    *time.Time
		name string
	}{{*fromS, &from, "--from"}, {*toS, &to, "--to"}} {
		if strings.TrimSpace(d.s) == "" {
			continue
		}
		t, err := vntext.ParseDate(d.s)
		if err != nil {
			return usageError("%s: %v", d.name, err)
		}
		*d.t = t
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return usageError("--to (%s) trước --from (%s)", vntext.ListDate(to), vntext.ListDate(from))
	}
	var write func(io.Writer, export.Options) (export.Result, error)
	switch *kind {
	case "documents", "vanban":
		if *year == 0 {
			return usageError("sổ đăng ký văn bản đi cần --year")
		}
		if !from.IsZero() || !to.IsZero() {
			return usageError("sổ đăng ký văn bản đi lập theo năm: dùng --year, không dùng --from/--to")
		}
		write = func(w io.Writer, o export.Options) (export.Result, error) { return export.Register(w, *year, o) }
	case "news", "tin":
		if *year != 0 {
			if from.IsZero() {
				from = time.Date(*year, 1, 1, 0, 0, 0, 0, time.UTC)
			}
			if to.IsZero() {
				to = time.Date(*year, 12, 31, 0, 0, 0, 0, time.UTC)
			}
		}
		if from.IsZero() && to.IsZero() {
			return usageError("danh sách tin cần --year hoặc --from/--to")
		}
		write = func(w io.Writer, o export.Options) (export.Result, error) { return export.NewsList(w, from, to, o) }
	default:
		return usageError("loại sổ không hợp lệ %q (dùng: documents, news)", *kind)
	}
	st, err := env.Store()
	if err != nil {
		return err
	}
	opt, err := exportOptions(st, *font)
	if err != nil {
		return err
	}
	res, err := export.WriteFile(*out, func(w io.Writer) (export.Result, error) { return write(w, opt) })
	if err != nil {
		return err
	}
	reportPDF(env, *out, res)
	return nil
}
