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
// first and a page of results needs no sort over all matches. The key is
// also the list's order (date, then id, both descending: records_by_date),
// so a run of matches is read from that index without sorting either.

var searchEpoch = time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC)

const (
	// idBits low bits of a key hold the record id: ids up to 2^40-1 (about
	// a trillion); the 23 bits above hold the day, up to the year 24,800.
	idBits = 40
	// maxRecordID is the largest id the search key can hold.
	maxRecordID = 1<<idBits - 1
	// maxImportedID is the largest id an import keeps (larger ones are
	// renumbered): new ids follow the largest one, so keeping ids far below
	// maxRecordID means the archive never runs out of keys.
	maxImportedID = 1<<32 - 1
	maxKeyDays    = 1<<(63-idBits) - 1
)

func searchKey(date time.Time, id int64) int64 {
	days := int64(date.Sub(searchEpoch).Hours() / 24)
	return min(max(days, 0), maxKeyDays)<<idBits | id
}

func keyID(key int64) int64 { return key & maxRecordID }

// keyDate is the ISO date a key carries.
func keyDate(key int64) string {
	return searchEpoch.AddDate(0, 0, int(key>>idBits)).Format(model.ISODate)
}

// checkIndexable refuses an id the search key cannot hold.
func checkIndexable(id int64) error {
	if id > maxRecordID {
		return fmt.Errorf("mã bản ghi %d vượt quá giới hạn %d của chỉ mục tìm kiếm", id, int64(maxRecordID))
	}
	return nil
}

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
	if err := checkIndexable(r.ID); err != nil {
		return err
	}
	key, tg := searchKey(r.Date, r.ID), tags(r)
	if _, err := tx.Exec("INSERT INTO search (docid, title, summary, body, tags) VALUES (?,?,?,?,?)",
		key, f.title, f.summary, f.body, tg); err != nil {
		return err
	}
	_, err := tx.Exec("INSERT INTO search_title (docid, title, tags) VALUES (?,?,?)", key, f.title, tg)
	return err
}
