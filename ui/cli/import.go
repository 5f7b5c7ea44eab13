package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func init() {
	register(command{name: "import", usage: "TỆP…", run: runImport})
}

func runImport(env *Env, args []string) error {
	if len(args) == 0 {
		return usageError("cần ít nhất một tệp")
	}
	st, err := env.Store()
	if err != nil {
		return err
	}
	total := 0
	for _, name := range args {
		switch strings.ToLower(filepath.Ext(name)) {
		case ".jsonl", ".ndjson":
			f, err := os.Open(name)
			if err != nil {
				return fmt.Errorf("không mở được %s: %v", name, err)
			}
			ids, err := st.ImportJSONL(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			for _, id := range ids {
				fmt.Fprintln(env.Stdout, id)
			}
			total += len(ids)
		default:
			return fmt.Errorf("%s: định dạng chưa hỗ trợ (dùng .jsonl)", name)
		}
	}
	fmt.Fprintf(env.Stderr, "Đã nhập %d bản ghi\n", total)
	return nil
}
