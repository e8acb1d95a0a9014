package catalog_test

import (
	"testing"

	"go.uber.org/goleak"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/catalog"
	"github.com/weftlab/weft/checks/internal/israce"
	"github.com/weftlab/weft/internal/tools"
)

// TestCatalog checks every entry: correct versions must pass every
// execution, broken ones must be caught with their expected verdict.
func TestCatalog(t *testing.T) {
	for _, e := range catalog.All() {
		t.Run(subtestName("", e), func(t *testing.T) {
			opts, expect := passOptions(t, e, 1), e.Expect
			if e.Racy {
				// Its race is caught as such by stress+race, which runs
				// stress executions in a child process under the race
				// detector; in this binary, under -race, it would abort.
				strategy, controlled, err := tools.StrategyOf(opts.Strategy)
				if err != nil {
					t.Fatal(err)
				}
				if strategy == "stress+race" || israce.Enabled && !controlled {
					opts.Strategy, expect = "stress+race", e.RaceExpect()
					t.Setenv("WEFT_STRATEGY", "stress+race") // which beats Options
				}
			}
			if expect == checks.Ok {
				// A correct structure also ends every goroutine it starts.
				defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
				checks.Check(t, e.Target, opts)
			} else {
				checks.Expect(t, e.Target, expect, opts)
			}
		})
	}
}

// controlledStrategies are the strategies TestCatalogControlled runs every
// entry under (the members of the portfolio): they replay exactly, so they
// must catch every broken variant too.
var controlledStrategies = []string{"random", "pct", "bounded"}

// TestCatalogControlled checks every entry under each controlled strategy:
// correct versions pass, broken ones are caught with their verdict. The
// strategies share one pass's total time.
func TestCatalogControlled(t *testing.T) {
	forgetDetections()
	for _, strategy := range controlledStrategies {
		for _, e := range catalog.All() {
			t.Run(subtestName(strategy, e), func(t *testing.T) {
				if why, ok := e.Misses[strategy]; ok {
					t.Skip("not expected to catch it: " + why)
				}
				if e.Expect != checks.Ok {
					detect(t, e, strategy)
					return
				}
				defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
				opts := passOptions(t, e, len(controlledStrategies))
				opts.Strategy = strategy
				checks.Check(t, e.Target, opts)
			})
		}
	}
}

// TestSequential runs rapid's state-machine test of every variant against
// its model. Broken variants pass it too: their bugs need concurrency.
func TestSequential(t *testing.T) {
	for _, e := range catalog.All() {
		t.Run(subtestName("", e), func(t *testing.T) {
			if e.NotSequential != "" {
				t.Skip(e.NotSequential)
			}
			checks.Sequential(t, e.Target, e.Options)
		})
	}
}
