package engine

import "fmt"

// Priority inversion under a Controller. Go has no thread priorities, but a
// program can rank its own goroutines: a uniprocessor scheduler that runs
// the ready task of highest priority, a worker pool that serves urgent jobs
// first. Such a goroutine declares its priority with [SetPriority]. While a
// goroutine with a priority waits for a lock ([Waiting] until [Acquired]),
// every step taken by a goroutine of lower priority that does not hold
// that lock, nor a lock its holder waits for, is an inversion step: the
// program runs less urgent work that cannot help the waiter. A few such steps
// are unavoidable (a task arriving has to enqueue itself); a holder that
// inherits the waiter's priority keeps them that few, since no medium
// task can run before it. Without inheritance, medium-priority work runs as
// long as it has work while the holder it preempted waits for the CPU:
// the inversion is unbounded. More inversion steps by one goroutine during
// one wait than the bound is a priority inversion.
//
// Steps are the goroutine's scheduling points, so the bound is about the
// program's own ranking, not about the Chooser: the program decides who
// runs among its prioritized goroutines, and the Chooser only when they
// arrive. That is why the waiter's time in steps is not itself a verdict
// without priorities: a holder the Chooser does not schedule (PCT's very
// method) would look like starvation.

// DefaultInversionBound is the inversion bound of a Controller unless
// [Controller.SetInversionBound] changes it: four times the most seen with
// priority inheritance (2, by a task arriving or one that has just released
// the lock: TestPriority_DefaultBoundNeverFiresWithInheritance in the
// catalog), and a third of the 24 steps of the medium work in the guide's
// example (impls/priority).
const DefaultInversionBound = 8

// noPriority marks a goroutine that declared none.
const noPriority = 0

// Inversion describes a goroutine of higher priority kept waiting while one
// of lower priority, unrelated to the lock, ran past the bound.
type Inversion struct {
	Waiter, Lock, Holder, By string
	WaiterPriority           int
	HolderPriority           int
	ByPriority               int
	Steps                    int // inversion steps by By during the wait
	Total                    int // inversion steps by every lower-priority goroutine
	Waited                   int // scheduling points since the wait began
	At                       int // the index in the trace of the step past the bound
}

// SetPriority declares the running goroutine's priority, a positive number
// (higher is more urgent), for the priority-inversion check. A goroutine
// that never calls it, or calls [ClearPriority], takes no part in the
// check. Without a controller it does nothing.
func SetPriority(p int) {
	if p <= noPriority {
		panic("sched: SetPriority needs a positive priority")
	}
	if controlled.Load() {
		current().cur.priority = p
	}
}

// ClearPriority withdraws the running goroutine's priority, such as when a
// client goroutine has finished the task it ran at that priority.
func ClearPriority() {
	if controlled.Load() {
		current().cur.priority = noPriority
	}
}

// SetInversionBound sets how many steps one lower-priority goroutine may take
// while a higher-priority one waits for a lock it does not hold, before that
// is a priority inversion.
func (c *Controller) SetInversionBound(n int) { c.inversionBound = n }

// PriorityInversion returns the first inversion past the bound, or nil.
func (c *Controller) PriorityInversion() *Inversion { return c.inversion }

// MaxInversion returns the most inversion steps one goroutine took during
// one wait in the execution: how close it came to the bound.
func (c *Controller) MaxInversion() int { return c.maxInversion }

// inverted counts the step g just took against every waiter of higher
// priority that g cannot help.
func (c *Controller) inverted(g *goroutine) {
	for _, w := range c.gs {
		if w.priority <= g.priority || w.wait == nil || w == g || c.helps(g, w.wait.obj) {
			continue
		}
		r := w.wait
		if r.inversion == nil {
			r.inversion = map[int]int{}
		}
		r.inversion[g.id]++
		r.inversionTotal++
		n := r.inversion[g.id]
		c.maxInversion = max(c.maxInversion, n)
		if n > c.inversionBound && c.inversion == nil {
			holder, hp := "no one", 0
			if h := c.holderOf(r.obj); h != nil {
				holder, hp = h.name, h.priority
			}
			c.inversion = &Inversion{Waiter: w.name, Lock: c.objectName(r.kind, r.obj), Holder: holder, By: g.name,
				WaiterPriority: w.priority, HolderPriority: hp, ByPriority: g.priority,
				Steps: n, Total: r.inversionTotal, Waited: c.steps + 1 - r.since, At: len(c.trace) - 1}
			c.trace = append(c.trace, Step{G: g.id, Event: EventNote,
				Note: fmt.Sprintf("priority inversion: step %d while %s waits", n, w.name)})
		}
	}
}

// helps reports whether g holds obj, or a lock that a holder of obj waits
// for, and so on: whether g running brings the waiter for obj closer.
func (c *Controller) helps(g *goroutine, obj any) bool {
	for seen := 0; obj != nil && seen <= len(c.gs); seen++ {
		h := c.holderOf(obj)
		if h == nil {
			return false
		}
		if h == g {
			return true
		}
		if h.wait == nil {
			return false
		}
		obj = h.wait.obj
	}
	return false
}

// holderOf returns a goroutine that holds obj, or nil.
func (c *Controller) holderOf(obj any) *goroutine {
	for _, g := range c.gs {
		for _, h := range g.held {
			if h.obj == obj {
				return g
			}
		}
	}
	return nil
}
