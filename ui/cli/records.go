package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"bientap/model"
	"bientap/model/store"
)

func init() {
	register(command{name: "list", usage: "[--year Y] [--status S] [--kind K] [--category C]", run: runList})
	register(command{name: "search", usage: "TỪ_KHÓA… [--status S] [--kind K] [--year Y]", run: runSearch})
}

// queryFlags adds the shared filter flags to fs and returns a function that
// fills a Query from them.
func queryFlags(fs interface {
	Int(string, int, string) *int
	String(string, string, string) *string
}) func(q *store.Query) error {
	year := fs.Int("year", 0, "năm")
	status := fs.String("status", "", "trạng thái")
	kind := fs.String("kind", "", "loại")
	category := fs.String("category", "", "chuyên mục")
	return func(q *store.Query) error {
		q.Year, q.Category = *year, *category
		if *status != "" {
			st, err := model.ParseStatus(*status)
			if err != nil {
				return usageError("%v", err)
			}
			q.Statuses = []model.Status{st}
		}
		if *kind != "" {
			k, err := model.ParseKind(*kind)
			if err != nil {
				return usageError("%v", err)
			}
			q.Kinds = []model.Kind{k}
		}
		return nil
	}
}

func runList(env *Env, args []string) error {
	fs := newFlags("list")
	fill := queryFlags(fs)
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("thừa đối số %q", pos[0])
	}
	var q store.Query
	if err := fill(&q); err != nil {
		return err
	}
	return printItems(env, q)
}

func runSearch(env *Env, args []string) error {
	fs := newFlags("search")
	fill := queryFlags(fs)
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	q := store.Query{Text: strings.Join(pos, " ")}
	if strings.TrimSpace(q.Text) == "" {
		return usageError("thiếu từ khóa tìm kiếm")
	}
	if err := fill(&q); err != nil {
		return err
	}
	return printItems(env, q)
}

// printItems writes every matching record, one line each:
// ID<TAB>dd/mm/yyyy<TAB>status<TAB>kind<TAB>title, paging through the store.
// On a damaged archive (the open-time check, which it waits for) it ends
// with a one-line warning and exit status 1.
func printItems(env *Env, q store.Query) error {
	st, err := env.Store()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(env.Stdout)
	q.Limit = 1000
	for {
		items, err := st.List(q)
		if err != nil {
			return fmt.Errorf("%s: %w", st.Path(), err)
		}
		for _, it := range items {
			writeItem(w, it)
		}
		if len(items) < q.Limit {
			break
		}
		q.Offset += len(items)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := st.Check(); err != nil {
		return fmt.Errorf("cảnh báo: %w; kết quả có thể thiếu, hãy khôi phục từ bản sao lưu", err)
	}
	return nil
}

func writeItem(w io.Writer, it store.Item) {
	title := strings.NewReplacer("\t", " ", "\n", " ").Replace(it.Title)
	fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\n", it.ID, it.Date.Format("02/01/2006"), it.Status, it.Kind, title)
}
