// Package eventloop is the libuv event loop of the guide (section 6.1) in
// Go: one goroutine runs every callback, phase after phase (timers,
// pending callbacks, idle/prepare, poll for I/O completions, check for
// setImmediate, close callbacks), and after every callback it drains the
// nextTick queue, then the promise microtask queue, again until both are
// empty, as Node does. Other goroutines (a thread pool finishing I/O) hand
// completions to the loop with [IO.Complete]; the poll phase runs them.
//
// What is checked (the catalog's programs, against models.LoopRules):
// every callback runs once, none is lost, each in its phase; microtasks
// run before the next macrotask, nextTick's before promises'; and the
// guide's program prints 1, 6, 5, 4, 2, 3. Time is weft's: virtual under
// control, so a timeout of 0 is due in the first timers phase.
//
// The zoo (zoo.go) is the same loop with one flaw: microtasks drained once
// per iteration instead of after each callback; promises drained before
// nextTick; and a completion posted while the poll phase runs its batch
// is lost.
package eventloop

import (
	"sync"
	"time"
)

// A Phase is where in its iteration the loop is.
type Phase int

// The phases, in the order an iteration runs them; Main is the script Run
// starts with.
const (
	Main Phase = iota
	Timers
	Pending
	Idle
	Poll
	Check
	Close
)

func (p Phase) String() string {
	return [...]string{"main", "timers", "pending callbacks", "idle/prepare", "poll", "check", "close callbacks"}[p]
}

// flaw is what a zoo loop does wrong; the zero value is the correct loop.
type flaw struct {
	microtasksPerIteration bool // drain once per iteration, not per callback
	promisesFirst          bool // promises before nextTick
	clearAfterPoll         bool // empty the completions after running them
}

// A Loop is an event loop. Its methods, but IO.Complete, must be called
// from the loop's goroutine: from the main function given to Run and
// from callbacks.
type Loop struct {
	flaw

	// Shared with the goroutines that complete I/O.
	mu          sync.Mutex
	completions []func()
	outstanding int           // I/O started and not completed
	wake        chan struct{} // a completion arrived (capacity 1)

	// The loop goroutine's own.
	phase      Phase
	timers     []timer // in the order they are due
	timerSeq   int
	pending    []func()
	idle       []func()
	immediates []func()
	closes     []func()
	ticks      []func()
	promises   []func()
}

type timer struct {
	due time.Time
	seq int
	cb  func()
}

// New returns a loop.
func New() *Loop { return &Loop{wake: make(chan struct{}, 1)} }

// Phase is the phase the loop is in: the phase of the callback that calls
// it, or of the one whose microtasks are draining.
func (l *Loop) Phase() Phase { return l.phase }

// SetTimeout runs cb in the timers phase once d has passed.
func (l *Loop) SetTimeout(d time.Duration, cb func()) {
	t := timer{due: time.Now().Add(d), seq: l.timerSeq, cb: cb}
	l.timerSeq++
	i := len(l.timers)
	for i > 0 && t.due.Before(l.timers[i-1].due) {
		i--
	}
	l.timers = append(l.timers[:i], append([]timer{t}, l.timers[i:]...)...)
}

// SetImmediate runs cb in the next check phase.
func (l *Loop) SetImmediate(cb func()) { l.immediates = append(l.immediates, cb) }

// Defer runs cb in the next pending-callbacks phase, as libuv defers some
// I/O callbacks to the next iteration.
func (l *Loop) Defer(cb func()) { l.pending = append(l.pending, cb) }

// Prepare runs cb in the next idle/prepare phase.
func (l *Loop) Prepare(cb func()) { l.idle = append(l.idle, cb) }

// OnClose runs cb in the next close-callbacks phase.
func (l *Loop) OnClose(cb func()) { l.closes = append(l.closes, cb) }

// NextTick runs cb before any promise callback and any macrotask.
func (l *Loop) NextTick(cb func()) { l.ticks = append(l.ticks, cb) }

// QueueMicrotask runs cb as a promise's reaction: after the nextTick
// queue, before the next macrotask.
func (l *Loop) QueueMicrotask(cb func()) { l.promises = append(l.promises, cb) }

// An IO is an operation in flight outside the loop, which keeps the loop
// alive until it completes.
type IO struct {
	l    *Loop
	once sync.Once
}

// StartIO starts an operation; its completion's callback runs in a poll
// phase.
func (l *Loop) StartIO() *IO {
	l.mu.Lock()
	l.outstanding++
	l.mu.Unlock()
	return &IO{l: l}
}

// Complete hands cb to the loop, from any goroutine; the poll phase runs
// it. Only the first call counts.
func (io *IO) Complete(cb func()) {
	io.once.Do(func() {
		l := io.l
		l.mu.Lock()
		l.completions = append(l.completions, cb)
		l.outstanding--
		l.mu.Unlock()
		select {
		case l.wake <- struct{}{}:
		default: // a wake-up is already pending
		}
	})
}
