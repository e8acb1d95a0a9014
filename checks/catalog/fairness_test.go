package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/catalog"
	"github.com/weftlab/weft/checks/internal/engine"
)

// fairLocking are the correct entries whose waits the starvation check
// counts: the fair locks, and structures on sync.Mutex.
var fairLocking = []string{"fairness/ticket-lock", "fairness/fair-rw", "counter/mutex-map", "bank/ordered", "boundedbuffer/cond-for"}

// TestStarvation_DefaultBoundNeverFiresOnFairLocks runs the fair locks and
// the structures built on sync.Mutex under random walk and PCT: the default
// bypass bound must never fire, and the log shows how close each came.
func TestStarvation_DefaultBoundNeverFiresOnFairLocks(t *testing.T) {
	for _, name := range fairLocking {
		boundNeverFires(t, entryNamed(t, name), "bypasses of one waiter by one goroutine", "bypass", engine.DefaultBypassBound)
	}
}

// boundNeverFires checks e under random walk and PCT, with more calls per
// client than the catalog draws so that waiters meet more of the others,
// over fixed seeds, and asserts that the most of what is counted stays
// within bound: the default bound of a progress check never fires on a
// correct structure. The log shows how close it came.
func boundNeverFires(t *testing.T, e catalog.Entry, counted, name string, bound int) {
	scenarios := 200
	if testing.Short() {
		scenarios = 40
	}
	for _, strategy := range []string{"random", "pct"} {
		t.Run(strategy+"/"+e.Name, func(t *testing.T) {
			opts := e.Options
			opts.Strategy, opts.OpsPerClient, opts.Scenarios, opts.Seed = strategy, 10, scenarios, 1
			opts.OutDir = t.TempDir()
			res := checks.Check(t, e.Target, opts)
			require.Contains(t, res.Bounds, name, "a controlled check reports how close it came to every bound")
			reach := res.Bounds[name]
			t.Logf("%s under %s: %d scenarios, %d executions, most %s: %d (bound %d)",
				e.Name, strategy, res.Scenarios, res.Executions, counted, reach.Most, reach.Bound)
			assert.Equal(t, bound, reach.Bound, "the default bound")
			assert.LessOrEqual(t, reach.Most, bound)
		})
	}
}
