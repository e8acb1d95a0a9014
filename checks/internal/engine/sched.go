package engine

import (
	"errors"
	"sync/atomic"
)

// Kind names a scheduling point: the synchronization a goroutine is about to
// perform.
type Kind uint8

// The scheduling points of the shim packages. Each is reached just before the
// operation takes effect.
const (
	ExplicitYield Kind = iota // an explicit yield point ([Yield])

	MutexLock    // sync.Mutex.Lock
	MutexTryLock // sync.Mutex.TryLock
	MutexUnlock  // sync.Mutex.Unlock
	RWLock       // sync.RWMutex.Lock
	RWTryLock    // sync.RWMutex.TryLock
	RWUnlock     // sync.RWMutex.Unlock
	RLock        // sync.RWMutex.RLock
	RTryLock     // sync.RWMutex.TryRLock
	RUnlock      // sync.RWMutex.RUnlock
	CondWait     // sync.Cond.Wait
	CondSignal   // sync.Cond.Signal
	CondBcast    // sync.Cond.Broadcast
	WaitGroupAdd // sync.WaitGroup.Add and Done
	WaitGroupWait
	OnceDo

	AtomicLoad
	AtomicStore
	AtomicAdd // Add, And, Or
	AtomicSwap
	AtomicCAS

	GoStart // a goroutine was just started ([Go]): it may run before its parent goes on

	ChanSend
	ChanRecv
	ChanClose
	ChanSelect

	TimeSleep
	TimeAfter  // sched.After, NewTimer, NewTicker
	TimerStop  // sched.Timer.Stop, Ticker.Stop
	TimerReset // sched.Timer.Reset, Ticker.Reset

	GoJoin // a harness waits for a goroutine to end ([Controller.Join])
	GoEnd  // a goroutine ended (a decision of a controlled execution, not a point)

	numKinds
)

var kindNames = [numKinds]string{
	ExplicitYield: "yield",
	MutexLock:     "lock",
	MutexTryLock:  "try-lock",
	MutexUnlock:   "unlock",
	RWLock:        "write-lock",
	RWTryLock:     "try-write-lock",
	RWUnlock:      "write-unlock",
	RLock:         "read-lock",
	RTryLock:      "try-read-lock",
	RUnlock:       "read-unlock",
	CondWait:      "cond-wait",
	CondSignal:    "cond-signal",
	CondBcast:     "cond-broadcast",
	WaitGroupAdd:  "waitgroup-add",
	WaitGroupWait: "waitgroup-wait",
	OnceDo:        "once-do",
	AtomicLoad:    "atomic-load",
	AtomicStore:   "atomic-store",
	AtomicAdd:     "atomic-add",
	AtomicSwap:    "atomic-swap",
	AtomicCAS:     "atomic-cas",
	GoStart:       "go",
	ChanSend:      "chan-send",
	ChanRecv:      "chan-recv",
	ChanClose:     "chan-close",
	ChanSelect:    "select",
	TimeSleep:     "sleep",
	TimeAfter:     "after",
	TimerStop:     "timer-stop",
	TimerReset:    "timer-reset",
	GoJoin:        "join",
	GoEnd:         "end",
}

// String returns the point's name as reports print it, such as "lock" or
// "atomic-cas".
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return "unknown-point"
}

// Kinds returns every scheduling point kind, in declaration order.
func Kinds() []Kind {
	ks := make([]Kind, numKinds)
	for i := range ks {
		ks[i] = Kind(i)
	}
	return ks
}

// A Point is one scheduling point reached by a goroutine.
type Point struct {
	Kind Kind
	// Obj identifies the synchronization object (a *sync.Mutex of the shim, a
	// *Chan, ...); nil for points without one, such as Yield or Sleep.
	Obj any
}

// A Scheduler observes the scheduling points of the goroutines of one
// execution and may delay them: the stress strategy of package checks is
// one. To decide the interleaving instead, install a [Controller] (it is a
// Scheduler too) with a [Chooser] of your own.
type Scheduler interface {
	// At is called by a goroutine at each scheduling point, before the
	// synchronization takes effect. It may delay the caller; it must not
	// synchronize with other goroutines.
	At(p Point)
	// Go starts fn on a new goroutine. It is called by [Go] before the
	// GoStart point; the Scheduler may track, wrap (to recover panics) or
	// delay it, but must run fn exactly once.
	Go(fn func())
}

// active holds the installed Scheduler; nil when none is. installed mirrors
// active != nil in a form cheap enough to keep At inlinable; control and
// controlled do the same when the Scheduler is a *Controller.
var (
	active     atomic.Pointer[Scheduler]
	installed  atomic.Bool
	control    atomic.Pointer[Controller]
	controlled atomic.Bool
)

// ErrInstalled is returned by [Install] when a Scheduler is already installed.
var ErrInstalled = errors.New("sched: a scheduler is already installed")

// Install makes s receive every scheduling point of every goroutine until the
// returned function is called. Only one Scheduler can be installed at a time:
// a harness runs one execution at a time.
func Install(s Scheduler) (uninstall func(), err error) {
	if s == nil {
		return nil, errors.New("sched: Install(nil)")
	}
	p := &s
	if !active.CompareAndSwap(nil, p) {
		return nil, ErrInstalled
	}
	if c, ok := s.(*Controller); ok {
		control.Store(c)
		controlled.Store(true)
	}
	installed.Store(true)
	return func() {
		if active.CompareAndSwap(p, nil) {
			installed.Store(false)
			controlled.Store(false)
			control.Store(nil)
		}
	}, nil
}

// Controlled reports whether a [Controller] is installed: the shims then
// turn each blocking step into attempts and [Park].
func Controlled() bool { return controlled.Load() }

func current() *Controller { return control.Load() }

// Park blocks the calling goroutine, which reached point k on obj and cannot
// go on, until [Unpark](obj) is called and the controller gives it its turn
// again; the caller then retries its operation. Shims call it only when
// [Controlled]; otherwise it panics. A Chooser never sees a parked goroutine
// among the runnable ones, and when every goroutine is parked with no timer
// pending, the execution is a deadlock.
func Park(k Kind, obj any) {
	c := current()
	if c == nil {
		panic("sched: Park without a controller")
	}
	c.park(Point{Kind: k, Obj: obj}, obj)
}

// Unpark makes the goroutines parked on obj runnable: a shim calls it after
// every operation that may let them go on (Unlock, Signal, Done, ...). It
// does not switch goroutines. Without a controller it does nothing, and so
// it does for a goroutine whose turn it is not: one that passed its
// operation's point before this controller was installed (left behind by
// an earlier execution) is not part of this one, and must not touch its
// state.
func Unpark(obj any) {
	if controlled.Load() {
		if c := current(); c.holdsTurn() {
			c.unpark(obj)
		}
	}
}

// Installed reports whether a Scheduler is installed.
func Installed() bool { return installed.Load() }

// At marks a scheduling point of kind k on obj. The shim packages call it
// before each operation; implementations normally call [Yield] instead. With
// no Scheduler installed it returns at once.
func At(k Kind, obj any) {
	// The call is split off so that At stays within the inlining budget:
	// with no Scheduler, a point is an inlined load and branch.
	if installed.Load() {
		reach(k, obj)
	}
}

func reach(k Kind, obj any) {
	if s := active.Load(); s != nil {
		(*s).At(Point{Kind: k, Obj: obj})
	}
}

// Yield is an explicit scheduling point: a place where the implementation
// wants other goroutines to be able to run, such as the window between a
// read and a write that a bug leaves unprotected.
func Yield() { At(ExplicitYield, nil) }

// Go starts fn on a new goroutine, like the go statement. Goroutines started
// by an implementation must use Go so that a Scheduler can see them, recover
// their panics and check that they end.
//
// The scheduling point follows the start rather than preceding it: on real
// cores the new goroutine may run its first steps before its parent takes
// another, and only a point between the two lets a controller choose that
// order. (A point before the start would add nothing: the start itself is
// seen by no other goroutine.)
func Go(fn func()) {
	if s := active.Load(); s != nil {
		(*s).Go(fn)
		(*s).At(Point{Kind: GoStart})
		return
	}
	go fn()
}
