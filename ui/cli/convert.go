package cli

import (
	"fmt"
	"io"

	"bientap/model/importer"
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
	b, err := readTextInput(pos[0])
	if err != nil {
		return err
	}
	text, rep, err := legacy.DecodeBytes(b, enc)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	if _, err := io.WriteString(env.Stdout, vntext.CleanLines(text)); err != nil {
		return &importer.FileError{Msg: "không ghi được kết quả ra đầu ra chuẩn", Err: err}
	}
	fmt.Fprintln(env.Stderr, rep.Detail)
	return nil
}

// readTextInput reads the text file of convert and check --file: a regular
// file of at most importer.MaxTextBytes (a device such as /dev/zero or a
// FIFO is refused before anything is read). The error names the file.
func readTextInput(path string) ([]byte, error) {
	b, err := importer.ReadFile(path, importer.MaxTextBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}
