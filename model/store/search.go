package store

import (
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"bientap/model"
	"bientap/model/vntext"
)

// The search index is an FTS4 table over folded text (lower case, no
// diacritics, đ→d: see vntext.Fold), so "phong trao" finds "phong trào", NFD
// text is found like NFC, and both tone placements ("hòa", "hoà") match.
// FTS5 would need a build tag of go-sqlite3; FTS4 is compiled in by default,
// which keeps `go test ./...` free of flags.
//
// Its docid is searchKey(date, id): the date in the high bits, so iterating
// the index in docid order (FTS4 does it natively) yields the newest matches
// first and a page of results needs no sort over all matches.

var searchEpoch = time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC)

const idBits = 24 // ids below 16.7 million

func searchKey(date time.Time, id int64) int64 {
	days := int64(date.Sub(searchEpoch).Hours() / 24)
	if days < 0 {
		days = 0
	}
	return days<<idBits | id
}

func keyID(key int64) int64 { return key & (1<<idBits - 1) }

// tag words let searches filter by status, kind, year and category inside the
// index; they start with "zq" so no Vietnamese word is mistaken for them.
// Trashed records are not indexed.
func tags(r *model.Record) string {
	return fmt.Sprintf("zqs%s zqk%s zqy%d %s", r.Status, tagWord(string(r.Kind)), r.Date.Year(), categoryTag(r.Category))
}

func tagWord(s string) string {
	var b strings.Builder
	for _, c := range vntext.Fold(s) {
		if c < utf8.RuneSelf && ('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func categoryTag(c string) string {
	if c == "" {
		return ""
	}
	return "zqc" + tagWord(c)
}

// storedKey is the search docid of the record as stored now (before an
// update), or 0 when it is not indexed (trash) or does not exist.
func storedKey(tx *wtx, id int64) (int64, error) {
	var date, status string
	err := tx.QueryRow("SELECT date, status FROM records WHERE id = ?", id).Scan(&date, &status)
	if err == sql.ErrNoRows || status == string(model.StatusTrash) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	d, err := time.Parse(model.ISODate, date)
	if err != nil {
		return 0, nil
	}
	return searchKey(d, id), nil
}

// indexRecord writes r's search entry, replacing the entry old (0: none).
// The trash stays out of the index (searches in it scan it instead), so
// everyday searches need no "not in trash" clause.
func indexRecord(tx *wtx, r *model.Record, old int64) error {
	return indexFolded(tx, r, old, foldRecord(r))
}

// folded is a record's text as the index holds it.
type folded struct{ title, summary, body string }

func foldRecord(r *model.Record) folded {
	return folded{vntext.Fold(r.Title), vntext.Fold(r.Summary), vntext.Fold(r.Body)}
}

// indexFolded is indexRecord with the folding done beforehand.
func indexFolded(tx *wtx, r *model.Record, old int64, f folded) error {
	if old != 0 {
		if _, err := tx.Exec("DELETE FROM search WHERE docid = ?", old); err != nil {
			return err
		}
		if _, err := tx.Exec("DELETE FROM search_title WHERE docid = ?", old); err != nil {
			return err
		}
	}
	if r.Status == model.StatusTrash {
		return nil
	}
	key, tg := searchKey(r.Date, r.ID), tags(r)
	if _, err := tx.Exec("INSERT INTO search (docid, title, summary, body, tags) VALUES (?,?,?,?,?)",
		key, f.title, f.summary, f.body, tg); err != nil {
		return err
	}
	_, err := tx.Exec("INSERT INTO search_title (docid, title, tags) VALUES (?,?,?)", key, f.title, tg)
	return err
}

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
	ID       int64
	Date     time.Time
	Status   model.Status
	Kind     model.Kind
	Title    string
	Category string
	Number   string
	Sign     string
	Snippet  string // search only: text around the first match
}

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
// query words: title matches first, then the rest, each newest first.
func (s *Store) trashMatches(q Query) ([]int64, error) {
	where, args := listWhere(Query{Statuses: []model.Status{model.StatusTrash}, Kinds: q.Kinds,
		Category: q.Category, Year: q.Year, From: q.From, To: q.To})
	rows, err := s.db.Query("SELECT id, title, summary, body FROM records"+where+" ORDER BY date DESC, id DESC", args...)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	ws := words(q.Text)
	var inTitle, other []int64
	for rows.Next() {
		var id int64
		var title, summary, body string
		if err := rows.Scan(&id, &title, &summary, &body); err != nil {
			return nil, translate(err)
		}
		switch {
		case hasAllWords(vntext.Fold(title), ws):
			inTitle = append(inTitle, id)
		case hasAllWords(vntext.Fold(title+"\n"+summary+"\n"+body), ws):
			other = append(other, id)
		}
	}
	return append(inTitle, other...), translate(rows.Err())
}

// hasAllWords reports whether every word starts a word of folded text (the
// last one as a prefix, the others whole).
func hasAllWords(folded string, ws []string) bool {
	for i, w := range ws {
		found := false
		for from := 0; !found; {
			j := indexWord(folded[from:], w)
			if j < 0 {
				break
			}
			end := from + j + len(w)
			prefix := i == len(ws)-1 && utf8.RuneCountInString(w) >= 2
			found = prefix || end == len(folded) || !isWordByte(folded[end])
			from += j + 1
		}
		if !found {
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

// searchIDs returns the record ids matching expr in table (newest first), paged.
func (s *Store) searchIDs(table, expr string, q Query, offset, limit int) ([]int64, error) {
	rs, args := rangeSQL(q)
	query := "SELECT docid FROM " + table + " WHERE " + table + " MATCH ?" + rs + " ORDER BY docid DESC"
	args = append([]any{expr}, args...)
	if limit > 0 {
		query += " LIMIT ? OFFSET ?"
		args = append(args, limit, offset)
	}
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var k int64
		if err := rows.Scan(&k); err != nil {
			return nil, translate(err)
		}
		ids = append(ids, keyID(k))
	}
	return ids, translate(rows.Err())
}

func (s *Store) searchCount(table, expr string, q Query) (int, error) {
	rs, args := rangeSQL(q)
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM "+table+" WHERE "+table+" MATCH ?"+rs, append([]any{expr}, args...)...).Scan(&n)
	return n, translate(err)
}

// countIndex counts the indexed matches of q.
func (s *Store) countIndex(q Query) (int, error) {
	return s.searchCount("search", matchExpr(words(q.Text), "")+" "+filterExpr(q), q)
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

// search returns the ids of one page of a ranked search.
func (s *Store) search(q Query) ([]int64, error) {
	if len(words(q.Text)) == 0 {
		return nil, nil
	}
	iq, indexed, trash := splitTrash(q)
	if !trash {
		return s.searchIndex(iq)
	}
	var ids []int64
	n := 0
	if indexed {
		var err error
		if n, err = s.countIndex(iq); err != nil {
			return nil, err
		}
		if ids, err = s.searchIndex(iq); err != nil {
			return nil, err
		}
	}
	if q.Limit > 0 && len(ids) >= q.Limit {
		return ids, nil
	}
	tm, err := s.trashMatches(q)
	if err != nil {
		return nil, err
	}
	off := max(q.Offset-n, 0)
	if off >= len(tm) {
		return ids, nil
	}
	tm = tm[off:]
	if q.Limit > 0 && len(ids)+len(tm) > q.Limit {
		tm = tm[:q.Limit-len(ids)]
	}
	return append(ids, tm...), nil
}

// searchIndex pages through the indexed (not trashed) matches.
func (s *Store) searchIndex(q Query) ([]int64, error) {
	tExpr, rExpr := searchExprs(q)
	limit := q.Limit
	ids, err := s.searchIDs("search_title", tExpr, q, q.Offset, limit)
	if err != nil {
		return nil, err
	}
	if limit > 0 && len(ids) >= limit {
		return ids, nil
	}
	off := 0
	if len(ids) == 0 && q.Offset > 0 {
		nt, err := s.searchCount("search_title", tExpr, q)
		if err != nil {
			return nil, err
		}
		off = q.Offset - nt
		if off < 0 {
			off = 0
		}
	}
	more := 0
	if limit > 0 {
		more = limit - len(ids)
	}
	rest, err := s.searchIDs("search", rExpr, q, off, more)
	if err != nil {
		return nil, err
	}
	return append(ids, rest...), nil
}

// List returns one page of the dated list: newest first, or, with q.Text,
// the search results ranked (title matches first, then newest first), each
// with a snippet around the match.
func (s *Store) List(q Query) ([]Item, error) {
	if strings.TrimSpace(q.Text) != "" {
		ids, err := s.search(q)
		if err != nil {
			return nil, err
		}
		return s.items(ids, words(q.Text))
	}
	where, args := listWhere(q)
	order := " ORDER BY date DESC, id DESC"
	if q.OldestFirst {
		order = " ORDER BY date, id"
	}
	query := "SELECT id, date, status, kind, title, category, number, sign FROM records" + where + order
	if q.Limit > 0 {
		// Deferred join: the page's ids come from a covering index walked in
		// list order, so skipping OFFSET rows reads no records (a page at row
		// 90,000 of 100,000 in milliseconds instead of a second).
		query = "SELECT id, date, status, kind, title, category, number, sign FROM records WHERE id IN (SELECT id FROM records INDEXED BY " +
			listIndex(q) + where + order + " LIMIT ? OFFSET ?)" + order
		args = append(args, q.Limit, q.Offset)
	}
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var items []Item
	for rows.Next() {
		var it Item
		var date string
		if err := rows.Scan(&it.ID, &date, &it.Status, &it.Kind, &it.Title, &it.Category, &it.Number, &it.Sign); err != nil {
			return nil, translate(err)
		}
		it.Date, _ = time.Parse(model.ISODate, date)
		items = append(items, it)
	}
	return items, translate(rows.Err())
}

// Count returns how many records match q (ignoring Offset and Limit).
func (s *Store) Count(q Query) (int, error) {
	if strings.TrimSpace(q.Text) != "" {
		if len(words(q.Text)) == 0 {
			return 0, nil
		}
		iq, indexed, trash := splitTrash(q)
		n := 0
		if indexed {
			var err error
			if n, err = s.countIndex(iq); err != nil {
				return 0, err
			}
		}
		if trash {
			tm, err := s.trashMatches(q)
			if err != nil {
				return 0, err
			}
			n += len(tm)
		}
		return n, nil
	}
	if q.Category == "" && len(q.Kinds) == 0 && len(q.Statuses) == 0 && q.Year == 0 && q.From.IsZero() && q.To.IsZero() {
		// SQLite counts a whole table without decoding rows; the trash is small.
		var all, trash int
		if err := s.db.QueryRow("SELECT count(*) FROM records").Scan(&all); err != nil {
			return 0, translate(err)
		}
		if err := s.db.QueryRow("SELECT count(*) FROM records WHERE status = 'trash'").Scan(&trash); err != nil {
			return 0, translate(err)
		}
		return all - trash, nil
	}
	where, args := listWhere(q)
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM records"+where, args...).Scan(&n)
	return n, translate(err)
}

// Records returns the full records (with images) that q selects, in list order.
func (s *Store) Records(q Query) ([]*model.Record, error) {
	items, err := s.List(q)
	if err != nil {
		return nil, err
	}
	recs := make([]*model.Record, 0, len(items))
	for _, it := range items {
		r, err := s.Get(it.ID)
		if err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	return recs, nil
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

// items loads the list rows for ids, keeping their order, with snippets.
func (s *Store) items(ids []int64, ws []string) ([]Item, error) {
	items := make([]Item, 0, len(ids))
	stmt, err := s.db.Prepare("SELECT id, date, status, kind, title, category, number, sign, summary, body FROM records WHERE id = ?")
	if err != nil {
		return nil, translate(err)
	}
	defer stmt.Close()
	for _, id := range ids {
		var it Item
		var date, summary, body string
		err := stmt.QueryRow(id).Scan(&it.ID, &date, &it.Status, &it.Kind, &it.Title, &it.Category, &it.Number, &it.Sign, &summary, &body)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return nil, translate(err)
		}
		it.Date, _ = time.Parse(model.ISODate, date)
		it.Snippet = Snippet(summary+"\n"+body, ws, 160)
		if it.Snippet == "" {
			it.Snippet = Snippet(summary+"\n"+body, nil, 160)
		}
		items = append(items, it)
	}
	return items, nil
}

// Snippet returns about width bytes of text around the first occurrence of
// any of the folded words, in the original spelling, on one line; with no
// match it returns "" (or, with no words, the start of the text). Only the
// line that matches is mapped back, so long bodies cost little.
func Snippet(text string, folded []string, width int) string {
	if len(folded) == 0 {
		return cut(strings.Join(strings.Fields(text), " "), 0, width)
	}
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		f := vntext.Fold(line)
		hit := false
		for _, w := range folded {
			if indexWord(f, w) >= 0 {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		line = strings.Join(strings.Fields(line), " ")
		f, offs := vntext.FoldMap(line)
		best := -1
		for _, w := range folded {
			if i := indexWord(f, w); i >= 0 && (best < 0 || i < best) {
				best = i
			}
		}
		if best < 0 {
			continue
		}
		return cut(line, max(offs[best]-width/3, 0), width)
	}
	return ""
}

// indexWord finds w at the start of a word in f.
func indexWord(f, w string) int {
	for from := 0; ; {
		i := strings.Index(f[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		if i == 0 || !isWordByte(f[i-1]) {
			return i
		}
		from = i + 1
	}
}

func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b >= utf8.RuneSelf
}

// cut returns text[start:start+width] widened to whole words, with "…" marks.
func cut(text string, start, width int) string {
	for start > 0 && start < len(text) && text[start-1] != ' ' {
		start--
	}
	end := start + width
	if end >= len(text) {
		end = len(text)
	} else {
		for end > start && text[end] != ' ' {
			end--
		}
		if end == start {
			end = start + width
			for end < len(text) && !utf8.RuneStart(text[end]) {
				end++
			}
		}
	}
	out := text[start:end]
	if start > 0 {
		out = "…" + out
	}
	if end < len(text) {
		out += "…"
	}
	return out
}

// Categories lists every category in use (outside the trash), read from the
// category index without touching the records.
func (s *Store) Categories() ([]string, error) {
	// The planner would pick the status index and read every record.
	rows, err := s.db.Query(`SELECT DISTINCT category FROM records INDEXED BY records_by_category
		WHERE category > '' AND status != 'trash' ORDER BY category`)
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

// OutgoingRegister returns the records of the year's register of outgoing
// documents (sổ đăng ký văn bản đi): approved or published administrative
// documents that were given a number, in date order.
func (s *Store) OutgoingRegister(year int) ([]*model.Record, error) {
	recs, err := s.Records(Query{Year: year, Kinds: model.DocumentKinds(), OldestFirst: true,
		Statuses: []model.Status{model.StatusApproved, model.StatusPublished}})
	if err != nil {
		return nil, err
	}
	issued := recs[:0]
	for _, r := range recs {
		if strings.TrimSpace(r.Number) != "" {
			issued = append(issued, r)
		}
	}
	return issued, nil
}

// PublishedNews returns the news items published between from and to
// (inclusive), in date order: the "Các tin đã đăng" list.
func (s *Store) PublishedNews(from, to time.Time) ([]*model.Record, error) {
	return s.Records(Query{From: from, To: to, Kinds: []model.Kind{model.KindNews},
		Statuses: []model.Status{model.StatusPublished}, OldestFirst: true})
}
