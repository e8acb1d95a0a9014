package sched

import (
	"sync"
	"time"

	"github.com/weftlab/weft/checks/internal/engine"
)

// Now returns the current time, like time.Now; under weft's controlled
// scheduler, the virtual time: a fixed instant plus the durations the
// execution slept, the same on every replay. It is not a scheduling point.
func Now() time.Time { return engine.Now() }

// Sleep pauses the calling goroutine for at least d, like time.Sleep. Under
// weft's controlled scheduler, time is virtual: the goroutine waits until
// the clock has advanced by d, which happens only when no goroutine can run.
func Sleep(d time.Duration) { engine.Sleep(d) }

// After returns a channel that receives the current time once d has passed,
// like time.After; use it in [Select] for timeouts.
func After(d time.Duration) *Chan[time.Time] { return NewTimer(d).C }

// A Timer sends the current time on C once, when it expires, like
// time.Timer. Create it with [NewTimer].
type Timer struct {
	C *Chan[time.Time]

	period time.Duration // a Ticker's; 0 for a Timer
	vt     *engine.Timer // under a controller

	// Without a controller: rt runs tick; mu orders it with Stop and
	// Reset, so that a stopped Ticker is not rearmed by a late tick.
	mu      sync.Mutex
	rt      *time.Timer
	stopped bool
}

// NewTimer returns a Timer that sends the current time on its channel after
// at least d, like time.NewTimer. Its channel buffers one value.
func NewTimer(d time.Duration) *Timer {
	engine.At(engine.TimeAfter, nil)
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
	engine.At(engine.TimeAfter, nil)
	t := &Ticker{Timer{C: NewChan[time.Time](1), period: d}}
	t.start(d)
	return t
}

func (t *Timer) start(d time.Duration) {
	if t.vt = engine.StartTimer(d, t.period, &t.C.c); t.vt != nil {
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
	case t.C.c.Raw() <- time.Now():
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
	engine.At(engine.TimerStop, t.C)
	if t.vt != nil {
		return engine.StopTimer(t.vt)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = true
	return t.rt.Stop()
}

// Reset makes the Timer fire after d (a Ticker: every d) and reports
// whether it was pending, like time.Timer.Reset.
func (t *Timer) Reset(d time.Duration) bool {
	engine.At(engine.TimerReset, t.C)
	if t.vt != nil {
		if t.period > 0 {
			t.period = d
		}
		was := engine.StopTimer(t.vt)
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
