package ui

import (
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
)

// stopper is a timer that can be stopped.
type stopper interface{ Stop() bool }

// sched runs work off the UI goroutine and brings results back to it. The
// app uses goroutines, fyne.Do and timers; tests use a synchronous one.
type sched interface {
	Go(f func())                             // run f off the UI goroutine
	Do(f func())                             // run f on the UI goroutine
	After(d time.Duration, f func()) stopper // run f on the UI goroutine after d
}

// realSched is the app's scheduler. A panic in work it runs is caught and
// handed to onPanic (on the UI goroutine) instead of ending the program:
// the draft being typed is saved and the clerk told.
type realSched struct {
	onPanic func(v any, stack []byte)
}

func (s *realSched) Go(f func()) {
	go func() {
		defer s.catch(true)
		f()
	}()
}

func (s *realSched) Do(f func()) {
	fyne.Do(func() {
		defer s.catch(false)
		f()
	})
}

func (s *realSched) After(d time.Duration, f func()) stopper {
	return time.AfterFunc(d, func() { s.Do(f) })
}

// catch reports a panic of the running work; off the UI goroutine the
// report is sent to it.
func (s *realSched) catch(background bool) {
	v := recover()
	if v == nil || s.onPanic == nil {
		if v != nil {
			panic(v)
		}
		return
	}
	stack := debug.Stack()
	if background {
		fyne.Do(func() { s.onPanic(v, stack) })
		return
	}
	s.onPanic(v, stack)
}
