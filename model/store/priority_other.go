//go:build !linux && !windows

package store

// lowerPriority does nothing here: only Linux and Windows set a thread's
// priority.
func lowerPriority() {}
