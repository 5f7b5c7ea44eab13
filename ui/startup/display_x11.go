//go:build linux && !wayland

package startup

// #cgo LDFLAGS: -lX11
// #include <X11/Xlib.h>
//
// // canOpenDisplay connects to the X server that DISPLAY names, as GLFW
// // will, and closes the connection again.
// static int canOpenDisplay(void) {
// 	Display *d = XOpenDisplay(NULL);
// 	if (d == NULL) return 0;
// 	XCloseDisplay(d);
// 	return 1;
// }
import "C"

import (
	"fmt"
	"os"
)

// displayProblem returns a one-line Vietnamese reason why the window cannot
// open in this session, or "" when the X server named by DISPLAY answers.
// Without the check GLFW logs its English error and Fyne panics (a start
// over SSH, from a service, or with a stale DISPLAY).
func displayProblem() string {
	d := os.Getenv("DISPLAY")
	if d == "" {
		return "không mở được cửa sổ: không có màn hình (biến DISPLAY trống); " + commandsStillWork
	}
	if C.canOpenDisplay() == 0 {
		return fmt.Sprintf("không mở được cửa sổ: không kết nối được màn hình X %q; %s", d, commandsStillWork)
	}
	return ""
}
