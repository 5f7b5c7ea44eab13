package store

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// A read-only command (list, search) must warn on a damaged archive, but
// PRAGMA quick_check reads the whole file: about 3 s on a 100k archive, ten
// times the command itself. So a passing verdict is remembered, outside the
// archive, for the exact state of its files (size and modification time of
// the file and of its WAL); a command on an archive unchanged since a check
// that passed reuses the verdict, and any change (a save, a checkpoint, bytes
// overwritten by a disk fault or by hand) makes the next command check again.
// The archive itself is never written for this.

// fileState is what identifies one state of an archive's files.
type fileState struct {
	Size, ModNs       int64
	WALSize, WALModNs int64 // -1 when there is no WAL file
}

// statFiles reads the state of the archive at path and its WAL.
func statFiles(path string) (fileState, bool) {
	st, err := os.Stat(path)
	if err != nil {
		return fileState{}, false
	}
	fs := fileState{Size: st.Size(), ModNs: st.ModTime().UnixNano(), WALSize: -1, WALModNs: -1}
	// An empty WAL holds nothing: a read-only reader (the sqlite3 shell with
	// -readonly, a backup tool) leaves one behind, with a new time each
	// time, and the archive has not changed.
	if w, err := os.Stat(path + "-wal"); err == nil && w.Size() > 0 {
		fs.WALSize, fs.WALModNs = w.Size(), w.ModTime().UnixNano()
	}
	return fs, true
}

// verdictFile is where passing verdicts are remembered; tests point it at a
// temporary folder. "" turns remembering off.
var verdictFile = func() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "bientap", "kiem-tra.json")
}

// maxVerdicts bounds the remembered verdicts (one per archive path).
const maxVerdicts = 32

type verdict struct {
	Path  string
	State fileState
}

func loadVerdicts(file string) []verdict {
	var vs []verdict
	if b, err := os.ReadFile(file); err == nil && len(b) < 1<<20 {
		json.Unmarshal(b, &vs) // a damaged cache is an empty one
	}
	return vs
}

// rememberVerdict records that the archive at path passed its check in
// state fs. Failing to write the cache only costs a check next time.
func rememberVerdict(path string, fs fileState) {
	file := verdictFile()
	if file == "" {
		return
	}
	vs := slices.DeleteFunc(loadVerdicts(file), func(v verdict) bool { return v.Path == path })
	vs = append(vs, verdict{path, fs})
	if len(vs) > maxVerdicts {
		vs = vs[len(vs)-maxVerdicts:]
	}
	b, err := json.Marshal(vs)
	if err != nil || os.MkdirAll(filepath.Dir(file), 0o755) != nil {
		return
	}
	tmp := fmt.Sprintf("%s.%d.tmp", file, os.Getpid())
	if os.WriteFile(tmp, b, 0o644) != nil || os.Rename(tmp, file) != nil {
		os.Remove(tmp)
	}
}

// remembered reports whether the archive at path passed a check in state fs.
func remembered(path string, fs fileState) bool {
	file := verdictFile()
	if file == "" {
		return false
	}
	return slices.Contains(loadVerdicts(file), verdict{path, fs})
}

// Verified is the integrity verdict for a read-only command. When the
// archive's files are in the state they were in when an earlier check
// passed, it returns (true, nil) at once; otherwise it waits for the
// open-time quick_check (starting it now), remembers a passing verdict for
// the state the files had at open, and returns (false, its verdict).
func (s *Store) Verified() (reused bool, err error) {
	if s.opened.Size > 0 && remembered(s.path, s.opened) {
		return true, nil
	}
	if err := s.Check(); err != nil {
		return false, err
	}
	if s.opened.Size > 0 {
		rememberVerdict(s.path, s.opened)
	}
	return false, nil
}
