package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"bientap/model"
)

// Query selects records for the list, search, registers and exports.
type Query struct {
	Text        string         // search words; empty lists by date
	Statuses    []model.Status // empty: every status but trash
	Kinds       []model.Kind
	Category    string
	Year        int       // 0: any year
	From, To    time.Time // inclusive date range; zero: open
	Offset      int
	Limit       int  // 0: no limit
	OldestFirst bool // registers list in date order
}

// Item is one row of the dated list.
type Item struct {
	ID     int64
	Date   time.Time
	Status model.Status
	Kind   model.Kind
	Title  string
	Number string
	Sign   string

	// Search pages only (List with Text): the text around the best match
	// in the summary and body, on one line, and where the query's words
	// are in it and in the title.
	Snippet      string
	SnippetMarks []Span
	TitleMarks   []Span
}

// searching reports whether q is a search (words) rather than the dated list.
func (q Query) searching() bool { return strings.TrimSpace(q.Text) != "" }

// List returns one page of the dated list: newest first, or, with q.Text,
// the search results ranked (title matches first, then newest first), each
// with a snippet around the match and the matches marked.
func (s *Store) List(q Query) ([]Item, error) { return s.ListContext(context.Background(), q) }

// ListContext is List stopped (with ctx's error) when ctx is done: the
// window drops a search the clerk has typed past.
func (s *Store) ListContext(ctx context.Context, q Query) (items []Item, err error) {
	err = s.withRaw(ctx, func(rc rawConn) error {
		if q.searching() {
			keys, err := rc.searchPage(q)
			if err == nil {
				items, err = rc.searchItems(keys, words(q.Text))
			}
			return err
		}
		return rc.listRows(q, itemColumns, func(it Item) error {
			items = append(items, it)
			return nil
		})
	})
	return items, err
}

// Each calls f with every item q selects (Offset and Limit apply), in list
// order, reading rows as it goes: the command line prints a search of
// 100,000 matches with it in less than half the time SQLite takes to scan
// the records for a word. Its items are brief: id, date, status, kind and
// title (no number, sign or snippet). An error from f stops it and is
// returned.
func (s *Store) Each(q Query, f func(Item) error) error {
	return s.withRaw(context.Background(), func(rc rawConn) error {
		if !q.searching() {
			return rc.listRows(q, briefColumns, f)
		}
		tiers, err := rc.tiers(q)
		if err != nil {
			return err
		}
		skip, left := q.Offset, q.Limit
		for _, keys := range tiers {
			n := min(skip, len(keys))
			keys, skip = keys[n:], skip-n
			if q.Limit > 0 {
				keys = keys[:min(left, len(keys))]
				left -= len(keys)
			}
			if err := rc.keyRows(keys, f); err != nil {
				return err
			}
		}
		return nil
	})
}

// Count returns how many records match q (ignoring Offset and Limit).
func (s *Store) Count(q Query) (int, error) { return s.CountContext(context.Background(), q) }

// CountContext is Count stopped (with ctx's error) when ctx is done.
func (s *Store) CountContext(ctx context.Context, q Query) (int, error) {
	if q.searching() {
		if len(words(q.Text)) == 0 {
			return 0, nil
		}
		iq, indexed, trash := splitTrash(q)
		n := 0
		err := s.withRaw(ctx, func(rc rawConn) error {
			if indexed {
				var err error
				if n, err = rc.countIndex(iq); err != nil {
					return err
				}
			}
			if trash {
				tm, err := rc.trashMatches(q)
				if err != nil {
					return err
				}
				n += len(tm)
			}
			return nil
		})
		return n, err
	}
	everyStatus := len(q.Statuses) == len(model.Statuses) && !slices.ContainsFunc(model.Statuses,
		func(st model.Status) bool { return !slices.Contains(q.Statuses, st) })
	if q.Category == "" && len(q.Kinds) == 0 && (len(q.Statuses) == 0 || everyStatus) && q.Year == 0 &&
		q.From.IsZero() && q.To.IsZero() {
		// SQLite counts a whole table without decoding rows; the trash is small.
		var all, trash int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM records").Scan(&all); err != nil {
			return 0, translate(err)
		}
		if everyStatus {
			return all, nil
		}
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM records WHERE status = 'trash'").Scan(&trash); err != nil {
			return 0, translate(err)
		}
		return all - trash, nil
	}
	where, args := listWhere(q)
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM records"+where, args...).Scan(&n)
	return n, translate(err)
}

// Records returns the full records (with images) that q selects, in list order.
func (s *Store) Records(q Query) ([]*model.Record, error) {
	var ids []int64
	if err := s.Each(q, func(it Item) error {
		ids = append(ids, it.ID)
		return nil
	}); err != nil {
		return nil, err
	}
	recs := make([]*model.Record, 0, len(ids))
	for _, id := range ids {
		r, err := s.Get(id)
		if err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	return recs, nil
}

// Categories lists every category in use (outside the trash), read from the
// category index without touching the records: one seek per category
// (the next category after the last found), not a walk over every entry.
func (s *Store) Categories() ([]string, error) {
	const next = `(SELECT category FROM records INDEXED BY records_by_category
		WHERE category > %s AND status != 'trash' ORDER BY category LIMIT 1)`
	rows, err := s.db.Query(`WITH RECURSIVE c(cat) AS (SELECT ` + fmt.Sprintf(next, "''") +
		` UNION ALL SELECT ` + fmt.Sprintf(next, "c.cat") + ` FROM c WHERE c.cat IS NOT NULL)
		SELECT cat FROM c WHERE cat IS NOT NULL`)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, translate(err)
		}
		out = append(out, c)
	}
	return out, translate(rows.Err())
}
