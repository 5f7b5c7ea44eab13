package cli

import (
	"bufio"
	"fmt"
	"strings"

	"bientap/model/check"
	"bientap/model/importer"
	"bientap/model/legacy"
	"bientap/model/vntext"
)

func init() {
	register(command{
		name:  "check",
		usage: "ID | --file TỆP.txt [--from auto|tcvn3|vni|viqr|cp1258|utf8]",
		run:   runCheck,
	})
}

// runCheck proof-reads a record of the archive (check.Record: body checks,
// plus the Decree-30 checks for documents) or a text file (check.Body) and
// prints one "line:col: message" per finding. Lines count in the body (or
// the file); findings about a record's other fields print as "0:0: …".
// Findings are the command's output, not a failure: the exit status is 0.
func runCheck(env *Env, args []string) error {
	fl := newFlags("check")
	file := fl.String("file", "", "tệp văn bản cần soát")
	from := fl.String("from", "auto", "bảng mã của tệp")
	pos, err := parseInterleaved(fl, args)
	if err != nil {
		return err
	}
	var findings []check.Finding
	switch {
	case *file != "" && len(pos) > 0:
		return usageError("chỉ soát một bản ghi hoặc một tệp, không cả hai")
	case *file != "":
		enc, err := legacy.ParseEncoding(*from)
		if err != nil {
			return usageError("%v", err)
		}
		b, err := readTextInput(*file)
		if err != nil {
			return err
		}
		text, _, err := legacy.DecodeBytes(b, enc)
		if err != nil {
			return fmt.Errorf("%s: %w", *file, err)
		}
		findings = check.Body(vntext.CleanLines(text))
	case len(pos) == 1:
		_, r, err := env.record(pos)
		if err != nil {
			return err
		}
		findings = check.Record(r)
	case len(pos) == 0:
		return usageError("cần mã bản ghi hoặc --file TỆP")
	default:
		return usageError("thừa đối số %q", pos[1])
	}
	w := bufio.NewWriter(env.Stdout)
	for _, f := range findings {
		fmt.Fprintf(w, "%d:%d: %s\n", f.Line, f.Col, strings.ReplaceAll(f.Message, "\n", " "))
	}
	if err := w.Flush(); err != nil {
		return &importer.FileError{Msg: "không ghi được kết quả ra đầu ra chuẩn", Err: err}
	}
	return nil
}
