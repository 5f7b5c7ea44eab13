//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Hostile inputs give one Vietnamese line naming the file, and nothing is
// read from a device or a pipe: /dev/zero would grow without end, a FIFO
// would block for ever.
func TestReadCommandsRefuseNonFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	fifo := filepath.Join(dir, "ong.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	big := filepath.Join(dir, "lon.txt")
	f, _ := os.Create(big)
	f.Truncate(68 << 20) // sparse: 68 MB of zeros on no disk
	f.Close()
	for _, path := range []string{"/dev/zero", fifo, big} {
		for _, args := range [][]string{{"import", path}, {"convert", path}, {"check", "--file", path}} {
			done := make(chan struct{})
			var code int
			var out, errs string
			go func() {
				code, out, errs = run(t, db, args...)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatalf("%v: still running after 20 s", args)
			}
			if code != 1 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, path+": ") {
				t.Errorf("%v: code %d stdout %q stderr %q", args, code, out, errs)
			}
			for _, english := range []string{"stat ", "open ", "read ", "no such", "invalid", "error"} {
				if strings.Contains(errs, english) {
					t.Errorf("%v: English in %q", args, errs)
				}
			}
		}
	}
}
