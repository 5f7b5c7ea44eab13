package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"bientap/model"
)

// Revision describes one saved version of a record.
type Revision struct {
	ID      int64
	Created time.Time
	Note    string // "Tạo mới", "Trạng thái: Đã đăng", "Khôi phục phiên bản 3", or ""
	Title   string
	Author  string // who made it (the office-archive user; "" on a desk that never joined)
}

func addRevision(tx *wtx, r *model.Record, note string) error {
	for _, im := range r.Images {
		if _, err := putBlob(tx, im.Data); err != nil {
			return err
		}
	}
	snap, err := model.MarshalRecordJSON(r, hashData)
	if err != nil {
		return err
	}
	_, err = tx.Exec("INSERT INTO revisions (record_id, created, note, snapshot) VALUES (?,?,?,?)",
		r.ID, stamp(r.Updated), note, string(snap))
	return err
}

// Revisions lists a record's revisions, newest first.
func (s *Store) Revisions(recordID int64) ([]Revision, error) {
	rows, err := s.db.Query(`SELECT id, created, note, json_extract(snapshot, '$.title'), author FROM revisions
		WHERE record_id = ? ORDER BY id DESC`, recordID)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var revs []Revision
	for rows.Next() {
		var rv Revision
		var created string
		var title sql.NullString
		if err := rows.Scan(&rv.ID, &created, &rv.Note, &title, &rv.Author); err != nil {
			return nil, translate(err)
		}
		rv.Created, _ = time.Parse(time.RFC3339Nano, created)
		rv.Title = title.String
		revs = append(revs, rv)
	}
	return revs, translate(rows.Err())
}

// RevisionRecord returns the record as it was in a revision.
func (s *Store) RevisionRecord(revID int64) (*model.Record, error) {
	var snap string
	var recordID int64
	err := s.db.QueryRow("SELECT record_id, snapshot FROM revisions WHERE id = ?", revID).Scan(&recordID, &snap)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("phiên bản %d: %w", revID, ErrNotFound)
	}
	if err != nil {
		return nil, translate(err)
	}
	r, err := model.UnmarshalRecordJSON([]byte(snap), s.blob)
	if err != nil {
		return nil, fmt.Errorf("phiên bản %d: %w", revID, err)
	}
	r.ID = recordID
	return r, nil
}

func (s *Store) blob(hash string) ([]byte, error) {
	var data []byte
	err := s.db.QueryRow("SELECT data FROM blobs WHERE hash = ?", hash).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("thiếu dữ liệu ảnh %s", hash)
	}
	return data, translate(err)
}

// RestoreRevision makes a revision the record's current content. Restoring
// is itself a new revision: nothing is lost.
func (s *Store) RestoreRevision(revID int64) (*model.Record, error) {
	old, err := s.RevisionRecord(revID)
	if err != nil {
		return nil, err
	}
	cur, err := s.Get(old.ID)
	if err != nil {
		return nil, err
	}
	old.Created = cur.Created
	if err := normalize(old, s.clock); err != nil {
		return nil, err
	}
	err = s.tx(func(tx *wtx) error {
		old.Updated = s.clock.Now().UTC()
		if err := updateRecord(tx, old); err != nil {
			return err
		}
		if err := addRevision(tx, old, fmt.Sprintf("Khôi phục phiên bản %d", revID)); err != nil {
			return err
		}
		_, err := tx.Exec("DELETE FROM autosave WHERE record_id = ?", old.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return old, nil
}
