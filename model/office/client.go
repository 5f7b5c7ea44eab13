package office

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// ImageRef is an image of a record as the server keeps it: its data is in
// bientap.blobs under its SHA-256.
type ImageRef struct {
	Name      string `json:"name"`
	Caption   string `json:"caption"`
	MediaType string `json:"media_type"`
	SHA256    string `json:"sha256"`
}

// Row is a record's content as the server stores it (the columns a desk
// writes); the JSON names are the server's column names.
type Row struct {
	GID             string     `json:"gid"`
	Deleted         bool       `json:"deleted"`
	Kind            string     `json:"kind"`
	Title           string     `json:"title"`
	Summary         string     `json:"summary"`
	Body            string     `json:"body"`
	Category        string     `json:"category"`
	Author          string     `json:"author"`
	Place           string     `json:"place"`
	Date            string     `json:"date,omitempty"` // YYYY-MM-DD
	Number          string     `json:"number"`
	Sign            string     `json:"sign"`
	Urgency         string     `json:"urgency"`
	AgencyParent    string     `json:"agency_parent"`
	Agency          string     `json:"agency"`
	SignerAuthority string     `json:"signer_authority"`
	SignerPosition  string     `json:"signer_position"`
	SignerName      string     `json:"signer_name"`
	ToList          []string   `json:"to_list"`
	Recipients      []string   `json:"recipients"`
	URL             string     `json:"url"`
	Status          string     `json:"status"`
	TrashedFrom     string     `json:"trashed_from"`
	Images          []ImageRef `json:"images"`
	Created         time.Time  `json:"created"`
	Updated         time.Time  `json:"updated"`
	Origin          string     `json:"origin"`
}

// Change is one record a desk pushes: its new content, the edit version it
// was based on (0 for a record the server never had) and whether it is the
// emptying of the trash.
type PushRecord struct {
	Base   int64 `json:"base"`
	Delete bool  `json:"delete"`
	Row    Row   `json:"record"`
}

// PushRevision is a revision a desk made; Origin makes a retried push of it
// harmless.
type PushRevision struct {
	GID      string          `json:"gid"`
	Created  time.Time       `json:"created"`
	Note     string          `json:"note"`
	Snapshot json.RawMessage `json:"snapshot"`
	Origin   string          `json:"origin"`
}

// Push results.
const (
	PushOK      = "ok"      // applied; EditVersion is the new edit version
	PushStale   = "stale"   // someone changed the record first: a conflict
	PushRefused = "refused" // the user's role does not allow it; Message says why
)

// PushResult is the server's answer for one pushed record.
type PushResult struct {
	GID         string
	Result      string
	EditVersion int64
	Message     string
}

// Push applies records and then revisions in one transaction. Revisions of
// records the server does not hold (new and not accepted) are left out and
// reported with id 0.
func (c *Conn) Push(ctx context.Context, recs []PushRecord, revs []PushRevision, known func(gid string) bool) ([]PushResult, map[string]int64, error) {
	var results []PushResult
	ids := map[string]int64{}
	err := c.call(ctx, 2*CallTimeout, func(ctx context.Context) error {
		results, ids = results[:0], map[string]int64{}
		return pgx.BeginFunc(ctx, c.pg, func(tx pgx.Tx) error {
			accepted := map[string]bool{}
			if len(recs) > 0 {
				batch, err := json.Marshal(recs)
				if err != nil {
					return err
				}
				rows, _ := tx.Query(ctx, "SELECT gid, result, edit_version, coalesce(message, '') FROM bientap.push($1::jsonb)", string(batch))
				results, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (PushResult, error) {
					var r PushResult
					err := row.Scan(&r.GID, &r.Result, &r.EditVersion, &r.Message)
					return r, err
				})
				if err != nil {
					return err
				}
				for _, r := range results {
					accepted[r.GID] = r.Result == PushOK
				}
			}
			var send []PushRevision
			for _, rv := range revs {
				if ok, pushed := accepted[rv.GID]; ok || !pushed && known(rv.GID) {
					send = append(send, rv)
				}
			}
			if len(send) == 0 {
				return nil
			}
			batch, err := json.Marshal(send)
			if err != nil {
				return err
			}
			rows, _ := tx.Query(ctx, "SELECT origin, id FROM bientap.push_revisions($1::jsonb)", string(batch))
			var origin string
			var id int64
			_, err = pgx.ForEachRow(rows, []any{&origin, &id}, func() error {
				ids[origin] = id
				return nil
			})
			return err
		})
	})
	return results, ids, err
}

// MissingBlobs returns the hashes among hashes the server does not hold.
func (c *Conn) MissingBlobs(ctx context.Context, hashes []string) ([]string, error) {
	var missing []string
	err := c.call(ctx, CallTimeout, func(ctx context.Context) error {
		rows, _ := c.pg.Query(ctx, `SELECT h FROM unnest($1::text[]) h
			WHERE NOT EXISTS (SELECT 1 FROM bientap.blobs b WHERE b.hash = h)`, hashes)
		var err error
		missing, err = pgx.CollectRows(rows, pgx.RowTo[string])
		return err
	})
	return missing, err
}

// PutBlob uploads one image's data (content-addressed: a second upload of
// the same data is a no-op).
func (c *Conn) PutBlob(ctx context.Context, hash string, data []byte) error {
	return c.call(ctx, 2*CallTimeout, func(ctx context.Context) error {
		_, err := c.pg.Exec(ctx, "INSERT INTO bientap.blobs (hash, data) VALUES ($1, $2) ON CONFLICT DO NOTHING", hash, data)
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "23514" {
			return fmt.Errorf("dữ liệu ảnh %s không khớp mã băm", hash)
		}
		return err
	})
}

// Blob downloads one image's data.
func (c *Conn) Blob(ctx context.Context, hash string) ([]byte, error) {
	var data []byte
	err := c.call(ctx, 2*CallTimeout, func(ctx context.Context) error {
		return c.pg.QueryRow(ctx, "SELECT data FROM bientap.blobs WHERE hash = $1", hash).Scan(&data)
	})
	return data, err
}

// PulledRecord is a record as the server holds it, with its versions.
type PulledRecord struct {
	Row
	Version     int64 // feed version
	EditVersion int64 // version of the last content change
	CreatedBy   string
	UpdatedBy   string
}

// PulledRevision is a revision from the server.
type PulledRevision struct {
	ID       int64
	GID      string
	Version  int64
	Created  time.Time
	Author   string
	Note     string
	Snapshot []byte
	Origin   string
}

// Cursor is where a pull stopped: records are pulled in (version, gid) order.
type Cursor struct {
	Version int64
	GID     string
}

// Page is one page of a pull: records after a cursor up to a target version,
// and the revisions of those records the desk does not have yet.
type Page struct {
	Records   []PulledRecord
	Revisions []PulledRevision
	Next      Cursor
}

// Pull reads up to limit records changed after cursor and at or before
// target, in one snapshot with their revisions newer than what the desk
// pulled of each record (since returns that, per gid: 0 for a new record).
func (c *Conn) Pull(ctx context.Context, target int64, after Cursor, limit int, since func(gids []string) ([]int64, error)) (Page, error) {
	return c.page(ctx, since, after, `(version, gid) > ($1, $2) AND version <= $3 ORDER BY version, gid LIMIT $4`,
		after.Version, after.GID, target, limit)
}

// Records reads the server's current copy of the records gids (with their
// revisions newer than since says), as Pull does.
func (c *Conn) Records(ctx context.Context, gids []string, since func(gids []string) ([]int64, error)) (Page, error) {
	return c.page(ctx, since, Cursor{}, "gid = ANY($1) ORDER BY version, gid", gids)
}

const recordSelect = `SELECT gid, version, edit_version, deleted, kind, title, summary, body, category,
	author, place, to_char(date, 'YYYY-MM-DD'), number, sign, urgency, agency_parent, agency, signer_authority,
	signer_position, signer_name, to_list, recipients, url, status, trashed_from, images, created, updated,
	created_by, updated_by, coalesce(origin, '') FROM bientap.records WHERE `

func (c *Conn) page(ctx context.Context, since func(gids []string) ([]int64, error), after Cursor, where string, args ...any) (Page, error) {
	var page Page
	err := c.call(ctx, 3*CallTimeout, func(ctx context.Context) error {
		page = Page{Next: after}
		return pgx.BeginTxFunc(ctx, c.pg, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
			rows, _ := tx.Query(ctx, recordSelect+where, args...)
			var err error
			page.Records, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (PulledRecord, error) {
				var r PulledRecord
				err := row.Scan(&r.GID, &r.Version, &r.EditVersion, &r.Deleted, &r.Kind, &r.Title, &r.Summary, &r.Body,
					&r.Category, &r.Author, &r.Place, &r.Date, &r.Number, &r.Sign, &r.Urgency, &r.AgencyParent, &r.Agency,
					&r.SignerAuthority, &r.SignerPosition, &r.SignerName, &r.ToList, &r.Recipients, &r.URL, &r.Status,
					&r.TrashedFrom, &r.Images, &r.Created, &r.Updated, &r.CreatedBy, &r.UpdatedBy, &r.Origin)
				return r, err
			})
			if err != nil || len(page.Records) == 0 {
				return err
			}
			last := page.Records[len(page.Records)-1]
			page.Next = Cursor{Version: last.Version, GID: last.GID}
			var gids []string
			for _, r := range page.Records {
				if !r.Deleted {
					gids = append(gids, r.GID)
				}
			}
			if len(gids) == 0 {
				return nil
			}
			from, err := since(gids)
			if err != nil {
				return err
			}
			rows, _ = tx.Query(ctx, `SELECT r.id, r.gid, r.version, r.created, r.author, r.note, r.snapshot::text,
				coalesce(r.origin, '')
				FROM unnest($1::text[], $2::bigint[]) AS p(gid, since)
				JOIN bientap.revisions r ON r.gid = p.gid AND r.version > p.since
				ORDER BY r.id`, gids, from)
			page.Revisions, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (PulledRevision, error) {
				var r PulledRevision
				var snap string
				err := row.Scan(&r.ID, &r.GID, &r.Version, &r.Created, &r.Author, &r.Note, &snap, &r.Origin)
				r.Snapshot = []byte(snap)
				return r, err
			})
			return err
		})
	})
	return page, err
}

// CountChanges counts the records a pull from since to target brings.
func (c *Conn) CountChanges(ctx context.Context, since, target int64) (int, error) {
	var n int
	err := c.call(ctx, CallTimeout, func(ctx context.Context) error {
		return c.pg.QueryRow(ctx, "SELECT count(*) FROM bientap.records WHERE version > $1 AND version <= $2", since, target).Scan(&n)
	})
	return n, err
}

// TakeNumber gives the record gid the next number of its (year, ký hiệu)
// series (only the văn thư may). It returns the number and the record's new
// edit version.
func (c *Conn) TakeNumber(ctx context.Context, gid string) (string, int64, error) {
	var number string
	var edit, version int64
	err := c.call(ctx, CallTimeout, func(ctx context.Context) error {
		err := c.pg.QueryRow(ctx, "SELECT number, edit_version, version FROM bientap.take_number($1)", gid).Scan(&number, &edit, &version)
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "42501" && strings.HasPrefix(pe.Message, "permission denied") {
			return &Error{Kind: ErrRefused, Msg: "chỉ văn thư được cấp số văn bản", Err: err}
		}
		return err
	})
	return number, edit, err
}
