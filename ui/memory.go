package ui

import (
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// keepMemoryLow trades a little garbage-collection time for resident
// memory in the window, which stays open all day beside other programs:
//   - the heap may grow to half again its live size before a collection
//     (Go's default lets it double);
//   - every few seconds, memory freed since (the garbage of opening a
//     record, of a page of search results, of the start) is handed back
//     to the system when there is more than a few MB of it, or when more
//     than a few MB were allocated since the last time (garbage the
//     collector has not yet reached: up to half the live heap, which is
//     mostly the fonts, would otherwise stay resident until the next
//     burst of work), on the Go side
//     and, where the C library keeps it (glibc), on the C side (SQLite,
//     the GL driver): both allocators otherwise keep freed memory for
//     reuse, so the window's footprint would follow its busiest moment
//     (and on Linux the C code of all threads shares one heap: see
//     memory_linux.go).
func keepMemoryLow() {
	debug.SetGCPercent(50)
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}, {Name: "/gc/heap/allocs:bytes"}}
		var handedBack uint64 // allocated bytes when memory was last handed back
		for range time.Tick(idleCheck) {
			metrics.Read(sample)
			if free, allocs := sample[0].Value.Uint64(), sample[1].Value.Uint64(); free > idleFree || allocs-handedBack > idleFree {
				debug.FreeOSMemory()
				handedBack = allocs
			}
			trimCHeap()
		}
	}()
}

const (
	idleCheck = 3 * time.Second
	idleFree  = 4 << 20
)
