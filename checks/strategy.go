package checks

import (
	"slices"

	"github.com/weftlab/weft/checks/sched"
)

// A strategy decides how the goroutines of an execution interleave. Each
// strategy lives in a file of its own (stress.go); the controlled strategies
// (random walk, PCT, bounded search, replay) join them behind this
// interface.
type strategy interface {
	// execution returns the scheduler of one execution, seeded with seed.
	execution(seed uint64) executionScheduler
}

// executionScheduler is a strategy's hold on one execution: the
// sched.Scheduler installed while it runs, plus the hooks the executor calls.
type executionScheduler interface {
	sched.Scheduler
	// pacer returns what a client calls just before each of its operations.
	// It is called before the clients start; each client owns its pacer.
	pacer(client int) func()
	// goroutinePanics returns the panics recovered in goroutines the
	// structure started with sched.Go.
	goroutinePanics() []PanicInfo
}

// strategies maps the names Options.Strategy accepts to their constructors.
var strategies = map[string]func() strategy{
	"stress":       func() strategy { return stress{perturb: true} },
	"stress-plain": func() strategy { return stress{perturb: false} },
}

func strategyNames() []string {
	names := make([]string, 0, len(strategies))
	for n := range strategies {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
