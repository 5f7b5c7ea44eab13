package ui

import (
	"runtime/debug"
	"time"
)

// keepMemoryLow trades a little garbage-collection time for resident
// memory in the window, which is open all day beside other programs: the
// heap may grow to half again its live size before a collection (Go's
// default lets it double), and the garbage of the start (fonts parsed,
// first pages read) is handed back to the system once the window has
// settled, instead of over the following minutes.
func keepMemoryLow() {
	debug.SetGCPercent(50)
	time.AfterFunc(2*time.Second, debug.FreeOSMemory)
}
