//go:build !unix

package ui

// watchProfileSignals does nothing here: it needs SIGUSR1 and SIGUSR2.
func watchProfileSignals() {}
