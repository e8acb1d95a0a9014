package models

import "fmt"

// A CallbackKind is what scheduled a callback of an event loop, which
// decides the phase it must run in and its priority.
type CallbackKind int

// The kinds of callbacks of an event loop (guide section 6.1).
const (
	Timeout    CallbackKind = iota // setTimeout: the timers phase
	Deferred                       // a deferred I/O callback: the pending-callbacks phase
	Prepared                       // the idle/prepare phase
	Completion                     // an I/O completion: the poll phase
	Immediate                      // setImmediate: the check phase
	CloseHook                      // the close-callbacks phase
	NextTick                       // process.nextTick: a microtask, before promises
	PromiseJob                     // a promise reaction: a microtask
)

var callbackKinds = [...]string{"setTimeout", "deferred I/O", "prepare", "I/O completion", "setImmediate", "close", "nextTick", "promise"}

func (k CallbackKind) String() string { return callbackKinds[k] }

// phaseOf names the phase a macrotask must run in, in the words of
// eventloop.Phase's String; microtasks run in whatever phase they drain.
var phaseOf = map[CallbackKind]string{
	Timeout: "timers", Deferred: "pending callbacks", Prepared: "idle/prepare",
	Completion: "poll", Immediate: "check", CloseHook: "close callbacks",
}

// LoopRules is the model of an event loop's rules, fed the events of one
// run in the order they happened: each callback scheduled, each callback
// starting (with the phase the loop was in), and the end of the run. It
// reports the first event that breaks a rule:
//
//   - every callback runs once: never twice, never unscheduled, and none
//     is left when the run ends;
//   - a macrotask runs in its phase;
//   - microtasks run before the next macrotask: none is queued when a
//     macrotask starts;
//   - nextTick before promises: a round of promise callbacks starts only
//     with no nextTick queued (a nextTick that a promise callback queues
//     waits for the end of that round, as in Node).
//
// The zero value is ready. It is a sequential model: a run that feeds it
// from several goroutines must serialize the calls.
type LoopRules struct {
	kind           map[int]CallbackKind
	ran            map[int]bool
	ticks, jobs    int // queued, not yet run
	inPromiseRound bool
}

// Schedule records that callback id of the given kind was queued.
func (r *LoopRules) Schedule(id int, kind CallbackKind) error {
	if r.kind == nil {
		r.kind, r.ran = map[int]CallbackKind{}, map[int]bool{}
	}
	if _, ok := r.kind[id]; ok {
		return fmt.Errorf("callback %d is scheduled twice", id)
	}
	r.kind[id] = kind
	switch kind {
	case NextTick:
		r.ticks++
	case PromiseJob:
		r.jobs++
	}
	return nil
}

// Start records that callback id starts while the loop is in phase, and
// returns the rule it breaks, if any.
func (r *LoopRules) Start(id int, phase string) error {
	kind, ok := r.kind[id]
	if !ok {
		return fmt.Errorf("callback %d ran but was never scheduled", id)
	}
	if r.ran[id] {
		return fmt.Errorf("every callback runs once: %s callback %d ran twice", kind, id)
	}
	r.ran[id] = true
	switch kind {
	case NextTick:
		r.ticks--
		r.inPromiseRound = false
	case PromiseJob:
		if !r.inPromiseRound && r.ticks > 0 {
			return fmt.Errorf("nextTick before promises: promise callback %d ran with %d nextTick callbacks queued", id, r.ticks)
		}
		r.jobs--
		r.inPromiseRound = true
	default:
		r.inPromiseRound = false
		if r.ticks+r.jobs > 0 {
			return fmt.Errorf("microtasks run before the next macrotask: %s callback %d started with %d nextTick and %d promise callbacks queued",
				kind, id, r.ticks, r.jobs)
		}
		if want := phaseOf[kind]; phase != want {
			return fmt.Errorf("a callback runs in its phase: %s callback %d ran in the %s phase, not %s", kind, id, phase, want)
		}
	}
	return nil
}

// End returns the first callback that never ran, in the order of their
// ids, if any.
func (r *LoopRules) End() error {
	lost := -1
	for id := range r.kind {
		if !r.ran[id] && (lost < 0 || id < lost) {
			lost = id
		}
	}
	if lost >= 0 {
		return fmt.Errorf("nothing is lost: %s callback %d never ran", r.kind[lost], lost)
	}
	return nil
}
