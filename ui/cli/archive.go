package cli

import (
	"fmt"
	"io"

	"bientap/export/atomicfile"
	"bientap/model/store"
)

func init() {
	register(command{name: "export jsonl", usage: "-o TỆP.jsonl", run: runExportJSONL})
	register(command{name: "backup", usage: "TỆP", run: runBackup})
	register(command{name: "restore", usage: "TỆP", run: runRestore})
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
	n := 0
	err = atomicfile.WriteFile(*out, func(w io.Writer) error {
		var err error
		n, err = st.ExportJSONL(w)
		return err
	})
	if err != nil {
		return err
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
	if err := st.Backup(args[0], nil); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Đã sao lưu vào %s\n", args[0])
	return nil
}

func runRestore(env *Env, args []string) error {
	if len(args) != 1 {
		return usageError("cần đúng một tệp sao lưu")
	}
	if err := store.Validate(args[0]); err != nil {
		return err
	}
	st, err := env.Store()
	if err != nil {
		return err
	}
	safety, err := st.RestoreFrom(args[0], nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Đã khôi phục từ %s; dữ liệu trước đó được giữ ở %s\n", args[0], safety)
	return nil
}
