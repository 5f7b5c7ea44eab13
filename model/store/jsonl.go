package store

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"bientap/model"
)

// ExportJSONL writes the whole archive (every status, trash included) as
// JSON Lines: one record per line, images inline in base64, oldest id first.
// The export reads one consistent snapshot, so saves made meanwhile neither
// wait for it nor appear half in it. ctx cancels it; progress counts
// records. It returns how many records it wrote.
func (s *Store) ExportJSONL(ctx context.Context, w io.Writer, progress Progress) (int, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return 0, translate(err)
	}
	defer conn.Close()
	// A deferred transaction (the connections' own BEGIN is IMMEDIATE, which
	// would hold the write lock for the whole export).
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return 0, ctxOr(ctx, err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	var total int64
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM records").Scan(&total); err != nil {
		return 0, ctxOr(ctx, err)
	}
	report(progress, 0, total)
	rows, err := conn.QueryContext(ctx, "SELECT "+recordColumns+" FROM records ORDER BY id")
	if err != nil {
		return 0, ctxOr(ctx, err)
	}
	defer rows.Close()
	images, err := conn.PrepareContext(ctx, `SELECT i.name, i.caption, i.media_type, b.data FROM images i
		JOIN blobs b ON b.hash = i.hash WHERE i.record_id = ? ORDER BY i.pos`)
	if err != nil {
		return 0, ctxOr(ctx, err)
	}
	defer images.Close()
	bw := bufio.NewWriterSize(w, 256<<10)
	n := 0
	last := time.Now()
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return n, ctxOr(ctx, err)
		}
		if err := loadImagesWith(ctx, images, r); err != nil {
			return n, ctxOr(ctx, err)
		}
		line, err := model.MarshalRecordJSON(r, nil)
		if err != nil {
			return n, fmt.Errorf("bản ghi %d: không mã hóa được thành JSON", r.ID)
		}
		bw.Write(line)
		if err := bw.WriteByte('\n'); err != nil {
			return n, err
		}
		n++
		if n%64 == 0 || time.Since(last) > 50*time.Millisecond {
			last = time.Now()
			report(progress, int64(n), total)
		}
	}
	if err := rows.Err(); err != nil {
		return n, ctxOr(ctx, err)
	}
	report(progress, int64(n), total)
	return n, bw.Flush()
}

// ctxOr is ctx's error when ctx ended (the driver then reports an
// interrupt), else the translated err.
func ctxOr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return translate(err)
}

// ImportOptions steer a JSON Lines import.
type ImportOptions struct {
	// Update replaces a record already in the archive by the file's version
	// when the two differ (the old state stays as a revision). Without it
	// such records are left alone and listed in ImportResult.Differing.
	Update bool
	// Size is the input's length in bytes, for Progress (0: unknown).
	Size int64
	// Progress gets the number of bytes read so far.
	Progress Progress
}

// ImportResult says what an import did, record by record.
type ImportResult struct {
	Created   []int64 // new records, in file order
	Updated   []int64 // records replaced by the file's version (Update)
	Unchanged []int64 // records the archive already holds as the file has them
	Differing []int64 // records the archive holds in another version, left alone
}

// Skipped is how many records of the file were not written.
func (r ImportResult) Skipped() int { return len(r.Unchanged) + len(r.Differing) }

// importBatch bounds the records prepared (normalised, folded) at once: the
// import's memory is one batch, whatever the size of the file.
const (
	importBatchRecords = 2048
	importBatchBytes   = 16 << 20
)

// ImportJSONL reads a JSON Lines archive as a stream and files its records
// in one transaction: all or nothing, even when ctx is cancelled or a line
// is bad (the first bad line is reported with its number). A record the
// archive already holds is recognised, by its id and creation time as an
// export wrote them, else by its title and date (and creation time when the
// file has one): an identical one is skipped, a different one is replaced
// with opts.Update and left alone without. A new record keeps its id when it
// is free. Memory holds one batch of records, never the file.
func (s *Store) ImportJSONL(ctx context.Context, r io.Reader, opts ImportOptions) (ImportResult, error) {
	var res ImportResult
	jr := model.NewJSONLReader(r)
	err := s.txContext(ctx, func(tx *wtx) error {
		now := s.clock.Now().UTC()
		var batch []*model.Record
		var lines []int
		size := 0
		flush := func() error {
			err := s.importBatch(ctx, tx, batch, lines, now, opts.Update, &res)
			batch, lines, size = batch[:0], lines[:0], 0
			report(opts.Progress, jr.Offset(), opts.Size)
			return err
		}
		start := jr.Offset()
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			rec, err := jr.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return err
			}
			batch, lines = append(batch, rec), append(lines, jr.Line())
			size += int(jr.Offset() - start)
			start = jr.Offset()
			if len(batch) >= importBatchRecords || size >= importBatchBytes {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		return flush()
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// importBatch files one batch inside the import's transaction.
func (s *Store) importBatch(ctx context.Context, tx *wtx, recs []*model.Record, lines []int, now time.Time, update bool, res *ImportResult) error {
	folds, err := s.prepare(recs)
	if err != nil {
		return fmt.Errorf("dòng %d: %w", lines[len(folds)], err)
	}
	var fresh []*model.Record
	var freshFolds []folded
	for i, r := range recs {
		if err := ctx.Err(); err != nil {
			return err
		}
		old, same, err := sameRecord(tx, r)
		if err != nil {
			return err
		}
		if old == nil {
			if err := insertImported(tx, r, now); err != nil {
				return err
			}
			res.Created = append(res.Created, r.ID)
			fresh, freshFolds = append(fresh, r), append(freshFolds, folds[i])
			continue
		}
		id := old.ID
		switch {
		case same:
			res.Unchanged = append(res.Unchanged, id)
		case !update:
			res.Differing = append(res.Differing, id)
		default:
			// Index this batch's new records first: the one replaced may be
			// among them (a record twice in the file).
			if err := indexInOrder(tx, fresh, freshFolds); err != nil {
				return err
			}
			fresh, freshFolds = fresh[:0], freshFolds[:0]
			if err := replaceImported(tx, old, r, now); err != nil {
				return fmt.Errorf("dòng %d: %w", lines[i], err)
			}
			res.Updated = append(res.Updated, id)
		}
	}
	return indexInOrder(tx, fresh, freshFolds)
}

// sameRecord finds the record of the archive that r is a copy of, and
// returns it (nil when there is none). An export carries ids and creation
// times: the same id created at the same instant is the same record. A
// record without an id is the same as the one with its title and date (and
// creation time when it has one) outside the trash, as in the other
// imports. A record whose id is taken by another record may have been
// imported before under a new id: a record with its title, date and creation
// time counts only when identical, so that two records that merely share
// these are never merged. same says the two are identical.
func sameRecord(tx *wtx, r *model.Record) (old *model.Record, same bool, err error) {
	if r.ID > 0 && !r.Created.IsZero() {
		var created string
		err := tx.QueryRow("SELECT created FROM records WHERE id = ?", r.ID).Scan(&created)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, false, nil // a free id: a new record
		}
		if err != nil {
			return nil, false, err
		}
		if created == stamp(r.Created) {
			return compared(tx, r.ID, r)
		}
	}
	date := r.Date.Format(model.ISODate)
	if r.Created.IsZero() {
		var id int64
		err := tx.QueryRow("SELECT id FROM records WHERE date = ? AND title = ? AND status != 'trash' ORDER BY id LIMIT 1",
			date, r.Title).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, err
		}
		return compared(tx, id, r)
	}
	rows, err := tx.Query("SELECT id FROM records WHERE date = ? AND title = ? AND created = ? ORDER BY id",
		date, r.Title, stamp(r.Created))
	if err != nil {
		return nil, false, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, false, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	for _, id := range ids {
		old, same, err := compared(tx, id, r)
		if err != nil || same || (r.ID == 0 && old != nil) {
			return old, same, err
		}
	}
	return nil, false, nil
}

// compared loads record id and tells whether r is identical to it.
func compared(tx *wtx, id int64, r *model.Record) (*model.Record, bool, error) {
	old, err := getTx(tx, id)
	if err != nil || old == nil {
		return nil, false, err
	}
	return old, len(model.Diff(old, r)) == 0, nil
}

// replaceImported makes the file's version of a record its current content,
// keeping its id and creation time; the stored state becomes a revision
// first, so nothing is lost.
func replaceImported(tx *wtx, old, r *model.Record, now time.Time) error {
	r.ID, r.Created = old.ID, old.Created
	if r.Updated.IsZero() {
		r.Updated = now
	}
	if r.Status == model.StatusTrash && old.Status != model.StatusTrash {
		if _, err := tx.Exec("UPDATE records SET trashed_from = ? WHERE id = ?", old.Status, old.ID); err != nil {
			return err
		}
	}
	if err := updateRecord(tx, r); err != nil {
		return err
	}
	return addRevision(tx, r, "Cập nhật từ tệp JSONL")
}

// ImportJSONLFile imports the JSON Lines archive at path (see ImportJSONL),
// with the file's size for progress. Only a regular file is read: a folder,
// a FIFO or a device is refused at once. Errors do not repeat the path.
func (s *Store) ImportJSONLFile(ctx context.Context, path string, opts ImportOptions) (ImportResult, error) {
	st, err := os.Stat(path)
	if err != nil {
		return ImportResult{}, fileError(err)
	}
	if st.IsDir() {
		return ImportResult{}, errors.New("đây là thư mục, không phải tệp")
	}
	if !st.Mode().IsRegular() {
		return ImportResult{}, errors.New("không phải tệp thông thường (thiết bị, ống dẫn…)")
	}
	f, err := os.Open(path)
	if err != nil {
		return ImportResult{}, fileError(err)
	}
	defer f.Close()
	opts.Size = st.Size()
	return s.ImportJSONL(ctx, f, opts)
}
