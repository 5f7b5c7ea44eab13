//go:build !linux

package ui

// trimCHeap does nothing: other C libraries return freed memory themselves.
func trimCHeap() {}
