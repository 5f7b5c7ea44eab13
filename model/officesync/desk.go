// Package officesync syncs a desk's local archive (model/store) with the
// office archive on PostgreSQL (model/office), Zotero-style: the server
// keeps a monotonic archive version, each record the version it last changed
// at; a desk pulls what changed since the version it holds and pushes its
// own changes saying which version they were based on, and a stale push is a
// conflict, never an overwrite. Both texts of a conflict are kept.
//
// Every step is a transaction on one side and idempotent on the other, so a
// sync killed at any point (kill -9, a dropped connection, a server restart)
// resumes where it stopped without duplicating or losing anything: pulls
// store their position with each page they apply; pushes carry an origin the
// desk writes down before sending and recognises when it comes back.
package officesync

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/office"
	"bientap/model/secret"
	"bientap/model/store"
)

// Progress is told how a sync goes; returning false cancels it (what was
// done stays done, and the next sync goes on from there).
type Progress func(stage string, done, total int) bool

// Stages reported to Progress.
const (
	StageConnect = "Kết nối"
	StagePull    = "Nhận"
	StagePush    = "Gửi"
)

// Desk syncs one desk's archive with its office archive.
type Desk struct {
	Store *store.Store
	// Password gives the password for an archive and user (cfg.Key());
	// nil: BIENTAP_PASSWORD, then the OS credential store (package secret).
	Password func(cfg office.Config) (string, error)
	Progress Progress
	Clock    model.Clock
	// PageSize is how many records go in one pull page or push batch.
	PageSize int
	// Retries is how many times a step that lost its connection is tried
	// again (reconnecting) before the sync gives up; 0 means 3.
	Retries int

	// hook is called at the points a crash test kills the process at:
	// "pushed" (the server committed, this desk not yet), "pulled" (a page
	// read, not applied) and "applied" (a page applied).
	hook func(point string)

	mu      sync.Mutex   // one operation at a time (a sync, a number, a status)
	conn    *office.Conn // kept open between operations; dropped on a connection error
	connURL string       // the URL conn was opened for
}

// Close closes the connection the desk keeps open between operations.
func (d *Desk) Close() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.drop()
}

func (d *Desk) drop() {
	if d.conn != nil {
		d.conn.Close()
		d.conn = nil
	}
}

// withConn runs f with the desk's connection, opening it when needed. A
// connection error drops the connection; when it was an old one (the
// server restarted since), f runs once more on a new one.
func (d *Desk) withConn(ctx context.Context, f func(conn *office.Conn, state map[string]string) error) error {
	for attempt := 0; ; attempt++ {
		state, err := d.Store.SyncState()
		if err != nil {
			return err
		}
		reused := d.conn != nil
		if reused && d.connURL != state[store.SyncURL] {
			d.drop() // joined elsewhere since
			reused = false
		}
		if reused {
			// A kept connection may have died with a server restart, or
			// the server may have been upgraded meanwhile.
			if err := d.conn.Recheck(ctx); err != nil {
				d.drop()
				if !office.IsConnection(err) {
					return err
				}
				reused = false
			}
		}
		if d.conn == nil {
			conn, err := d.connect(ctx)
			if err != nil {
				return err
			}
			d.conn, d.connURL = conn, state[store.SyncURL]
		}
		err = f(d.conn, state)
		if err != nil && office.IsConnection(err) {
			d.drop()
			if reused && attempt == 0 {
				continue
			}
		}
		return err
	}
}

// now is the desk's clock, else its store's.
func (d *Desk) now() time.Time {
	if d.Clock != nil {
		return d.Clock.Now()
	}
	return d.Store.Clock().Now()
}

func (d *Desk) at(point string) {
	if d.hook != nil {
		d.hook(point)
	}
}

// Summary says what one sync moved.
type Summary struct {
	Pushed, Pulled, Deleted, Conflicts, Refused, Revisions, Skipped int
}

// String is the one line the command line prints.
func (s Summary) String() string {
	line := fmt.Sprintf("Đồng bộ xong: gửi %d, nhận %d bản ghi", s.Pushed, s.Pulled)
	if s.Deleted > 0 {
		line += fmt.Sprintf(", xóa %d", s.Deleted)
	}
	line += fmt.Sprintf(", %d xung đột", s.Conflicts)
	if s.Refused > 0 {
		line += fmt.Sprintf(", %d bị từ chối", s.Refused)
	}
	if s.Skipped > 0 {
		line += fmt.Sprintf(", bỏ qua %d bản ghi không hợp lệ từ kho chung", s.Skipped)
	}
	return line
}

func (d *Desk) add(s *Summary, o Summary) {
	s.Pushed += o.Pushed
	s.Pulled += o.Pulled
	s.Deleted += o.Deleted
	s.Conflicts += o.Conflicts
	s.Refused += o.Refused
	s.Revisions += o.Revisions
	s.Skipped += o.Skipped
}

func (d *Desk) pageSize() int {
	if d.PageSize > 0 {
		return d.PageSize
	}
	return 500
}

// pullPageSize is how many records one pull page brings: more than a push
// batch (a page is read in one snapshot and applied in one local
// transaction; a first join of 100,000 records is 100 of them).
func (d *Desk) pullPageSize() int {
	if d.PageSize > 0 {
		return d.PageSize
	}
	return 1000
}

func (d *Desk) progress(stage string, done, total int) error {
	if d.Progress != nil && !d.Progress(stage, done, total) {
		return &office.Error{Kind: office.ErrCanceled, Msg: "đã hủy đồng bộ; phần đã xong được giữ, lần sau làm tiếp", Err: context.Canceled}
	}
	return nil
}

func (d *Desk) password(cfg office.Config) (string, error) {
	if cfg.Password != "" {
		return cfg.Password, nil
	}
	if d.Password != nil {
		return d.Password(cfg)
	}
	return secret.Load(cfg.Key())
}

// Status is what the window's sync indicator shows.
type Status struct {
	Joined    bool
	URL       string
	User      string
	Roles     office.Roles
	LastSync  time.Time // zero: never
	Pending   int       // local changes not yet sent
	Conflicts int       // open conflicts
	Key       string    // the archive and user, as the credential store names them
}

// DeskStatus reads a desk's sync status from its archive (no network).
func DeskStatus(st *store.Store) (Status, error) {
	state, err := st.SyncState()
	if err != nil {
		return Status{}, err
	}
	s := Status{URL: state[store.SyncURL], User: state[store.SyncUser], Roles: office.ParseRoles(state[store.SyncRoles])}
	if s.URL == "" {
		return s, nil
	}
	s.Joined = true
	if cfg, err := office.ParseURL(s.URL); err == nil {
		s.Key = cfg.Key()
	}
	s.LastSync, _ = time.Parse(time.RFC3339, state[store.SyncLastSync])
	if s.Pending, err = st.PendingCount(); err != nil {
		return s, err
	}
	cs, err := st.Conflicts()
	s.Conflicts = len(cs)
	return s, err
}

// connect opens the connection for a sync and checks that the server is
// the archive this desk joined.
func (d *Desk) connect(ctx context.Context) (*office.Conn, error) {
	state, err := d.Store.SyncState()
	if err != nil {
		return nil, err
	}
	if state[store.SyncURL] == "" {
		return nil, store.ErrNotJoined
	}
	cfg, err := office.ParseURL(state[store.SyncURL])
	if err != nil {
		return nil, err
	}
	if cfg.Password, err = d.password(cfg); err != nil {
		return nil, &office.Error{Kind: office.ErrAuth, Msg: cfg.Where() + ": " + err.Error(), Err: err}
	}
	if err := d.progress(StageConnect, 0, 1); err != nil {
		return nil, err
	}
	conn, err := office.Connect(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if conn.Info.OfficeID != state[store.SyncOfficeID] {
		conn.Close()
		return nil, &office.Error{Kind: office.ErrSchema, Msg: cfg.Where() +
			": đây không phải kho chung máy này đã tham gia (cơ sở dữ liệu đã được tạo lại?); hãy dùng một cơ sở dữ liệu riêng (--db) để tham gia kho mới"}
	}
	if roles := conn.Info.Roles.String(); roles != state[store.SyncRoles] {
		if err := d.Store.SetSyncState(map[string]string{store.SyncRoles: roles}); err != nil {
			conn.Close()
			return nil, err
		}
	}
	return conn, nil
}

// Join makes this desk a member of the office archive at cfg (its password
// in cfg) and runs the first sync: this desk's records go up, the office's
// come down. The password goes to the OS credential store; when there is
// none, Join still succeeds and saveErr says why the password was not kept.
func (d *Desk) Join(ctx context.Context, cfg office.Config) (sum Summary, saveErr error, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.drop()
	if cfg.Password == "" {
		if cfg.Password, err = d.password(cfg); err != nil {
			return sum, nil, err
		}
	}
	conn, err := office.Connect(ctx, cfg)
	if err != nil {
		return sum, nil, err
	}
	state, err := d.Store.SyncState()
	if err != nil {
		conn.Close()
		return sum, nil, err
	}
	desk := state[store.SyncDeskID]
	if desk == "" {
		desk = newID()
	}
	err = d.Store.Join(map[string]string{
		store.SyncURL: cfg.URL, store.SyncUser: conn.Info.User, store.SyncRoles: conn.Info.Roles.String(),
		store.SyncOfficeID: conn.Info.OfficeID, store.SyncDeskID: desk,
	})
	if err != nil {
		conn.Close()
		return sum, nil, err
	}
	d.conn = conn
	saveErr = secret.Save(cfg.Key(), cfg.Password)
	d.Password = func(office.Config) (string, error) { return cfg.Password, nil }
	sum, err = d.sync(ctx)
	return sum, saveErr, err
}

// Sync pushes this desk's changes and pulls everyone else's. It reconnects
// and goes on when the connection drops (a server restart), up to Retries
// times; after that, or offline, it returns an *office.Error of kind
// office.ErrOffline and the archive keeps what was done.
func (d *Desk) Sync(ctx context.Context) (Summary, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.sync(ctx)
}

func (d *Desk) sync(ctx context.Context) (Summary, error) {
	var sum Summary
	retries := d.Retries
	if retries == 0 {
		retries = 3
	}
	for attempt := 0; ; attempt++ {
		err := d.syncOnce(ctx, &sum)
		if err == nil {
			return sum, d.Store.SetSyncState(map[string]string{store.SyncLastSync: d.now().UTC().Format(time.RFC3339)})
		}
		if !office.IsConnection(err) || attempt >= retries || ctx.Err() != nil {
			return sum, err
		}
		select {
		case <-time.After(time.Duration(500<<attempt) * time.Millisecond):
		case <-ctx.Done():
			return sum, err
		}
	}
}

func (d *Desk) syncOnce(ctx context.Context, sum *Summary) error {
	return d.withConn(ctx, func(conn *office.Conn, state map[string]string) error {
		// Pull first, so that pushes are based on the newest versions; a
		// push found stale by a change made meanwhile is pulled (as a
		// conflict) and pushed again in the next round.
		for round := 0; round < 4; round++ {
			if err := d.pull(ctx, conn, state, sum); err != nil {
				return err
			}
			again, err := d.push(ctx, conn, state, sum)
			if err != nil {
				return err
			}
			if !again {
				return nil
			}
		}
		return nil
	})
}

// newID is a random 32-hex-digit id.
func newID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// TakeNumber gives record id the next number of its (year, ký hiệu) series:
// from the office archive for a joined desk (only the văn thư may; it must be
// online), else from the local series. A record that has a number keeps it.
func (d *Desk) TakeNumber(ctx context.Context, id int64) (string, error) {
	r, err := d.Store.Get(id)
	if err != nil {
		return "", err
	}
	if r.Number != "" {
		return "", fmt.Errorf("bản ghi %d đã có số %s, không cấp số lại", id, decree.NumberSign(r.Number, r.Sign))
	}
	if r.Status == model.StatusTrash {
		return "", fmt.Errorf("bản ghi %d đang ở thùng rác, không cấp số", id)
	}
	state, err := d.Store.SyncState()
	if err != nil {
		return "", err
	}
	if state[store.SyncURL] == "" {
		n, err := d.Store.NextNumber(r.Date.Year(), r.Sign)
		if err != nil {
			return "", err
		}
		r.Number = n
		return n, d.Store.Save(r)
	}
	roles := office.ParseRoles(state[store.SyncRoles])
	if msg := roles.Refusal(office.Change{From: r.Status, To: r.Status, NumberChanged: true}); msg != "" {
		return "", &office.Error{Kind: office.ErrRefused, Msg: fmt.Sprintf("%s (%s là %s)", msg, state[store.SyncUser], roles.Label())}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	var n string
	err = d.withConn(ctx, func(conn *office.Conn, state map[string]string) error {
		var sum Summary
		// The record must be on the server as this desk has it.
		gid, base, err := d.Store.RecordGID(id)
		if err != nil {
			return err
		}
		pending, err := d.Store.IsPending(id)
		if err != nil {
			return err
		}
		if pending || base == 0 {
			if err := d.pull(ctx, conn, state, &sum); err != nil {
				return err
			}
			if _, err := d.push(ctx, conn, state, &sum); err != nil {
				return err
			}
			if gid, base, err = d.Store.RecordGID(id); err != nil {
				return err
			}
			if pending, err = d.Store.IsPending(id); err != nil {
				return err
			}
		}
		if pending || base == 0 {
			return &office.Error{Kind: office.ErrRefused, Msg: fmt.Sprintf("bản ghi %d chưa gửi được lên kho chung (xem mục Xung đột); chưa cấp số", id)}
		}
		if n, _, err = conn.TakeNumber(ctx, gid); err != nil {
			return err
		}
		// Bring the numbered record (and the server's "Cấp số" revision) here.
		return d.takeBack(ctx, conn, map[string]string{gid: ""}, &sum)
	})
	if err != nil {
		if office.IsConnection(err) && n == "" {
			return "", &office.Error{Kind: office.ErrOffline, Err: err, Msg: err.Error() + "; không cấp số được khi ngoại tuyến, bản nháp vẫn được giữ"}
		}
		return n, err
	}
	return n, d.Store.SetSyncState(map[string]string{store.SyncLastSync: d.now().UTC().Format(time.RFC3339)})
}

// SetStatus moves record id to status st (with the portal address for a
// published item). On a joined desk the user's role is checked first (the
// same rule the server applies) and the change is sent at once when the
// server can be reached; sent says whether it was.
func (d *Desk) SetStatus(ctx context.Context, id int64, st model.Status, url string) (sent bool, err error) {
	r, err := d.Store.Get(id)
	if err != nil {
		return false, err
	}
	state, err := d.Store.SyncState()
	if err != nil {
		return false, err
	}
	joined := state[store.SyncURL] != ""
	if joined {
		from, err := d.Store.TrashedFrom(id)
		if err != nil {
			return false, err
		}
		roles := office.ParseRoles(state[store.SyncRoles])
		c := office.Change{From: r.Status, To: st, TrashedFrom: from, URLChanged: url != "" && url != r.URL}
		if msg := roles.Refusal(c); msg != "" {
			return false, &office.Error{Kind: office.ErrRefused, Msg: fmt.Sprintf("%s (%s là %s)", msg, state[store.SyncUser], roles.Label())}
		}
	}
	if st == model.StatusTrash {
		err = d.Store.Trash(id)
	} else {
		err = d.Store.SetStatus(id, st, url)
	}
	if err != nil || !joined {
		return false, err
	}
	sum, err := d.Sync(ctx)
	if err != nil {
		if office.IsConnection(err) || errors.Is(err, office.ErrAuth) || errors.Is(err, office.ErrCanceled) {
			return false, nil // kept here; the next sync sends it
		}
		return false, err
	}
	if sum.Conflicts > 0 || sum.Refused > 0 {
		if pending, _ := d.Store.IsPending(id); !pending {
			now, _ := d.Store.Get(id)
			if now != nil && now.Status != st {
				return false, &office.Error{Kind: office.ErrRefused, Msg: fmt.Sprintf(
					"kho chung không nhận thay đổi của bản ghi %d (xem mục Xung đột); bản của máy này được giữ trong Lịch sử", id)}
			}
		}
	}
	return true, nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
