package store

import (
	"cmp"
	"database/sql/driver"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"bientap/model"
)

// The list's rows are read from records_by_date, which covers every column
// an Item shows (see migrateSearchKey): a run of rows is a walk along one
// index of short entries (about 15 MB for 100,000 records) instead of a
// visit to each record's row among its bodies (800 MB).

// itemColumns are the columns of an Item, all in records_by_date;
// briefColumns those Each gives (the command line prints no more, and
// each column costs about a tenth of a long run's time).
const (
	itemColumns  = "id, date, status, kind, title, number, sign"
	briefColumns = "id, date, status, kind, title"
)

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

// item makes an Item of a row of itemColumns (and returns the values past them).
func (c *dateCache) item(v []driver.Value) Item {
	id, _ := v[0].(int64)
	it := Item{ID: id, Date: c.parse(text(v[1])), Status: model.Status(text(v[2])), Kind: model.Kind(text(v[3])),
		Title: text(v[4])}
	if len(v) >= 7 {
		it.Number, it.Sign = text(v[5]), text(v[6])
	}
	return it
}

// listRows reads the dated list (q without words) in list order, the
// columns cols (itemColumns or briefColumns).
func (rc rawConn) listRows(q Query, cols string, f func(Item) error) error {
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
		query = "SELECT " + cols + " FROM records WHERE id IN (SELECT id FROM records INDEXED BY " +
			idx + where + order + " LIMIT ? OFFSET ?)" + order
	} else {
		// Straight along the covering index, the filters tested in it.
		query = "SELECT " + cols + " FROM records INDEXED BY records_by_date" + where + order
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
	var dates dateCache
	return rc.each(query, args, func(v []driver.Value) error { return f(dates.item(v)) })
}

// keyRows reads the brief items of the search keys, in their order.
func (rc rawConn) keyRows(keys []int64, f func(Item) error) error {
	if len(keys) == 0 {
		return nil
	}
	descending := slices.IsSortedFunc(keys, func(a, b int64) int { return cmp.Compare(b, a) })
	if descending && len(keys) >= walkMin {
		var all int64
		if err := rc.each("SELECT count(*) FROM records", nil, func(v []driver.Value) error {
			all, _ = v[0].(int64)
			return nil
		}); err != nil {
			return err
		}
		if int64(len(keys))*walkRatio >= all {
			return rc.walkKeys(keys, f)
		}
	}
	// One statement for all the keys: SQLite seeks each (date, id) of a
	// JSON array, in the array's order (CROSS JOIN keeps json_each the
	// outer loop), with no round trip per key.
	var b strings.Builder
	b.Grow(len(keys) * 24)
	b.WriteByte('[')
	day, date := int64(-1), ""
	for i, k := range keys {
		if d := k >> idBits; d != day {
			day, date = d, keyDate(k)
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`["` + date + `",` + strconv.FormatInt(keyID(k), 10) + `]`)
	}
	b.WriteByte(']')
	var dates dateCache
	return rc.each("SELECT r.id, r.date, r.status, r.kind, r.title FROM json_each(?) j"+
		" CROSS JOIN records r INDEXED BY records_by_date ON r.date = j.value->>0 AND r.id = j.value->>1",
		[]any{b.String()}, func(v []driver.Value) error { return f(dates.item(v)) })
}

// Many keys are read by walking the index over their dates and picking
// them out (one ordered scan); a few are sought one by one. The walk pays
// off once the keys are about one row in walkRatio.
const (
	walkMin   = 256
	walkRatio = 8
)

// walkKeys reads the brief items of keys (newest first, by date then id) by
// walking records_by_date over their dates.
func (rc rawConn) walkKeys(keys []int64, f func(Item) error) error {
	var dates dateCache
	next := 0
	err := rc.each("SELECT "+briefColumns+" FROM records INDEXED BY records_by_date"+
		" WHERE date BETWEEN ? AND ? ORDER BY date DESC, id DESC", []any{keyDate(keys[len(keys)-1]), keyDate(keys[0])},
		func(v []driver.Value) error {
			id, _ := v[0].(int64)
			k := searchKey(dates.parse(text(v[1])), id)
			for next < len(keys) && keys[next] > k {
				next++ // deleted meanwhile
			}
			if next < len(keys) && keys[next] == k {
				next++
				if err := f(dates.item(v)); err != nil {
					return err
				}
			}
			if next == len(keys) {
				return errWalkDone
			}
			return nil
		})
	if errors.Is(err, errWalkDone) {
		return nil
	}
	return err
}

// errWalkDone stops a walk once every key is found.
var errWalkDone = errors.New("store: walk done")

// searchItems loads a search page's items in the order of keys, with their
// snippets and marks.
func (rc rawConn) searchItems(keys []int64, ws []string) ([]Item, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = keyID(k)
	}
	type row struct {
		it            Item
		summary, body string
	}
	byID := make(map[int64]row, len(keys))
	var dates dateCache
	if err := rc.each("SELECT "+itemColumns+", summary, body FROM records WHERE id IN ("+
		strings.TrimSuffix(strings.Repeat("?,", len(keys)), ",")+")", args, func(v []driver.Value) error {
		it := dates.item(v)
		byID[it.ID] = row{it, text(v[7]), text(v[8])}
		return nil
	}); err != nil {
		return nil, err
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
