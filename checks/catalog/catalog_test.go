package catalog_test

import (
	"os"
	"testing"

	"go.uber.org/goleak"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/catalog"
	"github.com/weftlab/weft/checks/internal/israce"
)

// TestCatalog checks every entry: correct versions must pass every
// execution, broken ones must be caught with their expected verdict.
func TestCatalog(t *testing.T) {
	for _, e := range catalog.All() {
		t.Run(subtestName("", e), func(t *testing.T) {
			if e.Racy && israce.Enabled {
				if path := os.Getenv("WEFT_SUMMARY"); path != "" {
					_ = checks.AppendSummaryRow(path, checks.SummaryRow{Test: t.Name(), Structure: e.Name,
						Mode: "stress+race", Expected: e.Expect, Actual: "skipped", Note: "data race by design: the race detector aborts on it"})
				}
				t.Skip("a data race by design: the race detector would abort the test binary")
			}
			opts := passOptions(t, e, 1)
			if e.Expect == checks.Ok {
				// A correct structure also ends every goroutine it starts.
				defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
				checks.Check(t, e.Target, opts)
			} else {
				checks.Expect(t, e.Target, e.Expect, opts)
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
