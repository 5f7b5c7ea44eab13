// Package startup starts the binary on each platform before main hands over
// to the window or a command. On Windows, bientap.exe is a GUI program: a
// command attaches to the console it was started from, and a PC without
// OpenGL 2.1 gets a Vietnamese message box instead of a silent exit. This
// file is the OS-independent half, tested everywhere.
package startup

// The OS-independent half of the Windows start-up code: deciding when to
// attach to the parent console, judging the OpenGL version a driver reports,
// the Vietnamese texts of the message boxes, and spotting Fyne's driver
// failures in its log. Kept free of Windows calls so that it is tested on
// every platform; startup_windows.go does the calls.

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// wantsConsole reports whether the command line asks for console output:
// anything but the --db flag (a command, --help, a wrong flag). A start with
// no arguments or only --db (the Start-menu shortcut, a double click) opens
// the window and stays away from any console.
func wantsConsole(args []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--db" || a == "-db":
			if i+1 == len(args) {
				return true // main reports the missing value
			}
			i++ // its value
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
		default:
			return true
		}
	}
	return false
}

// glVersion is an OpenGL version number as reported by glGetString.
type glVersion struct{ Major, Minor int }

// minGL is what Fyne's GLFW driver asks of the driver.
var minGL = glVersion{2, 1}

// parseGLVersion reads the leading "major.minor" of a GL_VERSION string such
// as "4.6.0 NVIDIA 531.61", "1.1.0" or "4.5 (Compatibility Profile) Mesa 23.1".
func parseGLVersion(s string) (glVersion, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "OpenGL ES ") // not expected on the desktop; harmless
	end := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if end >= 0 {
		s = s[:end]
	}
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return glVersion{}, false
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return glVersion{}, false
	}
	return glVersion{major, minor}, true
}

// atLeast reports whether v is v2 or newer.
func (v glVersion) atLeast(v2 glVersion) bool {
	return v.Major > v2.Major || (v.Major == v2.Major && v.Minor >= v2.Minor)
}

// glProbe is what the start-up check found out about OpenGL.
type glProbe struct {
	Version, Renderer, Vendor string // glGetString values; empty when no context could be made
	Failure                   string // why there is no usable context ("" when one was made)
}

// problem returns a one-line Vietnamese reason why the window cannot open,
// or "" when the driver offers OpenGL 2.1 or newer.
func (p glProbe) problem() string {
	if p.Failure != "" {
		return p.Failure
	}
	v, ok := parseGLVersion(p.Version)
	switch {
	case !ok:
		return fmt.Sprintf("trình điều khiển đồ họa báo phiên bản OpenGL không đọc được (%q)", p.Version)
	case !v.atLeast(minGL):
		return fmt.Sprintf("máy chỉ có OpenGL %d.%d (%s, %s); Biên Tập cần OpenGL %d.%d trở lên",
			v.Major, v.Minor, p.Renderer, p.Vendor, minGL.Major, minGL.Minor)
	}
	return ""
}

// commandsStillWork ends a message that the window cannot open.
const commandsStillWork = "các lệnh dòng lệnh (bientap list, search, export …) vẫn dùng được"

// msgTitle is the caption of every start-up message box.
const msgTitle = "Biên Tập — không mở được cửa sổ"

// glAdvice is the message box text when the graphics driver cannot draw the
// window: what is wrong (reason) and what the clerk can do. exeDir is the
// folder of bientap.exe, where a software opengl32.dll would go.
func glAdvice(reason, exeDir string) string {
	var b strings.Builder
	b.WriteString("Biên Tập cần OpenGL 2.1 để vẽ cửa sổ, nhưng trình điều khiển đồ họa của máy này không cung cấp được.\n\n")
	fmt.Fprintf(&b, "Chi tiết: %s.\n\n", strings.TrimRight(reason, ". "))
	b.WriteString("Cách khắc phục:\n")
	b.WriteString("1. Cập nhật trình điều khiển card đồ họa (driver) từ trang của hãng (Intel, AMD, NVIDIA) hoặc qua Windows Update, rồi mở lại Biên Tập.\n")
	b.WriteString("2. Nếu đang dùng máy qua Remote Desktop, hoặc đây là máy ảo (VirtualBox, VMware, Hyper-V) chưa bật tăng tốc 3D: mở Biên Tập ngay trên máy thật, hoặc bật tăng tốc 3D cho máy ảo.\n")
	fmt.Fprintf(&b, "3. Hoặc đặt tệp opengl32.dll của Mesa (bản vẽ bằng phần mềm \"llvmpipe\", 64-bit) vào cùng thư mục với bientap.exe:\n    %s\n", exeDir)
	b.WriteString("    Bộ cài Biên Tập không kèm sẵn tệp này; hãy nhờ bộ phận tin học lấy giúp.\n\n")
	b.WriteString("Các lệnh dòng lệnh (bientap.exe version, list, export …) vẫn dùng được mà không cần OpenGL.")
	return b.String()
}

// crashAdvice is the message box text when the window failed for another
// reason; logPath is where the details were written ("" when nowhere).
func crashAdvice(reason, logPath string) string {
	var b strings.Builder
	b.WriteString("Biên Tập gặp lỗi và phải đóng cửa sổ. Dữ liệu đã lưu không bị mất.\n\n")
	fmt.Fprintf(&b, "Chi tiết: %s\n", reason)
	if logPath != "" {
		fmt.Fprintf(&b, "\nNhật ký lỗi: %s\nHãy gửi tệp này cho bộ phận tin học.", logPath)
	}
	return b.String()
}

// driverWatch is a log writer that notices the failures after which Fyne's
// GLFW driver cannot show a window, and calls report once with the logged
// cause. Two sources: Fyne's own log ("failed to initialise GLFW", "window
// creation error", "failed to initialise OpenGL", each followed by its
// cause), after which Fyne exits or draws nothing; and GLFW platform errors
// of window or context creation that go-gl/glfw only logs
// ("PlatformError: WGL: …"), after which Fyne is left running without a
// window. Everything is passed on to out.
type driverWatch struct {
	out    io.Writer
	report func(cause string)

	mu      sync.Mutex
	pending string // the failure seen, waiting for its "Cause:" line
	line    []byte
	once    sync.Once
}

// fatalFyneErrors are the Fyne log reasons that leave the app without a window.
var fatalFyneErrors = []string{"failed to initialise GLFW", "window creation error", "failed to initialise OpenGL"}

// fatalPlatformErrors are the GLFW platform errors (as go-gl logs them) that
// leave GLFW without a window or an OpenGL context.
var fatalPlatformErrors = []string{"PlatformError: WGL:", "PlatformError: Win32: Failed to create window",
	"PlatformError: Win32: Failed to register window class", "PlatformError: GLX:"}

// Write passes p on and scans it line by line.
func (w *driverWatch) Write(p []byte) (int, error) {
	if w.out != nil {
		w.out.Write(p) // best effort: the log's own destination may be gone
	}
	w.mu.Lock()
	w.line = append(w.line, p...)
	var fire string
	for {
		i := bytes.IndexByte(w.line, '\n')
		if i < 0 {
			break
		}
		l := string(w.line[:i])
		w.line = w.line[i+1:]
		if c, ok := w.scan(l); ok {
			fire = c
		}
	}
	w.mu.Unlock()
	if fire != "" {
		w.once.Do(func() { w.report(fire) })
	}
	return len(p), nil
}

// scan handles one log line; it returns the cause to report when a fatal
// failure is complete.
func (w *driverWatch) scan(l string) (string, bool) {
	if i := strings.Index(l, "Fyne error: "); i >= 0 {
		reason := strings.TrimSpace(l[i+len("Fyne error: "):])
		w.pending = ""
		for _, f := range fatalFyneErrors {
			if strings.HasPrefix(reason, f) {
				w.pending = reason
			}
		}
		return "", false
	}
	if w.pending != "" {
		if i := strings.Index(l, "Cause:"); i >= 0 {
			cause := w.pending + ": " + strings.TrimSpace(l[i+len("Cause:"):])
			w.pending = ""
			return cause, true
		}
		if strings.Contains(l, "At:") { // logged without a cause
			cause := w.pending
			w.pending = ""
			return cause, true
		}
	}
	for _, f := range fatalPlatformErrors {
		if i := strings.Index(l, f); i >= 0 {
			return strings.TrimSpace(l[i:]), true
		}
	}
	return "", false
}
