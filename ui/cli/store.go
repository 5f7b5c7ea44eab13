package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"

	"bientap/model"
	"bientap/model/store"
)

// Store opens the command's database once; it is closed when the command ends.
func (e *Env) Store() (*store.Store, error) {
	if e.store != nil {
		return e.store, nil
	}
	progress, done := upgradeReporter(e.Stderr)
	st, err := store.OpenProgress(e.DBPath, progress)
	done()
	if err != nil {
		return nil, err
	}
	e.store = st
	e.onClose(st.Close)
	return st, nil
}

// upgradeReporter tells about a long upgrade of the archive at open (the
// search index rebuilt: seconds for a large archive): the percentage as it
// goes on a terminal, a line when it starts and one when it ends otherwise.
// done ends the report; nothing is written when there is no upgrade.
func upgradeReporter(w io.Writer) (progress store.Progress, done func()) {
	const what = "bientap: đang nâng cấp cơ sở dữ liệu (xây lại chỉ mục tìm kiếm)…"
	started, last := false, -1
	tty := isTerminal(w)
	progress = func(n, total int64) {
		if !started {
			started = true
			if !tty {
				fmt.Fprintln(w, what)
			}
		}
		if pct := 0; tty {
			if total > 0 {
				pct = int(n * 100 / total)
			}
			if pct != last {
				last = pct
				fmt.Fprintf(w, "\r%s %d%%", what, pct)
			}
		}
	}
	done = func() {
		if !started {
			return
		}
		if tty {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, "bientap: đã nâng cấp cơ sở dữ liệu")
	}
	return progress, done
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// record loads the record named by the command's one positional argument
// (its id), with the store it came from.
func (e *Env) record(pos []string) (*store.Store, *model.Record, error) {
	if len(pos) != 1 {
		return nil, nil, usageError("cần đúng một mã bản ghi")
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return nil, nil, usageError("mã bản ghi không hợp lệ %q (cần một số, ví dụ 12)", pos[0])
	}
	st, err := e.Store()
	if err != nil {
		return nil, nil, err
	}
	r, err := st.Get(id)
	if err != nil {
		return nil, nil, err
	}
	return st, r, nil
}
