package sched

import (
	"sync"
	"time"
)

// Epoch is what [Now] returns at the start of a controlled execution: virtual
// time starts at the same instant on every run, so a replay sees the same
// times.
var Epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Now returns the current time, like time.Now; under a [Controller], the
// virtual time: [Epoch] plus the durations the execution slept. It is not a
// scheduling point.
func Now() time.Time {
	if controlled.Load() {
		if c := current(); c != nil {
			return Epoch.Add(c.now)
		}
	}
	return time.Now()
}

// Sleep pauses the calling goroutine for at least d, like time.Sleep. Under
// a [Controller] it parks the goroutine until virtual time has advanced by d,
// which happens only when no goroutine can run.
func Sleep(d time.Duration) {
	At(TimeSleep, nil)
	if c := current(); c != nil && controlled.Load() {
		if d <= 0 {
			return
		}
		done := false
		var t *vtimer
		t = c.addTimer(d, 0, func() { done = true; c.unpark(t) })
		for !done {
			c.park(Point{Kind: TimeSleep, Obj: t}, t)
		}
		return
	}
	time.Sleep(d)
}

// After returns a channel that receives the current time once d has passed,
// like time.After; use it in [Select] for timeouts.
func After(d time.Duration) *Chan[time.Time] { return NewTimer(d).C }

// A Timer sends the current time on C once, when it expires, like
// time.Timer. Create it with [NewTimer].
type Timer struct {
	C *Chan[time.Time]

	period time.Duration // a Ticker's; 0 for a Timer
	vt     *vtimer       // under a controller

	// Without a controller: rt runs tick; mu orders it with Stop and
	// Reset, so that a stopped Ticker is not rearmed by a late tick.
	mu      sync.Mutex
	rt      *time.Timer
	stopped bool
}

// NewTimer returns a Timer that sends the current time on its channel after
// at least d, like time.NewTimer. Its channel buffers one value.
func NewTimer(d time.Duration) *Timer {
	At(TimeAfter, nil)
	t := &Timer{C: NewChan[time.Time](1)}
	t.start(d)
	return t
}

// A Ticker sends the current time on C every period, like time.Ticker;
// ticks a slow receiver misses are dropped. Create it with [NewTicker].
type Ticker struct {
	Timer
}

// NewTicker returns a Ticker with period d, like time.NewTicker. d must be
// positive.
func NewTicker(d time.Duration) *Ticker {
	if d <= 0 {
		panic("sched: non-positive interval for NewTicker")
	}
	At(TimeAfter, nil)
	t := &Ticker{Timer{C: NewChan[time.Time](1), period: d}}
	t.start(d)
	return t
}

func (t *Timer) start(d time.Duration) {
	if c := current(); c != nil && controlled.Load() {
		t.vt = c.addTimer(d, t.period, func() { deliver(c, t.C, Epoch.Add(c.now)) })
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = false
	t.rt = time.AfterFunc(d, t.tick)
}

// tick is the real timer's function: it sends the time if the buffer has
// room, and rearms a Ticker.
func (t *Timer) tick() {
	select {
	case t.C.ch <- time.Now():
	default:
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.period > 0 && !t.stopped {
		t.rt.Reset(t.period)
	}
}

// Stop prevents the Timer from firing and reports whether it was pending,
// like time.Timer.Stop.
func (t *Timer) Stop() bool {
	At(TimerStop, t.C)
	if t.vt != nil {
		if c := current(); c != nil {
			return c.stopTimer(t.vt)
		}
		return false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = true
	return t.rt.Stop()
}

// Reset makes the Timer fire after d (a Ticker: every d) and reports
// whether it was pending, like time.Timer.Reset.
func (t *Timer) Reset(d time.Duration) bool {
	At(TimerReset, t.C)
	if t.vt != nil {
		if t.period > 0 {
			t.period = d
		}
		was := false
		if c := current(); c != nil {
			was = c.stopTimer(t.vt)
		}
		t.start(d)
		return was
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.period > 0 {
		t.period = d
	}
	t.stopped = false
	return t.rt.Reset(d)
}

// vtimer is a timer on a controller's virtual clock.
type vtimer struct {
	when   time.Duration
	seq    int
	period time.Duration // 0 for a one-shot timer
	fire   func()
}

// addTimer makes fire run when virtual time reaches now+d (then every
// period, if period > 0).
func (c *Controller) addTimer(d, period time.Duration, fire func()) *vtimer {
	c.timerN++
	t := &vtimer{when: c.now + max(d, 0), seq: c.timerN, period: period, fire: fire}
	c.insertTimer(t)
	return t
}

func (c *Controller) insertTimer(t *vtimer) {
	i := len(c.timers)
	for i > 0 && (c.timers[i-1].when > t.when || c.timers[i-1].when == t.when && c.timers[i-1].seq > t.seq) {
		i--
	}
	c.timers = append(c.timers, nil)
	copy(c.timers[i+1:], c.timers[i:])
	c.timers[i] = t
}

func (c *Controller) stopTimer(t *vtimer) bool {
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
