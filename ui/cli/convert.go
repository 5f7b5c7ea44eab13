package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"bientap/model/legacy"
	"bientap/model/vntext"
)

func init() {
	register(command{
		name:  "convert",
		usage: "[--from auto|tcvn3|vni|viqr|cp1258|utf8] TỆP",
		run:   runConvert,
	})
}

// runConvert converts a text file in a legacy Vietnamese encoding (or
// Unicode) to NFC UTF-8 on stdout, with LF line endings, and says on stderr,
// in one line, what it took the file to be.
func runConvert(env *Env, args []string) error {
	fl := newFlags("convert")
	from := fl.String("from", "auto", "bảng mã nguồn")
	pos, err := parseInterleaved(fl, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("cần đúng một tệp")
	}
	enc, err := legacy.ParseEncoding(*from)
	if err != nil {
		return usageError("%v", err)
	}
	b, err := readConvertInput(pos[0])
	if err != nil {
		return err
	}
	text, rep, err := legacy.DecodeBytes(b, enc)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	if _, err := io.WriteString(env.Stdout, vntext.CleanLines(text)); err != nil {
		return fmt.Errorf("không ghi được kết quả: %v", err)
	}
	fmt.Fprintln(env.Stderr, rep.Detail)
	return nil
}

// readConvertInput reads a whole file, with a Vietnamese one-line error.
func readConvertInput(path string) ([]byte, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%q là thư mục, không phải tệp", path)
	}
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		return b, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("không tìm thấy tệp %q", path)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("không có quyền đọc tệp %q", path)
	}
	return nil, fmt.Errorf("không đọc được tệp %q: %v", path, err)
}
