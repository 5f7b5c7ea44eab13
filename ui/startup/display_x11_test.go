//go:build linux && !wayland

package startup

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// The window's start says in one Vietnamese line why no X server can show
// it, and lets a reachable one through (a real Xvfb, when installed).
func TestDisplayProblem(t *testing.T) {
	free := freeDisplay(t)
	tests := []struct {
		display string
		want    string
	}{
		{"", "DISPLAY trống"},
		{free, "không kết nối được màn hình X \"" + free + "\""},
	}
	for _, tt := range tests {
		t.Setenv("DISPLAY", tt.display)
		got := displayProblem()
		if !strings.Contains(got, tt.want) || !strings.Contains(got, commandsStillWork) || strings.Contains(got, "\n") {
			t.Errorf("DISPLAY=%q: %q, want one line with %q", tt.display, got, tt.want)
		}
	}

	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Skip("Xvfb is not installed: the reachable display is not tried")
	}
	cmd := exec.Command(xvfb, free, "-screen", "0", "640x480x24", "-nolisten", "tcp")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	socket := "/tmp/.X11-unix/X" + strings.TrimPrefix(free, ":")
	for i := 0; i < 100; i++ {
		if _, err := os.Stat(socket); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Setenv("DISPLAY", free)
	if got := displayProblem(); got != "" {
		t.Errorf("DISPLAY=%s with Xvfb running: %q, want no problem", free, got)
	}
}

// freeDisplay is an X display number no server holds.
func freeDisplay(t *testing.T) string {
	for n := 1400; n < 1500; n++ {
		_, lock := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n))
		_, sock := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n))
		if os.IsNotExist(lock) && os.IsNotExist(sock) {
			return fmt.Sprintf(":%d", n)
		}
	}
	t.Fatal("no free X display number")
	return ""
}
