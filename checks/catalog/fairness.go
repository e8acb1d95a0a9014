package catalog

import (
	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/fairness"
	"github.com/weftlab/weft/models"
)

// starvationOnlyControlled is why the unfair locks are only checked under
// control: counting bypasses needs to know which goroutine waits and which
// takes the lock, which only the controller knows.
const starvationOnlyControlled = "counting how often a waiter is bypassed needs the controller's goroutine identities"

var fairnessEntries = []Entry{
	entry("11", checks.Ok, checks.Structure[*fairness.Counter, models.CounterInput, models.CounterOutput]{
		Name: "fairness/ticket-lock", Model: models.Counter,
		New: fairness.NewTicketCounter, Ops: singleCounterOps[*fairness.Counter](),
	}),
	withOptions(checks.Options{OpsPerClient: 10}, // room to pass a waiter more than the bound
		onlyControlled(starvationOnlyControlled,
			entry("11", checks.Starvation, checks.Structure[*fairness.Counter, models.CounterInput, models.CounterOutput]{
				Name: "fairness/test-and-set", Model: models.Counter,
				New: fairness.NewTASCounter, Ops: singleCounterOps[*fairness.Counter](),
			}))),
	entry("11", checks.Ok, checks.Structure[*fairness.Register, models.RegisterInput, models.RegisterOutput]{
		Name: "fairness/fair-rw", Model: models.Register,
		New: fairness.NewFairRegister, Ops: registerOps[*fairness.Register](),
	}),
	missedBy("random", "a random walk lets the waiting writer in at each gap between readers with probability about 1/2, so it almost never sees one reader pass it seven times; PCT's priorities keep the writer waiting",
		withOptions(checks.Options{OpsPerClient: 10}, // room for readers to overlap past the bound
			onlyControlled(starvationOnlyControlled,
				entry("11", checks.Starvation, checks.Structure[*fairness.Register, models.RegisterInput, models.RegisterOutput]{
					Name: "fairness/reader-preferring", Model: models.Register,
					New: fairness.NewReaderPreferringRegister, Ops: registerOps[*fairness.Register](),
				})))),
}

// missedBy records that strategy is not expected to catch e, and why.
func missedBy(strategy, why string, e Entry) Entry {
	if e.Misses == nil {
		e.Misses = map[string]string{}
	}
	e.Misses[strategy] = why
	return e
}
