package cli

import (
	"fmt"
	"strings"

	"bientap/model"
	"bientap/model/importer"
	"bientap/model/vntext"
)

func init() {
	register(command{name: "import",
		usage: "TỆP… [--update] [--encoding auto|tcvn3|vni|viqr|cp1258|utf8] [--kind LOẠI] [--status TRẠNG_THÁI] [-q]",
		run:   runImport})
}

// runImport files portal pages (.txt, .html), Word files (.docx) and JSON
// Lines archives. stdout gets the ids created, one per line; stderr gets
// what each file gave (its report, unless -q) and the summary line
// "Đã nhập N bản ghi, bỏ qua M trùng, K tệp lỗi". A file that cannot be
// read is one line on stderr ("TỆP: problem") and the other files still go
// in; the exit status is 1 when any file failed, the summary then being the
// command's error line. A single file that fails gives that one line only.
func runImport(env *Env, args []string) error {
	fs := newFlags("import")
	update := fs.Bool("update", false, "cập nhật tin đã có (cùng tiêu đề và ngày)")
	encoding := fs.String("encoding", "", "bảng mã của tệp .txt")
	kind := fs.String("kind", "", "loại bản ghi chính")
	status := fs.String("status", "", "trạng thái bản ghi chính")
	quiet := fs.Bool("q", false, "không in báo cáo từng tệp")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usageError("cần ít nhất một tệp")
	}
	opts := importer.Options{Update: *update, Encoding: *encoding}
	if *kind != "" {
		if opts.Kind, err = model.ParseKind(*kind); err != nil {
			return usageError("%v", err)
		}
	}
	if *status != "" {
		if opts.Status, err = model.ParseStatus(*status); err != nil {
			return usageError("%v", err)
		}
	}
	st, err := env.Store()
	if err != nil {
		return err
	}
	created, updated, skipped, failed := 0, 0, 0, 0
	for _, name := range files {
		res, p, err := importer.ImportFile(st, name, opts)
		if err != nil {
			if len(files) == 1 {
				return fmt.Errorf("%s: %w", name, err)
			}
			fmt.Fprintf(env.Stderr, "%s: %v\n", name, strings.ReplaceAll(err.Error(), "\n", " "))
			failed++
			continue
		}
		for _, id := range res.Created {
			fmt.Fprintln(env.Stdout, id)
		}
		created += len(res.Created)
		updated += len(res.Updated)
		skipped += len(res.Skipped)
		if *quiet {
			continue
		}
		fmt.Fprintf(env.Stderr, "%s: nhập %d, cập nhật %d, bỏ qua %d\n", name, len(res.Created), len(res.Updated), len(res.Skipped))
		for _, l := range p.Report.Lines() {
			fmt.Fprintf(env.Stderr, "  %s\n", l)
		}
		for _, s := range res.Skipped {
			if s.ExistingID > 0 {
				fmt.Fprintf(env.Stderr, "  Đã có (mã %d): %s (%s)\n", s.ExistingID, shorten(s.Title, 120), vntext.ListDate(s.Date))
			}
		}
		for _, id := range res.Updated {
			fmt.Fprintf(env.Stderr, "  Đã cập nhật mã %d\n", id)
		}
	}
	summary := fmt.Sprintf("Đã nhập %d bản ghi", created)
	if updated > 0 {
		summary += fmt.Sprintf(", cập nhật %d", updated)
	}
	if failed > 0 {
		return fmt.Errorf("%s, bỏ qua %d trùng; %d/%d tệp không nhập được", summary, skipped, failed, len(files))
	}
	fmt.Fprintf(env.Stderr, "%s, bỏ qua %d trùng, %d tệp lỗi\n", summary, skipped, failed)
	return nil
}

// shorten cuts s to at most n runes, marking the cut with "…", so that a
// title read from a broken file cannot flood the terminal.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
