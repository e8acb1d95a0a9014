package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/catalog"
	"github.com/weftlab/weft/checks/sched"
)

// TestPriority_DefaultBoundNeverFiresWithInheritance runs the priority
// system with inheritance under random walk and PCT, with more calls per
// client than the catalog draws so that tasks arrive during more waits,
// over fixed seeds: the default inversion bound must never fire, and the
// log shows how close it came.
func TestPriority_DefaultBoundNeverFiresWithInheritance(t *testing.T) {
	scenarios := 200
	if testing.Short() {
		scenarios = 40
	}
	for _, e := range catalog.All() {
		if e.Name != "priority/inheritance" {
			continue
		}
		for _, strategy := range []string{"random", "pct"} {
			t.Run(strategy, func(t *testing.T) {
				opts := e.Options
				opts.Strategy, opts.OpsPerClient, opts.Scenarios, opts.Seed = strategy, 10, scenarios, 1
				opts.OutDir = t.TempDir()
				res := checks.Check(t, e.Target, opts)
				t.Logf("%s under %s: %d scenarios, %d executions, most inversion steps by one goroutine in one wait: %d (bound %d)",
					e.Name, strategy, res.Scenarios, res.Executions, res.MaxInversion, sched.DefaultInversionBound)
				assert.LessOrEqual(t, res.MaxInversion, sched.DefaultInversionBound)
			})
		}
	}
}
