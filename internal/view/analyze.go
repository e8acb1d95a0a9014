package view

import (
	"cmp"
	"slices"
	"time"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/internal/hist"
)

// An Analysis is what the view shows of a history's check: the verdict,
// the order the checker found in each partition of the calls (complete for
// a linearizable partition, the longest legal one otherwise) with the model
// state after each call, and where linearization gets stuck.
type Analysis struct {
	Result porcupine.CheckResult
	// Partitions is the number of independent partitions the model makes
	// of the calls (1 for a model without Partition).
	Partitions int
	// Orders has the order of every partition of a linearizable history;
	// of a history that is not, only the order of the first partition the
	// checker rejects (see Check).
	Orders []Order
	// Stuck explains the last of Orders for a history that is not
	// linearizable; nil otherwise, and when the checker ran out of time
	// finding the order.
	Stuck *Stuck
	// Incomplete says that the checker ran out of time finding an order
	// to show, after it had reached its verdict.
	Incomplete bool
	// Unjudgeable is the history's Unjudgeable: when set, the checker was
	// not run, since its verdict would mean nothing.
	Unjudgeable string
}

// An Order is a sequence of calls the model accepts, one after the other.
type Order struct {
	// Partition is the partition of the calls it orders, from 0.
	Partition int
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
	// State describes the model state after the order.
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

// Check judges h with its model, giving the checker at most timeout in all
// (0: no limit), and finds the orders the view shows.
//
// The verdict comes from porcupine's plain check. The orders come from its
// verbose check, run on one partition at a time on a copy of the operations
// whose Metadata is each one's index, so that they map back to
// h.Operations. For a history that is not linearizable, only the first
// partition the plain check rejects is checked verbosely: a verbose check
// of a rejected history explores its orders to the end, which can take
// long (tens of seconds on porcupine's kv/c50-bad.txt, against a second),
// and one stuck point is what a reader follows.
func Check(h *hist.History, timeout time.Duration) *Analysis {
	if h.Unjudgeable != "" {
		return &Analysis{Result: porcupine.Unknown, Unjudgeable: h.Unjudgeable}
	}
	deadline := time.Now().Add(timeout)
	// share is a fair share of what is left of the budget for one of n
	// checks still to run, so that one slow partition cannot starve the
	// others (0: no limit).
	share := func(n int) time.Duration {
		if timeout <= 0 {
			return 0
		}
		return max(time.Until(deadline)/time.Duration(n), time.Nanosecond)
	}
	ops := make([]porcupine.Operation, len(h.Operations))
	for i, op := range h.Operations {
		op.Metadata = i
		ops[i] = op
	}
	a := &Analysis{Result: porcupine.CheckOperationsTimeout(h.Model, ops, timeout)}
	if a.Result == porcupine.Unknown {
		return a
	}
	parts := [][]porcupine.Operation{ops}
	if h.Model.Partition != nil {
		parts = h.Model.Partition(ops)
	}
	a.Partitions = len(parts)
	one := h.Model // judges one partition
	one.Partition, one.PartitionEvent = nil, nil
	for p, part := range parts {
		budget := share(len(parts) - p)
		if a.Result == porcupine.Illegal {
			// Find a rejected partition: partitions that the checker
			// accepts, or cannot finish in their share, are passed over.
			if porcupine.CheckOperationsTimeout(one, part, budget) != porcupine.Illegal {
				continue
			}
			budget = share(1)
		}
		res, info := porcupine.CheckOperationsVerbose(one, part, budget)
		if res == porcupine.Unknown {
			// A timed-out check's partial orders prove nothing either way.
			a.Incomplete = true
			if a.Result == porcupine.Illegal {
				break
			}
			continue
		}
		var longest []porcupine.Operation
		// Of the longest orders, the first by index: porcupine lists them
		// in no fixed order, and a view must not change between two runs
		// on the same file.
		for _, partials := range info.PartialLinearizationsOperations() {
			for _, l := range partials {
				if len(l) > len(longest) || len(l) == len(longest) && slices.CompareFunc(l, longest, byIndex) < 0 {
					longest = l
				}
			}
		}
		o := Order{Partition: p, Total: len(part)}
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
		if res == porcupine.Illegal {
			a.Stuck = stuck(h, state, part, in)
			break
		}
	}
	if a.Result == porcupine.Illegal && a.Stuck == nil {
		a.Incomplete = true
	}
	return a
}

// stuck explains why no remaining call of part can follow the order that
// led to state.
func stuck(h *hist.History, state any, part []porcupine.Operation, in map[int]bool) *Stuck {
	s := &Stuck{State: describeState(h.Model, state)}
	for _, op := range hist.NextCandidates(part, func(op porcupine.Operation) bool { return in[op.Metadata.(int)] }) {
		s.Next = append(s.Next, Candidate{Call: op.Metadata.(int), Why: whyNot(h, state, op)})
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
