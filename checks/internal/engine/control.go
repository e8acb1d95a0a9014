package engine

import (
	"fmt"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
)

// An Outcome is how a controlled execution ended.
type Outcome int

// The outcomes of a controlled execution.
const (
	Running  Outcome = iota // not over yet
	Finished                // the main goroutine ended and no goroutine can run
	Deadlock                // no goroutine can run, no timer is pending, and the main one has not ended
	StepCap                 // the execution reached its step cap: a probable livelock
	Aborted                 // Abort stopped the execution
)

// Controller is the controlled scheduler: it runs the goroutines of one
// execution one at a time, and at every scheduling point asks its [Chooser]
// which one continues. Given the same Chooser decisions, an execution is the
// same interleaving every time: that is what makes a failure replayable and
// shrinkable. Time is virtual: [Sleep], sched.After, timers and tickers fire when
// no goroutine can run, at once, with the clock jumped to their deadline.
//
// Every goroutine of the execution must be started by [Controller.Start],
// [Controller.Spawn] or [Go], and must synchronize only through the shims: a
// goroutine blocked in a real primitive stops the whole execution (the
// harness watchdog then reports a hang), and one started with a plain go
// statement runs outside control.
//
// Handoffs between goroutines are channel operations, so the race detector
// sees every step as synchronized with the previous one: controlled mode
// hides data races, and the stress strategy must keep running under -race.
type Controller struct {
	chooser  Chooser
	maxSteps int

	gs          []*goroutine
	cur         *goroutine
	steps       int
	choices     []Choice
	preemptions int
	runnable    []int // scratch
	trace       []Step
	objects     map[any]string
	families    [numFamilies]int

	now    time.Duration // virtual time since the start
	timers []*Timer      // pending, by deadline then creation
	timerN int
	// drain keeps the virtual clock running after main ends while a
	// one-shot timer is pending (DrainTimers).
	drain bool

	outcome Outcome
	blocked []Blocked // who waits for what when the run ended in deadlock
	cycle   []string  // the goroutines of a wait-for cycle, after a deadlock
	leaked  []Leaked
	dumpFor *goroutine    // the goroutine asked for its stack
	dumped  chan struct{} // it has handed it over
	edges   []lockEdge
	// starvation (starve.go)
	bypassBound int
	starved     *Starved
	reserved    map[any]*goroutine
	starving    map[any]bool
	maxBypass   int
	// priority inversion (priority.go)
	inversionBound int
	inversion      *Inversion
	maxInversion   int
	edgeIndex      map[lockPair]int
	panics         []GoroutinePanic
	done           chan struct{}
	aborting       atomic.Bool
	exited         sync.WaitGroup
	// gsMu orders the appends to gs with Abort's read after a hang, when
	// nothing else synchronizes the harness with the execution.
	gsMu sync.Mutex
	// stray.go: the runtime id of the goroutine whose turn it is
	turnHolder atomic.Int64
	turnName   atomic.Pointer[string]
	strays     strays
}

type gstate uint8

const (
	runnable gstate = iota
	blocked
	ended
)

// goroutine is a managed goroutine. wake hands it the right to run.
type goroutine struct {
	id    int
	name  string
	wake  chan struct{}
	state gstate
	at    Point // where it blocked
	key   any   // what Unpark call makes it runnable again
	// lastPoint is the index in the trace of its last point, -1 before.
	lastPoint int
	held      []heldLock  // locks it holds, oldest first
	wait      *waitRecord // the lock it waits for, if any
	priority  int         // declared by SetPriority; 0 for none
	stack     string      // its stack, when it leaked
	// structure marks a goroutine the structure started ([Go]): one still
	// alive when the execution is over has leaked.
	structure bool
}

// GoroutinePanic is a panic recovered in a managed goroutine.
type GoroutinePanic struct {
	Goroutine string // its name, such as "goroutine 4 (started by client 1)"
	Value     string
	Stack     string
}

// Leaked is a goroutine the structure started that was still alive when
// the execution was over: when the harness had stopped the instance and no
// goroutine could run.
type Leaked struct {
	Goroutine string
	Point     string // where it waits, such as "chan-send chan#2"
	Stack     string
}

// Blocked says where a goroutine waits when an execution deadlocks.
type Blocked struct {
	Goroutine string
	Point     string   // such as "lock mutex#1"
	Holds     []string // the locks it holds, such as "mutex#2"
	// Holder is the goroutine that holds the lock it waits for, if any
	// (itself for a second lock of a lock it holds); HolderAt is where
	// that one waits, empty when it ended while holding the lock.
	Holder, HolderAt string
	// Stack is its stack where it waits, so that a report can show the
	// line of the wait.
	Stack string
}

// aborted is the panic value that unwinds a managed goroutine when its
// execution is over. IsAbort recognizes it.
type aborted struct{}

// IsAbort reports whether a recovered panic value is the signal that unwinds
// the goroutines of a controlled execution that is over. A harness that
// recovers panics must panic again with it.
func IsAbort(r any) bool { _, ok := r.(aborted); return ok }

// NewController returns a controller that asks c for every decision and ends
// an execution as StepCap after maxSteps scheduling points.
func NewController(c Chooser, maxSteps int) *Controller {
	return &Controller{chooser: c, maxSteps: maxSteps, done: make(chan struct{}), dumped: make(chan struct{}),
		objects: map[any]string{}, bypassBound: DefaultBypassBound, inversionBound: DefaultInversionBound, reserved: map[any]*goroutine{}, starving: map[any]bool{}}
}

// Start runs main as goroutine 0 of the execution; the controller must be
// installed. Done is closed when the execution is over.
func (c *Controller) Start(main func()) {
	g := c.newGoroutine("main", main)
	c.cur = g
	g.wake <- struct{}{}
}

// Done is closed when the execution is over: see Outcome.
func (c *Controller) Done() <-chan struct{} { return c.done }

// Outcome says how the execution ended; read it after Done is closed.
func (c *Controller) Outcome() Outcome { return c.outcome }

// Spawn starts fn as a managed goroutine named name, without a scheduling
// point, and returns its id. A harness uses it for its clients; it must be
// called by a managed goroutine.
func (c *Controller) Spawn(name string, fn func()) int {
	return c.newGoroutine(name, fn).id
}

// Join parks the calling managed goroutine until goroutine id has ended.
func (c *Controller) Join(id int) {
	g := c.gs[id]
	for g.state != ended {
		c.park(Point{Kind: GoJoin, Obj: g}, g)
	}
}

// Note adds a line to the trace of the calling goroutine, such as the call
// or return of an operation, so that the interleaving reads in its terms.
func (c *Controller) Note(text string) {
	if c.aborting.Load() {
		return
	}
	c.trace = append(c.trace, Step{G: c.cur.id, Event: EventNote, Note: text})
}

// At is the scheduling point of the running goroutine: the Chooser decides
// who continues.
func (c *Controller) At(p Point) {
	c.checkTurn(p) // first: a stray must not unwind, it is no managed goroutine
	if c.aborting.Load() {
		panic(aborted{})
	}
	g := c.cur
	c.record(g, EventPoint, p)
	if g.priority != noPriority {
		c.inverted(g)
	}
	if c.steps++; c.steps >= c.maxSteps {
		c.end(StepCap)
		c.wait(g)
	}
	c.switchTo(g, c.pick(g, p))
}

// Go starts fn as a managed goroutine; [Go] calls it before the GoStart
// point, where the Chooser may let the new goroutine run first.
func (c *Controller) Go(fn func()) {
	parent := c.cur
	id := len(c.gs)
	g := c.newGoroutine(fmt.Sprintf("goroutine %d (started by %s)", id, parent.name), fn)
	g.structure = true
}

func (c *Controller) newGoroutine(name string, fn func()) *goroutine {
	if c.aborting.Load() {
		// A goroutine released after a hang, once the execution was
		// stopped: nothing would ever run the new one.
		panic(aborted{})
	}
	g := &goroutine{id: len(c.gs), name: name, wake: make(chan struct{}, 1), lastPoint: -1}
	c.gsMu.Lock()
	c.gs = append(c.gs, g)
	c.gsMu.Unlock()
	c.exited.Add(1)
	go c.run(g, fn)
	return g
}

// run is the body of managed goroutine g: it waits for its first turn, runs
// fn and hands the turn on.
func (c *Controller) run(g *goroutine, fn func()) {
	defer c.exited.Done()
	if !c.turn(g) {
		return
	}
	// The end is deferred so that a goroutine that ends by runtime.Goexit
	// (t.FailNow, t.SkipNow in a test run as a program), which call never
	// returns from, hands its turn on like one that returns.
	aborted := false
	defer func() {
		if aborted || c.aborting.Load() {
			// Unwound by Abort, or released after a hang once the execution
			// was stopped: the controller's state is no longer ours.
			return
		}
		g.state = ended
		c.record(g, EventEnd, Point{})
		c.unpark(g)
		if next := c.pickOther(g, Point{Kind: GoEnd}); next != nil {
			c.cur = next
			next.wake <- struct{}{}
		}
	}()
	aborted = !c.call(g, fn)
}

// call runs fn, recording a panic; it reports false when fn was unwound by
// the end of the execution.
func (c *Controller) call(g *goroutine, fn func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if IsAbort(r) {
				ok = false
				return
			}
			c.panics = append(c.panics, GoroutinePanic{Goroutine: g.name, Value: fmt.Sprint(r), Stack: string(debug.Stack())})
			ok = true
		}
	}()
	fn()
	return true
}

// park blocks the running goroutine at p until unpark(key) and its next
// turn; the caller then tries its operation again.
func (c *Controller) park(p Point, key any) {
	if c.aborting.Load() {
		panic(aborted{})
	}
	g := c.cur
	if p.Kind == MutexLock {
		c.waiting(p.Kind, p.Obj)
	}
	g.state, g.at, g.key = blocked, p, key
	c.record(g, EventBlock, p)
	next := c.pickOther(g, p)
	if next == nil {
		c.wait(g) // the run is over
	}
	c.switchTo(g, next)
}

// unpark makes every goroutine blocked on key runnable.
func (c *Controller) unpark(key any) {
	for _, g := range c.gs {
		if g.state == blocked && g.key == key {
			g.state, g.key = runnable, nil
		}
	}
}

// switchTo hands the turn from g to next and waits for g's next turn.
func (c *Controller) switchTo(g, next *goroutine) {
	if next == g {
		return
	}
	c.cur = next
	next.wake <- struct{}{}
	c.wait(g)
}

// wait parks the real goroutine of g until its turn, and unwinds it if the
// execution was stopped meanwhile.
func (c *Controller) wait(g *goroutine) {
	if !c.turn(g) {
		panic(aborted{})
	}
}

// turn waits for g's turn and reports false if the execution was stopped
// meanwhile. A goroutine asked for its stack (a leaked one, once the
// execution is over, or a deadlocked one) hands it over and waits again.
func (c *Controller) turn(g *goroutine) bool {
	for {
		<-g.wake
		if c.aborting.Load() {
			c.unwinds()
			return false
		}
		c.ownTurn(g)
		if c.dumpFor != g {
			return true
		}
		c.dumpFor = nil
		g.stack = string(debug.Stack())
		c.dumped <- struct{}{}
	}
}
