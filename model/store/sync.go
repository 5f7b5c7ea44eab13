package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"bientap/model"
)

// This file is the store's side of syncing with an office archive
// (model/officesync does the talking): the desk's membership, what is
// waiting to be sent, and what was sent. Applying what the server sent is in
// sync_apply.go. The tables are made by migrateSync.

// Sync state keys (table sync_state).
const (
	SyncURL      = "url"       // office archive URL, without password
	SyncUser     = "user"      // the desk's user there; revisions made here carry it
	SyncRoles    = "roles"     // the user's roles, as last seen ("lanh-dao,van-thu")
	SyncOfficeID = "office_id" // the archive's identity: never sync with another
	SyncDeskID   = "desk_id"   // this desk's identity (origins of its pushes)
	SyncPulled   = "pulled"    // archive version pulled completely
	SyncLastSync = "last_sync" // RFC 3339 time of the last completed sync
	SyncTrack    = "track"     // "1": local changes are recorded for pushing

	// A pull in progress (resumed after a crash or a cancel).
	SyncPullTarget = "pull_target"
	SyncPullSince  = "pull_since"
	SyncPullCurV   = "pull_cursor_version"
	SyncPullCurGID = "pull_cursor_gid"
)

// ErrNotJoined: the desk has not joined an office archive.
var ErrNotJoined = errors.New("máy này chưa tham gia kho chung nào (bientap join URL)")

// SyncState returns the desk's sync state (empty when it never joined).
func (s *Store) SyncState() (map[string]string, error) {
	rows, err := s.db.Query("SELECT key, value FROM sync_state")
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, translate(err)
		}
		m[k] = v
	}
	return m, translate(rows.Err())
}

// SetSyncState writes sync state keys; an empty value removes the key.
func (s *Store) SetSyncState(kv map[string]string) error {
	return s.tx(func(tx *wtx) error { return setState(tx, kv) })
}

func setState(tx *wtx, kv map[string]string) error {
	for k, v := range kv {
		var err error
		if v == "" {
			_, err = tx.Exec("DELETE FROM sync_state WHERE key = ?", k)
		} else {
			_, err = tx.Exec("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", k, v)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Join makes this desk a member of an office archive: it stores state (URL,
// user, office id, desk id…), turns change tracking on and queues every
// record already here for the first push. Joining the same archive again
// only updates the state.
func (s *Store) Join(state map[string]string) error {
	return s.tx(func(tx *wtx) error {
		var office string
		err := tx.QueryRow("SELECT value FROM sync_state WHERE key = ?", SyncOfficeID).Scan(&office)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if office != "" && office != state[SyncOfficeID] {
			return fmt.Errorf("máy này đã tham gia một kho chung khác; hãy dùng một cơ sở dữ liệu riêng (--db) cho kho chung mới")
		}
		state[SyncTrack] = "1"
		if err := setState(tx, state); err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT INTO sync_records (record_id, gid)
			SELECT id, lower(hex(randomblob(16))) FROM records WHERE id NOT IN (SELECT record_id FROM sync_records)`)
		return err
	})
}

// PendingRecord is a local change the server does not have yet.
type PendingRecord struct {
	Record   *model.Record
	GID      string
	Base     int64 // server edit version it is based on (0: new on the server)
	LocalRev int64
	Images   []ImageRef
	// TrashedFrom is the status a trashed record had before the trash.
	TrashedFrom string
}

// ImageRef is a record's image by the hash of its data (data in blobs).
type ImageRef struct {
	Name, Caption, MediaType, Hash string
}

// Pending returns up to limit changed records with ids above after, in id
// order, skipping those the server refused until they change again.
func (s *Store) Pending(after int64, limit int) ([]PendingRecord, error) {
	rows, err := s.db.Query(`SELECT r.id, y.gid, y.base, y.local_rev FROM sync_records y JOIN records r ON r.id = y.record_id
		WHERE y.local_rev > y.pushed_rev AND y.local_rev > y.refused_rev AND y.record_id > ?
		ORDER BY y.record_id LIMIT ?`, after, limit)
	if err != nil {
		return nil, translate(err)
	}
	var out []PendingRecord
	for rows.Next() {
		var p PendingRecord
		var id int64
		if err := rows.Scan(&id, &p.GID, &p.Base, &p.LocalRev); err != nil {
			rows.Close()
			return nil, translate(err)
		}
		p.Record = &model.Record{ID: id}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, translate(err)
	}
	for i := range out {
		r, refs, err := s.recordWithRefs(out[i].Record.ID)
		if err != nil {
			return nil, err
		}
		out[i].Record, out[i].Images = r, refs
		if err := s.db.QueryRow("SELECT trashed_from FROM records WHERE id = ?", r.ID).Scan(&out[i].TrashedFrom); err != nil {
			return nil, translate(err)
		}
	}
	return out, nil
}

// recordWithRefs loads a record without image data, and its images by hash.
func (s *Store) recordWithRefs(id int64) (*model.Record, []ImageRef, error) {
	rows, err := s.db.Query("SELECT "+recordColumns+" FROM records WHERE id = ?", id)
	if err != nil {
		return nil, nil, translate(err)
	}
	recs, err := scanRecords(rows)
	if err != nil {
		return nil, nil, err
	}
	if len(recs) == 0 {
		return nil, nil, fmt.Errorf("bản ghi %d: %w", id, ErrNotFound)
	}
	refs, err := imageRefs(s.db, id)
	return recs[0], refs, err
}

func imageRefs(db querier, id int64) ([]ImageRef, error) {
	rows, err := db.Query("SELECT name, caption, media_type, hash FROM images WHERE record_id = ? ORDER BY pos", id)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	refs := []ImageRef{}
	for rows.Next() {
		var im ImageRef
		if err := rows.Scan(&im.Name, &im.Caption, &im.MediaType, &im.Hash); err != nil {
			return nil, translate(err)
		}
		refs = append(refs, im)
	}
	return refs, translate(rows.Err())
}

// Tombstone is a record emptied from the trash here, to delete on the server.
type Tombstone struct {
	GID  string
	Base int64
}

// PendingDeletes returns the deletions not yet sent.
func (s *Store) PendingDeletes() ([]Tombstone, error) {
	rows, err := s.db.Query("SELECT gid, base FROM sync_deleted ORDER BY gid")
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []Tombstone
	for rows.Next() {
		var t Tombstone
		if err := rows.Scan(&t.GID, &t.Base); err != nil {
			return nil, translate(err)
		}
		out = append(out, t)
	}
	return out, translate(rows.Err())
}

// PendingRevision is a revision made here that the server does not have.
type PendingRevision struct {
	ID       int64
	GID      string
	Base     int64 // the record's edit version on the server (0: not there)
	Created  time.Time
	Note     string
	Snapshot []byte
}

// PendingRevisions returns up to limit unsent revisions of records known to
// the sync, with ids above after, oldest first.
func (s *Store) PendingRevisions(after int64, limit int) ([]PendingRevision, error) {
	rows, err := s.db.Query(`SELECT v.id, y.gid, y.base, v.created, v.note, v.snapshot FROM revisions v
		JOIN sync_records y ON y.record_id = v.record_id
		WHERE v.server_id IS NULL AND v.id > ? ORDER BY v.id LIMIT ?`, after, limit)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []PendingRevision
	for rows.Next() {
		var p PendingRevision
		var created, snap string
		if err := rows.Scan(&p.ID, &p.GID, &p.Base, &created, &p.Note, &snap); err != nil {
			return nil, translate(err)
		}
		p.Created, _ = time.Parse(time.RFC3339Nano, created)
		p.Snapshot = []byte(snap)
		out = append(out, p)
	}
	return out, translate(rows.Err())
}

// PendingCount is how many local changes (records and deletions) wait to be
// sent.
func (s *Store) PendingCount() (int, error) {
	var n int
	err := s.db.QueryRow(`SELECT (SELECT count(*) FROM sync_records WHERE local_rev > pushed_rev AND local_rev > refused_rev)
		+ (SELECT count(*) FROM sync_deleted)`).Scan(&n)
	return n, translate(err)
}

// Pushing records the origins of a push about to be made, so that a push
// whose answer was lost (crash, dropped connection) is recognised when the
// server's copy comes back.
func (s *Store) Pushing(origins map[int64]string, revs map[int64]int64) error {
	return s.tx(func(tx *wtx) error {
		for id, origin := range origins {
			if _, err := tx.Exec("UPDATE sync_records SET push_origin = ?, push_rev = ? WHERE record_id = ?",
				origin, revs[id], id); err != nil {
				return err
			}
		}
		return nil
	})
}

// PushOutcome is the server's answer for one pushed record.
type PushOutcome struct {
	RecordID    int64
	LocalRev    int64
	Result      string // ok, stale, refused
	EditVersion int64
	Message     string
	New         bool // the record was not on the server before
}

// Push results (as the server gives them).
const (
	PushOK      = "ok"
	PushStale   = "stale"
	PushRefused = "refused"
)

// Pushed stores what the server answered: accepted records are clean up to
// the local_rev that was sent (a change made meanwhile stays pending);
// a new record the server refused is not sent again until it changes and
// gets a conflict entry with the reason; sent revisions get their server
// ids; sent deletions are forgotten.
func (s *Store) Pushed(outcomes []PushOutcome, revisions map[int64]int64, deletes []string) error {
	now := stamp(s.clock.Now())
	return s.tx(func(tx *wtx) error {
		for _, o := range outcomes {
			switch o.Result {
			case PushOK:
				if _, err := tx.Exec(`UPDATE sync_records SET pushed_rev = max(pushed_rev, ?), base = ?,
					refused_rev = 0 WHERE record_id = ?`, o.LocalRev, o.EditVersion, o.RecordID); err != nil {
					return err
				}
			case PushRefused:
				if !o.New {
					continue // the server's copy is taken back (ApplyPulled with the refusal)
				}
				if _, err := tx.Exec("UPDATE sync_records SET refused_rev = ? WHERE record_id = ?", o.LocalRev, o.RecordID); err != nil {
					return err
				}
				if err := addConflict(tx, o.RecordID, ConflictRefused, 0, "", o.Message, now); err != nil {
					return err
				}
			}
		}
		for id, server := range revisions {
			if server == 0 {
				continue
			}
			// A revision made before the desk joined is the joining user's.
			if _, err := tx.Exec(`UPDATE revisions SET server_id = ?, author = CASE WHEN author = ''
				THEN coalesce((SELECT value FROM sync_state WHERE key = 'user'), '') ELSE author END
				WHERE id = ? AND server_id IS NULL`, server, id); err != nil {
				return err
			}
		}
		for _, g := range deletes {
			if _, err := tx.Exec("DELETE FROM sync_deleted WHERE gid = ?", g); err != nil {
				return err
			}
		}
		return nil
	})
}

// Conflict kinds.
const (
	ConflictEdit    = "conflict" // edited here and elsewhere: the office's text won, this desk's is a revision
	ConflictRefused = "refused"  // the server refused this desk's change
	ConflictDeleted = "deleted"  // deleted on the server while edited here: kept here as a new record
)

func addConflict(tx *wtx, recordID int64, kind string, revID int64, other, msg, now string) error {
	// One open entry per record and kind: a repeat replaces the older one.
	if _, err := tx.Exec("UPDATE sync_conflicts SET resolved = ? WHERE record_id = ? AND kind = ? AND resolved = ''",
		now, recordID, kind); err != nil {
		return err
	}
	_, err := tx.Exec(`INSERT INTO sync_conflicts (record_id, kind, created, revision_id, other, message)
		VALUES (?, ?, ?, NULLIF(?, 0), ?, ?)`, recordID, kind, now, revID, other, msg)
	return err
}

// Conflict is an open conflict or refusal for the clerk to look at.
type Conflict struct {
	ID         int64
	RecordID   int64
	Title      string
	Kind       string
	Created    time.Time
	RevisionID int64  // this desk's losing text, kept as a revision (0: none)
	Other      string // who made the change that won
	Message    string
}

// Label is the conflict's one-line description in Vietnamese.
func (c Conflict) Label() string {
	switch c.Kind {
	case ConflictEdit:
		who := c.Other
		if who == "" {
			who = "người khác"
		}
		return fmt.Sprintf("Xung đột: %s đã sửa bản ghi này trên kho chung trong khi máy này cũng sửa; bản của máy này được giữ ở phiên bản %d", who, c.RevisionID)
	case ConflictRefused:
		if c.RevisionID > 0 {
			return fmt.Sprintf("Bị từ chối: %s; bản của máy này được giữ ở phiên bản %d", c.Message, c.RevisionID)
		}
		return "Bị từ chối: " + c.Message + "; bản ghi chỉ có trên máy này"
	case ConflictDeleted:
		return "Xung đột: " + c.Message
	}
	return c.Message
}

// Conflicts lists the open conflicts, newest first.
func (s *Store) Conflicts() ([]Conflict, error) {
	rows, err := s.db.Query(`SELECT c.id, c.record_id, coalesce(r.title, ''), c.kind, c.created, coalesce(c.revision_id, 0),
		c.other, c.message FROM sync_conflicts c LEFT JOIN records r ON r.id = c.record_id
		WHERE c.resolved = '' ORDER BY c.id DESC`)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []Conflict
	for rows.Next() {
		var c Conflict
		var created string
		if err := rows.Scan(&c.ID, &c.RecordID, &c.Title, &c.Kind, &created, &c.RevisionID, &c.Other, &c.Message); err != nil {
			return nil, translate(err)
		}
		c.Created, _ = time.Parse(time.RFC3339Nano, created)
		out = append(out, c)
	}
	return out, translate(rows.Err())
}

// ResolveConflict closes a conflict. With keepMine, this desk's losing text
// (the conflict's revision) becomes the record's content again, as a new
// revision that the next sync sends; otherwise the office's text stays.
// Either way nothing is deleted: both texts remain in the history.
func (s *Store) ResolveConflict(id int64, keepMine bool) error {
	var revID int64
	var recordID int64
	err := s.db.QueryRow("SELECT record_id, coalesce(revision_id, 0) FROM sync_conflicts WHERE id = ? AND resolved = ''", id).
		Scan(&recordID, &revID)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("xung đột %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return translate(err)
	}
	if keepMine {
		if revID == 0 {
			return fmt.Errorf("xung đột %d không giữ bản nào khác bản hiện có", id)
		}
		if _, err := s.RestoreRevision(revID); err != nil {
			return err
		}
	}
	return s.tx(func(tx *wtx) error {
		_, err := tx.Exec("UPDATE sync_conflicts SET resolved = ? WHERE id = ?", stamp(s.clock.Now()), id)
		return err
	})
}

// TrashedFrom is the status a trashed record had before the trash ("" for
// a record not in the trash).
func (s *Store) TrashedFrom(id int64) (model.Status, error) {
	var from string
	err := s.db.QueryRow("SELECT trashed_from FROM records WHERE id = ? AND status = 'trash'", id).Scan(&from)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return model.Status(from), translate(err)
}

// RevisionAuthor is who made a revision ("" when unknown: made before the
// desk joined an office archive).
func (s *Store) RevisionAuthor(revID int64) (string, error) {
	var a string
	err := s.db.QueryRow("SELECT author FROM revisions WHERE id = ?", revID).Scan(&a)
	return a, translate(err)
}

// RecordGID returns the office-wide id of a record, and the edit version
// the desk holds ("" when the record is not known to the sync).
func (s *Store) RecordGID(id int64) (string, int64, error) {
	var g string
	var base int64
	err := s.db.QueryRow("SELECT gid, base FROM sync_records WHERE record_id = ?", id).Scan(&g, &base)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, nil
	}
	return g, base, translate(err)
}

// IsPending reports whether a record has changes the server does not have.
func (s *Store) IsPending(id int64) (bool, error) {
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM sync_records WHERE record_id = ? AND local_rev > pushed_rev", id).Scan(&n)
	return n > 0, translate(err)
}

// MissingBlobs returns the hashes among hashes this archive has no data for.
func (s *Store) MissingBlobs(hashes []string) ([]string, error) {
	var out []string
	for _, h := range hashes {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM blobs WHERE hash = ?", h).Scan(&n); err != nil {
			return nil, translate(err)
		}
		if n == 0 {
			out = append(out, h)
		}
	}
	return out, nil
}

// PutBlob stores image data received from the server; data whose hash is
// not h is refused.
func (s *Store) PutBlob(h string, data []byte) error {
	if hashData(data) != h {
		return fmt.Errorf("dữ liệu ảnh nhận được không khớp mã %s", h)
	}
	return s.tx(func(tx *wtx) error {
		_, err := putBlob(tx, data)
		return err
	})
}

// Blob returns image data by hash.
func (s *Store) Blob(h string) ([]byte, error) { return s.blob(h) }
