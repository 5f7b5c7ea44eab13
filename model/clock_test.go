package model

import (
	"testing"
	"time"
)

func TestClock(t *testing.T) {
	fixed := time.Date(2027, 1, 1, 23, 30, 0, 0, time.Local)
	tests := []struct {
		name  string
		clock Clock
		want  time.Time
	}{
		{"fixed", FixedClock(fixed), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		if got := tc.clock.Today(); !got.Equal(tc.want) {
			t.Errorf("%s: Today() = %v, want %v", tc.name, got, tc.want)
		}
		if got := tc.clock.Now(); !got.Equal(fixed) {
			t.Errorf("%s: Now() = %v, want %v", tc.name, got, fixed)
		}
	}
	var system Clock
	before := time.Now()
	if got := system.Now(); got.Before(before) || got.Sub(before) > time.Minute {
		t.Errorf("nil clock Now() = %v, want about %v", got, before)
	}
}
