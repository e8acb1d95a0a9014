package checks

import (
	"fmt"
	"strings"

	"github.com/weftlab/weft/checks/internal/engine"
)

// A strategy decides how the goroutines of an execution interleave. Each
// strategy is one file holding its descriptor, and one entry of
// strategyTable: stress.go (real cores, with and without perturbation),
// the controlled ones, which run one goroutine at a time under a
// engine.Controller and differ only in their chooserSource (randomwalk.go,
// pct.go, bounded.go), and portfolio.go, which runs controlled members in
// one worker process per core. The replay of a recorded schedule
// (schedule.go) and the obstruction-freedom check (obstruction.go) are
// chooser sources too, but not strategies a user names.
type strategy interface {
	// scenario starts the executions of a new scenario.
	scenario(sc scenario)
	// execute runs the scenario once, seeded with seed.
	execute(x *executor, seed uint64) *execution
	// exhausted reports that further executions of the scenario cannot find
	// anything new: bounded search has tried every schedule in its bound.
	exhausted() bool
	// close releases what the strategy keeps across scenarios: a child
	// process.
	close()
}

// A strategyDesc is what the harness knows of a strategy: everything that
// differs between strategies is here, so that the harness tests fields,
// never names.
type strategyDesc struct {
	name  string
	about string // a phrase for the flag's usage
	// controlled strategies run one goroutine at a time under a controller:
	// they replay exactly and can freeze goroutines (Options.ObstructionFree).
	controlled bool
	// perScenario is how many executions one scenario gets at most.
	perScenario func(cfg config) int
	// enumerates marks a strategy that searches a scenario's schedules in
	// a fixed order rather than drawing them: every scenario of a program
	// is the same, so a program gets its first scenario searched to its
	// end (or the budget), where new scenarios would search the same
	// schedules again.
	enumerates bool
	// members, when set, makes the strategy a portfolio: one worker process
	// per core, each running the check with these strategies in turn.
	members []*strategyDesc
	// make returns the strategy for the executions of one check. A portfolio
	// has none: in one process (a replay) it runs as its first member.
	make func(cfg config) strategy
}

// strategyTable lists the strategies Options.Strategy accepts, the default
// first.
var strategyTable = []*strategyDesc{stressStrategy, stressPlainStrategy, raceStressStrategy, randomStrategy, pctStrategy, boundedStrategy, portfolioStrategy}

func executionsPerScenario(cfg config) int { return cfg.executions }

// lookupStrategy returns the strategy named name.
func lookupStrategy(name string) (*strategyDesc, error) {
	for _, d := range strategyTable {
		if d.name == name {
			return d, nil
		}
	}
	return nil, fmt.Errorf("unknown strategy %q (want one of %v)", name, strategyNames())
}

// desc returns the strategy of a validated configuration.
func (c config) desc() *strategyDesc {
	d, err := lookupStrategy(c.strategy)
	if err != nil {
		panic("weft: " + err.Error()) // validate rejects it first
	}
	return d
}

// newStrategy returns the strategy that executes d in this process.
func (d *strategyDesc) newStrategy(cfg config) strategy {
	for len(d.members) > 0 {
		d = d.members[0]
	}
	return d.make(cfg)
}

func strategyNames() []string {
	names := make([]string, len(strategyTable))
	for i, d := range strategyTable {
		names[i] = d.name
	}
	return names
}

// strategyUsage is the usage of the strategy flag: every strategy, with
// what it does.
func strategyUsage() string {
	var parts []string
	for _, d := range strategyTable {
		about := d.about
		if d.members != nil {
			var members []string
			for _, m := range d.members {
				members = append(members, m.name)
			}
			about += ": " + strings.Join(members, ", ")
		}
		parts = append(parts, d.name+" ("+about+")")
	}
	return "how executions interleave: " + strings.Join(parts, ", ") + "; default " + strategyTable[0].name
}

// controlledNames lists the strategies that run under a controller.
func controlledNames() []string {
	var names []string
	for _, d := range strategyTable {
		if d.controlled {
			names = append(names, d.name)
		}
	}
	return names
}

// A chooserSource is a controlled strategy: it makes the engine.Chooser of
// each controlled execution, and learns from the executions that ran.
type chooserSource interface {
	// reset starts a new scenario: what the source learned about the last
	// one does not hold for it (Shuttle's new_execution).
	reset()
	// chooser returns the chooser of the next execution.
	chooser(seed uint64) engine.Chooser
	// observe tells the source how the execution of its last chooser went.
	observe(c *controlInfo)
	// exhausted reports that the source has no schedule of the scenario
	// left to try.
	exhausted() bool
}

// controlled is the strategy of a chooserSource: a controlled execution per
// seed.
type controlled struct {
	name  string
	src   chooserSource
	sc    scenario
	steps int // scheduling points of every execution so far, for benchmarks
}

// newControlled returns the strategy of src, checking obstruction-freedom
// too when cfg asks for it.
func newControlled(name string, src chooserSource, cfg config) *controlled {
	if cfg.obstructionFree {
		src = soloSource{src}
	}
	return &controlled{name: name, src: src}
}

func (s *controlled) scenario(sc scenario) {
	s.sc = sc
	s.src.reset()
}

func (s *controlled) execute(x *executor, seed uint64) *execution {
	e := x.executeControlled(s.sc, seed, s.name, s.src.chooser(seed))
	s.src.observe(e.control)
	if e.control != nil {
		s.steps += e.control.steps
	}
	return e
}

func (s *controlled) exhausted() bool { return s.src.exhausted() }
func (s *controlled) close()          {}
