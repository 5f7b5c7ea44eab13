package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"bientap/export/atomicfile"
	"bientap/model/store"
)

func init() {
	register(command{name: "export jsonl", usage: "-o TỆP.jsonl", run: runExportJSONL})
	register(command{name: "backup", usage: "TỆP", run: runBackup})
	register(command{name: "restore", usage: "TỆP", run: runRestore})
}

// interruptible is a context that Ctrl+C cancels, so that a long command
// stops cleanly (no partial file, the archive as it was) instead of dying.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// stopped turns a cancelled context's error into the one-line message.
func stopped(err error) error {
	if errors.Is(err, context.Canceled) {
		return errors.New("đã dừng theo yêu cầu (Ctrl+C), không ghi gì")
	}
	return err
}

func runExportJSONL(env *Env, args []string) error {
	fs := newFlags("export jsonl")
	out := fs.String("o", "", "tệp ra")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if *out == "" || len(pos) > 0 {
		return usageError("cần đúng một tệp ra với -o")
	}
	st, err := env.Store()
	if err != nil {
		return err
	}
	ctx, cancel := interruptible()
	defer cancel()
	n := 0
	err = atomicfile.WriteFile(*out, func(w io.Writer) error {
		var err error
		n, err = st.ExportJSONL(ctx, w, nil)
		return err
	})
	if err != nil {
		return stopped(err)
	}
	fmt.Fprintf(env.Stderr, "Đã xuất %d bản ghi vào %s\n", n, *out)
	return nil
}

func runBackup(env *Env, args []string) error {
	if len(args) != 1 {
		return usageError("cần đúng một tệp đích")
	}
	st, err := env.Store()
	if err != nil {
		return err
	}
	ctx, cancel := interruptible()
	defer cancel()
	if err := st.Backup(ctx, args[0], nil); err != nil {
		return stopped(err)
	}
	fmt.Fprintf(env.Stderr, "Đã sao lưu vào %s (bản sao đã qua kiểm tra toàn vẹn)\n", args[0])
	return nil
}

func runRestore(env *Env, args []string) error {
	if len(args) != 1 {
		return usageError("cần đúng một tệp sao lưu")
	}
	// The header first, before the archive is opened (or created): a file
	// that is not a backup changes nothing. RestoreFrom checks the rest.
	if err := store.Inspect(args[0]); err != nil {
		return err
	}
	st, err := env.Store()
	if err != nil {
		return err
	}
	ctx, cancel := interruptible()
	defer cancel()
	safety, err := st.RestoreFrom(ctx, args[0], nil)
	if err != nil {
		return stopped(err)
	}
	fmt.Fprintf(env.Stderr, "Đã khôi phục từ %s; dữ liệu trước đó được giữ ở %s\n", args[0], safety)
	return nil
}
