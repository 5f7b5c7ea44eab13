package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"bientap/export/atomicfile"
	"bientap/export/fonts"
	"bientap/export/pdf"
	"bientap/model"
	"bientap/model/store"
	"bientap/model/vntext"
)

func init() {
	register(command{name: "export pdf", usage: "ID -o TỆP.pdf [--layout tin|vanban] [--font liberation|times]", run: runExportPDF})
	register(command{name: "export register",
		usage: "--year NĂM -o TỆP.pdf [--kind documents|news] [--from dd/mm/yyyy --to dd/mm/yyyy] [--font liberation|times]",
		run:   runExportRegister})
}

// pdfOptions reads the archive's print settings, with --font overriding the
// family when given.
func pdfOptions(st *store.Store, font string) (pdf.Options, error) {
	s, err := st.LoadSettings()
	if err != nil {
		return pdf.Options{}, err
	}
	opt := pdf.OptionsFrom(s)
	if font != "" {
		f, err := fonts.ParseFamily(font)
		if err != nil {
			return opt, usageError("%v", err)
		}
		opt.Font = f
	}
	return opt, nil
}

// reportPDF prints the result summary and warnings on stderr.
func reportPDF(env *Env, path string, res pdf.Result) {
	for _, w := range res.Warnings {
		fmt.Fprintf(env.Stderr, "Cảnh báo: %s\n", w)
	}
	fmt.Fprintf(env.Stderr, "Đã ghi %s (%d trang, phông %s)\n", path, res.Pages, res.Font)
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
	st, r, err := env.record(pos)
	if err != nil {
		return err
	}
	news := r.Kind == model.KindNews
	switch *layout {
	case "":
	case "tin":
		news = true
	case "vanban":
		news = false
	default:
		return usageError("bố cục không hợp lệ %q (dùng: tin, vanban)", *layout)
	}
	opt, err := pdfOptions(st, *font)
	if err != nil {
		return err
	}
	var res pdf.Result
	err = atomicfile.WriteFile(*out, func(w io.Writer) error {
		var err error
		if news {
			res, err = pdf.News(w, r, opt)
		} else {
			res, err = pdf.Document(w, r, opt)
		}
		return err
	})
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
	st, err := env.Store()
	if err != nil {
		return err
	}
	opt, err := pdfOptions(st, *font)
	if err != nil {
		return err
	}
	var res pdf.Result
	switch *kind {
	case "documents", "vanban":
		if *year == 0 {
			return usageError("sổ đăng ký văn bản đi cần --year")
		}
		if !from.IsZero() || !to.IsZero() {
			return usageError("sổ đăng ký văn bản đi lập theo năm: dùng --year, không dùng --from/--to")
		}
		issued, err := st.OutgoingRegister(*year)
		if err != nil {
			return err
		}
		err = atomicfile.WriteFile(*out, func(w io.Writer) error {
			var err error
			res, err = pdf.Register(w, *year, issued, opt)
			return err
		})
		if err != nil {
			return err
		}
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
		recs, err := st.PublishedNews(from, to)
		if err != nil {
			return err
		}
		err = atomicfile.WriteFile(*out, func(w io.Writer) error {
			var err error
			res, err = pdf.NewsList(w, from, to, recs, opt)
			return err
		})
		if err != nil {
			return err
		}
	default:
		return usageError("loại sổ không hợp lệ %q (dùng: documents, news)", *kind)
	}
	reportPDF(env, *out, res)
	return nil
}
