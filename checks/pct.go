package checks

import (
	"math/rand/v2"
	"slices"

	"github.com/weftlab/weft/checks/internal/engine"
)

// pct is probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi,
// Nagarakatte, "A Randomized Scheduler with Probabilistic Guarantees of
// Finding Bugs", ASPLOS 2010). Each goroutine gets a random priority, and
// the highest-priority runnable goroutine always runs; at d−1 change points,
// drawn uniformly among the first k steps, the running goroutine drops below
// every initial priority. A bug of depth d (d ordering constraints) is then
// found with probability at least 1/(n·k^(d−1)) per execution, for n
// goroutines.
//
// k is estimated from earlier executions of the check: the most steps an
// execution took that ended by itself, at most a tenth of the step cap. Beyond k steps the schedule becomes
// a fair random walk, so that a high-priority goroutine spinning on a
// low-priority one cannot stop the run. The depth cycles through 2, 3 and
// 4 with the seed.
type pct struct {
	k    int // estimated steps of an execution
	maxK int // k never grows past it, so that the fair suffix starts in time
}

// newPCT returns PCT whose k stays below maxK: a spin loop that waits for a
// lower-priority goroutine spins until the fair suffix, and an execution
// that did so must not raise k for the next ones, or k would creep up to the
// step cap and turn spinning into a livelock verdict.
func newPCT(maxK int) *pct { return &pct{k: min(64, maxK), maxK: maxK} }

var pctStrategy = &strategyDesc{
	name: "pct", about: "controlled: probabilistic concurrency testing", controlled: true,
	perScenario: executionsPerScenario,
	make:        func(cfg config) strategy { return newControlled("pct", newPCT(cfg.maxSteps/10), cfg) },
}

// reset keeps k: the executions of every scenario of a check take about as
// many steps.
func (p *pct) reset() {}

func (p *pct) exhausted() bool { return false }

func (p *pct) chooser(seed uint64) engine.Chooser {
	r := rand.New(rand.NewPCG(seed, 0x7063_74))
	depth := 2 + int(seed%3)
	c := &pctChooser{r: r, k: p.k, prio: map[int]int{}, base: depth}
	for range depth - 1 {
		c.changes = append(c.changes, 1+r.IntN(p.k))
	}
	slices.Sort(c.changes)
	return c
}

func (p *pct) observe(c *controlInfo) {
	if c != nil && c.outcome == engine.Finished {
		p.k = min(max(p.k, c.steps), p.maxK)
	}
}

type pctChooser struct {
	r       *rand.Rand
	k       int
	prio    map[int]int // by goroutine; initial ones are ≥ base
	base    int
	changes []int // steps where the running goroutine is demoted, ascending
	demoted int   // change points applied
}

func (c *pctChooser) priority(g int) int {
	p, ok := c.prio[g]
	if !ok {
		// Distinct with high probability; ties go to the lower id.
		p = c.base + 1 + c.r.IntN(1<<30)
		c.prio[g] = p
	}
	return p
}

func (c *pctChooser) Pick(d *engine.Decision) int {
	if d.Step > c.k {
		return d.Runnable[c.r.IntN(len(d.Runnable))] // the fair suffix
	}
	for c.demoted < len(c.changes) && d.Step >= c.changes[c.demoted] {
		c.demoted++
		c.priority(d.Cur)
		c.prio[d.Cur] = c.base - c.demoted // below every initial priority
	}
	best, bestPrio := -1, 0
	for _, g := range d.Runnable {
		if p := c.priority(g); best < 0 || p > bestPrio {
			best, bestPrio = g, p
		}
	}
	return best
}

func (c *pctChooser) Choose(n int) int { return c.r.IntN(n) }
