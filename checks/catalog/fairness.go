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
	entry("11", checks.Ok, "fairness/ticket-lock", models.Counter, fairness.NewTicketCounter, singleCounterOps),
	entry("11", checks.Starvation, "fairness/test-and-set", models.Counter, fairness.NewTASCounter, singleCounterOps).
		OnlyControlled(starvationOnlyControlled).
		WithOptions(checks.Options{OpsPerClient: 10}), // room to pass a waiter more than the bound
	entry("11", checks.Ok, "fairness/fair-rw", models.Register, fairness.NewFairRegister, registerOps),
	entry("11", checks.Starvation, "fairness/reader-preferring", models.Register, fairness.NewReaderPreferringRegister, registerOps).
		OnlyControlled(starvationOnlyControlled).
		WithOptions(checks.Options{OpsPerClient: 10}). // room for readers to overlap past the bound
		MissedBy("random", "a random walk lets the waiting writer in at each gap between readers with probability about 1/2, so it almost never sees one reader pass it seven times; PCT's priorities keep the writer waiting"),
}
