package checks

import (
	"math/rand/v2"

	"github.com/weftlab/weft/checks/internal/engine"
)

// randomWalk picks uniformly among the runnable goroutines at every
// scheduling point (Shuttle's RandomScheduler). It is fair with probability
// one, so spin loops end, and it preempts often: good at bugs that need many
// switches, weaker than PCT at those that need a few switches at exact
// places in a long run.
type randomWalk struct{}

var randomStrategy = &strategyDesc{
	name: "random", about: "controlled: a random walk", controlled: true,
	perScenario: executionsPerScenario,
	make:        func(cfg config) strategy { return newControlled("random", randomWalk{}, cfg) },
}

func (randomWalk) reset()          {}
func (randomWalk) exhausted() bool { return false }

func (randomWalk) chooser(seed uint64) engine.Chooser {
	return &randomChooser{r: rand.New(rand.NewPCG(seed, 0x7261_6e64))}
}

func (randomWalk) observe(*controlInfo) {}

type randomChooser struct{ r *rand.Rand }

func (c *randomChooser) Pick(d *engine.Decision) int { return d.Runnable[c.r.IntN(len(d.Runnable))] }
func (c *randomChooser) Choose(n int) int            { return c.r.IntN(n) }
