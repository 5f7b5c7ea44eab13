package ui

import (
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"time"

	"bientap/model/store"
)

// keepMemoryLow trades a little garbage-collection time for resident
// memory in the window, which stays open all day beside other programs:
//   - the heap may grow to half again its live size before a collection
//     (Go's default lets it double);
//   - once the window is quiet again after some work (opening a record, a
//     search, the start), the memory that work freed is handed back to the
//     system: on the Go side when more than a few MB are free or twice as
//     many were allocated since the last time (garbage the collector has not reached
//     yet, up to half the live heap, would otherwise stay resident until
//     the next burst of work), and on the C side: the page caches of the
//     archive's idle connections (SQLite keeps up to 2 MB each of what the
//     last search read), then, where the C library keeps freed memory
//     (glibc), the C heap (SQLite, the GL driver). The allocators otherwise keep
//     freed memory for reuse, so the window's footprint would follow its
//     busiest moment. It waits for a quiet second so that the collection it
//     forces never lands in the middle of a search or of typing. (On Linux
//     the C code of all threads also shares one heap: see memory_linux.go.)
func keepMemoryLow() {
	debug.SetGCPercent(50)
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}, {Name: "/gc/heap/allocs:bytes"}}
		var last, handedBack, trimmed uint64 // allocated bytes at the last tick, hand-back, C trim
		for range time.Tick(idleCheck) {
			metrics.Read(sample)
			free, allocs := sample[0].Value.Uint64(), sample[1].Value.Uint64()
			quiet := allocs-last < idleAlloc
			last = allocs
			if !quiet {
				continue
			}
			if free > idleFree || allocs-handedBack > 2*idleFree {
				debug.FreeOSMemory()
				metrics.Read(sample)
				handedBack = sample[1].Value.Uint64()
			}
			if allocs != trimmed { // some work since: its C memory too
				if st := quietStore.Load(); st != nil && store.MemoryUsed() > idleSQLite {
					st.ReleaseMemory()
				}
				trimCHeap()
				trimmed = allocs
			}
		}
	}()
}

// quietStore is the archive the window has open, whose idle connections
// keepMemoryLow trims (set when the window opens an archive).
var quietStore atomic.Pointer[store.Store]

const (
	idleCheck = time.Second // how often the window looks
	idleAlloc = 2 << 20     // allocated in a second by a quiet window, at most (a blinking cursor: 0.7 MB)
	idleFree  = 4 << 20     // memory worth a collection to hand back
	// SQLite memory worth trimming the idle connections for (after a trim
	// it holds 0.1–0.3 MB: a blinking cursor's ticks do not trim again).
	idleSQLite = 1 << 20
)
