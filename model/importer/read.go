package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// FileError is a problem with a file, in one Vietnamese line; it keeps the
// system's error for errors.Is (fs.ErrNotExist, fs.ErrPermission…) without
// showing its English text.
type FileError struct {
	Msg string
	Err error
}

func (e *FileError) Error() string { return e.Msg }

// Unwrap returns the system's error.
func (e *FileError) Unwrap() error { return e.Err }

// ErrTooLarge is wrapped by the error for a file larger than its limit.
var ErrTooLarge = errors.New("tệp quá lớn")

// ErrNotRegular is wrapped by the error for a path that names a device, a
// pipe or a socket rather than a file.
var ErrNotRegular = errors.New("không phải tệp thường")

// ReadFile reads a whole regular file of at most limit bytes. A directory,
// a device (/dev/zero), a pipe or a socket is refused before anything is
// read (so a FIFO cannot block the import), a larger file is refused from
// its size, and a file that grows while it is read stops at the limit. The
// error is one Vietnamese line (a *FileError).
func ReadFile(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, osError(err)
	}
	if err := regular(st, limit); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, osError(err)
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, osError(err)
	}
	if err := regular(st, limit); err != nil { // replaced since the first look
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(int(st.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, osError(err)
	}
	if int64(buf.Len()) > limit { // grew while it was read
		return nil, tooLarge(int64(buf.Len()), limit)
	}
	return buf.Bytes(), nil
}

// regular refuses what is not a regular file of at most limit bytes.
func regular(st fs.FileInfo, limit int64) error {
	switch m := st.Mode(); {
	case m.IsDir():
		return &FileError{"đây là thư mục, không phải tệp", ErrNotRegular}
	case m&fs.ModeNamedPipe != 0:
		return &FileError{"đây là đường ống (FIFO), không phải tệp: không đọc", ErrNotRegular}
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return &FileError{"đây là thiết bị, không phải tệp: không đọc", ErrNotRegular}
	case !m.IsRegular():
		return &FileError{"không phải tệp thường: không đọc", ErrNotRegular}
	}
	if st.Size() > limit {
		return tooLarge(st.Size(), limit)
	}
	return nil
}

func tooLarge(size, limit int64) error {
	return &FileError{fmt.Sprintf("tệp quá lớn (%s, tối đa %s)", byteSize(size), byteSize(limit)), ErrTooLarge}
}

// byteSize writes a size for people: "68 MB", "512 kB", "900 byte".
func byteSize(n int64) string {
	switch {
	case n >= 10<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d kB", n>>10)
	}
	return fmt.Sprintf("%d byte", n)
}

// osError puts a system error about a file into Vietnamese.
func osError(err error) error {
	msg := "không đọc được tệp"
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "không có tệp này"
	case errors.Is(err, fs.ErrPermission):
		msg = "không có quyền đọc tệp"
	case errors.Is(err, syscall.ENOTDIR):
		msg = "đường dẫn sai: một phần của nó không phải thư mục"
	case errors.Is(err, syscall.ENAMETOOLONG):
		msg = "tên tệp hoặc đường dẫn quá dài"
	case errors.Is(err, syscall.ELOOP):
		msg = "liên kết tượng trưng vòng quanh, không tới được tệp"
	case errors.Is(err, syscall.EISDIR):
		msg = "đây là thư mục, không phải tệp"
	case errors.Is(err, syscall.EIO):
		msg = "lỗi đọc ổ đĩa (tệp hỏng hoặc ổ đĩa có vấn đề)"
	case errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE):
		msg = "đang mở quá nhiều tệp cùng lúc"
	}
	return &FileError{msg, err}
}
