//go:build !windows

package opener

import (
	"errors"
	"os/exec"
	"time"
)

// answerWait is how long Open waits for xdg-open's verdict. xdg-open exits
// at once when it finds no program; in some desktops it runs the program
// in the foreground and exits when the clerk closes it.
const answerWait = 4 * time.Second

// Open opens path with the desktop's program for it.
func Open(path string) error {
	exe, err := exec.LookPath("xdg-open")
	if err != nil {
		return ErrNoApp
	}
	cmd := exec.Command(exe, path)
	if err := cmd.Start(); err != nil {
		return ErrNoApp
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return ErrNoApp
		}
		return err
	case <-time.After(answerWait):
		return nil // the program is running
	}
}
