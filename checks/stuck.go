package checks

import (
	"cmp"
	"slices"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/internal/hist"
)

// stuckInfo explains a history that is not linearizable: the longest order
// of its operations that the model accepts (from porcupine's partial
// linearizations), the model state after it, and why none of the operations
// that could come next fits.
type stuckInfo struct {
	key   string // partition key; "" when the model has no partitions
	order []int  // record indices, in the accepted order
	state string
	next  []stuckCandidate
	total int // operations in the partition
}

type stuckCandidate struct {
	rec int
	why string
}

// explainStuck finds the first partition whose longest partial
// linearization is incomplete and explains it; nil if there is none.
func (tg *target) explainStuck(history []record, ops []porcupine.Operation, info porcupine.LinearizationInfo) *stuckInfo {
	pm := tg.checker
	parts := [][]porcupine.Operation{ops}
	if pm.Partition != nil {
		parts = pm.Partition(ops)
	}
	partials := info.PartialLinearizationsOperations()
	for p, part := range parts {
		if p >= len(partials) {
			break
		}
		// Of the longest legal orders, the first by record index: porcupine
		// lists them in no fixed order, and a replay must explain its
		// failure the same way.
		var longest []porcupine.Operation
		for _, l := range partials[p] {
			if len(l) > len(longest) || len(l) == len(longest) && slices.CompareFunc(l, longest, byRecord) < 0 {
				longest = l
			}
		}
		if len(longest) == len(part) {
			continue
		}
		s := &stuckInfo{total: len(part)}
		if tg.model.partitionKey != nil && len(part) > 0 {
			s.key = tg.model.partitionKey(part[0].Input.(*checkCall).in)
		}
		state := pm.Init()
		in := map[int]bool{}
		for _, op := range longest {
			_, state = pm.Step(state, op.Input, op.Output)
			s.order = append(s.order, op.Metadata.(int))
			in[op.Metadata.(int)] = true
		}
		s.state = pm.DescribeState(state)

		for _, op := range hist.NextCandidates(part, func(op porcupine.Operation) bool { return in[op.Metadata.(int)] }) {
			s.next = append(s.next, stuckCandidate{rec: op.Metadata.(int), why: tg.whyNot(pm, state, op)})
		}
		return s
	}
	return nil
}

// whyNot says why op cannot come next in state.
func (tg *target) whyNot(pm porcupine.Model, state any, op porcupine.Operation) string {
	if ok, _ := pm.Step(state, op.Input, op.Output); ok {
		return "fits here, but then no order of the remaining calls does"
	}
	return tg.model.explain(state, op.Input.(*checkCall).in, op.Output)
}

func byRecord(a, b porcupine.Operation) int { return cmp.Compare(a.Metadata.(int), b.Metadata.(int)) }
