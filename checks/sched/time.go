package sched

import "time"

// Sleep pauses the calling goroutine for at least d, like time.Sleep.
func Sleep(d time.Duration) {
	At(TimeSleep, nil)
	time.Sleep(d)
}

// After returns a channel that receives the current time once d has passed,
// like time.After; use it in [Select] for timeouts.
func After(d time.Duration) *Chan[time.Time] {
	At(TimeAfter, nil)
	c := NewChan[time.Time](1)
	time.AfterFunc(d, func() { c.ch <- time.Now() })
	return c
}
