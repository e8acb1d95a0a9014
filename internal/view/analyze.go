package view

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/internal/hist"
)

// An Analysis is what the view shows of a history's check: the verdict,
// for each partition of the calls the order the checker found (complete
// for a linearizable partition, the longest legal one otherwise) with the
// model state after each call, and where linearization gets stuck.
type Analysis struct {
	Result porcupine.CheckResult
	// Orders has one order per partition of the history (one in all for a
	// model without Partition).
	Orders []Order
	// Stuck is the first partition whose order is incomplete; nil for a
	// linearizable history, and when the checker timed out.
	Stuck *Stuck
	// Unjudgeable is the history's Unjudgeable: when set, the checker was
	// not run, since its verdict would mean nothing.
	Unjudgeable string
}

// An Order is a sequence of calls the model accepts, one after the other.
type Order struct {
	// Calls are indices into History.Operations, in the order found.
	Calls []int
	// States describes the model state after each call of Calls.
	States []string
	// Total is the number of calls of its partition.
	Total int
	// Left are the calls of its partition that Calls does not reach, in
	// the order of the history.
	Left []int
}

// Stuck says why an order cannot go on.
type Stuck struct {
	// Partition indexes Analysis.Orders.
	Partition int
	// State describes the model state after the partition's order.
	State string
	// Next are the calls that could come next (called before every other
	// remaining call returned), each with why it does not fit.
	Next []Candidate
}

// A Candidate is a call that could come next in a stuck order.
type Candidate struct {
	Call int // index into History.Operations
	Why  string
}

// Check judges h with its model, giving the checker at most timeout, and
// finds the orders the view shows. The checker runs on a copy of the
// operations whose Metadata is each one's index, so that the orders map
// back to h.Operations whatever partitions the model makes.
func Check(h *hist.History, timeout time.Duration) *Analysis {
	if h.Unjudgeable != "" {
		return &Analysis{Result: porcupine.Unknown, Unjudgeable: h.Unjudgeable}
	}
	ops := make([]porcupine.Operation, len(h.Operations))
	for i, op := range h.Operations {
		op.Metadata = i
		ops[i] = op
	}
	res, info := porcupine.CheckOperationsVerbose(h.Model, ops, timeout)
	a := &Analysis{Result: res}
	if res == porcupine.Unknown {
		// A timed-out check's partial orders prove nothing either way.
		return a
	}
	parts := [][]porcupine.Operation{ops}
	if h.Model.Partition != nil {
		parts = h.Model.Partition(ops)
	}
	partials := info.PartialLinearizationsOperations()
	for p, part := range parts {
		var longest []porcupine.Operation
		if p < len(partials) {
			// Of the longest orders, the first by index: porcupine lists
			// them in no fixed order, and a view must not change between
			// two runs on the same file.
			for _, l := range partials[p] {
				if len(l) > len(longest) || len(l) == len(longest) && slices.CompareFunc(l, longest, byIndex) < 0 {
					longest = l
				}
			}
		}
		o := Order{Total: len(part)}
		state := h.Model.Init()
		in := map[int]bool{}
		for _, op := range longest {
			_, state = h.Model.Step(state, op.Input, op.Output)
			o.Calls = append(o.Calls, op.Metadata.(int))
			o.States = append(o.States, describeState(h.Model, state))
			in[op.Metadata.(int)] = true
		}
		for _, op := range part {
			if !in[op.Metadata.(int)] {
				o.Left = append(o.Left, op.Metadata.(int))
			}
		}
		a.Orders = append(a.Orders, o)
		if len(longest) < len(part) && a.Stuck == nil && res == porcupine.Illegal {
			a.Stuck = stuck(h, p, state, part, in)
		}
	}
	return a
}

// stuck explains why no remaining call of part can follow the order that
// led to state.
func stuck(h *hist.History, p int, state any, part []porcupine.Operation, in map[int]bool) *Stuck {
	s := &Stuck{Partition: p, State: describeState(h.Model, state)}
	var rest []porcupine.Operation
	firstReturn := int64(math.MaxInt64)
	for _, op := range part {
		if !in[op.Metadata.(int)] {
			rest = append(rest, op)
			firstReturn = min(firstReturn, op.Return)
		}
	}
	slices.SortStableFunc(rest, func(a, b porcupine.Operation) int { return cmp.Compare(a.Call, b.Call) })
	for _, op := range rest {
		// A call that starts after another remaining call returned must
		// follow that one, so it cannot come next.
		if op.Call < firstReturn {
			s.Next = append(s.Next, Candidate{Call: op.Metadata.(int), Why: whyNot(h, state, op)})
		}
	}
	return s
}

// whyNot says why op cannot come next in state, in the model's words when
// it has an Explain.
func whyNot(h *hist.History, state any, op porcupine.Operation) string {
	if ok, _ := h.Model.Step(state, op.Input, op.Output); ok {
		return "fits here, but then no order of the remaining calls does"
	}
	if h.Explain != nil {
		return h.Explain(state, op.Input, op.Output)
	}
	return "the model does not allow this result here"
}

func describeState(m porcupine.Model, state any) string {
	if m.DescribeState == nil {
		return "" // History requires it; a missing one shows nothing rather than panics
	}
	return m.DescribeState(state)
}

func byIndex(a, b porcupine.Operation) int { return cmp.Compare(a.Metadata.(int), b.Metadata.(int)) }
