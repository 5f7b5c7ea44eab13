package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"bientap/model"
)

// Recovery is what an autosave slot held: typing since the record's last save.
type Recovery struct {
	RecordID int64 // 0: a new record that was never saved
	Saved    time.Time
	Record   *model.Record
}

// Autosave writes r to its recovery slot (one per record; the new, unsaved
// record uses slot 0). It is cheap and meant to run seconds after typing
// stops; an explicit Save clears the slot.
func (s *Store) Autosave(r *model.Record) error {
	snap := r.Clone()
	if err := normalize(snap, s.clock); err != nil {
		return err
	}
	return s.tx(func(tx *wtx) error {
		for _, im := range snap.Images {
			if _, err := putBlob(tx, im.Data); err != nil {
				return err
			}
		}
		data, err := model.MarshalRecordJSON(snap, hashData)
		if err != nil {
			return err
		}
		_, err = tx.Exec("INSERT OR REPLACE INTO autosave (record_id, saved, snapshot) VALUES (?,?,?)",
			r.ID, stamp(s.clock.Now()), string(data))
		return err
	})
}

// DiscardAutosave empties a record's recovery slot.
func (s *Store) DiscardAutosave(recordID int64) error {
	_, err := s.db.Exec("DELETE FROM autosave WHERE record_id = ?", recordID)
	return translate(err)
}

// Recovered lists the recovery slots that hold unsaved work, oldest first.
func (s *Store) Recovered() ([]Recovery, error) {
	rows, err := s.db.Query("SELECT record_id, saved, snapshot FROM autosave ORDER BY saved")
	if err != nil {
		return nil, translate(err)
	}
	type slot struct {
		id          int64
		saved, snap string
	}
	var slots []slot
	for rows.Next() {
		var sl slot
		if err := rows.Scan(&sl.id, &sl.saved, &sl.snap); err != nil {
			rows.Close()
			return nil, translate(err)
		}
		slots = append(slots, sl)
	}
	rows.Close()
	var out []Recovery
	for _, sl := range slots {
		r, err := model.UnmarshalRecordJSON([]byte(sl.snap), s.blob)
		if err != nil {
			return nil, fmt.Errorf("bản lưu tạm của bản ghi %d: %w", sl.id, err)
		}
		r.ID = sl.id
		t, _ := time.Parse(time.RFC3339Nano, sl.saved)
		out = append(out, Recovery{RecordID: sl.id, Saved: t, Record: r})
	}
	return out, nil
}

// LoadSettings reads the office settings, defaults where none were saved.
func (s *Store) LoadSettings() (model.Settings, error) {
	st := model.DefaultSettings()
	var v string
	err := s.db.QueryRow("SELECT value FROM settings WHERE key = 'settings'").Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, translate(err)
	}
	if err := json.Unmarshal([]byte(v), &st); err != nil {
		return model.DefaultSettings(), wrapText(err, "cài đặt hỏng, dùng mặc định")
	}
	st.Clamp()
	return st, nil
}

// SaveSettings stores the office settings (normalised and clamped to the
// decree's ranges).
func (s *Store) SaveSettings(st model.Settings) error {
	st.Normalize()
	st.Clamp()
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	_, err = s.db.Exec("INSERT OR REPLACE INTO settings (key, value) VALUES ('settings', ?)", string(data))
	return translate(err)
}
