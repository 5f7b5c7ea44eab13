package store

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"unicode/utf8"

	"bientap/model"
	"bientap/model/vntext"
)

// words splits a query into folded search words.
func words(text string) []string {
	f := vntext.Fold(vntext.Clean(text))
	return strings.FieldsFunc(f, func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r >= utf8.RuneSelf)
	})
}

// matchExpr builds the FTS4 expression for the query words: every word must
// appear; the last one is a prefix (the clerk is still typing it) once it has
// two letters: a one-letter prefix would match most of the archive. With
// col, the words must appear in that column.
func matchExpr(ws []string, col string) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		p := w
		if col != "" {
			p = col + ":" + w
		}
		if i == len(ws)-1 && utf8.RuneCountInString(w) >= 2 {
			p += "*"
		}
		parts[i] = p
	}
	return strings.Join(parts, " ")
}

// filterExpr adds the status, kind, year and category filters as tag words.
func filterExpr(q Query) string {
	var parts []string
	if len(q.Statuses) > 0 {
		var alt []string
		for _, s := range q.Statuses {
			if s != model.StatusTrash {
				alt = append(alt, "tags:zqs"+string(s))
			}
		}
		parts = append(parts, "("+strings.Join(alt, " OR ")+")")
	}
	if len(q.Kinds) > 0 {
		var alt []string
		for _, k := range q.Kinds {
			alt = append(alt, "tags:zqk"+tagWord(string(k)))
		}
		parts = append(parts, "("+strings.Join(alt, " OR ")+")")
	}
	if q.Year > 0 {
		parts = append(parts, fmt.Sprintf("tags:zqy%d", q.Year))
	}
	if c := categoryTag(q.Category); c != "" {
		parts = append(parts, "tags:"+c)
	}
	return strings.Join(parts, " ")
}

// splitTrash separates the trash from the other statuses a query asks for:
// the index holds only the others.
func splitTrash(q Query) (indexed Query, indexedWanted, trash bool) {
	if len(q.Statuses) == 0 {
		return q, true, false
	}
	var others []model.Status
	for _, s := range q.Statuses {
		if s == model.StatusTrash {
			trash = true
		} else {
			others = append(others, s)
		}
	}
	q.Statuses = others
	return q, len(others) > 0, trash
}

// trashMatches scans the trash (small, and kept out of the index) for the
// query words and returns the keys of the matches: title matches first,
// then the rest, each newest first.
func (rc rawConn) trashMatches(q Query) ([]int64, error) {
	where, args := listWhere(Query{Statuses: []model.Status{model.StatusTrash}, Kinds: q.Kinds,
		Category: q.Category, Year: q.Year, From: q.From, To: q.To})
	ws := words(q.Text)
	var inTitle, other []int64
	var dates dateCache
	err := rc.each("SELECT id, date, title, summary, body FROM records"+where+" ORDER BY date DESC, id DESC", args,
		func(v []driver.Value) error {
			id, _ := v[0].(int64)
			key := searchKey(dates.parse(text(v[1])), id)
			title := text(v[2])
			switch {
			case hasAllWords(vntext.Fold(title), ws):
				inTitle = append(inTitle, key)
			case hasAllWords(vntext.Fold(title+"\n"+text(v[3])+"\n"+text(v[4])), ws):
				other = append(other, key)
			}
			return nil
		})
	return append(inTitle, other...), err
}

// hasAllWords reports whether every word starts a word of folded text (the
// last one as a prefix, the others whole), as the index would match it.
func hasAllWords(folded string, ws []string) bool {
	for i, w := range ws {
		if _, ok := findWord(folded, w, isPrefix(ws, i), 0); !ok {
			return false
		}
	}
	return true
}

// rangeSQL restricts a docid range for the From/To dates.
func rangeSQL(q Query) (string, []any) {
	var cond []string
	var args []any
	if !q.From.IsZero() {
		cond = append(cond, "docid >= ?")
		args = append(args, searchKey(model.Day(q.From), 0))
	}
	if !q.To.IsZero() {
		cond = append(cond, "docid < ?")
		args = append(args, searchKey(model.Day(q.To).AddDate(0, 0, 1), 0))
	}
	if len(cond) == 0 {
		return "", nil
	}
	return " AND " + strings.Join(cond, " AND "), args
}

// matchKeys returns the keys of the matches of expr in table, newest
// first, from offset (limit 0: all of them).
func (rc rawConn) matchKeys(table, expr string, q Query, offset, limit int) ([]int64, error) {
	rs, args := rangeSQL(q)
	query := "SELECT docid FROM " + table + " WHERE " + table + " MATCH ?" + rs + " ORDER BY docid DESC"
	args = append([]any{expr}, args...)
	var keys []int64
	if limit > 0 {
		query += " LIMIT ? OFFSET ?"
		args = append(args, limit, offset)
		keys = make([]int64, 0, limit)
	}
	err := rc.each(query, args, func(v []driver.Value) error {
		k, _ := v[0].(int64)
		keys = append(keys, k)
		return nil
	})
	return keys, err
}

func (rc rawConn) matchCount(table, expr string, q Query) (int, error) {
	rs, args := rangeSQL(q)
	var n int64
	err := rc.each("SELECT count(*) FROM "+table+" WHERE "+table+" MATCH ?"+rs, append([]any{expr}, args...),
		func(v []driver.Value) error {
			n, _ = v[0].(int64)
			return nil
		})
	return int(n), err
}

// countIndex counts the indexed matches of q.
func (rc rawConn) countIndex(q Query) (int, error) {
	return rc.matchCount("search", matchExpr(words(q.Text), "")+" "+filterExpr(q), q)
}

// searchExprs gives the two tiers of a ranked search: title matches first
// (in search_title), then the other matches (in search); each tier newest
// first.
func searchExprs(q Query) (title, rest string) {
	ws := words(q.Text)
	f := filterExpr(q)
	title = matchExpr(ws, "title") + " " + f
	rest = matchExpr(ws, "") + " NOT (" + matchExpr(ws, "title") + ") " + f
	return title, rest
}

// searchPage returns the keys of one page (q.Offset, q.Limit) of a ranked
// search: the indexed matches, title matches first, then the trash when q
// asks for it.
func (rc rawConn) searchPage(q Query) ([]int64, error) {
	if len(words(q.Text)) == 0 {
		return nil, nil
	}
	iq, indexed, trash := splitTrash(q)
	if !trash {
		return rc.indexPage(iq)
	}
	var keys []int64
	n := 0
	if indexed {
		var err error
		if n, err = rc.countIndex(iq); err != nil {
			return nil, err
		}
		if keys, err = rc.indexPage(iq); err != nil {
			return nil, err
		}
	}
	if q.Limit > 0 && len(keys) >= q.Limit {
		return keys, nil
	}
	tm, err := rc.trashMatches(q)
	if err != nil {
		return nil, err
	}
	off := max(q.Offset-n, 0)
	if off >= len(tm) {
		return keys, nil
	}
	tm = tm[off:]
	if q.Limit > 0 && len(keys)+len(tm) > q.Limit {
		tm = tm[:q.Limit-len(keys)]
	}
	return append(keys, tm...), nil
}

// indexPage pages through the indexed (not trashed) matches: the title
// tier, then the rest.
func (rc rawConn) indexPage(q Query) ([]int64, error) {
	tExpr, rExpr := searchExprs(q)
	limit := q.Limit
	keys, err := rc.matchKeys("search_title", tExpr, q, q.Offset, limit)
	if err != nil {
		return nil, err
	}
	if limit > 0 && len(keys) >= limit {
		return keys, nil
	}
	if q.Offset == 0 && limit > 0 {
		// The first page, with every title match in hand: the newest
		// matches less those, which spares the index the NOT (it reads the
		// title positions of every match: a third of a broad query's time).
		all, err := rc.matchKeys("search", matchExpr(words(q.Text), "")+" "+filterExpr(q), q, 0, limit)
		if err != nil {
			return nil, err
		}
		rest := without(all, keys)
		return append(keys, rest[:min(len(rest), limit-len(keys))]...), nil
	}
	off := 0
	if len(keys) == 0 && q.Offset > 0 {
		nt, err := rc.matchCount("search_title", tExpr, q)
		if err != nil {
			return nil, err
		}
		off = max(q.Offset-nt, 0)
	}
	more := 0
	if limit > 0 {
		more = limit - len(keys)
	}
	rest, err := rc.matchKeys("search", rExpr, q, off, more)
	if err != nil {
		return nil, err
	}
	return append(keys, rest...), nil
}

// tiers returns every match of q in its tiers, each newest first: title
// matches, the other indexed matches, then the trash (when q asks for it).
func (rc rawConn) tiers(q Query) ([][]int64, error) {
	if len(words(q.Text)) == 0 {
		return nil, nil
	}
	iq, indexed, trash := splitTrash(q)
	var out [][]int64
	if indexed {
		// The rest is every match less the title matches: cheaper than
		// asking the index for the rest (its NOT reads the title column's
		// positions of every match).
		tExpr, _ := searchExprs(iq)
		title, err := rc.matchKeys("search_title", tExpr, iq, 0, 0)
		if err != nil {
			return nil, err
		}
		all, err := rc.matchKeys("search", matchExpr(words(q.Text), "")+" "+filterExpr(iq), iq, 0, 0)
		if err != nil {
			return nil, err
		}
		out = append(out, title, without(all, title))
	}
	if trash {
		tm, err := rc.trashMatches(q)
		if err != nil {
			return nil, err
		}
		out = append(out, tm)
	}
	return out, nil
}

// without returns the keys of all (newest first) that are not in some (a
// subset of all, newest first), reusing all's array.
func without(all, some []int64) []int64 {
	out, j := all[:0], 0
	for _, k := range all {
		for j < len(some) && some[j] > k {
			j++
		}
		if j < len(some) && some[j] == k {
			continue
		}
		out = append(out, k)
	}
	return out
}
