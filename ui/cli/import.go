package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"bientap/model"
	"bientap/model/importer"
	"bientap/model/store"
	"bientap/model/vntext"
)

func init() {
	register(command{name: "import",
		usage: "TỆP… [--update] [--encoding auto|tcvn3|vni|viqr|cp1258|utf8] [--kind LOẠI] [--status TRẠNG_THÁI] [-q]",
		run:   runImport})
}

// importTally adds up what the files of one import command did.
type importTally struct {
	created, updated, skipped, failed int
}

// runImport files portal pages (.txt, .html), Word files (.docx) and JSON
// Lines archives. stdout gets the ids created, one per line; stderr gets
// what each file gave (its report, unless -q) and the summary line
// "Đã nhập N bản ghi, bỏ qua M trùng, K tệp lỗi". A file that cannot be
// read is one line on stderr and the other files still go in; the exit
// status is 1 when any file failed. A single file that fails gives that one
// line and nothing else.
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
	var t importTally
	for _, name := range files {
		var err error
		if model.IsJSONLName(name) {
			err = importJSONL(env, st, name, *update, *quiet, &t)
		} else {
			err = importOther(env, st, name, opts, *quiet, &t)
		}
		if err == nil {
			continue
		}
		cancelled := errors.Is(err, context.Canceled)
		if err = stopped(err); len(files) == 1 {
			return fmt.Errorf("%s: %s", name, oneLine(err))
		}
		fmt.Fprintf(env.Stderr, "bientap import: %s: %s\n", name, oneLine(err))
		t.failed++
		if cancelled {
			break // Ctrl+C stops the command: the files after it are not read
		}
	}
	summary := fmt.Sprintf("Đã nhập %d bản ghi", t.created)
	if t.updated > 0 {
		summary += fmt.Sprintf(", cập nhật %d", t.updated)
	}
	fmt.Fprintf(env.Stderr, "%s, bỏ qua %d trùng, %d tệp lỗi\n", summary, t.skipped, t.failed)
	if t.failed > 0 {
		return errReported
	}
	return nil
}

func oneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n", " ") }

// importOther files a portal page or a Word file through the importer.
func importOther(env *Env, st *store.Store, name string, opts importer.Options, quiet bool, t *importTally) error {
	res, p, err := importer.ImportFile(st, name, opts)
	if err != nil {
		return err
	}
	for _, id := range res.Created {
		fmt.Fprintln(env.Stdout, id)
	}
	t.created += len(res.Created)
	t.updated += len(res.Updated)
	t.skipped += len(res.Skipped)
	if quiet {
		return nil
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
	return nil
}

// importJSONL streams a JSON Lines archive into the store, all or nothing;
// records the archive already holds are recognised (see store.ImportJSONL)
// and reported. Ctrl+C stops it and the file leaves nothing (other imports
// keep the default Ctrl+C, which ends the process).
func importJSONL(env *Env, st *store.Store, name string, update, quiet bool, t *importTally) error {
	ctx, cancel := interruptible()
	defer cancel()
	res, err := st.ImportJSONLFile(ctx, name, store.ImportOptions{Update: update})
	if err != nil {
		return err
	}
	for _, id := range res.Created {
		fmt.Fprintln(env.Stdout, id)
	}
	t.created += len(res.Created)
	t.updated += len(res.Updated)
	t.skipped += res.Skipped()
	if quiet {
		return nil
	}
	fmt.Fprintf(env.Stderr, "%s: nhập %d, cập nhật %d, bỏ qua %d\n", name, len(res.Created), len(res.Updated), res.Skipped())
	if n := len(res.Unchanged); n > 0 {
		fmt.Fprintf(env.Stderr, "  %d bản ghi đã có, giống hệt: bỏ qua\n", n)
	}
	if n := len(res.Differing); n > 0 {
		fmt.Fprintf(env.Stderr, "  %d bản ghi đã có nhưng khác (mã %s): giữ bản trong kho; dùng --update để thay bằng bản trong tệp\n",
			n, idList(res.Differing, 10))
	}
	if n := len(res.Updated); n > 0 {
		fmt.Fprintf(env.Stderr, "  %d bản ghi được cập nhật (mã %s); bản cũ còn trong lịch sử\n", n, idList(res.Updated, 10))
	}
	return nil
}

// idList writes up to n ids, "12, 15, 18 …".
func idList(ids []int64, n int) string {
	var parts []string
	for i, id := range ids {
		if i == n {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprint(id))
	}
	return strings.Join(parts, ", ")
}

// shorten cuts s to n runes, marking the cut with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
