package engine

import (
	"fmt"
	"slices"
)

// A Chooser makes the decisions of a [Controller]: which goroutine runs after
// each scheduling point, and how each choice an operation leaves open (which
// ready arm of a [Select] fires) falls. The strategies of package checks
// (random walk, PCT, bounded search, replay) are Choosers. A Chooser is
// called by one goroutine at a time, with happens-before between calls.
type Chooser interface {
	// Pick returns the id of the goroutine that runs next: one of
	// d.Runnable. It is called only when there are at least two.
	Pick(d *Decision) int
	// Choose returns a number in [0, n), n ≥ 2.
	Choose(n int) int
}

// A Decision is the state a [Chooser] picks from.
type Decision struct {
	// Step counts the scheduling points reached so far in the execution.
	Step int
	// Cur is the goroutine that reached the point; CurRunnable reports
	// whether it can go on (it cannot when it blocked or ended). Picking
	// another goroutine while Cur can go on is a preemption.
	Cur         int
	CurRunnable bool
	// Point is the point Cur reached.
	Point Point
	// Runnable lists the goroutines that can run, by increasing id; the
	// goroutine that started the execution is 0, the others are numbered in
	// the order they started. It is valid only during the call.
	Runnable []int
}

// A Choice is one decision of an execution taken among two options or more.
type Choice struct {
	// Value is the goroutine picked, or the option chosen.
	Value int
	// Cur is the goroutine that was running.
	Cur int
	// Pick tells a Pick from a Choose; Preempt marks a Pick that switched
	// away from a goroutine that could have gone on.
	Pick, Preempt bool
}

// pick decides who runs after g reached p; g can go on.
func (c *Controller) pick(g *goroutine, p Point) *goroutine {
	c.collectRunnable()
	if len(c.runnable) == 1 {
		return g
	}
	return c.gs[c.decide(g, p, true)]
}

// pickOther decides who runs now that g blocked or ended. With nobody
// runnable it advances virtual time to the next timer; with no timer either
// the run is over, and it returns nil.
func (c *Controller) pickOther(g *goroutine, p Point) *goroutine {
	for {
		c.collectRunnable()
		switch {
		case len(c.runnable) == 1:
			return c.gs[c.runnable[0]]
		case len(c.runnable) > 1:
			return c.gs[c.decide(g, p, false)]
		case c.gs[0].state == ended:
			if c.drain && c.liveStructure() && c.oneShotPending() && c.fireTimers() {
				continue
			}
			c.end(Finished)
			return nil
		case !c.fireTimers():
			c.end(Deadlock)
			return nil
		}
	}
}

func (c *Controller) decide(g *goroutine, p Point, curRunnable bool) int {
	d := Decision{Step: c.steps, Cur: g.id, CurRunnable: curRunnable, Point: p, Runnable: c.runnable}
	id := c.chooser.Pick(&d)
	if !slices.Contains(c.runnable, id) {
		panic(fmt.Sprintf("sched: the chooser picked goroutine %d, which cannot run (runnable: %v)", id, c.runnable))
	}
	preempt := curRunnable && id != g.id
	if preempt {
		c.preemptions++
	}
	c.choices = append(c.choices, Choice{Value: id, Cur: g.id, Pick: true, Preempt: preempt})
	return id
}

// choose settles a choice an operation leaves open among n ≥ 1 options.
func (c *Controller) choose(n int) int {
	if n == 1 {
		return 0
	}
	i := c.chooser.Choose(n)
	if i < 0 || i >= n {
		panic(fmt.Sprintf("sched: the chooser chose %d of %d options", i, n))
	}
	c.choices = append(c.choices, Choice{Value: i, Cur: c.cur.id})
	return i
}

// collectRunnable lists the runnable goroutines in c.runnable, by id.
func (c *Controller) collectRunnable() {
	c.runnable = c.runnable[:0]
	for _, o := range c.gs {
		if o.state == runnable {
			c.runnable = append(c.runnable, o.id)
		}
	}
}
