package catalog

import (
	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/casref"
	"github.com/weftlab/weft/impls/counter"
	"github.com/weftlab/weft/impls/fairness"
	"github.com/weftlab/weft/impls/treiber"
	"github.com/weftlab/weft/models"
)

// lockFree marks e as an obstruction-freedom check: every operation run
// alone, from wherever the schedule froze the others, must finish. The
// structures are those of other entries, checked there for the rest.
func lockFree(e Entry) Entry {
	e.Options.ObstructionFree = true
	e.OnlyControlled = "the obstruction-freedom check freezes every goroutine but one, which only the controller can"
	e.NotSequential = "the structure's own entry runs its sequential test"
	return e
}

var lockFreeEntries = []Entry{
	lockFree(entry("10.3", checks.Ok, checks.Structure[*treiber.Stack[int], models.StackInput, models.StackOutput]{
		Name: "lockfree/treiber-gc", Model: models.Stack,
		New: func() *treiber.Stack[int] { return new(treiber.Stack[int]) }, Ops: stackOps[*treiber.Stack[int]](),
	})),
	lockFree(entry("9.4", checks.Ok, checks.Structure[*casref.Ref[int], models.RegisterInput, models.RegisterOutput]{
		Name: "lockfree/casref", Model: models.Register,
		New: func() *casref.Ref[int] { return new(casref.Ref[int]) }, Ops: referenceOps[*casref.Ref[int]](),
	})),
	lockFree(entry("9.4", checks.Ok, checks.Structure[*counter.AtomicCounter, models.CounterInput, models.CounterOutput]{
		Name: "lockfree/atomic-counter", Model: models.Counter,
		New: func() *counter.AtomicCounter { return new(counter.AtomicCounter) }, Ops: singleCounterOps[*counter.AtomicCounter](),
	})),
	lockFree(entry("11", checks.NotObstructionFree, checks.Structure[*fairness.Counter, models.CounterInput, models.CounterOutput]{
		Name: "lockfree/spin-lock-counter", Model: models.Counter,
		New: fairness.NewTASCounter, Ops: singleCounterOps[*fairness.Counter](),
	})),
}
