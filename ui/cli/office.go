package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strconv"

	"golang.org/x/term"

	"bientap/model"
	"bientap/model/decree"
	"bientap/model/office"
	"bientap/model/officesync"
	"bientap/model/secret"
	"bientap/model/store"
)

func init() {
	register(command{name: "join", usage: "URL", run: runJoin})
	register(command{name: "sync", usage: "", run: runSync})
	register(command{name: "status", usage: "MÃ TRẠNG_THÁI [--url ĐỊA_CHỈ_CỔNG]", run: runStatus})
	register(command{name: "number", usage: "MÃ", run: runNumber})
	register(command{name: "conflicts", usage: "", run: runConflicts})
	register(command{name: "resolve", usage: "MÃ_XUNG_ĐỘT mine|office", run: runResolve})
}

// desk is the command's sync engine over its archive; progress goes to a
// terminal on stderr, and Ctrl+C cancels (what was done stays done).
func (e *Env) desk() (*officesync.Desk, context.Context, error) {
	st, err := e.Store()
	if err != nil {
		return nil, nil, err
	}
	d := &officesync.Desk{Store: st}
	if f, ok := e.Stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		d.Progress = func(stage string, done, total int) bool {
			if total > 0 {
				fmt.Fprintf(e.Stderr, "\r%s %d/%d ", stage, done, total)
				if done >= total {
					fmt.Fprint(e.Stderr, "\r\033[K")
				}
			}
			return true
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	e.onClose(func() error { stop(); d.Close(); return nil })
	return d, ctx, nil
}

// runJoin joins this desk's archive to the office archive at URL as the
// URL's user, then syncs. The password comes from the URL, BIENTAP_PASSWORD
// or the terminal, and is kept in the OS credential store.
func runJoin(env *Env, args []string) error {
	pos, err := parseInterleaved(newFlags("join"), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("cần đúng một địa chỉ URL")
	}
	cfg, err := office.ParseURL(pos[0])
	if err != nil {
		return err
	}
	if cfg.Password == "" {
		cfg.Password = os.Getenv(secret.EnvPassword)
	}
	if cfg.Password == "" {
		cfg.Password = askPassword(env, "của "+cfg.Key())
	}
	if cfg.Password == "" {
		return errors.New("cần mật khẩu: ghi trong URL, đặt biến môi trường " + secret.EnvPassword + " hoặc nhập khi được hỏi")
	}
	d, ctx, err := env.desk()
	if err != nil {
		return err
	}
	sum, saveErr, err := d.Join(ctx, cfg)
	if saveErr != nil {
		fmt.Fprintf(env.Stderr, "bientap join: lưu ý: %v\n", saveErr)
	}
	if err != nil {
		if errors.Is(err, office.ErrCanceled) || office.IsConnection(err) {
			return fmt.Errorf("%v; máy này đã tham gia kho chung, chạy bientap sync để làm tiếp", err)
		}
		return err
	}
	status, _ := officesync.DeskStatus(d.Store)
	fmt.Fprintf(env.Stdout, "Đã tham gia %s (%s). %s\n", cfg.Where(), status.Roles.Label(), sum)
	return nil
}

// runSync pushes and pulls; one line says what moved.
func runSync(env *Env, args []string) error {
	pos, err := parseInterleaved(newFlags("sync"), args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("thừa đối số %q", pos[0])
	}
	d, ctx, err := env.desk()
	if err != nil {
		return err
	}
	sum, err := d.Sync(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, sum)
	return nil
}

// runStatus moves a record to another status; on a joined desk the user's
// role must allow it and the change is sent at once when online.
func runStatus(env *Env, args []string) error {
	fs := newFlags("status")
	url := fs.String("url", "", "địa chỉ trên cổng thông tin (khi đăng)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageError("cần mã bản ghi và trạng thái")
	}
	to, err := model.ParseStatus(pos[1])
	if err != nil {
		return usageError("%v", err)
	}
	_, r, err := env.record(pos[:1])
	if err != nil {
		return err
	}
	d, ctx, err := env.desk()
	if err != nil {
		return err
	}
	status, err := officesync.DeskStatus(d.Store)
	if err != nil {
		return err
	}
	sent, err := d.SetStatus(ctx, r.ID, to, *url)
	if err != nil {
		return err
	}
	line := fmt.Sprintf("Bản ghi %d: %s → %s", r.ID, r.Status.Label(), to.Label())
	switch {
	case !status.Joined:
	case sent:
		line += " (đã gửi lên kho chung)"
	default:
		line += " (chưa gửi: ngoại tuyến; sẽ gửi ở lần đồng bộ sau)"
	}
	fmt.Fprintln(env.Stdout, line)
	return nil
}

// runNumber takes the next number of the record's (year, ký hiệu) series.
func runNumber(env *Env, args []string) error {
	pos, err := parseInterleaved(newFlags("number"), args)
	if err != nil {
		return err
	}
	_, r, err := env.record(pos)
	if err != nil {
		return err
	}
	d, ctx, err := env.desk()
	if err != nil {
		return err
	}
	n, err := d.TakeNumber(ctx, r.ID)
	if err != nil {
		return err
	}
	r.Number = n
	fmt.Fprintf(env.Stdout, "Bản ghi %d: số %s\n", r.ID, decree.NumberSign(r.Number, r.Sign))
	return nil
}

// runConflicts lists the open conflicts: ID<TAB>record<TAB>description.
func runConflicts(env *Env, args []string) error {
	if len(args) > 0 {
		return usageError("thừa đối số %q", args[0])
	}
	st, err := env.Store()
	if err != nil {
		return err
	}
	cs, err := st.Conflicts()
	if err != nil {
		return err
	}
	for _, c := range cs {
		fmt.Fprintf(env.Stdout, "%d\t%d\t%s\n", c.ID, c.RecordID, c.Label())
	}
	return nil
}

// runResolve closes a conflict keeping this desk's text (mine) or the
// office's (office).
func runResolve(env *Env, args []string) error {
	if len(args) != 2 || (args[1] != "mine" && args[1] != "office") {
		return usageError("cần mã xung đột và mine hoặc office")
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil {
		return usageError("mã xung đột không hợp lệ %q", args[0])
	}
	st, err := env.Store()
	if err != nil {
		return err
	}
	if err := st.ResolveConflict(id, args[1] == "mine"); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("không có xung đột %d đang mở", id)
		}
		return err
	}
	fmt.Fprintf(env.Stdout, "Đã giải quyết xung đột %d\n", id)
	return nil
}
