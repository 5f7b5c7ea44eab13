package store

import (
	"runtime"

	"golang.org/x/sys/windows"
)

var setThreadPriority = windows.NewLazySystemDLL("kernel32.dll").NewProc("SetThreadPriority")

// lowerPriority runs the calling goroutine, from now until it returns, on
// an OS thread of its own at the lowest scheduling priority: the open-time
// integrity check reads the whole archive (seconds of CPU for a large one)
// and must not slow the window or a command down. The thread is not handed
// back to other goroutines (it ends with the goroutine).
func lowerPriority() {
	runtime.LockOSThread()
	lowest := -2 // THREAD_PRIORITY_LOWEST
	setThreadPriority.Call(uintptr(windows.CurrentThread()), uintptr(lowest))
}
