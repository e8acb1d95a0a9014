package checks

import (
	"fmt"
	"slices"

	"github.com/weftlab/weft/checks/internal/engine"
)

// bounded searches every schedule of a scenario with at most a given number
// of preemptions (iterative context bounding, Musuvathi and Qadeer, PLDI
// 2007, as in CHESS and loom): depth first over the decision tree, running
// the current goroutine first, so that the schedules with the fewest
// preemptions come first. It says when it has exhausted the space, which
// is a proof for the scenario, within the bound; large scenarios have too
// many schedules, so it stops after a number of them per scenario.
//
// Every execution replays the path of the previous one up to its deepest
// decision with an untried option, takes the next option there, and goes on
// non-preemptively: that needs executions to be deterministic functions of
// their decisions, which the controller guarantees. A decision whose state
// differs from the recorded one (the obstruction-freedom check overrides
// picks) starts a new branch there instead of replaying a stale one.
//
// A search that never preempts would let a spin loop spin forever while the
// goroutine it waits for never runs. So, as CHESS does for fairness, a
// goroutine that has run spinLimit decisions in a row is switched out (to
// the next runnable goroutine by id), and that switch does not count
// against the bound.
const spinLimit = 64

type bounded struct {
	bound    int
	path     []node // the decisions of the last execution
	runs     int    // schedules tried for this scenario
	finished bool   // the space of this scenario is exhausted
	cur      *boundedChooser
}

// node is one decision: its options in the order they are tried, and the
// one being tried.
type node struct {
	options []int
	next    int
	state   string // the decision's state, to notice a divergence
}

func newBounded(bound int) *bounded { return &bounded{bound: bound} }

// boundedStrategy executes a scenario until its schedules run out, or up to
// Options.Schedules of them, rather than Options.Executions times.
var boundedStrategy = &strategyDesc{
	name: "bounded", about: "controlled: every schedule within the preemption bound", controlled: true,
	perScenario: func(cfg config) int { return cfg.schedules },
	enumerates:  true,
	make:        func(cfg config) strategy { return newControlled("bounded", newBounded(cfg.preemptions), cfg) },
}

func (b *bounded) reset() { b.path, b.runs, b.finished = nil, 0, false }

func (b *bounded) exhausted() bool { return b.finished }

func (b *bounded) chooser(uint64) engine.Chooser {
	b.cur = &boundedChooser{b: b}
	return b.cur
}

// observe backtracks: it drops the exhausted decisions at the end of the
// path and moves the last open one to its next option.
func (b *bounded) observe(*controlInfo) {
	b.runs++
	b.path = b.path[:b.cur.depth]
	for len(b.path) > 0 {
		last := &b.path[len(b.path)-1]
		if last.next+1 < len(last.options) {
			last.next++
			return
		}
		b.path = b.path[:len(b.path)-1]
	}
	b.finished = true
}

type boundedChooser struct {
	b           *bounded
	depth       int // decisions taken
	preemptions int
	last, run   int // the goroutine picked last, and how many times in a row
}

func (c *boundedChooser) Pick(d *engine.Decision) int {
	state := fmt.Sprint(d.Cur, d.CurRunnable, d.Runnable)
	v := c.decide(state, func() []int {
		if !d.CurRunnable {
			return slices.Clone(d.Runnable) // d.Runnable is the controller's scratch
		}
		if c.last == d.Cur && c.run >= spinLimit {
			i := slices.Index(d.Runnable, d.Cur)
			return []int{d.Runnable[(i+1)%len(d.Runnable)]} // the fairness switch
		}
		// The current goroutine first; the others only within the bound.
		options := []int{d.Cur}
		if c.preemptions < c.b.bound {
			for _, g := range d.Runnable {
				if g != d.Cur {
					options = append(options, g)
				}
			}
		}
		return options
	})
	if d.CurRunnable && v != d.Cur && c.run < spinLimit {
		c.preemptions++
	}
	if v == c.last {
		c.run++
	} else {
		c.last, c.run = v, 1
	}
	return v
}

func (c *boundedChooser) Choose(n int) int {
	return c.decide(fmt.Sprint("choose", n), func() []int {
		options := make([]int, n)
		for i := range options {
			options[i] = i
		}
		return options
	})
}

func (c *boundedChooser) decide(state string, options func() []int) int {
	b := c.b
	if c.depth < len(b.path) && b.path[c.depth].state != state {
		b.path = b.path[:c.depth] // diverged: a new branch from here
	}
	if c.depth == len(b.path) {
		b.path = append(b.path, node{options: options(), state: state})
	}
	n := &b.path[c.depth]
	c.depth++
	return n.options[n.next]
}
