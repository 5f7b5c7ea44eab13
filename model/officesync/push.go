package officesync

import (
	"context"

	"bientap/model/office"
	"bientap/model/store"
)

// push sends this desk's changes in batches: image data the server lacks,
// then each batch of records in one server transaction, then the revisions
// made here, then deletions. It reports whether another round is needed
// (a push was stale: the next pull brings the newer version as a conflict).
func (d *Desk) push(ctx context.Context, conn *office.Conn, state map[string]string, sum *Summary) (again bool, err error) {
	desk := state[store.SyncDeskID]
	total, err := d.Store.PendingCount()
	if err != nil {
		return false, err
	}
	done := 0
	if total > 0 {
		if err := d.progress(StagePush, 0, total); err != nil {
			return false, err
		}
	}
	refetch := map[string]string{} // gid → why: records to take back from the server
	var after int64
	for {
		batch, err := d.Store.Pending(after, d.pageSize())
		if err != nil {
			return false, err
		}
		if len(batch) == 0 {
			break
		}
		after = batch[len(batch)-1].Record.ID
		origins := make(map[int64]string, len(batch))
		revs := make(map[int64]int64, len(batch))
		recs := make([]office.PushRecord, len(batch))
		var hashes []string
		for i, p := range batch {
			origin := desk + ":" + itoa(p.LocalRev) + ":" + newID()[:12]
			origins[p.Record.ID], revs[p.Record.ID] = origin, p.LocalRev
			recs[i] = office.PushRecord{Base: p.Base, Row: toRow(p, origin)}
			for _, im := range p.Images {
				hashes = append(hashes, im.Hash)
			}
		}
		// Written down before sending: if the answer is lost, the server's
		// copy is recognised by its origin when it comes back.
		if err := d.Store.Pushing(origins, revs); err != nil {
			return false, err
		}
		if err := d.sendBlobs(ctx, conn, hashes); err != nil {
			return false, err
		}
		results, _, err := conn.Push(ctx, recs, nil, nil)
		if err != nil {
			return false, err
		}
		d.at("pushed")
		byGID := make(map[string]store.PendingRecord, len(batch))
		for _, p := range batch {
			byGID[p.GID] = p
		}
		outcomes := make([]store.PushOutcome, 0, len(results))
		for _, r := range results {
			p := byGID[r.GID]
			o := store.PushOutcome{RecordID: p.Record.ID, LocalRev: p.LocalRev, Result: r.Result,
				EditVersion: r.EditVersion, Message: r.Message, New: p.Base == 0}
			outcomes = append(outcomes, o)
			switch r.Result {
			case office.PushOK:
				sum.Pushed++
			case office.PushStale:
				again = true
			case office.PushRefused:
				sum.Refused++
				if p.Base != 0 {
					refetch[r.GID] = r.Message
				}
			}
		}
		if err := d.Store.Pushed(outcomes, nil, nil); err != nil {
			return false, err
		}
		done += len(batch)
		if err := d.progress(StagePush, done, max(total, done)); err != nil {
			return false, err
		}
	}
	if err := d.pushRevisions(ctx, conn, desk); err != nil {
		return false, err
	}
	tombs, err := d.Store.PendingDeletes()
	if err != nil {
		return false, err
	}
	if len(tombs) > 0 {
		recs := make([]office.PushRecord, len(tombs))
		gids := make([]string, len(tombs))
		for i, t := range tombs {
			recs[i] = office.PushRecord{Base: t.Base, Delete: true, Row: office.Row{GID: t.GID, Origin: desk + ":delete:" + newID()[:12]}}
			gids[i] = t.GID
		}
		results, _, err := conn.Push(ctx, recs, nil, nil)
		if err != nil {
			return false, err
		}
		for _, r := range results {
			switch r.Result {
			case office.PushOK:
				sum.Deleted++
			default:
				// Changed on the server since (or refused): take it back.
				refetch[r.GID] = ""
				if r.Result == office.PushRefused {
					sum.Refused++
				}
			}
		}
		if err := d.Store.Pushed(nil, nil, gids); err != nil {
			return false, err
		}
	}
	if len(refetch) > 0 {
		if err := d.takeBack(ctx, conn, refetch, sum); err != nil {
			return false, err
		}
	}
	return again, nil
}

// takeBack applies the server's copy of records this desk could not change
// there: a refused change loses (kept as a revision marked "Bị từ chối"); a
// record whose deletion came too late comes back.
func (d *Desk) takeBack(ctx context.Context, conn *office.Conn, why map[string]string, sum *Summary) error {
	gids := make([]string, 0, len(why))
	refused := map[string]string{}
	for g, msg := range why {
		gids = append(gids, g)
		if msg != "" {
			refused[g] = msg
		}
	}
	page, err := conn.Records(ctx, gids, d.Store.PulledVersions)
	if err != nil {
		return err
	}
	st, _, err := d.apply(ctx, conn, page, refused, map[string]string{})
	if err != nil {
		return err
	}
	sum.Pulled += st.New
	sum.Revisions += st.Revisions
	return nil
}

// pushRevisions sends the revisions made here, in batches.
func (d *Desk) pushRevisions(ctx context.Context, conn *office.Conn, desk string) error {
	var after int64
	for {
		batch, err := d.Store.PendingRevisions(after, d.pageSize())
		if err != nil || len(batch) == 0 {
			return err
		}
		after = batch[len(batch)-1].ID
		revs := make([]office.PushRevision, 0, len(batch))
		byOrigin := map[string]int64{}
		var hashes []string
		known := map[string]bool{}
		for _, rv := range batch {
			if rv.Base == 0 {
				continue // its record is not on the server (yet)
			}
			origin := store.RevisionOrigin(desk, rv.ID, rv.Snapshot)
			byOrigin[origin] = rv.ID
			known[rv.GID] = true
			revs = append(revs, office.PushRevision{GID: rv.GID, Created: rv.Created, Note: rv.Note,
				Snapshot: rv.Snapshot, Origin: origin})
			hashes = append(hashes, snapshotHashes(rv.Snapshot)...)
		}
		if len(revs) == 0 {
			continue
		}
		if err := d.sendBlobs(ctx, conn, hashes); err != nil {
			return err
		}
		_, ids, err := conn.Push(ctx, nil, revs, func(g string) bool { return known[g] })
		if err != nil {
			return err
		}
		d.at("pushed")
		local := make(map[int64]int64, len(ids))
		for origin, server := range ids {
			local[byOrigin[origin]] = server
		}
		if err := d.Store.Pushed(nil, local, nil); err != nil {
			return err
		}
	}
}

// sendBlobs uploads the image data the server lacks (each once).
func (d *Desk) sendBlobs(ctx context.Context, conn *office.Conn, hashes []string) error {
	if len(hashes) == 0 {
		return nil
	}
	missing, err := conn.MissingBlobs(ctx, unique(hashes))
	if err != nil {
		return err
	}
	for _, h := range missing {
		data, err := d.Store.Blob(h)
		if err != nil {
			return err
		}
		if err := conn.PutBlob(ctx, h, data); err != nil {
			return err
		}
	}
	return nil
}
