package store

import (
	"runtime"
	"syscall"
)

// lowerPriority runs the calling goroutine, from now until it returns, on
// an OS thread of its own at the lowest scheduling priority: the open-time
// integrity check reads the whole archive (seconds of CPU for a large one)
// and must not slow the window or a command down. The thread is not handed
// back to other goroutines (it ends with the goroutine).
func lowerPriority() {
	runtime.LockOSThread()
	syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), 19) // Linux: this thread only
}
