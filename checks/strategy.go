package checks

import (
	"slices"

	"github.com/weftlab/weft/checks/sched"
)

// A strategy decides how the goroutines of an execution interleave. Each
// strategy lives in a file of its own: stress.go (real cores), and the
// controlled ones, which run one goroutine at a time under a
// sched.Controller and differ only in their sched.Chooser: randomwalk.go,
// pct.go, bounded.go, and the replay of a recorded schedule in schedule.go.
// portfolio.go runs the controlled ones in one worker process per core.
type strategy interface {
	// scenario starts the executions of a new scenario.
	scenario(sc scenario)
	// execute runs the scenario once, seeded with seed.
	execute(x *executor, seed uint64) *execution
	// exhausted reports that further executions of the scenario cannot find
	// anything new: bounded search has tried every schedule in its bound.
	exhausted() bool
}

// A chooserSource makes the sched.Chooser of each controlled execution,
// and learns from the executions that ran.
type chooserSource interface {
	chooser(seed uint64) sched.Chooser
	observe(c *controlInfo)
}

// controlled is the strategy of a chooserSource: a controlled execution per
// seed.
type controlled struct {
	name  string
	src   chooserSource
	sc    scenario
	steps int // scheduling points of every execution so far, for benchmarks
}

func (s *controlled) scenario(sc scenario) {
	s.sc = sc
	if b, ok := s.src.(interface{ reset() }); ok {
		b.reset()
	}
}

func (s *controlled) execute(x *executor, seed uint64) *execution {
	ch := s.src.chooser(seed)
	if x.cfg.obstructionFree {
		ch = newSolo(ch, seed)
	}
	e := x.executeControlled(s.sc, seed, s.name, ch)
	s.src.observe(e.control)
	if e.control != nil {
		s.steps += e.control.steps
	}
	return e
}

func (s *controlled) exhausted() bool {
	b, ok := s.src.(interface{ done() bool })
	return ok && b.done()
}

// strategies maps the names Options.Strategy accepts to their constructors.
var strategies = map[string]func(cfg config) strategy{
	"stress":       func(config) strategy { return &stress{perturb: true} },
	"stress-plain": func(config) strategy { return &stress{perturb: false} },
	"stress+race":  func(config) strategy { return newRaceStress() },
	"random":       func(config) strategy { return &controlled{name: "random", src: randomWalk{}} },
	"pct":          func(cfg config) strategy { return &controlled{name: "pct", src: newPCT(cfg.maxSteps / 10)} },
	"bounded": func(cfg config) strategy {
		return &controlled{name: "bounded", src: newBounded(cfg.preemptions)}
	},
}

// portfolio is resolved by run, which starts workers instead of executing;
// a strategy is still registered so that the name validates.
func init() {
	strategies["portfolio"] = func(cfg config) strategy { return strategies["pct"](cfg) }
}

func strategyNames() []string {
	names := make([]string, 0, len(strategies))
	for n := range strategies {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
