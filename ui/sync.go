package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/office"
	"bientap/model/officesync"
	"bientap/model/secret"
)

// syncEvery is how often a joined desk syncs by itself.
const syncEvery = 5 * time.Minute

// syncUI is the window's side of the office archive ("Kho chung"): the
// indicator in the status bar, the "Đồng bộ" action with progress and
// cancel, joining, the conflicts, and the role rules that enable or disable
// the workflow buttons. The model's officesync.Desk does the work, always
// off the UI goroutine.
type syncUI struct {
	svc  *services
	desk *officesync.Desk

	// saveOpen saves the open record's unsaved work before a sync or a
	// join; false when it could not (the clerk was told).
	saveOpen func() bool
	// onChanged is told when records changed under the window (a sync
	// brought some, a conflict was resolved): the list and the open record
	// follow.
	onChanged func()
	// onState is told after every sync: the roles may have changed and
	// the workflow buttons follow.
	onState func()
	// onOpen opens a record of the conflicts dialog, at its history when
	// history is set (the office's version is there).
	onOpen func(id int64, history bool)

	indicator *tipButton

	mu       sync.Mutex
	status   officesync.Status
	online   bool   // the last attempt reached the server
	lastErr  string // why the last attempt failed
	running  bool
	password string // typed in this session when the OS keeps none
	timer    stopper
	progress func(stage string, done, total int) bool // the open progress dialog's
}

func newSyncUI(svc *services) *syncUI {
	s := &syncUI{svc: svc}
	s.desk = &officesync.Desk{Store: svc.st, Password: s.lookupPassword, Progress: s.onProgress}
	s.indicator = newTipButton(svc, "", theme.ComputerIcon(), s.onIndicator)
	s.indicator.Importance = widget.LowImportance
	s.refresh()
	return s
}

// start begins the periodic sync of a joined desk (the first a few seconds
// after the window opens).
func (s *syncUI) start() {
	if !s.joined() {
		return
	}
	s.timer = s.svc.sched.After(3*time.Second, s.onTimer)
}

func (s *syncUI) onTimer() {
	s.background()
	s.timer = s.svc.sched.After(syncEvery, s.onTimer)
}

// storeChanged follows the window to another archive (Cài đặt → cơ sở dữ
// liệu): a new desk on the new store, its own status and periodic sync.
func (s *syncUI) storeChanged() {
	s.stop()
	s.mu.Lock()
	s.password, s.online, s.lastErr = "", false, ""
	s.mu.Unlock()
	s.desk = &officesync.Desk{Store: s.svc.st, Password: s.lookupPassword, Progress: s.onProgress}
	s.refresh()
	s.start()
}

// stop ends the periodic sync and the connection.
func (s *syncUI) stop() {
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	d := s.desk
	go d.Close() // waits for a sync still running on it
}

func (s *syncUI) lookupPassword(cfg office.Config) (string, error) {
	s.mu.Lock()
	pw := s.password
	s.mu.Unlock()
	if pw != "" {
		return pw, nil
	}
	return secret.Load(cfg.Key())
}

// joined reports whether this desk belongs to an office archive.
func (s *syncUI) joined() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status.Joined
}

// roles are the desk user's roles in the office archive (nil: not joined).
func (s *syncUI) roles() office.Roles {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.status.Joined {
		return nil
	}
	return s.status.Roles
}

// refresh re-reads the desk's status (local: no network) and redraws the
// indicator. UI goroutine.
func (s *syncUI) refresh() {
	st, err := officesync.DeskStatus(s.svc.st)
	if err != nil {
		s.svc.showError(err)
		return
	}
	s.mu.Lock()
	s.status = st
	s.mu.Unlock()
	s.indicator.SetText(s.indicatorText())
	s.indicator.SetTip(s.indicatorTip())
	s.indicator.Refresh()
}

func (s *syncUI) indicatorText() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.status
	if !st.Joined {
		return "Máy lẻ (chưa tham gia kho chung)"
	}
	state := "Ngoại tuyến"
	switch {
	case s.running:
		state = "Đang đồng bộ…"
	case s.online:
		state = "Trực tuyến"
	}
	text := state
	if !st.LastSync.IsZero() {
		text += " · đồng bộ " + st.LastSync.Local().Format("15:04 02/01")
	}
	text += fmt.Sprintf(" · %d chờ gửi", st.Pending)
	if st.Conflicts > 0 {
		text += fmt.Sprintf(" · %d xung đột", st.Conflicts)
	}
	return text
}

func (s *syncUI) indicatorTip() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.status
	if !st.Joined {
		return "Bấm để tham gia kho chung của văn phòng"
	}
	tip := fmt.Sprintf("Kho chung %s, người dùng %s (%s). Bấm để đồng bộ ngay.", st.Key, st.User, st.Roles.Label())
	if s.lastErr != "" && !s.online {
		tip = s.lastErr
	}
	return tip
}

// onIndicator: the indicator joins a lone desk, syncs a joined one, and
// shows the conflicts when there are any.
func (s *syncUI) onIndicator() {
	switch {
	case !s.joined():
		s.onJoin()
	case s.status.Conflicts > 0:
		s.onConflicts()
	default:
		s.onSyncNow()
	}
}

// menu is the "Kho chung" menu.
func (s *syncUI) menu(item func(label string, sc fyne.Shortcut, f func()) *fyne.MenuItem) *fyne.Menu {
	return fyne.NewMenu("Kho chung",
		item("Đồng bộ ngay", nil, s.onSyncNow),
		item("Xung đột…", nil, s.onConflicts),
		fyne.NewMenuItemSeparator(),
		item("Tham gia kho chung…", nil, s.onJoin),
	)
}

// onSyncNow syncs behind a progress dialog that can be cancelled (what was
// done stays done; the next sync goes on from there).
func (s *syncUI) onSyncNow() {
	if !s.joined() {
		s.onJoin()
		return
	}
	if !s.saveOpen() {
		return
	}
	d := s.desk // the goroutine keeps this desk even if the window moves to another archive
	s.runSync("Đồng bộ với kho chung", func(ctx context.Context) (string, error) {
		sum, err := d.Sync(ctx)
		return sum.String(), err
	})
}

// runSync runs a sync operation behind the progress dialog.
func (s *syncUI) runSync(title string, op func(ctx context.Context) (string, error)) {
	s.setRunning(true)
	s.svc.runLong(title, func(progress progressFunc) (string, error) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		s.setProgress(func(stage string, done, total int) bool {
			msg := stage + "…"
			if total > 0 {
				msg = fmt.Sprintf("%s %d/%d bản ghi", stage, done, total)
			}
			if !progress(done, total, msg) {
				cancel()
				return false
			}
			return true
		})
		defer s.setProgress(nil)
		return op(ctx)
	}, func(summary string, err error) {
		s.finished(err, true)
		switch {
		case errors.Is(err, errCancelled) || errors.Is(err, office.ErrCanceled):
			s.svc.notify("Đã dừng đồng bộ; phần đã xong được giữ, lần sau làm tiếp")
		case err != nil:
			s.svc.showError(err)
		default:
			s.svc.notify(summary)
		}
	})
}

func (s *syncUI) setProgress(f func(stage string, done, total int) bool) {
	s.mu.Lock()
	s.progress = f
	s.mu.Unlock()
}

// onProgress passes the desk's progress to the open dialog, if any.
func (s *syncUI) onProgress(stage string, done, total int) bool {
	s.mu.Lock()
	f := s.progress
	s.mu.Unlock()
	return f == nil || f(stage, done, total)
}

// background syncs without a dialog (the periodic sync); a failure only
// turns the indicator to "Ngoại tuyến".
func (s *syncUI) background() {
	s.mu.Lock()
	busy := s.running
	s.mu.Unlock()
	if busy || !s.joined() || s.svc.topDialog() != nil {
		return
	}
	s.setRunning(true)
	d := s.desk
	s.svc.sched.Go(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		sum, err := d.Sync(ctx)
		s.svc.sched.Do(func() { s.finished(err, sum.Pulled+sum.Deleted+sum.Conflicts > 0) })
	})
}

func (s *syncUI) setRunning(on bool) {
	s.mu.Lock()
	s.running = on
	s.mu.Unlock()
	s.indicator.SetText(s.indicatorText())
}

// finished records how a sync ended and brings the window up to date
// (the list only when something came). UI goroutine.
func (s *syncUI) finished(err error, changed bool) {
	s.mu.Lock()
	s.running = false
	s.online = err == nil || !office.IsConnection(err) && !errors.Is(err, office.ErrAuth) && !errors.Is(err, office.ErrSchema)
	s.lastErr = ""
	if err != nil {
		s.lastErr = oneLine(err.Error())
	}
	s.mu.Unlock()
	s.refresh()
	if changed {
		s.onChanged()
	}
	s.onState()
	if s.timer == nil { // just joined: sync by itself from now on
		s.start()
	}
}

// setStatus changes a record's status through the office archive: the role
// is checked, the change is sent at once when online. UI goroutine; then
// runs on the UI goroutine once it is done (err nil) or refused.
func (s *syncUI) setStatus(id int64, st model.Status, portal string, then func(err error)) {
	s.setRunning(true)
	d := s.desk
	s.svc.sched.Go(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		sent, err := d.SetStatus(ctx, id, st, portal)
		s.svc.sched.Do(func() {
			s.mu.Lock()
			s.running = false
			if err == nil {
				s.online = sent
			}
			s.mu.Unlock()
			s.refresh()
			if err == nil && !sent {
				s.svc.notify("Đã đổi trạng thái trên máy này; chưa gửi được lên kho chung (ngoại tuyến), sẽ gửi ở lần đồng bộ sau")
			}
			then(err)
		})
	})
}

// takeNumber takes the next number of the saved record id from the office
// archive. UI goroutine.
func (s *syncUI) takeNumber(id int64) {
	d := s.desk
	s.runSync("Cấp số từ kho chung", func(ctx context.Context) (string, error) {
		n, err := d.TakeNumber(ctx, id)
		if err != nil {
			return "", err
		}
		return "Đã cấp số " + n, nil
	})
}

func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// officeDesk is what the editor asks of the office archive: whether this
// desk joined one, the user's roles there, and status changes, which go
// through it. syncUI is the window's.
type officeDesk interface {
	joined() bool
	roles() office.Roles
	setStatus(id int64, st model.Status, portal string, then func(err error))
}

// The editor's side of the office archive.

// gateRoles enables the workflow buttons the user's role in the office
// archive allows and disables the others with a tip that says why. A desk
// that never joined has no roles: everything is allowed, as before.
func (e *editorPanel) gateRoles() {
	numberBtn := e.form.number.button
	buttons := []*tipButton{e.fwdBtn, e.backBtn, e.trashBtn, e.restoreBtn, e.saveBtn, numberBtn}
	for _, b := range buttons {
		b.Enable()
		b.SetTip("")
	}
	e.form.number.number.Enable()
	if e.office == nil || e.rec == nil {
		return
	}
	roles := e.office.roles()
	if roles == nil {
		return
	}
	who := fmt.Sprintf(" (bạn là %s)", roles.Label())
	deny := func(b *tipButton, msg string) {
		if msg != "" {
			b.Disable()
			b.SetTip(upperFirst(msg) + who)
		}
	}
	r := e.rec
	from, _ := e.svc.st.TrashedFrom(r.ID)
	i := slices.Index(workflow, cmpStatus(r.Status))
	if r.Status != model.StatusTrash {
		if i+1 < len(workflow) {
			deny(e.fwdBtn, roles.Refusal(office.StatusChange(r.Status, workflow[i+1], "")))
		}
		if i > 0 {
			deny(e.backBtn, roles.Refusal(office.StatusChange(r.Status, workflow[i-1], "")))
		}
		deny(e.trashBtn, roles.Refusal(office.StatusChange(r.Status, model.StatusTrash, "")))
	} else {
		to := from
		if !to.Valid() || to == model.StatusTrash {
			to = model.StatusDraft
		}
		deny(e.restoreBtn, roles.Refusal(office.StatusChange(r.Status, to, from)))
	}
	deny(e.saveBtn, roles.Refusal(office.Change{From: r.Status, To: r.Status, TextChanged: true}))
	if msg := roles.Refusal(office.Change{From: r.Status, To: r.Status, NumberChanged: true}); msg != "" {
		deny(numberBtn, msg)
		e.form.number.number.Disable() // a number typed here would be refused by the server
	} else if r.Number != "" {
		numberBtn.SetTip("Văn bản đã có số; số đã cấp không bao giờ cấp lại")
	}
}

// reloadChanged shows what a sync brought for the record in the editor:
// reloaded when there is no unsaved work; otherwise the clerk is told, and
// the office's version stays in Lịch sử (nothing is overwritten silently).
func (e *editorPanel) reloadChanged() {
	if e.rec == nil || e.rec.ID == 0 {
		return
	}
	r, err := e.svc.st.Get(e.rec.ID)
	if err != nil {
		return // deleted by the sync: the list no longer shows it
	}
	if r.Updated.Equal(e.rec.Updated) && r.Status == e.rec.Status && r.Number == e.rec.Number {
		return
	}
	if !e.dirty {
		e.open(r, false)
		e.svc.notify(fmt.Sprintf("“%s” vừa được cập nhật từ kho chung", r.Title))
		return
	}
	e.svc.showMessage("Bản ghi đã thay đổi trên kho chung",
		fmt.Sprintf("“%s” vừa được sửa trên kho chung trong khi bạn đang soạn. Nội dung bạn đang soạn được giữ nguyên; bản của kho chung ở trong Lịch sử. Khi lưu, bản của bạn sẽ thay bản của kho chung.", r.Title))
	e.rec.Updated = r.Updated
}
