// Package atomicfile writes the files Biên Tập exports (PDF, HTML, mail,
// JSON Lines) so that a failure never leaves a partial file, and says why in
// one Vietnamese line.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// WriteFile writes a file atomically: build writes into a temporary file in
// the target folder, which is flushed to disk and renamed over path only when
// build succeeded. On any failure no partial file is left behind and the
// error says why in one Vietnamese line (folder missing, not writable, disk
// full, file open in another program).
func WriteFile(path string, build func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("«%s» là một thư mục, không phải tệp", path)
	}
	if fi, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("thư mục «%s» không tồn tại", dir)
		}
		return describe(err, path)
	} else if !fi.IsDir() {
		return fmt.Errorf("«%s» không phải là thư mục", dir)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return describe(err, path)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	rec := &recordingWriter{w: f}
	bw := bufio.NewWriterSize(rec, 64<<10)
	if err = build(bw); err != nil {
		if rec.err != nil {
			return describe(rec.err, path)
		}
		return err
	}
	if err = bw.Flush(); err != nil {
		return describe(err, path)
	}
	if runtime.GOOS != "windows" {
		if err = f.Chmod(0o644); err != nil {
			return describe(err, path)
		}
	}
	if err = f.Sync(); err != nil {
		return describe(err, path)
	}
	if err = f.Close(); err != nil {
		return describe(err, path)
	}
	if err = os.Rename(tmp, path); err != nil {
		if runtime.GOOS == "windows" && errors.Is(err, fs.ErrPermission) {
			// Windows refuses to replace a file another program holds open.
			return describe(errSharing, path)
		}
		return describe(err, path)
	}
	return nil
}

// recordingWriter remembers the first error of the file under a build, so
// that a disk-full error inside the PDF writer is reported as such.
type recordingWriter struct {
	w   io.Writer
	err error
}

func (r *recordingWriter) Write(p []byte) (int, error) {
	n, err := r.w.Write(p)
	if err != nil && r.err == nil {
		r.err = err
	}
	return n, err
}

// errSharing stands for "the file is open in another program".
var errSharing = errors.New("sharing violation")

// Error is a file-system error told in one Vietnamese line; the cause stays
// reachable with errors.Is and errors.As (fs.ErrPermission, fs.ErrNotExist…).
type Error struct {
	Msg string
	Err error
}

func (e *Error) Error() string { return e.Msg }

// Unwrap is the file-system error behind the message.
func (e *Error) Unwrap() error { return e.Err }

// Describe turns a file-system error about path into a one-line Vietnamese
// message (disk full, file open elsewhere, read-only, missing folder) that
// still wraps it.
func Describe(err error, path string) error { return describe(err, path) }

// describe turns a file-system error into a one-line Vietnamese message.
func describe(err error, path string) error {
	msg := fmt.Sprintf("không ghi được «%s»", path)
	switch {
	case isDiskFull(err):
		msg = fmt.Sprintf("ổ đĩa đã đầy, không ghi được «%s»", path)
	case isSharingViolation(err) || errors.Is(err, errSharing):
		msg = fmt.Sprintf("tệp «%s» đang mở trong chương trình khác (ví dụ trình đọc PDF); hãy đóng nó rồi thử lại", path)
	case isReadOnly(err) || errors.Is(err, fs.ErrPermission):
		msg = fmt.Sprintf("không có quyền ghi vào «%s» (thư mục hoặc ổ đĩa chỉ đọc)", filepath.Dir(path))
	case errors.Is(err, fs.ErrNotExist):
		msg = fmt.Sprintf("thư mục «%s» không tồn tại", filepath.Dir(path))
	}
	return &Error{Msg: msg, Err: err}
}
