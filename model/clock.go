package model

import "time"

// Clock tells the current time. Code that needs "now" or "today" takes a
// Clock from its caller so that tests can fix the date; the zero value (nil)
// is the system clock.
type Clock func() time.Time

// Now is the clock's current time (time.Now for a nil Clock).
func (c Clock) Now() time.Time {
	if c == nil {
		return time.Now()
	}
	return c()
}

// Today is the clock's civil date in the local time zone, as Day returns it.
func (c Clock) Today() time.Time {
	return Day(c.Now().Local())
}

// FixedClock is a clock that always says t; tests use it.
func FixedClock(t time.Time) Clock {
	return func() time.Time { return t }
}
