package catalog

import (
	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/casref"
	"github.com/weftlab/weft/impls/counter"
	"github.com/weftlab/weft/impls/fairness"
	"github.com/weftlab/weft/impls/treiber"
	"github.com/weftlab/weft/models"
)

// lockFreeEntries check obstruction freedom; their structures are those of
// other entries, checked there for the rest.
var lockFreeEntries = []Entry{
	entry("10.3", checks.Ok, "lockfree/treiber-gc", models.Stack, zero[treiber.Stack[int]], stackOps).ObstructionFree(),
	entry("9.4", checks.Ok, "lockfree/casref", models.Register, zero[casref.Ref[int]], referenceOps).ObstructionFree(),
	entry("9.4", checks.Ok, "lockfree/atomic-counter", models.Counter, zero[counter.AtomicCounter], singleCounterOps).ObstructionFree(),
	entry("11", checks.NotObstructionFree, "lockfree/spin-lock-counter", models.Counter, fairness.NewTASCounter, singleCounterOps).
		ObstructionFree(),
}
