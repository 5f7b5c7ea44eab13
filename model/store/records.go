package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"bientap/model"
	"bientap/model/vntext"
)

const recordColumns = `id, kind, title, summary, body, category, author, place, date, number, sign, urgency,
	agency_parent, agency, signer_authority, signer_position, signer_name, to_list, recipients, url, status,
	created, updated`

// normalize applies the boundary rules to a record about to be stored: NFC
// text, trimmed one-line fields, defaults for missing values (a missing date
// is the clock's today).
func normalize(r *model.Record, clock model.Clock) error {
	line := func(s *string) { *s = strings.TrimSpace(vntext.Clean(*s)) }
	for _, p := range []*string{&r.Title, &r.Category, &r.Author, &r.Place, &r.Number, &r.Sign, &r.Urgency,
		&r.AgencyParent, &r.Agency, &r.SignerAuthority, &r.SignerName, &r.URL} {
		line(p)
	}
	r.Summary = vntext.CleanLines(r.Summary)
	r.Body = vntext.CleanLines(r.Body)
	r.SignerPosition = strings.TrimSpace(vntext.CleanLines(r.SignerPosition))
	for i := range r.To {
		line(&r.To[i])
	}
	for i := range r.Recipients {
		line(&r.Recipients[i])
	}
	for i := range r.Images {
		line(&r.Images[i].Caption)
		line(&r.Images[i].Name)
		if r.Images[i].MediaType == "" {
			r.Images[i].MediaType = model.SniffImageType(r.Images[i].Data)
		}
		if r.Images[i].Name == "" {
			r.Images[i].Name = model.DefaultImageName(i, r.Images[i].MediaType)
		}
		if len(r.Images[i].Data) == 0 {
			return fmt.Errorf("ảnh %d không có dữ liệu", i+1)
		}
	}
	if r.Kind == "" {
		r.Kind = model.KindNews
	}
	if !r.Kind.Valid() {
		return fmt.Errorf("loại văn bản không hợp lệ %q", r.Kind)
	}
	if r.Status == "" {
		r.Status = model.StatusDraft
	}
	if !r.Status.Valid() {
		return fmt.Errorf("trạng thái không hợp lệ %q", r.Status)
	}
	if r.Date.IsZero() {
		r.Date = clock.Today()
	}
	r.Date = model.Day(r.Date)
	if r.Author == "" {
		r.Author = model.DefaultAuthor
	}
	return nil
}

func hashData(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func jsonList(l []string) string {
	if len(l) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(l)
	return string(b)
}

// Create stores a new record and its first revision; it sets r.ID, r.Created
// and r.Updated.
func (s *Store) Create(r *model.Record) error {
	if err := normalize(r, s.clock); err != nil {
		return err
	}
	r.ID = 0
	return s.tx(func(tx *wtx) error {
		now := s.clock.Now().UTC()
		r.Created, r.Updated = now, now
		if err := insertRecord(tx, r); err != nil {
			return err
		}
		if err := addRevision(tx, r, "Tạo mới"); err != nil {
			return err
		}
		_, err := tx.Exec("DELETE FROM autosave WHERE record_id = 0")
		return err
	})
}

// Insert stores many records in one transaction (all or nothing) and returns
// their ids. Records keep their Created/Updated times when set (imports),
// else get now; an id is kept when it is free.
func (s *Store) Insert(recs []*model.Record) ([]int64, error) {
	folds, err := s.prepare(recs)
	if err != nil {
		i := len(folds)
		return nil, fmt.Errorf("bản ghi %d: %w", i+1, err)
	}
	err = s.tx(func(tx *wtx) error {
		return insertNew(tx, recs, folds, s.clock.Now().UTC())
	})
	if err != nil {
		for _, r := range recs {
			r.ID = 0
		}
		return nil, err
	}
	ids := make([]int64, len(recs))
	for i, r := range recs {
		ids[i] = r.ID
	}
	return ids, nil
}

// prepare normalises and folds records on every core before a write
// transaction, so SQLite's work overlaps nothing else on the write path. On
// an error the folds returned are those of the records before the bad one.
func (s *Store) prepare(recs []*model.Record) ([]folded, error) {
	errs := make([]error, len(recs))
	folds := make([]folded, len(recs))
	parallel(len(recs), func(i int) {
		if errs[i] = normalize(recs[i], s.clock); errs[i] == nil {
			folds[i] = foldRecord(recs[i])
		}
	})
	for i, err := range errs {
		if err != nil {
			return folds[:i], err
		}
	}
	return folds, nil
}

// insertNew writes prepared records as new rows (ids kept when free) and
// indexes them.
func insertNew(tx *wtx, recs []*model.Record, folds []folded, now time.Time) error {
	for _, r := range recs {
		if err := insertImported(tx, r, now); err != nil {
			return err
		}
	}
	return indexInOrder(tx, recs, folds)
}

// insertImported writes a prepared record's row and images, keeping its id
// when it is free and its times when set; it does not index it.
func insertImported(tx *wtx, r *model.Record, now time.Time) error {
	if r.ID > 0 && r.ID <= maxImportedID {
		var taken int
		if err := tx.QueryRow("SELECT count(*) FROM records WHERE id = ?", r.ID).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			r.ID = 0
		}
	} else {
		r.ID = 0
	}
	if r.Created.IsZero() {
		r.Created = now
	}
	if r.Updated.IsZero() {
		r.Updated = r.Created
	}
	// No revision yet: the stored row is the imported state, and the first
	// change snapshots it (ensureFirstRevision), so a bulk import writes each
	// record once.
	return insertRow(tx, r)
}

// indexInOrder indexes new records in ascending search-key order: FTS4
// flushes its pending terms whenever a docid arrives out of order, so a
// bulk import stays in few segments.
func indexInOrder(tx *wtx, recs []*model.Record, folds []folded) error {
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		return cmp.Compare(searchKey(recs[i].Date, recs[i].ID), searchKey(recs[j].Date, recs[j].ID))
	})
	for _, i := range order {
		if err := indexFolded(tx, recs[i], 0, folds[i]); err != nil {
			return err
		}
	}
	return nil
}

func insertRecord(tx *wtx, r *model.Record) error {
	if err := insertRow(tx, r); err != nil {
		return err
	}
	return indexRecord(tx, r, 0)
}

// parallel runs f(0..n-1) on every core.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n/64, 1))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// insertRow writes the record's row and images, not its search entry.
func insertRow(tx *wtx, r *model.Record) error {
	res, err := tx.Exec(`INSERT INTO records (id, kind, title, summary, body, category, author, place, date, number,
		sign, urgency, agency_parent, agency, signer_authority, signer_position, signer_name, to_list, recipients,
		url, status, created, updated) VALUES (NULLIF(?, 0),?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.ID, r.Kind, r.Title, r.Summary, r.Body, r.Category, r.Author, r.Place, r.Date.Format(model.ISODate),
		r.Number, r.Sign, r.Urgency, r.AgencyParent, r.Agency, r.SignerAuthority, r.SignerPosition, r.SignerName,
		jsonList(r.To), jsonList(r.Recipients), r.URL, r.Status, stamp(r.Created), stamp(r.Updated))
	if err != nil {
		return err
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return writeImages(tx, r)
}

func writeImages(tx *wtx, r *model.Record) error {
	if _, err := tx.Exec("DELETE FROM images WHERE record_id = ?", r.ID); err != nil {
		return err
	}
	for i, im := range r.Images {
		h, err := putBlob(tx, im.Data)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO images (record_id, pos, name, caption, media_type, hash) VALUES (?,?,?,?,?,?)`,
			r.ID, i, im.Name, im.Caption, im.MediaType, h); err != nil {
			return err
		}
	}
	return nil
}

func putBlob(tx *wtx, data []byte) (string, error) {
	h := hashData(data)
	_, err := tx.Exec("INSERT OR IGNORE INTO blobs (hash, data) VALUES (?, ?)", h, data)
	return h, err
}

// Save is the explicit save: it updates the record, appends a revision with
// all fields and clears the record's autosave slot.
func (s *Store) Save(r *model.Record) error {
	if r.ID == 0 {
		return s.Create(r)
	}
	if err := normalize(r, s.clock); err != nil {
		return err
	}
	return s.tx(func(tx *wtx) error {
		r.Updated = s.clock.Now().UTC()
		if err := updateRecord(tx, r); err != nil {
			return err
		}
		if err := addRevision(tx, r, ""); err != nil {
			return err
		}
		_, err := tx.Exec("DELETE FROM autosave WHERE record_id = ?", r.ID)
		return err
	})
}

func updateRecord(tx *wtx, r *model.Record) error {
	if err := ensureFirstRevision(tx, r.ID); err != nil {
		return err
	}
	return updateRow(tx, r)
}

// updateRow writes the record's row, images and search entry (the sync
// applies the server's state through it: no revision of its own).
func updateRow(tx *wtx, r *model.Record) error {
	old, err := storedKey(tx, r.ID)
	if err != nil {
		return err
	}
	res, err := tx.Exec(`UPDATE records SET kind=?, title=?, summary=?, body=?, category=?, author=?, place=?,
		date=?, number=?, sign=?, urgency=?, agency_parent=?, agency=?, signer_authority=?, signer_position=?,
		signer_name=?, to_list=?, recipients=?, url=?, status=?, updated=? WHERE id=?`,
		r.Kind, r.Title, r.Summary, r.Body, r.Category, r.Author, r.Place, r.Date.Format(model.ISODate),
		r.Number, r.Sign, r.Urgency, r.AgencyParent, r.Agency, r.SignerAuthority, r.SignerPosition, r.SignerName,
		jsonList(r.To), jsonList(r.Recipients), r.URL, r.Status, stamp(r.Updated), r.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("bản ghi %d: %w", r.ID, ErrNotFound)
	}
	if err := writeImages(tx, r); err != nil {
		return err
	}
	return indexRecord(tx, r, old)
}

// ensureFirstRevision snapshots the stored state of a record that has no
// revision yet (one that came in through Insert) before it is changed.
func ensureFirstRevision(tx *wtx, id int64) error {
	var n int
	if err := tx.QueryRow("SELECT count(*) FROM revisions WHERE record_id = ?", id).Scan(&n); err != nil || n > 0 {
		return err
	}
	rows, err := tx.Query("SELECT "+recordColumns+" FROM records WHERE id = ?", id)
	if err != nil {
		return err
	}
	recs, err := scanRecords(rows)
	if err != nil || len(recs) == 0 {
		return err
	}
	if err := loadImages(tx.Tx, recs); err != nil {
		return err
	}
	return addRevision(tx, recs[0], "Nhập")
}

// Get loads one record with its images.
func (s *Store) Get(id int64) (*model.Record, error) {
	rows, err := s.db.Query("SELECT "+recordColumns+" FROM records WHERE id = ?", id)
	if err != nil {
		return nil, translate(err)
	}
	recs, err := scanRecords(rows)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("bản ghi %d: %w", id, ErrNotFound)
	}
	if err := loadImages(s.db, recs); err != nil {
		return nil, err
	}
	return recs[0], nil
}

// getTx loads one record with its images inside a transaction; nil when
// there is none.
func getTx(tx *wtx, id int64) (*model.Record, error) {
	rows, err := tx.Query("SELECT "+recordColumns+" FROM records WHERE id = ?", id)
	if err != nil {
		return nil, err
	}
	recs, err := scanRecords(rows)
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	if err := loadImages(tx.Tx, recs); err != nil {
		return nil, err
	}
	return recs[0], nil
}

func scanRecords(rows *sql.Rows) ([]*model.Record, error) {
	defer rows.Close()
	var recs []*model.Record
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	return recs, translate(rows.Err())
}

// scanRecord reads the current row of a query of recordColumns.
func scanRecord(rows *sql.Rows) (*model.Record, error) {
	r := &model.Record{}
	var date, to, recipients, created, updated string
	if err := rows.Scan(&r.ID, &r.Kind, &r.Title, &r.Summary, &r.Body, &r.Category, &r.Author, &r.Place,
		&date, &r.Number, &r.Sign, &r.Urgency, &r.AgencyParent, &r.Agency, &r.SignerAuthority,
		&r.SignerPosition, &r.SignerName, &to, &recipients, &r.URL, &r.Status, &created, &updated); err != nil {
		return nil, translate(err)
	}
	r.Date, _ = time.Parse(model.ISODate, date)
	r.Created, _ = time.Parse(time.RFC3339Nano, created)
	r.Updated, _ = time.Parse(time.RFC3339Nano, updated)
	json.Unmarshal([]byte(to), &r.To)
	json.Unmarshal([]byte(recipients), &r.Recipients)
	return r, nil
}

// querier is what loadImages reads with: the database or a transaction.
type querier interface {
	Query(query string, args ...any) (*sql.Rows, error)
}

// loadImagesWith reads one record's images with a prepared statement of
// the image query (record id as its one argument).
func loadImagesWith(ctx context.Context, st *sql.Stmt, r *model.Record) error {
	rows, err := st.QueryContext(ctx, r.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var im model.Image
		if err := rows.Scan(&im.Name, &im.Caption, &im.MediaType, &im.Data); err != nil {
			return err
		}
		r.Images = append(r.Images, im)
	}
	return rows.Err()
}

func loadImages(db querier, recs []*model.Record) error {
	for _, r := range recs {
		rows, err := db.Query(`SELECT i.name, i.caption, i.media_type, b.data FROM images i
			JOIN blobs b ON b.hash = i.hash WHERE i.record_id = ? ORDER BY i.pos`, r.ID)
		if err != nil {
			return translate(err)
		}
		for rows.Next() {
			var im model.Image
			if err := rows.Scan(&im.Name, &im.Caption, &im.MediaType, &im.Data); err != nil {
				rows.Close()
				return translate(err)
			}
			r.Images = append(r.Images, im)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return translate(err)
		}
	}
	return nil
}

// SetStatus moves a record to another status and, for published items,
// stores the portal address. The change is recorded as a revision.
func (s *Store) SetStatus(id int64, st model.Status, url string) error {
	if !st.Valid() {
		return fmt.Errorf("trạng thái không hợp lệ %q", st)
	}
	r, err := s.Get(id)
	if err != nil {
		return err
	}
	return s.tx(func(tx *wtx) error {
		if st == model.StatusTrash && r.Status != model.StatusTrash {
			if _, err := tx.Exec("UPDATE records SET trashed_from = ? WHERE id = ?", r.Status, id); err != nil {
				return err
			}
		}
		r.Status = st
		if url = strings.TrimSpace(vntext.Clean(url)); url != "" {
			r.URL = url
		}
		r.Updated = s.clock.Now().UTC()
		if err := updateRecord(tx, r); err != nil {
			return err
		}
		return addRevision(tx, r, "Trạng thái: "+st.Label())
	})
}

// Trash moves a record to the trash; Restore brings it back.
func (s *Store) Trash(id int64) error { return s.SetStatus(id, model.StatusTrash, "") }

// Restore takes a record out of the trash, back to the status it had.
func (s *Store) Restore(id int64) error {
	var from string
	err := s.db.QueryRow("SELECT trashed_from FROM records WHERE id = ? AND status = 'trash'", id).Scan(&from)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("bản ghi %d không ở thùng rác", id)
	}
	if err != nil {
		return translate(err)
	}
	st := model.Status(from)
	if !st.Valid() || st == model.StatusTrash {
		st = model.StatusDraft
	}
	return s.SetStatus(id, st, "")
}

// EmptyTrash deletes the trashed records for good, with their revisions and
// images, and returns how many went.
func (s *Store) EmptyTrash() (int, error) {
	var n int64
	err := s.tx(func(tx *wtx) error {
		if _, err := tx.Exec("DELETE FROM autosave WHERE record_id IN (SELECT id FROM records WHERE status = 'trash')"); err != nil {
			return err
		}
		res, err := tx.Exec("DELETE FROM records WHERE status = 'trash'")
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return gcBlobs(tx)
	})
	return int(n), err
}

// gcBlobs removes image data no image, revision or autosave refers to.
func gcBlobs(tx *wtx) error {
	_, err := tx.Exec(`DELETE FROM blobs WHERE hash NOT IN (SELECT hash FROM images)
		AND NOT EXISTS (SELECT 1 FROM revisions WHERE instr(snapshot, blobs.hash) > 0)
		AND NOT EXISTS (SELECT 1 FROM autosave WHERE instr(snapshot, blobs.hash) > 0)`)
	return err
}

// FindByTitleDate returns the id of a record with this title and date (not in
// the trash), or 0: imports use it to avoid duplicates.
func (s *Store) FindByTitleDate(title string, date time.Time) (int64, error) {
	var id int64
	err := s.db.QueryRow("SELECT id FROM records WHERE title = ? AND date = ? AND status != 'trash' ORDER BY id LIMIT 1",
		strings.TrimSpace(vntext.Clean(title)), model.Day(date).Format(model.ISODate)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, translate(err)
}
