package importer

import (
	"runtime"
	"time"
)

// growth runs f on a small input (false) and on one four times larger
// (true) and returns how many times more bytes the larger run allocated and
// how many times longer it took (the fastest of five runs each). Linear
// work gives about 4 for both; quadratic work 16. The allocation ratio does
// not depend on the machine's load.
func growth(f func(big bool)) (alloc, elapsed float64) {
	measure := func(big bool) (uint64, time.Duration) {
		var best time.Duration
		var bytes uint64
		for i := 0; i < 5; i++ {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			f(big)
			d := time.Since(start)
			runtime.ReadMemStats(&after)
			bytes = after.TotalAlloc - before.TotalAlloc
			if i == 0 || d < best {
				best = d
			}
		}
		return bytes, best
	}
	f(false) // warm up
	sa, st := measure(false)
	la, lt := measure(true)
	return float64(la) / float64(max(sa, 1)), float64(lt) / float64(max(st, time.Microsecond))
}

// growthWithin is growth measured again, up to three times, while the time
// ratio exceeds timeLimit: a loaded machine can slow one large run, while
// work that really grows faster than the input exceeds the limit every time.
func growthWithin(timeLimit float64, f func(big bool)) (alloc, elapsed float64) {
	for range 3 {
		if alloc, elapsed = growth(f); elapsed <= timeLimit {
			break
		}
	}
	return alloc, elapsed
}
