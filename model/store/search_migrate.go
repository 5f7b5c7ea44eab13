package store

import (
	"fmt"
	"time"

	"bientap/model"
)

// v1Bits is the id part of a version-1 search key: ids from 2^24 on ran
// into the day bits, so record 16,777,216 could not be found and record
// 16,777,221 dated d answered as record 5 dated d+1.
const v1Bits = 24

// migrateSearchKey moves the search index to the 40-bit id of searchKey and
// widens records_by_date to cover the list's columns (title, category,
// number, sign), so that a list page or a run of search results is read
// from that index without touching the records.
//
// The folded text is copied from the old index, so no record is read or
// folded again (100,000 records: a few seconds, reported through the
// transaction's progress); only records whose id did not fit the old key
// (and a record whose key they took) are indexed afresh from their row.
func migrateSearchKey(tx *wtx) error {
	if _, err := tx.Exec(`
ALTER TABLE search RENAME TO search_v1;
ALTER TABLE search_title RENAME TO search_title_v1;
CREATE VIRTUAL TABLE search USING fts4(title, summary, body, tags, order=DESC);
CREATE VIRTUAL TABLE search_title USING fts4(title, tags, prefix="2", order=DESC);
INSERT INTO search(search) VALUES('automerge=8');
INSERT INTO search_title(search_title) VALUES('automerge=8');
`); err != nil {
		return err
	}
	keys, err := v1Keys(tx)
	if err != nil {
		return err
	}
	const chunk = 2000
	total := len(keys) + chunk // the covering index counts as one chunk
	newKey := fmt.Sprintf("((docid >> %d) << %d) | (docid & %d)", v1Bits, idBits, 1<<v1Bits-1)
	for i := 0; i < len(keys); i += chunk {
		lo, hi := keys[i], keys[min(i+chunk, len(keys))-1]
		if _, err := tx.Exec("INSERT INTO search (docid, title, summary, body, tags) SELECT "+newKey+
			", title, summary, body, tags FROM search_v1 WHERE docid BETWEEN ? AND ? ORDER BY docid", lo, hi); err != nil {
			return err
		}
		if _, err := tx.Exec("INSERT INTO search_title (docid, title, tags) SELECT "+newKey+
			", title, tags FROM search_title_v1 WHERE docid BETWEEN ? AND ? ORDER BY docid", lo, hi); err != nil {
			return err
		}
		tx.report(i+chunk, total)
	}
	if err := reindexLongIDs(tx); err != nil {
		return err
	}
	if _, err := tx.Exec(`
DROP TABLE search_v1;
DROP TABLE search_title_v1;
DROP INDEX records_by_date;
CREATE INDEX records_by_date ON records(date DESC, id DESC, status, kind, title, category, number, sign);
`); err != nil {
		return err
	}
	tx.report(total, total)
	return nil
}

// v1Keys lists the old index's docids in ascending order.
func v1Keys(tx *wtx) ([]int64, error) {
	rows, err := tx.Query("SELECT docid FROM search_v1 ORDER BY docid")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []int64
	for rows.Next() {
		var k int64
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}

// reindexLongIDs indexes afresh the records whose id did not fit the old
// key, and the record whose key such an id took.
func reindexLongIDs(tx *wtx) error {
	long, err := indexedRows(tx, "id >= ?", int64(1)<<v1Bits)
	if err != nil || len(long) == 0 {
		return err
	}
	var fresh []*model.Record
	for _, r := range long {
		v1 := searchKey(r.Date, 0)>>idBits<<v1Bits + r.ID // what version 1 wrote
		migrated := v1>>v1Bits<<idBits | v1&(1<<v1Bits-1)
		for _, table := range []string{"search", "search_title"} {
			if _, err := tx.Exec("DELETE FROM "+table+" WHERE docid = ?", migrated); err != nil {
				return err
			}
		}
		if migrated>>idBits <= maxKeyDays {
			taken, err := indexedRows(tx, "id = ? AND date = ?", keyID(migrated), keyDate(migrated))
			if err != nil {
				return err
			}
			fresh = append(fresh, taken...)
		}
		fresh = append(fresh, r)
	}
	for _, r := range fresh {
		if err := indexRecord(tx, r, searchKey(r.Date, r.ID)); err != nil {
			return err
		}
	}
	return nil
}

// indexedRows loads what the index holds of the records (outside the
// trash) that cond selects.
func indexedRows(tx *wtx, cond string, args ...any) ([]*model.Record, error) {
	rows, err := tx.Query(`SELECT id, date, status, kind, category, title, summary, body FROM records
		WHERE status != 'trash' AND `+cond, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*model.Record
	for rows.Next() {
		r := &model.Record{}
		var date string
		if err := rows.Scan(&r.ID, &date, &r.Status, &r.Kind, &r.Category, &r.Title, &r.Summary, &r.Body); err != nil {
			return nil, err
		}
		if r.Date, err = time.Parse(model.ISODate, date); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
