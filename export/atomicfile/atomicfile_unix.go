//go:build !windows

package atomicfile

import (
	"errors"
	"syscall"
)

func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

func isReadOnly(err error) bool { return errors.Is(err, syscall.EROFS) }

// isSharingViolation: POSIX systems do not lock files open in other programs.
func isSharingViolation(error) bool { return false }
