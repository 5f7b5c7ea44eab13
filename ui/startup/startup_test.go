package startup

import (
	"bytes"
	"errors"
	"log"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestWantsConsole(t *testing.T) {
	tests := []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"--db", `C:\Users\Nguyễn Văn A\bientap.db`}, false},
		{[]string{"-db", "x.db"}, false},
		{[]string{"--db=x.db"}, false},
		{[]string{"-db=x.db"}, false},
		{[]string{"--db"}, true}, // the missing value is reported on the console
		{[]string{"version"}, true},
		{[]string{"--db", "x.db", "list"}, true},
		{[]string{"--db=x.db", "export", "pdf", "1"}, true},
		{[]string{"--help"}, true},
		{[]string{"-h"}, true},
		{[]string{"--bogus"}, true},
		{[]string{"--db", "x.db", "--db", "y.db"}, false},
	}
	for _, tt := range tests {
		if got := wantsConsole(tt.args); got != tt.want {
			t.Errorf("wantsConsole(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}

func TestParseGLVersion(t *testing.T) {
	tests := []struct {
		in     string
		want   glVersion
		ok     bool
		enough bool
	}{
		{"4.6.0 NVIDIA 531.61", glVersion{4, 6}, true, true},
		{"1.1.0", glVersion{1, 1}, true, false},
		{"2.1.0 - Build 8.15.10.2559", glVersion{2, 1}, true, true},
		{"2.0.0", glVersion{2, 0}, true, false},
		{"3.1 Mesa 22.3.6", glVersion{3, 1}, true, true},
		{"4.5 (Compatibility Profile) Mesa 23.1.0", glVersion{4, 5}, true, true},
		{"  3.3.14761 Compatibility Profile Context", glVersion{3, 3}, true, true},
		{"10.0", glVersion{10, 0}, true, true},
		{"", glVersion{}, false, false},
		{"OpenGL", glVersion{}, false, false},
		{"4", glVersion{}, false, false},
		{"x.y", glVersion{}, false, false},
	}
	for _, tt := range tests {
		got, ok := parseGLVersion(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseGLVersion(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
		if ok && got.atLeast(minGL) != tt.enough {
			t.Errorf("%q: atLeast(2.1) = %v, want %v", tt.in, !tt.enough, tt.enough)
		}
	}
}

func TestProbeProblem(t *testing.T) {
	tests := []struct {
		name string
		p    glProbe
		want string // substring of the reason; "" for none
	}{
		{"modern driver", glProbe{Version: "4.6.0 NVIDIA 531.61", Renderer: "GeForce", Vendor: "NVIDIA"}, ""},
		{"mesa llvmpipe", glProbe{Version: "4.5 (Compatibility Profile) Mesa 22.3.6", Renderer: "llvmpipe"}, ""},
		{"gdi generic", glProbe{Version: "1.1.0", Renderer: "GDI Generic", Vendor: "Microsoft Corporation"},
			"máy chỉ có OpenGL 1.1 (GDI Generic, Microsoft Corporation)"},
		{"no context", glProbe{Failure: "trình điều khiển đồ họa không hỗ trợ OpenGL"}, "không hỗ trợ OpenGL"},
		{"garbled", glProbe{Version: "??"}, "không đọc được"},
	}
	for _, tt := range tests {
		got := tt.p.problem()
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s: problem() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestAdviceTexts(t *testing.T) {
	msg := glAdvice("máy chỉ có OpenGL 1.1 (GDI Generic, Microsoft Corporation)", `C:\Users\Nguyễn Văn A\AppData\Local\Programs\BienTap`)
	for _, want := range []string{
		"OpenGL 2.1", "máy chỉ có OpenGL 1.1", "Cập nhật trình điều khiển", "Remote Desktop", "máy ảo",
		"opengl32.dll", `C:\Users\Nguyễn Văn A\AppData\Local\Programs\BienTap`, "không kèm sẵn", "bientap.exe version",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("glAdvice lacks %q:\n%s", want, msg)
		}
	}
	crash := crashAdvice("cửa sổ chưa sẵn sàng", `C:\x\bientap-loi.log`)
	for _, want := range []string{"cửa sổ chưa sẵn sàng", `C:\x\bientap-loi.log`, "không bị mất"} {
		if !strings.Contains(crash, want) {
			t.Errorf("crashAdvice lacks %q:\n%s", want, crash)
		}
	}
	if strings.Contains(crashAdvice("x", ""), "Nhật ký") {
		t.Error("crashAdvice mentions a log when there is none")
	}
}

// TestDriverWatchFyneLog feeds the watcher what fyne.LogError really writes
// through the standard logger.
func TestDriverWatchFyneLog(t *testing.T) {
	tests := []struct {
		name   string
		log    func()
		want   string // reported cause; "" when nothing is to be reported
		passes string // text that must reach the underlying writer
	}{
		{"window creation error", func() {
			fyne.LogError("window creation error", errors.New("VersionUnavailable: WGL: The driver does not appear to support OpenGL"))
		}, "window creation error: VersionUnavailable: WGL: The driver does not appear to support OpenGL", "Fyne error:"},
		{"glfw init", func() {
			fyne.LogError("failed to initialise GLFW", errors.New("PlatformError: WGL: Failed to load opengl32.dll"))
		}, "failed to initialise GLFW: PlatformError: WGL: Failed to load opengl32.dll", "Cause:"},
		{"opengl init without cause", func() {
			fyne.LogError("failed to initialise OpenGL", nil)
		}, "failed to initialise OpenGL", "At:"},
		{"go-gl platform error (what Wine without GLX logs)", func() {
			log.Println(errors.New("PlatformError: WGL: Failed to set pixel format for dummy context: Invalid window handle. "))
		}, "PlatformError: WGL: Failed to set pixel format for dummy context: Invalid window handle.", "dummy context"},
		{"go-gl platform error, window", func() {
			log.Println("PlatformError: Win32: Failed to create window")
		}, "PlatformError: Win32: Failed to create window", "Win32"},
		{"harmless platform error", func() {
			log.Println("PlatformError: Win32: Failed to open clipboard")
		}, "", "clipboard"},
		{"harmless error", func() {
			fyne.LogError("Error reading scale", errors.New("no such setting"))
		}, "", "Error reading scale"},
		{"harmless then fatal", func() {
			fyne.LogError("Failed to set dark mode", errors.New("x"))
			log.Println("unrelated line")
			fyne.LogError("window creation error", errors.New("APIUnavailable: WGL: The driver does not appear to support OpenGL"))
		}, "window creation error: APIUnavailable: WGL: The driver does not appear to support OpenGL", "unrelated line"},
	}
	defer log.SetOutput(log.Writer())
	for _, tt := range tests {
		var out bytes.Buffer
		var reports []string
		log.SetOutput(&driverWatch{out: &out, report: func(c string) { reports = append(reports, c) }})
		tt.log()
		tt.log() // a second failure is not reported again
		if tt.want == "" && len(reports) != 0 {
			t.Errorf("%s: reported %q", tt.name, reports)
		}
		if tt.want != "" && (len(reports) != 1 || reports[0] != tt.want) {
			t.Errorf("%s: reports %q, want exactly [%q]", tt.name, reports, tt.want)
		}
		if !strings.Contains(out.String(), tt.passes) {
			t.Errorf("%s: log output lacks %q: %q", tt.name, tt.passes, out.String())
		}
	}
}

// TestDriverWatchSplitWrites checks lines that arrive in pieces.
func TestDriverWatchSplitWrites(t *testing.T) {
	var got string
	w := &driverWatch{report: func(c string) { got = c }}
	for _, piece := range []string{"2026/01/01 Fyne error:  window creat", "ion error\n2026/01/01   Cau", "se: WGL: no\n"} {
		w.Write([]byte(piece))
	}
	if got != "window creation error: WGL: no" {
		t.Errorf("cause = %q", got)
	}
}
