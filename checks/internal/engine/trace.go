package engine

import (
	"fmt"
	"strings"
	"time"
	"unsafe"
)

// An Event is what a [Step] of a controlled execution records.
type Event uint8

// The events of a trace.
const (
	EventPoint Event = iota // the goroutine reached a scheduling point
	EventBlock              // it cannot go on: it waits for another goroutine or for time
	EventEnd                // it ended
	EventNote               // a note of the harness, such as the call of an operation
	EventTime               // virtual time advanced to fire a timer (G is -1)
)

// A Step is one entry of the trace of a controlled execution.
type Step struct {
	G     int // the goroutine
	Event Event
	Kind  Kind
	// Object names the synchronization object, such as "mutex#1" (numbered
	// in the order the execution first touched them), or is empty.
	Object string
	// Note is the text of a note, the outcome of a try or CAS ("failed"), or
	// the virtual time of a timer.
	Note string
}

// family groups the kinds whose objects are named alike.
type family uint8

const (
	famNone family = iota
	famMutex
	famRW
	famCond
	famWaitGroup
	famOnce
	famAtomic
	famChan
	famSelect
	famTimer
	famGoroutine
	numFamilies
)

var familyNames = [numFamilies]string{"", "mutex", "rwmutex", "cond", "waitgroup", "once", "atomic", "chan", "select", "timer", "goroutine"}

func familyOf(k Kind) family {
	switch k {
	case MutexLock, MutexTryLock, MutexUnlock:
		return famMutex
	case RWLock, RWTryLock, RWUnlock, RLock, RTryLock, RUnlock:
		return famRW
	case CondWait, CondSignal, CondBcast:
		return famCond
	case WaitGroupAdd, WaitGroupWait:
		return famWaitGroup
	case OnceDo:
		return famOnce
	case AtomicLoad, AtomicStore, AtomicAdd, AtomicSwap, AtomicCAS:
		return famAtomic
	case ChanSend, ChanRecv, ChanClose:
		return famChan
	case ChanSelect:
		return famSelect
	case TimeSleep, TimeAfter, TimerStop, TimerReset:
		return famTimer
	case GoJoin:
		return famGoroutine
	}
	return famNone
}

// objectName names obj for reports, numbering objects of a family in the
// order the execution meets them, so that names are the same on a replay.
func (c *Controller) objectName(k Kind, obj any) string {
	if obj == nil {
		return ""
	}
	switch o := obj.(type) {
	case *goroutine:
		return o.name
	case *selector:
		var names []string
		for _, ch := range o.chans {
			names = append(names, c.objectName(ChanSend, ch))
		}
		return strings.Join(names, ", ")
	}
	if p, ok := obj.(unsafe.Pointer); ok && p == nil {
		return ""
	}
	if name, ok := c.objects[obj]; ok {
		return name
	}
	f := familyOf(k)
	if f == famSelect {
		return "" // a select's arms name their channels
	}
	c.families[f]++
	name := fmt.Sprintf("%s#%d", familyNames[f], c.families[f])
	c.objects[obj] = name
	return name
}

func (c *Controller) record(g *goroutine, e Event, p Point) {
	if e == EventPoint {
		g.lastPoint = len(c.trace)
	}
	c.trace = append(c.trace, Step{G: g.id, Event: e, Kind: p.Kind, Object: c.objectName(p.Kind, p.Obj)})
}

// describe renders a point for reports, such as "lock mutex#1".
func (c *Controller) describe(p Point) string {
	return Step{Kind: p.Kind, Object: c.objectName(p.Kind, p.Obj)}.What()
}

// annotate records which arm of a select fired.
func (c *Controller) annotate(arm int) {
	note := fmt.Sprintf("arm %d", arm)
	if n := len(c.trace); n > 0 {
		if last := &c.trace[n-1]; last.G == c.cur.id && last.Event == EventPoint && last.Kind == ChanSelect {
			last.Note = note
			return
		}
	}
	c.trace = append(c.trace, Step{G: c.cur.id, Event: EventNote, Kind: ChanSelect, Note: "select: " + note})
}

// Succeeded records the outcome of the try or compare-and-swap the running
// goroutine just made, so that the trace shows which CAS failed. Shims call
// it after TryLock and CompareAndSwap; without a controller it does nothing.
func Succeeded(ok bool) {
	if controlled.Load() {
		succeeded(ok)
	}
}

func succeeded(ok bool) {
	c := current()
	if c == nil || c.cur.lastPoint < 0 {
		return
	}
	note := "failed"
	if ok {
		note = "ok"
	}
	p := c.trace[c.cur.lastPoint]
	if c.cur.lastPoint == len(c.trace)-1 {
		c.trace[c.cur.lastPoint].Note = note
		return
	}
	// Other goroutines ran between the point and the operation: say when
	// it took effect.
	p.Event, p.Note = EventNote, p.What()+" → "+note
	c.trace = append(c.trace, p)
}

// What names the step's point and object, such as "lock mutex#1".
func (s Step) What() string {
	if s.Object == "" {
		return s.Kind.String()
	}
	return s.Kind.String() + " " + s.Object
}

// Trace returns the steps of the execution so far. Read it after Done.
func (c *Controller) Trace() []Step { return c.trace }

// Choices returns every decision taken with two options or more, in order.
// A Chooser that returns their values in the same order replays the
// execution.
func (c *Controller) Choices() []Choice { return c.choices }

// Decisions returns the values of Choices: the schedule of the execution.
func (c *Controller) Decisions() []int {
	ds := make([]int, len(c.choices))
	for i, ch := range c.choices {
		ds[i] = ch.Value
	}
	return ds
}

// Steps returns the number of scheduling points reached.
func (c *Controller) Steps() int { return c.steps }

// Preemptions counts the decisions that switched away from a goroutine
// that could have gone on.
func (c *Controller) Preemptions() int { return c.preemptions }

// Goroutines returns the names of the managed goroutines, by id.
func (c *Controller) Goroutines() []string {
	names := make([]string, len(c.gs))
	for i, g := range c.gs {
		names[i] = g.name
	}
	return names
}

// BlockedGoroutines says who waited for what when the execution deadlocked.
func (c *Controller) BlockedGoroutines() []Blocked { return c.blocked }

// WaitCycle returns the goroutines of a wait-for cycle after a deadlock,
// the first repeated at the end (each waits for a lock the next holds), or
// nil if the deadlock has no such cycle (a goroutine waits for a channel,
// a condition or a join).
func (c *Controller) WaitCycle() []string { return c.cycle }

// Leaks returns the goroutines started by the structure that were still
// alive when the execution finished.
func (c *Controller) Leaks() []Leaked { return c.leaked }

// Panics returns the panics recovered in managed goroutines.
func (c *Controller) Panics() []GoroutinePanic { return c.panics }

// Now returns the virtual time elapsed since the start of the execution.
func (c *Controller) Now() time.Duration { return c.now }

// Note adds a line to the running goroutine's column of the interleaving
// a controlled failure reports, such as a scheduler's decision, so that the
// trace reads in the program's terms; the text is formatted only under a
// controller. Without one it does nothing.
func Note(format string, args ...any) {
	if controlled.Load() {
		current().Note(fmt.Sprintf(format, args...))
	}
}

// ObjectFamily names the kind of object a point of kind k acts on, as
// reports number them: "mutex", "chan", ...; empty for points without one.
func ObjectFamily(k Kind) string { return familyNames[familyOf(k)] }
