package checks

import (
	"fmt"
	"strings"

	"github.com/weftlab/weft/checks/internal/engine"
)

// PotentialDeadlock: in a controlled execution, locks were taken in orders
// that form a cycle (A then B in one goroutine, B then A in another; or
// longer), even though this execution did not stop: another interleaving
// can deadlock. The report shows every edge of the cycle with where each
// lock was taken. An actual Deadlock satisfies an expectation of
// PotentialDeadlock. Options.IgnoreLockOrder turns the check off.
const PotentialDeadlock Verdict = "potential deadlock"

var lockOrder = &property{
	verdict: PotentialDeadlock,
	explain: "Locks were taken in inconsistent orders: this execution went through, but another interleaving of the same calls (or program) can deadlock.",
	collect: func(ctl *engine.Controller, _ engine.Chooser, cfg *config) any {
		if cfg.ignoreLockOrder {
			return nil
		}
		if cycle := ctl.LockOrderCycle(); cycle != nil {
			return cycle
		}
		return nil
	},
	section: func(b *strings.Builder, _ *runner, f *failure) {
		cycle, _ := f.found(PotentialDeadlock).([]engine.LockEdge)
		if len(cycle) == 0 || f.exec.control.outcome == engine.Deadlock {
			return // a deadlock shows its own cycle
		}
		fmt.Fprintf(b, "\nPotential deadlock: the locks were taken in orders that form a cycle of %d. This execution went through, but goroutines that reach these acquisitions together each hold a lock the next one waits for:\n", len(cycle))
		for _, e := range cycle {
			fmt.Fprintf(b, "  %s took %s at %s\n    while holding %s, taken at %s\n", e.Goroutine, e.To, e.ToSite, e.From, e.FromSite)
		}
	},
}
