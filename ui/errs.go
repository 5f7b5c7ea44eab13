package ui

import (
	"errors"
	"io/fs"
)

// fileError is a one-line Vietnamese message about a file or folder that
// keeps its cause for errors.Is (the operating system's words are English).
type fileError struct {
	msg string
	err error
}

func (e *fileError) Error() string { return e.msg }
func (e *fileError) Unwrap() error { return e.err }

// folderError says why a folder could not be made or written.
func folderError(dir string, err error) error {
	msg := "không tạo được thư mục " + dir
	if errors.Is(err, fs.ErrPermission) {
		msg = "không có quyền ghi vào thư mục " + dir
	}
	return &fileError{msg: msg, err: err}
}
