//go:build !unix

package store

import "time"

// cpuTime is not measured here: the busy test checks only the wall time.
func cpuTime() time.Duration { return 0 }
