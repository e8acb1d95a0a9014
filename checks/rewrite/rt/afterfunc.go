package rt

import (
	"sync"
	"time"

	"github.com/weftlab/weft/checks/sched"
)

// A FuncTimer is what time.AfterFunc returns once rewritten: its Stop and
// Reset are those of *time.Timer, but it is not a sched.Timer, so code that
// names the type *time.Timer for it does not build rewritten.
type FuncTimer struct {
	f func()

	// mu guards run; it is never held across a scheduling point.
	mu  sync.Mutex
	run *funcRun // the pending run, nil once fired or stopped
}

// A funcRun is one arming of the timer: a goroutine waits for the timer's
// channel or for stop, and calls f on the first.
type funcRun struct {
	t    *sched.Timer
	stop *sched.Chan[struct{}]
}

// AfterFunc waits for d to pass and then calls f in its own goroutine, as
// time.AfterFunc, on sched's clock: the goroutine is started with
// [sched.Go], so under a controller it is one of the execution's, and it
// ends once f returns or the timer is stopped.
func AfterFunc(d time.Duration, f func()) *FuncTimer {
	t := &FuncTimer{f: f}
	t.arm(d)
	return t
}

func (t *FuncTimer) arm(d time.Duration) {
	r := &funcRun{t: sched.NewTimer(d), stop: sched.NewChan[struct{}](0)}
	t.mu.Lock()
	t.run = r
	t.mu.Unlock()
	sched.Go(func() {
		if sched.Select(r.t.C.RecvCase(nil, nil), r.stop.RecvCase(nil, nil)) != 0 {
			return
		}
		t.mu.Lock()
		fire := t.run == r
		if fire {
			t.run = nil
		}
		t.mu.Unlock()
		if fire {
			t.f()
		}
	})
}

// Stop prevents the function from running and reports whether it was still
// pending, as time.Timer.Stop.
func (t *FuncTimer) Stop() bool {
	t.mu.Lock()
	r := t.run
	t.run = nil
	t.mu.Unlock()
	if r == nil {
		return false
	}
	r.t.Stop()
	r.stop.Close()
	return true
}

// Reset makes the function run after d, whether or not it ran already, and
// reports whether it was pending, as time.Timer.Reset.
func (t *FuncTimer) Reset(d time.Duration) bool {
	was := t.Stop()
	t.arm(d)
	return was
}
