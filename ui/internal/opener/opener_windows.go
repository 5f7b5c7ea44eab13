//go:build windows

package opener

import (
	"errors"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// Open opens path with the program Windows associates with it.
func Open(path string) error {
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	dir, err := windows.UTF16PtrFromString(filepath.Dir(path))
	if err != nil {
		return err
	}
	err = windows.ShellExecute(0, verb, file, nil, dir, windows.SW_SHOWNORMAL)
	if errors.Is(err, windows.ERROR_NO_ASSOCIATION) {
		return ErrNoApp
	}
	return err
}
