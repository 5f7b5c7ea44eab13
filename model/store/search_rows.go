package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"bientap/model"
)

// The list's rows are read from records_by_date, which covers every column
// an Item shows (see migrateSearchKey): a run of rows is a walk along one
// index of short entries (about 15 MB for 100,000 records) instead of a
// visit to each record's row among its bodies (800 MB).

// itemColumns are the columns of an Item, all in records_by_date.
const itemColumns = "id, date, status, kind, title, category, number, sign"

// dateCache parses the ISO dates of consecutive rows, which repeat.
type dateCache struct {
	text string
	date time.Time
}

func (c *dateCache) parse(s string) time.Time {
	if s != c.text {
		c.text = s
		c.date, _ = time.Parse(model.ISODate, s)
	}
	return c.date
}

// rowScanner scans itemColumns into an Item.
type rowScanner struct {
	it    Item
	date  string
	dates dateCache
	dest  []any
}

func newRowScanner(extra ...any) *rowScanner {
	r := &rowScanner{}
	r.dest = append([]any{&r.it.ID, &r.date, &r.it.Status, &r.it.Kind, &r.it.Title, &r.it.Category,
		&r.it.Number, &r.it.Sign}, extra...)
	return r
}

func (r *rowScanner) scan(rows *sql.Rows) (Item, error) {
	r.it = Item{}
	if err := rows.Scan(r.dest...); err != nil {
		return Item{}, translate(err)
	}
	r.it.Date = r.dates.parse(r.date)
	return r.it, nil
}

// listRows reads the dated list (q without words) in list order.
func (s *Store) listRows(ctx context.Context, q Query, f func(Item) error) error {
	where, args := listWhere(q)
	order := " ORDER BY date DESC, id DESC"
	if q.OldestFirst {
		order = " ORDER BY date, id"
	}
	var query string
	if idx := listIndex(q); q.Limit > 0 && idx != "records_by_date" {
		// A page of a filtered list: the page's ids come from the index that
		// starts with the filter column, walked in list order, so skipping
		// OFFSET rows reads no records (a page at row 90,000 of 100,000 in
		// milliseconds instead of a second); then the page's rows.
		query = "SELECT " + itemColumns + " FROM records WHERE id IN (SELECT id FROM records INDEXED BY " +
			idx + where + order + " LIMIT ? OFFSET ?)" + order
	} else {
		// Straight along the covering index, the filters tested in it.
		query = "SELECT " + itemColumns + " FROM records INDEXED BY records_by_date" + where + order
		if q.Limit > 0 {
			query += " LIMIT ? OFFSET ?"
		}
	}
	if q.Limit > 0 {
		args = append(args, q.Limit, q.Offset)
	} else if q.Offset > 0 {
		query += " LIMIT -1 OFFSET ?"
		args = append(args, q.Offset)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return translate(err)
	}
	defer rows.Close()
	sc := newRowScanner()
	for rows.Next() {
		it, err := sc.scan(rows)
		if err != nil {
			return err
		}
		if err := f(it); err != nil {
			return err
		}
	}
	return translate(rows.Err())
}

// keyRows reads the items of the search keys, in their order.
func (s *Store) keyRows(ctx context.Context, keys []int64, f func(Item) error) error {
	if len(keys) == 0 {
		return nil
	}
	descending := slices.IsSortedFunc(keys, func(a, b int64) int { return cmp.Compare(b, a) })
	if descending && len(keys) >= walkMin {
		var all int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM records").Scan(&all); err != nil {
			return translate(err)
		}
		if len(keys)*walkRatio >= all {
			return s.walkKeys(ctx, keys, f)
		}
	}
	stmt, err := s.db.PrepareContext(ctx, "SELECT "+itemColumns+" FROM records INDEXED BY records_by_date WHERE date = ? AND id = ?")
	if err != nil {
		return translate(err)
	}
	defer stmt.Close()
	sc := newRowScanner()
	for _, k := range keys {
		rows, err := stmt.QueryContext(ctx, keyDate(k), keyID(k))
		if err != nil {
			return translate(err)
		}
		found := rows.Next()
		var it Item
		if found {
			it, err = sc.scan(rows)
		}
		rows.Close()
		if err != nil {
			return err
		}
		if !found {
			continue // deleted meanwhile
		}
		if err := f(it); err != nil {
			return err
		}
	}
	return nil
}

// Many keys are read by walking the index over their dates and picking
// them out (one ordered scan); a few are sought one by one. The walk pays
// off once the keys are about one row in walkRatio.
const (
	walkMin   = 256
	walkRatio = 8
)

// walkKeys reads the items of keys (newest first, by date then id) by
// walking records_by_date over their dates.
func (s *Store) walkKeys(ctx context.Context, keys []int64, f func(Item) error) error {
	rows, err := s.db.QueryContext(ctx, "SELECT "+itemColumns+" FROM records INDEXED BY records_by_date"+
		" WHERE date BETWEEN ? AND ? ORDER BY date DESC, id DESC", keyDate(keys[len(keys)-1]), keyDate(keys[0]))
	if err != nil {
		return translate(err)
	}
	defer rows.Close()
	sc := newRowScanner()
	next := 0
	for next < len(keys) && rows.Next() {
		it, err := sc.scan(rows)
		if err != nil {
			return err
		}
		k := searchKey(it.Date, it.ID)
		for next < len(keys) && keys[next] > k {
			next++ // deleted meanwhile
		}
		if next < len(keys) && keys[next] == k {
			next++
			if err := f(it); err != nil {
				return err
			}
		}
	}
	return translate(rows.Err())
}

// searchItems loads a search page's items in the order of keys, with their
// snippets and marks.
func (s *Store) searchItems(ctx context.Context, keys []int64, ws []string) ([]Item, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = keyID(k)
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+itemColumns+", summary, body FROM records WHERE id IN ("+
		strings.TrimSuffix(strings.Repeat("?,", len(keys)), ",")+")", args...)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	type row struct {
		it            Item
		summary, body string
	}
	byID := make(map[int64]row, len(keys))
	var summary, body string
	sc := newRowScanner(&summary, &body)
	for rows.Next() {
		it, err := sc.scan(rows)
		if err != nil {
			return nil, err
		}
		byID[it.ID] = row{it, summary, body}
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err)
	}
	items := make([]Item, 0, len(keys))
	for _, k := range keys {
		r, ok := byID[keyID(k)]
		if !ok {
			continue // deleted meanwhile
		}
		it := r.it
		text := r.summary + "\n" + r.body
		if it.Snippet, it.SnippetMarks = Snippet(text, ws); it.Snippet == "" {
			it.Snippet, _ = Snippet(text, nil) // a title match only: the start
		}
		it.TitleMarks = Marks(it.Title, ws)
		items = append(items, it)
	}
	return items, nil
}

// listIndex picks the index that holds the list's filter columns in list
// order (see the schema), so a page needs no sort.
func listIndex(q Query) string {
	switch {
	case q.Category != "":
		return "records_by_category"
	case len(q.Statuses) == 1 && len(q.Kinds) != 1:
		return "records_by_status"
	case len(q.Kinds) == 1:
		return "records_by_kind"
	}
	return "records_by_date"
}

func listWhere(q Query) (string, []any) {
	var cond []string
	var args []any
	in := func(col string, vals []string) {
		cond = append(cond, col+" IN ("+strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",")+")")
		for _, v := range vals {
			args = append(args, v)
		}
	}
	if len(q.Statuses) > 0 {
		var v []string
		for _, s := range q.Statuses {
			v = append(v, string(s))
		}
		in("status", v)
	} else {
		// IN, not !=, so that counts read only the status index.
		cond = append(cond, "status IN ('draft', 'review', 'approved', 'published')")
	}
	if len(q.Kinds) > 0 {
		var v []string
		for _, k := range q.Kinds {
			v = append(v, string(k))
		}
		in("kind", v)
	}
	if q.Category != "" {
		cond = append(cond, "category = ?")
		args = append(args, q.Category)
	}
	from, to := q.From, q.To
	if q.Year > 0 {
		yf := time.Date(q.Year, 1, 1, 0, 0, 0, 0, time.UTC)
		yt := time.Date(q.Year, 12, 31, 0, 0, 0, 0, time.UTC)
		if from.IsZero() || from.Before(yf) {
			from = yf
		}
		if to.IsZero() || to.After(yt) {
			to = yt
		}
	}
	if !from.IsZero() {
		cond = append(cond, "date >= ?")
		args = append(args, model.Day(from).Format(model.ISODate))
	}
	if !to.IsZero() {
		cond = append(cond, "date <= ?")
		args = append(args, model.Day(to).Format(model.ISODate))
	}
	return " WHERE " + strings.Join(cond, " AND "), args
}
