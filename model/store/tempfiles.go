package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Backups, restores and safety copies are written to a hidden temporary in
// the target folder and renamed into place once verified. The temporary's
// name carries the writing process's id, so that the next start can tell the
// leftovers of a killed process from the work of a running one.
const tempPrefix = ".bientap-tmp-"

// legacyTempPattern matches the temporaries of earlier versions, whose names
// carry no process id.
const legacyTempPattern = ".bientap-backup-*.db"

// createTemp makes an empty hidden temporary in dir and returns its path.
func createTemp(dir string) (string, error) {
	f, err := os.CreateTemp(dir, tempPrefix+strconv.Itoa(os.Getpid())+"-*.db")
	if err != nil {
		return "", dirError(err, dir)
	}
	name := f.Name()
	f.Close()
	return name, nil
}

// removeDB removes a database file with the journal files SQLite may have
// left beside it.
func removeDB(path string) {
	for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}

// CleanTemporaries removes from dir the hidden temporaries of backups and
// restores whose process is gone (killed, or the machine lost power), with
// their journal files, and returns how many it removed. Temporaries of
// running processes are left alone; those of earlier versions (no process id
// in the name) go once they are an hour old.
func CleanTemporaries(dir string) int {
	n := 0
	names, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*.db"))
	for _, name := range names {
		rest := strings.TrimPrefix(filepath.Base(name), tempPrefix)
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		removeDB(name)
		n++
	}
	legacy, _ := filepath.Glob(filepath.Join(dir, legacyTempPattern))
	for _, name := range legacy {
		if st, err := os.Stat(name); err == nil && time.Since(st.ModTime()) > time.Hour {
			removeDB(name)
			n++
		}
	}
	return n
}

// processAlive reports whether a process with this id runs. On Windows
// finding the process opens it, which fails for one that is gone; elsewhere
// signal 0 asks without disturbing it.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	defer p.Release()
	if runtime.GOOS == "windows" {
		return true
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

// dirError says in Vietnamese why a file could not be created in dir.
func dirError(err error, dir string) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return textError{err, fmt.Sprintf("thư mục %s không tồn tại", dir)}
	case errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS):
		return textError{err, fmt.Sprintf("không ghi được vào thư mục %s (chỉ đọc hoặc không có quyền)", dir)}
	case errors.Is(err, syscall.ENOSPC):
		return textError{err, fmt.Sprintf("ổ đĩa chứa %s đã đầy", dir)}
	}
	return textError{err, fmt.Sprintf("không tạo được tệp trong thư mục %s", dir)}
}
