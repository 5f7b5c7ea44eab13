//go:build windows

package atomicfile

import (
	"errors"
	"syscall"
)

// Windows error codes (winerror.h).
const (
	errAccessDenied     syscall.Errno = 5
	errSharingViolation syscall.Errno = 32
	errLockViolation    syscall.Errno = 33
	errHandleDiskFull   syscall.Errno = 39
	errDiskFull         syscall.Errno = 112
	errWriteProtect     syscall.Errno = 19
	errUserMappedFile   syscall.Errno = 1224
)

func isDiskFull(err error) bool {
	return errors.Is(err, errDiskFull) || errors.Is(err, errHandleDiskFull)
}

func isReadOnly(err error) bool { return errors.Is(err, errWriteProtect) }

// isSharingViolation: a file open in Acrobat or a browser cannot be replaced;
// renaming over it fails with a sharing or lock violation (or access denied,
// which WriteFile handles at the rename).
func isSharingViolation(err error) bool {
	return errors.Is(err, errSharingViolation) || errors.Is(err, errLockViolation) ||
		errors.Is(err, errUserMappedFile)
}
