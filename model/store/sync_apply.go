package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"bientap/model"
)

// Pulled is a record as the office archive holds it.
type Pulled struct {
	GID         string
	Version     int64 // the server's feed version of the record
	EditVersion int64 // the server's version of its last content change
	Deleted     bool
	Origin      string // the push that wrote it ("" for other writers)
	UpdatedBy   string
	TrashedFrom string        // the status a trashed record had
	Record      *model.Record // without image data: see Images
	Images      []ImageRef    // data must be in the archive (PutBlob) before applying
}

// PulledRevision is a revision from the office archive.
type PulledRevision struct {
	ServerID int64
	GID      string
	Created  time.Time
	Author   string
	Note     string
	Snapshot []byte
	Origin   string
}

// ApplyStats counts what a page of pulled changes did here.
type ApplyStats struct {
	New, Updated, Deleted, Conflicts, Revisions int
}

// PulledVersions returns, per gid, the server feed version this desk last
// pulled of that record (0 for a record it does not have): the server sends
// the revisions newer than that.
func (s *Store) PulledVersions(gids []string) ([]int64, error) {
	out := make([]int64, len(gids))
	for i, g := range gids {
		err := s.db.QueryRow("SELECT pulled FROM sync_records WHERE gid = ?", g).Scan(&out[i])
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, translate(err)
		}
	}
	return out, nil
}

// ApplyPulled applies one page of the server's changes in one transaction,
// together with state (the pull's position), so that a pull killed at any
// point resumes without duplicating or losing anything:
//
//   - a record new here is inserted; one not changed here is overwritten;
//   - a record changed here and on the server is a conflict: the server's
//     text wins, this desk's is kept as a revision marked "Xung đột", and a
//     conflict entry says so (refused names records whose push the server
//     refused: the same, with its reason);
//   - the server's copy of this desk's own push (recognised by its origin)
//     just marks the record as sent;
//   - a record deleted on the server is deleted here, unless it was changed
//     here: then it stays, as a new record to send;
//   - revisions come with their author; those this desk sent get their
//     server id instead of a copy.
func (s *Store) ApplyPulled(recs []Pulled, revs []PulledRevision, refused map[string]string, state map[string]string) (ApplyStats, error) {
	var st ApplyStats
	for _, p := range recs {
		if p.Record != nil {
			if err := normalize(p.Record, s.clock); err != nil {
				return st, fmt.Errorf("bản ghi %s từ kho chung: %w", p.GID, err)
			}
		}
	}
	err := s.tx(func(tx *wtx) error {
		st = ApplyStats{}
		if err := setState(tx, map[string]string{SyncTrack: "0"}); err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		var fresh []*model.Record
		for _, p := range recs {
			n, err := applyOne(tx, p, refused[p.GID], now, &st)
			if err != nil {
				return fmt.Errorf("bản ghi %s từ kho chung: %w", p.GID, err)
			}
			if n != nil {
				fresh = append(fresh, n)
			}
		}
		// Index new records in key order: FTS4 flushes when keys go backwards.
		sort.Slice(fresh, func(i, j int) bool {
			return searchKey(fresh[i].Date, fresh[i].ID) < searchKey(fresh[j].Date, fresh[j].ID)
		})
		for _, r := range fresh {
			if err := indexRecord(tx, r, 0); err != nil {
				return err
			}
		}
		for _, rv := range revs {
			added, err := applyRevision(tx, rv)
			if err != nil {
				return err
			}
			if added {
				st.Revisions++
			}
		}
		state[SyncTrack] = "1"
		return setState(tx, state)
	})
	return st, err
}

type syncRow struct {
	id                        int64
	base, localRev, pushedRev int64
	pushOrigin                string
	pushRev                   int64
}

// applyOne applies one pulled record; it returns a record it inserted (to
// be indexed by the caller).
func applyOne(tx *wtx, p Pulled, refusal string, now time.Time, st *ApplyStats) (*model.Record, error) {
	var y syncRow
	err := tx.QueryRow(`SELECT record_id, base, local_rev, pushed_rev, push_origin, push_rev FROM sync_records WHERE gid = ?`,
		p.GID).Scan(&y.id, &y.base, &y.localRev, &y.pushedRev, &y.pushOrigin, &y.pushRev)
	if errors.Is(err, sql.ErrNoRows) {
		if p.Deleted {
			return nil, nil
		}
		r := p.Record
		r.ID = 0
		if err := insertRow(tx, r); err != nil {
			return nil, err
		}
		if len(p.Images) > 0 {
			if err := writeImageRefs(tx, r.ID, p.Images); err != nil {
				return nil, err
			}
		}
		if p.TrashedFrom != "" {
			if _, err := tx.Exec("UPDATE records SET trashed_from = ? WHERE id = ?", p.TrashedFrom, r.ID); err != nil {
				return nil, err
			}
		}
		_, err := tx.Exec(`INSERT INTO sync_records (record_id, gid, base, pulled, local_rev, pushed_rev)
			VALUES (?, ?, ?, ?, 1, 1)`, r.ID, p.GID, p.EditVersion, p.Version)
		st.New++
		return r, err
	}
	if err != nil {
		return nil, err
	}
	dirty := y.localRev > y.pushedRev
	mark := func(base, pushed int64) error {
		_, err := tx.Exec("UPDATE sync_records SET base = ?, pulled = ?, pushed_rev = ? WHERE record_id = ?",
			base, p.Version, pushed, y.id)
		return err
	}
	if p.Origin != "" && p.Origin == y.pushOrigin && refusal == "" {
		// This desk's own push, whose answer was lost: it is on the server.
		return nil, mark(p.EditVersion, max(y.pushedRev, y.pushRev))
	}
	if p.EditVersion == y.base && refusal == "" {
		// Only new revisions (or nothing) since this desk's copy.
		return nil, mark(y.base, y.pushedRev)
	}
	if p.Deleted {
		if !dirty {
			if err := deleteRecord(tx, y.id); err != nil {
				return nil, err
			}
			st.Deleted++
			return nil, nil
		}
		// Edited here, deleted there: keep it as a new record to send.
		st.Conflicts++
		if _, err := tx.Exec(`UPDATE sync_records SET gid = lower(hex(randomblob(16))), base = 0, pulled = 0,
			pushed_rev = 0, refused_rev = 0, push_origin = '' WHERE record_id = ?`, y.id); err != nil {
			return nil, err
		}
		msg := fmt.Sprintf("%s đã xóa hẳn bản ghi này khỏi kho chung trong khi máy này sửa nó; bản của máy này được giữ và sẽ gửi lên như bản ghi mới", who(p.UpdatedBy))
		return nil, addConflict(tx, y.id, ConflictDeleted, 0, p.UpdatedBy, msg, stamp(now))
	}
	local, localRefs, err := loadRecordRefs(tx, y.id)
	if err != nil {
		return nil, err
	}
	server := p.Record
	server.ID = y.id
	if dirty || refusal != "" {
		if sameContent(local, server, localRefs, p.Images) {
			if err := writeServer(tx, server, p.Images, p.TrashedFrom); err != nil { // times may differ
				return nil, err
			}
			st.Updated++
			return nil, mark(p.EditVersion, y.localRev)
		}
		// A conflict: the office's text wins; this desk's is kept, marked.
		note := "Xung đột: bản của máy này, chưa gửi (" + who(p.UpdatedBy) + " đã sửa trên kho chung)"
		kind := ConflictEdit
		if refusal != "" {
			note = "Bị từ chối: " + refusal
			kind = ConflictRefused
		}
		local.Updated = now
		revID, err := addLocalRevision(tx, local, localRefs, note)
		if err != nil {
			return nil, err
		}
		if err := writeServer(tx, server, p.Images, p.TrashedFrom); err != nil {
			return nil, err
		}
		st.Conflicts++
		st.Updated++ // the office's text came
		if err := mark(p.EditVersion, y.localRev); err != nil {
			return nil, err
		}
		if _, err := tx.Exec("UPDATE sync_records SET refused_rev = 0 WHERE record_id = ?", y.id); err != nil {
			return nil, err
		}
		return nil, addConflict(tx, y.id, kind, revID, p.UpdatedBy, refusal, stamp(now))
	}
	if err := writeServer(tx, server, p.Images, p.TrashedFrom); err != nil {
		return nil, err
	}
	st.Updated++
	return nil, mark(p.EditVersion, y.pushedRev)
}

func who(user string) string {
	if user == "" {
		return "người khác"
	}
	return user
}

// writeServer overwrites a record with the server's state (no revision: the
// server's revisions come separately).
func writeServer(tx *wtx, r *model.Record, refs []ImageRef, trashedFrom string) error {
	if err := updateRow(tx, r); err != nil {
		return err
	}
	if _, err := tx.Exec("UPDATE records SET trashed_from = ? WHERE id = ?", trashedFrom, r.ID); err != nil {
		return err
	}
	return writeImageRefs(tx, r.ID, refs)
}

// writeImageRefs replaces a record's images by hash (data already stored).
func writeImageRefs(tx *wtx, id int64, refs []ImageRef) error {
	if _, err := tx.Exec("DELETE FROM images WHERE record_id = ?", id); err != nil {
		return err
	}
	for i, im := range refs {
		var n int
		if err := tx.QueryRow("SELECT count(*) FROM blobs WHERE hash = ?", im.Hash).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("thiếu dữ liệu ảnh %s", im.Hash)
		}
		if _, err := tx.Exec(`INSERT INTO images (record_id, pos, name, caption, media_type, hash) VALUES (?,?,?,?,?,?)`,
			id, i, im.Name, im.Caption, im.MediaType, im.Hash); err != nil {
			return err
		}
	}
	return nil
}

func loadRecordRefs(tx *wtx, id int64) (*model.Record, []ImageRef, error) {
	rows, err := tx.Query("SELECT "+recordColumns+" FROM records WHERE id = ?", id)
	if err != nil {
		return nil, nil, err
	}
	recs, err := scanRecords(rows)
	if err != nil {
		return nil, nil, err
	}
	if len(recs) == 0 {
		return nil, nil, fmt.Errorf("bản ghi %d: %w", id, ErrNotFound)
	}
	refs, err := imageRefs(tx, id)
	return recs[0], refs, err
}

// addLocalRevision appends a revision of r whose images are given by hash.
func addLocalRevision(tx *wtx, r *model.Record, refs []ImageRef, note string) (int64, error) {
	snap, err := snapshotWithRefs(r, refs)
	if err != nil {
		return 0, err
	}
	res, err := tx.Exec("INSERT INTO revisions (record_id, created, note, snapshot) VALUES (?,?,?,?)",
		r.ID, stamp(r.Updated), note, string(snap))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// snapshotWithRefs marshals r as a revision snapshot (images by hash).
func snapshotWithRefs(r *model.Record, refs []ImageRef) ([]byte, error) {
	c := *r
	c.Images = make([]model.Image, len(refs))
	for i, im := range refs {
		// The "data" is the hash itself: the hasher below maps it back.
		c.Images[i] = model.Image{Name: im.Name, Caption: im.Caption, MediaType: im.MediaType, Data: []byte(im.Hash)}
	}
	return model.MarshalRecordJSON(&c, func(b []byte) string { return string(b) })
}

// sameContent reports whether two versions of a record say the same thing
// (times aside).
func sameContent(a, b *model.Record, ra, rb []ImageRef) bool {
	if !slices.Equal(ra, rb) {
		return false
	}
	strip := func(r *model.Record) []byte {
		c := *r
		c.ID, c.Images, c.Created, c.Updated = 0, nil, time.Time{}, time.Time{}
		j, _ := model.MarshalRecordJSON(&c, nil)
		return j
	}
	return bytes.Equal(strip(a), strip(b))
}

// deleteRecord removes a record the server deleted (its revisions go with
// it here; the server keeps them). It is moved to the trash first, which
// takes it out of the search index the way every trashing does.
func deleteRecord(tx *wtx, id int64) error {
	r, refs, err := loadRecordRefs(tx, id)
	if err != nil {
		return err
	}
	if r.Status != model.StatusTrash {
		r.Status = model.StatusTrash
		if err := writeServer(tx, r, refs, ""); err != nil {
			return err
		}
	}
	if _, err := tx.Exec("DELETE FROM autosave WHERE record_id = ?", id); err != nil {
		return err
	}
	_, err = tx.Exec("DELETE FROM records WHERE id = ?", id)
	return err
}

// applyRevision stores a pulled revision; false when it was here already.
func applyRevision(tx *wtx, rv PulledRevision) (bool, error) {
	var n int
	if err := tx.QueryRow("SELECT count(*) FROM revisions WHERE server_id = ?", rv.ServerID).Scan(&n); err != nil || n > 0 {
		return false, err
	}
	var recordID int64
	err := tx.QueryRow("SELECT record_id FROM sync_records WHERE gid = ?", rv.GID).Scan(&recordID)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil // the record is not here (deleted)
	}
	if err != nil {
		return false, err
	}
	if desk, id, ok := revisionOrigin(rv.Origin); ok {
		var mine string
		if err := tx.QueryRow("SELECT value FROM sync_state WHERE key = ?", SyncDeskID).Scan(&mine); err != nil &&
			!errors.Is(err, sql.ErrNoRows) {
			return false, err
		}
		if desk == mine {
			// Sent by this desk, answer lost: link it instead of copying it.
			res, err := tx.Exec("UPDATE revisions SET server_id = ? WHERE id = ? AND record_id = ? AND server_id IS NULL",
				rv.ServerID, id, recordID)
			if err != nil {
				return false, err
			}
			if k, _ := res.RowsAffected(); k > 0 {
				return false, nil
			}
		}
	}
	_, err = tx.Exec("INSERT INTO revisions (record_id, created, note, snapshot, author, server_id) VALUES (?,?,?,?,?,?)",
		recordID, stamp(rv.Created), rv.Note, string(rv.Snapshot), rv.Author, rv.ServerID)
	return err == nil, err
}

// RevisionOrigin is the origin a desk gives a revision it sends:
// DESK:ID:HASH (the hash of the snapshot, so that a desk restored from a
// backup, whose revision ids repeat, never passes one revision for another).
func RevisionOrigin(desk string, id int64, snapshot []byte) string {
	return desk + ":" + strconv.FormatInt(id, 10) + ":" + hashData(snapshot)[:16]
}

func revisionOrigin(origin string) (string, int64, bool) {
	parts := strings.Split(origin, ":")
	if len(parts) != 3 {
		return "", 0, false
	}
	id, err := strconv.ParseInt(parts[1], 10, 64)
	return parts[0], id, err == nil
}
