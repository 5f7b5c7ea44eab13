//go:build windows

package startup

// Windows start-up: bientap.exe is a GUI-subsystem program (no console window
// flashes up when a clerk double-clicks it), so a command run from cmd.exe or
// PowerShell has to attach to that console itself; and a PC whose graphics
// driver cannot give OpenGL 2.1 gets a message box instead of a silent exit.

import (
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"golang.org/x/sys/windows"

	"bientap/ui"
)

// Init runs first in main. When the command line asks for console
// output it connects stdin, stdout and stderr to the console of the program
// that started bientap.exe (those the parent redirected are kept).
func Init() {
	if wantsConsole(os.Args[1:]) {
		attachConsole()
	}
}

// RunWindow opens the main window after checking that OpenGL 2.1 is there,
// and turns the ways Fyne's driver can fail into a message box.
func RunWindow(cfg ui.Config) (err error) {
	exeDir := exeFolder()
	if os.Getenv("BIENTAP_SKIP_GL_CHECK") == "" {
		p := probeOpenGL()
		if reason := p.problem(); reason != "" {
			messageBox(msgTitle, glAdvice(reason, exeDir), windows.MB_ICONERROR)
			return fmt.Errorf("OpenGL: %s", reason)
		}
	}

	logPath, logOut, closeLog := openErrorLog()
	// Fyne logs through the standard logger; a driver failure there is
	// followed by an exit that skips everything below, so it is reported
	// from inside the log write.
	log.SetOutput(&driverWatch{out: logOut, report: func(cause string) {
		messageBox(msgTitle, glAdvice(cause, exeDir), windows.MB_ICONERROR)
		// Fyne would exit, or run on without a window where no one can
		// close it: end here, with the cause in the error log.
		os.Exit(1)
	}})

	defer func() {
		if r := recover(); r != nil {
			messageBox(msgTitle, crashAdvice(fmt.Sprint(r), logPath), windows.MB_ICONERROR)
			panic(r) // log left open: the stack goes there via SetCrashOutput
		}
		closeLog()
	}()
	if err := ui.Run(cfg); err != nil {
		log.Printf("bientap: %v", err)
		messageBox(msgTitle, crashAdvice(err.Error(), logPath), windows.MB_ICONERROR)
		return err
	}
	return nil
}

// openErrorLog opens %LOCALAPPDATA%\BienTap\bientap-loi.log for Fyne's log
// and for the crash report of an unrecovered panic in any goroutine. A
// non-empty log of the previous session is kept as bientap-loi-truoc.log, so
// that starting again after a failure does not wipe the details.
// Without it, the log goes to stderr.
func openErrorLog() (path string, w io.Writer, closeLog func()) {
	dir, err := os.UserCacheDir()
	if err == nil {
		dir = filepath.Join(dir, "BienTap")
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return "", os.Stderr, func() {}
	}
	path = filepath.Join(dir, "bientap-loi.log")
	if info, err := os.Stat(path); err == nil && info.Size() > 0 {
		os.Rename(path, filepath.Join(dir, "bientap-loi-truoc.log"))
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return "", os.Stderr, func() {}
	}
	debug.SetCrashOutput(f, debug.CrashOptions{})
	return path, f, func() {
		log.SetOutput(os.Stderr)
		debug.SetCrashOutput(nil, debug.CrashOptions{})
		info, err := f.Stat()
		f.Close()
		if err == nil && info.Size() == 0 {
			os.Remove(path) // nothing went wrong: leave no empty log behind
		}
	}
}

// exeFolder is the folder of bientap.exe.
func exeFolder() string {
	exe, err := os.Executable()
	if err != nil {
		return "(thư mục chứa bientap.exe)"
	}
	return filepath.Dir(exe)
}

// messageBox shows a modal Windows message box (MessageBoxW, so Vietnamese
// letters show as they are).
func messageBox(title, text string, flags uint32) {
	t, err1 := windows.UTF16PtrFromString(title)
	m, err2 := windows.UTF16PtrFromString(strings.ReplaceAll(text, "\x00", ""))
	if err1 != nil || err2 != nil {
		return
	}
	windows.MessageBox(0, m, t, flags|windows.MB_OK|windows.MB_SETFOREGROUND|windows.MB_TOPMOST)
}

var (
	kernel32          = windows.NewLazySystemDLL("kernel32.dll")
	procAttachConsole = kernel32.NewProc("AttachConsole")
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

// attachConsole connects the standard streams that are not already connected
// (the parent may have redirected them to a file or a pipe) to the console of
// the parent process. With no such console (started from Explorer) it does
// nothing.
func attachConsole() {
	streams := []struct {
		std    uint32
		device string
		file   **os.File
		name   string
	}{
		{windows.STD_INPUT_HANDLE, "CONIN$", &os.Stdin, "/dev/stdin"},
		{windows.STD_OUTPUT_HANDLE, "CONOUT$", &os.Stdout, "/dev/stdout"},
		{windows.STD_ERROR_HANDLE, "CONOUT$", &os.Stderr, "/dev/stderr"},
	}
	var missing []int
	for i, s := range streams {
		if !usableHandle(s.std) {
			missing = append(missing, i)
		}
	}
	if len(missing) == 0 {
		return
	}
	if r, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 {
		return
	}
	for _, i := range missing {
		s := streams[i]
		name, _ := windows.UTF16PtrFromString(s.device)
		h, err := windows.CreateFile(name, windows.GENERIC_READ|windows.GENERIC_WRITE,
			windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
		if err != nil {
			continue
		}
		// SetStdHandle too: the runtime writes panics to the standard
		// error handle, and cgo code uses the handles directly.
		windows.SetStdHandle(s.std, h)
		*s.file = os.NewFile(uintptr(h), s.name)
	}
}

// usableHandle reports whether the standard handle std is open (a console,
// file or pipe the parent handed over).
func usableHandle(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}
