package hist

import (
	"cmp"
	"math"
	"slices"

	"github.com/anishathalye/porcupine"
)

// NextCandidates returns, in the order of their calls, the operations of
// part not yet linearized (done reports those that are) that could be
// linearized next: those called before every other remaining operation
// returned. One called after another remaining one returned must follow
// it, so it cannot come next.
func NextCandidates(part []porcupine.Operation, done func(porcupine.Operation) bool) []porcupine.Operation {
	var rest []porcupine.Operation
	firstReturn := int64(math.MaxInt64)
	for _, op := range part {
		if !done(op) {
			rest = append(rest, op)
			firstReturn = min(firstReturn, op.Return)
		}
	}
	slices.SortStableFunc(rest, func(a, b porcupine.Operation) int { return cmp.Compare(a.Call, b.Call) })
	return slices.DeleteFunc(rest, func(op porcupine.Operation) bool { return op.Call >= firstReturn })
}
