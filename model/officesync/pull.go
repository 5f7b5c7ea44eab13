package officesync

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"bientap/model"
	"bientap/model/office"
	"bientap/model/store"
)

// pull brings everything that changed on the server since the version this
// desk holds, page by page; each page is applied in one local transaction
// together with the pull's position, so a pull cut short resumes at the
// page where it stopped.
func (d *Desk) pull(ctx context.Context, conn *office.Conn, state map[string]string, sum *Summary) error {
	state, err := d.Store.SyncState() // the position may have moved since connect
	if err != nil {
		return err
	}
	pulled := atoi(state[store.SyncPulled])
	target, since := atoi(state[store.SyncPullTarget]), atoi(state[store.SyncPullSince])
	cur := office.Cursor{Version: atoi(state[store.SyncPullCurV]), GID: state[store.SyncPullCurGID]}
	if target == 0 { // no pull in progress: start one
		if target, err = conn.Version(ctx); err != nil {
			return err
		}
		if target < pulled {
			return &office.Error{Kind: office.ErrSchema, Msg: fmt.Sprintf(
				"%s: kho chung ở phiên bản %d, cũ hơn phiên bản %d máy này đã nhận (máy chủ được khôi phục từ bản sao lưu cũ?); nhờ quản trị kiểm tra trước khi đồng bộ",
				conn.Where(), target, pulled)}
		}
		if target == pulled {
			return nil
		}
		since, cur = pulled, office.Cursor{Version: pulled}
	}
	total, err := conn.CountChanges(ctx, cur.Version, target)
	if err != nil {
		return err
	}
	done := 0
	if err := d.progress(StagePull, done, total); err != nil {
		return err
	}
	// The next page is read from the server (with its images) while this
	// one is applied here: the two sides work at once. A record appears at
	// most once in a pull, so reading ahead never sees a stale position.
	ctx, cancel := context.WithCancel(ctx)
	pages := make(chan prepared, 1)
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		defer close(pages)
		for {
			page, err := conn.Pull(ctx, target, cur, d.pullPageSize(), d.Store.PulledVersions)
			var p prepared
			if err == nil {
				d.at("pulled")
				p, err = d.prepare(ctx, conn, page)
			}
			p.err = err
			select {
			case pages <- p:
			case <-ctx.Done():
				return
			}
			if err != nil || len(page.Records) < d.pullPageSize() {
				return
			}
			cur = page.Next
		}
	}()
	defer func() {
		cancel()
		for range pages { // let the reader stop before the connection is used again
		}
		<-finished
	}()
	for p := range pages {
		if p.err != nil {
			return p.err
		}
		next := map[string]string{
			store.SyncPullTarget: itoa(target), store.SyncPullSince: itoa(since),
			store.SyncPullCurV: itoa(p.page.Next.Version), store.SyncPullCurGID: p.page.Next.GID,
		}
		last := len(p.page.Records) < d.pullPageSize()
		if last { // the last page also closes the pull
			next = map[string]string{store.SyncPulled: itoa(target), store.SyncPullTarget: "", store.SyncPullSince: "",
				store.SyncPullCurV: "", store.SyncPullCurGID: ""}
		}
		st, err := d.Store.ApplyPulled(p.recs, p.revs, nil, next)
		if err != nil {
			return err
		}
		sum.Pulled += st.New + st.Updated
		sum.Deleted += st.Deleted
		sum.Conflicts += st.Conflicts
		sum.Revisions += st.Revisions
		sum.Skipped += p.skipped
		d.at("applied")
		done += len(p.page.Records)
		if err := d.progress(StagePull, done, max(total, done)); err != nil {
			return err
		}
		if last {
			return nil
		}
	}
	return nil
}

// prepared is a page read from the server, in the store's form, with the
// images it needs already here.
type prepared struct {
	page    office.Page
	recs    []store.Pulled
	revs    []store.PulledRevision
	skipped int
	err     error
}

// prepare converts a page and fetches the images it needs.
func (d *Desk) prepare(ctx context.Context, conn *office.Conn, page office.Page) (prepared, error) {
	p := prepared{page: page, recs: make([]store.Pulled, 0, len(page.Records))}
	var hashes []string
	for _, r := range page.Records {
		pr := fromPulled(r)
		if !pr.Deleted && !valid(pr.Record) {
			p.skipped++ // a record written by hand on the server that this desk cannot hold
			continue
		}
		for _, im := range pr.Images {
			hashes = append(hashes, im.Hash)
		}
		p.recs = append(p.recs, pr)
	}
	p.revs = make([]store.PulledRevision, 0, len(page.Revisions))
	for _, r := range page.Revisions {
		hashes = append(hashes, snapshotHashes(r.Snapshot)...)
		p.revs = append(p.revs, store.PulledRevision{ServerID: r.ID, GID: r.GID, Created: r.Created.UTC(),
			Author: r.Author, Note: r.Note, Snapshot: r.Snapshot, Origin: r.Origin})
	}
	return p, d.fetchBlobs(ctx, conn, hashes)
}

// apply fetches the images a page needs and applies it. refused names
// records whose push the server refused (their local text loses, kept).
func (d *Desk) apply(ctx context.Context, conn *office.Conn, page office.Page, refused map[string]string, state map[string]string) (store.ApplyStats, int, error) {
	p, err := d.prepare(ctx, conn, page)
	if err != nil {
		return store.ApplyStats{}, 0, err
	}
	st, err := d.Store.ApplyPulled(p.recs, p.revs, refused, state)
	return st, p.skipped, err
}

func valid(r *model.Record) bool {
	return r != nil && r.Kind.Valid() && r.Status.Valid() && !r.Date.IsZero()
}

// fetchBlobs downloads the image data this archive lacks (each once).
func (d *Desk) fetchBlobs(ctx context.Context, conn *office.Conn, hashes []string) error {
	if len(hashes) == 0 {
		return nil
	}
	missing, err := d.Store.MissingBlobs(unique(hashes))
	if err != nil {
		return err
	}
	for _, h := range missing {
		data, err := conn.Blob(ctx, h)
		if err != nil {
			return err
		}
		if err := d.Store.PutBlob(h, data); err != nil {
			return err
		}
	}
	return nil
}

func unique(s []string) []string {
	seen := make(map[string]bool, len(s))
	out := s[:0:0]
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

func atoi(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// stamp is a time as sync state keeps it.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
