package engine

import "time"

// Under a Controller, time is virtual: a clock that jumps to the next
// timer only when no goroutine can run (fireTimers), so that a timeout
// fires exactly when everything else is stuck and a replay sees the same
// times.

// Epoch is what sched.Now returns at the start of a controlled execution:
// virtual time starts at the same instant on every run, so a replay sees
// the same times.
var Epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Now is sched.Now: under a [Controller], [Epoch] plus the durations the
// execution slept; otherwise time.Now.
func Now() time.Time {
	if controlled.Load() {
		if c := current(); c != nil {
			return Epoch.Add(c.now)
		}
	}
	return time.Now()
}

// Sleep is sched.Sleep: a scheduling point, then under a [Controller] the
// goroutine parks until virtual time has advanced by d, which happens only
// when no goroutine can run; otherwise time.Sleep.
func Sleep(d time.Duration) {
	At(TimeSleep, nil)
	if c := current(); c != nil && controlled.Load() {
		if d <= 0 {
			return
		}
		done := false
		var t *Timer
		t = c.addTimer(d, 0, func() { done = true; c.unpark(t) })
		for !done {
			c.park(Point{Kind: TimeSleep, Obj: t}, t)
		}
		return
	}
	time.Sleep(d)
}

// A Timer is a timer on a Controller's virtual clock.
type Timer struct {
	when   time.Duration
	seq    int
	period time.Duration // 0 for a one-shot timer
	fire   func()
}

// StartTimer starts a timer on the virtual clock of the installed
// Controller that sends the virtual time on ch after d, then every period
// if period > 0, dropping the values ch has no room for, as the runtime's
// timers do. Without a controller it returns nil.
func StartTimer(d, period time.Duration, ch *Chan[time.Time]) *Timer {
	c := current()
	if c == nil || !controlled.Load() {
		return nil
	}
	return c.addTimer(d, period, func() { deliver(c, ch, Epoch.Add(c.now)) })
}

// StopTimer stops t and reports whether it was pending.
func StopTimer(t *Timer) bool {
	if c := current(); c != nil {
		return c.stopTimer(t)
	}
	return false
}

// addTimer makes fire run when virtual time reaches now+d (then every
// period, if period > 0).
func (c *Controller) addTimer(d, period time.Duration, fire func()) *Timer {
	c.timerN++
	t := &Timer{when: c.now + max(d, 0), seq: c.timerN, period: period, fire: fire}
	c.insertTimer(t)
	return t
}

func (c *Controller) insertTimer(t *Timer) {
	i := len(c.timers)
	for i > 0 && (c.timers[i-1].when > t.when || c.timers[i-1].when == t.when && c.timers[i-1].seq > t.seq) {
		i--
	}
	c.timers = append(c.timers, nil)
	copy(c.timers[i+1:], c.timers[i:])
	c.timers[i] = t
}

func (c *Controller) stopTimer(t *Timer) bool {
	for i, o := range c.timers {
		if o == t {
			c.timers = append(c.timers[:i], c.timers[i+1:]...)
			return true
		}
	}
	return false
}

// fireTimers advances virtual time to the earliest pending timer and fires
// every timer due then. It reports false when no timer is pending.
func (c *Controller) fireTimers() bool {
	if len(c.timers) == 0 {
		return false
	}
	c.now = c.timers[0].when
	c.trace = append(c.trace, Step{G: -1, Event: EventTime, Note: c.now.String()})
	for len(c.timers) > 0 && c.timers[0].when == c.now {
		t := c.timers[0]
		c.timers = c.timers[1:]
		if t.period > 0 {
			c.timerN++
			t.when, t.seq = c.now+t.period, c.timerN
			c.insertTimer(t)
		}
		t.fire()
	}
	return true
}

// DrainTimers makes the execution go on after main ends, firing pending
// timers, as long as a goroutine the code under test started is alive and
// a one-shot timer is pending: a goroutine that would have woken from a
// sleep or a timeout is not a leak. Periodic timers alone do not keep it
// going, since a ticker nobody stops would fire forever. Call it before
// Start.
func (c *Controller) DrainTimers() { c.drain = true }

func (c *Controller) oneShotPending() bool {
	for _, t := range c.timers {
		if t.period == 0 {
			return true
		}
	}
	return false
}

func (c *Controller) liveStructure() bool {
	for _, g := range c.gs {
		if g.structure && g.state != ended {
			return true
		}
	}
	return false
}
