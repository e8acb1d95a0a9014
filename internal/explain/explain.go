// Package explain says why a history is or is not linearizable, in terms a
// student can follow: for a history that is not, the longest legal order
// of its calls that the search found, the model's state after each call,
// and, for every call that could come next, why the model rejects it; for
// a linearizable history, one legal order of all the calls with each
// call's linearization point inside its interval.
//
// The search is porcupine's, bounded by a timeout: a search that does not
// finish says "unknown", never linearizable. Every claim an Explanation
// makes can be checked again against the model with Verify. WriteText
// writes it all; WriteBrief selects from it only where linearization
// gets stuck, for a long history.
package explain

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/internal/hist"
)

// The verdicts of a history and of each of its parts.
const (
	Linearizable    = "linearizable"
	NotLinearizable = "not linearizable"
	Unknown         = "unknown"
)

// An Explanation says why History is or is not linearizable.
type Explanation struct {
	History *hist.History
	// Verdict is Linearizable, NotLinearizable or Unknown: not
	// linearizable if a part is, else unknown if a part's search did not
	// finish or History.Unjudgeable says the history cannot be judged (it
	// then has no parts).
	Verdict string
	// Timeout is the time the search was given for all parts together.
	Timeout time.Duration
	// Parts are the independent parts of the history, one when the model
	// does not partition it: the parts that are not linearizable first,
	// then the unknown ones, then the linearizable ones, each group in the
	// model's order.
	Parts []Part
}

// A Part is one independent part of a history (all of it when the model
// has no Partition) and what the search found in it.
type Part struct {
	// Name heads the part's explanation; "" when the history is one part.
	Name    string
	Verdict string
	// Searched is false for a part the search never started.
	Searched bool
	// Unfinished says, for an unknown part, why its search did not
	// finish: OutOfTime or OtherPartFails.
	Unfinished string
	// Calls are the part's calls, indices into History.Operations, in the
	// order they were called.
	Calls []int
	// Order is a legal order of all the calls for a linearizable part;
	// else the longest legal order the search found.
	Order []Step
	// Next are, for a part that is not linearizable, the calls that could
	// come after Order (no other remaining call returned before they were
	// called), each with why the model rejects it there.
	Next []Candidate
	// Later are the remaining calls that cannot come next, each with a
	// remaining call that returned before it was called.
	Later []Later
}

// A Step is one call of an order.
type Step struct {
	// Call is an index into History.Operations.
	Call int
	// State is the model's state after the call.
	State any
	// Point is the call's linearization point, for a linearizable part: a
	// time inside its interval, no earlier than the points before it.
	Point int64
}

// A Candidate is a call that could come next after a stuck order.
type Candidate struct {
	Call int
	// Why says why the model rejects the call there.
	Why string
	// Allowed is set when the model accepts the call there after all,
	// which a finished search never leaves: Why then says so.
	Allowed bool
}

// A Later is a call that cannot come next after a stuck order.
type Later struct {
	Call int
	// After is a remaining call that returned before Call was called, so
	// must come first.
	After int
}

// Why the search of an unknown part did not finish.
const (
	// OutOfTime: the timeout ended it.
	OutOfTime = "out of time"
	// OtherPartFails: another part is not linearizable, which settles the
	// history's verdict, so the search stopped.
	OtherPartFails = "another part fails"
)

// firstSlot is the time each part's search gets in the first round of the
// search of a partitioned history; each round gives the parts still open
// four times as long as the last. A hard part would otherwise spend the
// whole timeout before an easy part shows the history is not
// linearizable, as porcupine's own check avoids by stopping every part
// when one fails. Parts of small histories finish in the first round, so
// their explanations do not depend on the machine's speed.
const firstSlot = 100 * time.Millisecond

// opIndex marks an operation with its index in History.Operations, through
// Metadata, so that the calls of each part of Model.Partition's split can
// be told apart even when two calls are alike.
type opIndex int

// Explain searches h for a linearization, giving all its parts timeout
// together (timeout must be positive), and explains the outcome. It fails
// only for a model it cannot use, such as a Partition that loses or
// repeats calls.
func Explain(h *hist.History, timeout time.Duration) (*Explanation, error) {
	if timeout <= 0 {
		return nil, errors.New("explain: the timeout must be positive")
	}
	if h.Model.Init == nil || (h.Model.Step == nil && h.Model.StepContext == nil) {
		return nil, errors.New("explain: the history's model has no Init or Step")
	}
	e := &Explanation{History: h, Timeout: timeout}
	if h.Unjudgeable != "" {
		e.Verdict = Unknown
		return e, nil
	}
	parts, err := split(h)
	if err != nil {
		return nil, err
	}
	model := h.Model
	model.Partition, model.PartitionEvent = nil, nil // one part at a time
	for i, calls := range parts {
		p := Part{Calls: calls, Verdict: Unknown, Unfinished: OutOfTime}
		if len(parts) > 1 {
			p.Name = fmt.Sprintf("part %d of %d", i+1, len(parts))
			if h.PartName != nil {
				p.Name = h.PartName(h.Operations[calls[0]].Input)
			}
		}
		e.Parts = append(e.Parts, p)
	}
	fails, err := searchInRounds(h, model, e.Parts, time.Now().Add(timeout))
	if err != nil {
		return nil, err
	}
	for i := range e.Parts {
		if p := &e.Parts[i]; p.Verdict == Unknown && fails {
			p.Unfinished = OtherPartFails
		} else if p.Verdict != Unknown {
			p.Unfinished = ""
		}
	}
	rank := map[string]int{NotLinearizable: 0, Unknown: 1, Linearizable: 2}
	slices.SortStableFunc(e.Parts, func(a, b Part) int { return cmp.Compare(rank[a.Verdict], rank[b.Verdict]) })
	e.Verdict = Linearizable
	if len(e.Parts) > 0 && e.Parts[0].Verdict != Linearizable {
		e.Verdict = e.Parts[0].Verdict
	}
	return e, nil
}

// searchInRounds searches parts with model until deadline, in rounds that
// give each part still open at most firstSlot, then four times as long as
// the round before (a part alone gets all the time left), and reports
// whether a part is not linearizable: the round in which one is found is
// the last.
func searchInRounds(h *hist.History, model porcupine.Model, parts []Part, deadline time.Time) (fails bool, err error) {
	open := make([]int, len(parts)) // the parts whose search has not finished
	for i := range open {
		open[i] = i
	}
	for slot := firstSlot; len(open) > 0 && !fails; slot *= 4 {
		var still []int
		for _, i := range open {
			left := time.Until(deadline)
			if left <= 0 {
				still = append(still, i)
				continue
			}
			if len(open) > 1 {
				left = min(left, slot)
			}
			if err := search(h, model, &parts[i], left); err != nil {
				return false, err
			}
			switch parts[i].Verdict {
			case Unknown:
				still = append(still, i)
			case NotLinearizable:
				fails = true
			}
		}
		if time.Until(deadline) <= 0 {
			break
		}
		open = still
	}
	return fails, nil
}

// split returns the calls of each part of h, as indices into
// h.Operations, each part in call order.
func split(h *hist.History) ([][]int, error) {
	ops := make([]porcupine.Operation, len(h.Operations))
	for i, op := range h.Operations {
		op.Metadata = opIndex(i)
		ops[i] = op
	}
	parts := [][]porcupine.Operation{ops}
	if h.Model.Partition != nil {
		parts = h.Model.Partition(ops)
	}
	seen := make([]bool, len(ops))
	var out [][]int
	for _, part := range parts {
		var calls []int
		for _, op := range part {
			i, ok := op.Metadata.(opIndex)
			if !ok || i < 0 || int(i) >= len(ops) || seen[i] {
				return nil, errors.New("explain: the model's Partition does not keep each call once with its Metadata")
			}
			seen[i] = true
			calls = append(calls, int(i))
		}
		slices.SortFunc(calls, func(a, b int) int {
			return cmp.Or(cmp.Compare(h.Operations[a].Call, h.Operations[b].Call), cmp.Compare(a, b))
		})
		if len(calls) > 0 {
			out = append(out, calls)
		}
	}
	if slices.Contains(seen, false) {
		return nil, errors.New("explain: the model's Partition loses calls")
	}
	return out, nil
}

// search runs porcupine on part p of h with model (unpartitioned) and
// fills in p's verdict, order and, when stuck, what could come next.
func search(h *hist.History, model porcupine.Model, p *Part, timeout time.Duration) error {
	ops := make([]porcupine.Operation, len(p.Calls))
	for j, i := range p.Calls {
		ops[j] = h.Operations[i]
	}
	res, info := porcupine.CheckOperationsVerbose(model, ops, timeout)
	p.Searched, p.Order, p.Next, p.Later = true, nil, nil, nil
	switch res {
	case porcupine.Ok:
		p.Verdict = Linearizable
	case porcupine.Illegal:
		p.Verdict = NotLinearizable
	default:
		p.Verdict = Unknown
	}
	// porcupine numbers a part's calls by their place in ops; its partial
	// orders come from a map, so the longest is picked here, ties broken
	// by the calls' indices, for an explanation that never changes.
	var best []int
	for _, partials := range info.PartialLinearizations() {
		for _, seq := range partials {
			order := make([]int, len(seq))
			for k, j := range seq {
				order[k] = p.Calls[j]
			}
			if len(order) > len(best) || (len(order) == len(best) && slices.Compare(order, best) < 0) {
				best = order
			}
		}
	}
	if p.Verdict == Linearizable && len(best) != len(p.Calls) {
		return fmt.Errorf("explain: porcupine found the part linearizable but gave an order of %d of its %d calls", len(best), len(p.Calls))
	}
	state := model.Init()
	for k, i := range best {
		op := h.Operations[i]
		ok, next := model.Step(state, op.Input, op.Output)
		if !ok {
			return fmt.Errorf("explain: the model rejects call %d of the order porcupine found", k+1)
		}
		state = next
		p.Order = append(p.Order, Step{Call: i, State: state})
	}
	if p.Verdict == Linearizable {
		placePoints(h, p.Order)
	}
	if p.Verdict == NotLinearizable {
		stuck(h, model, p, state)
	}
	return nil
}

// placePoints gives each call of a legal order of all the calls a point
// inside its interval, never before the previous call's, and one tick
// after it where the intervals leave room, so that a student sees the
// calls take effect one after another. It goes forward from each call's
// start, bounded by latest[k], the earliest return among the calls from k
// on: a point beyond it would leave no room for a later call. Such a point
// always exists: in a legal order no call comes after one that returned
// before it was called, so each call starts before every later call
// returns.
func placePoints(h *hist.History, order []Step) {
	latest := make([]int64, len(order))
	for k := len(order) - 1; k >= 0; k-- {
		latest[k] = h.Operations[order[k].Call].Return
		if k+1 < len(order) {
			latest[k] = min(latest[k], latest[k+1])
		}
	}
	for k := range order {
		at := h.Operations[order[k].Call].Call
		if k > 0 && order[k-1].Point+1 > at && order[k-1].Point < math.MaxInt64 {
			at = order[k-1].Point + 1
		}
		order[k].Point = min(at, latest[k])
	}
}

// stuck fills in, for a part stuck in state after p.Order, the calls that
// could come next and why the model rejects each, and the calls that
// cannot come next yet.
func stuck(h *hist.History, model porcupine.Model, p *Part, state any) {
	done := make(map[int]bool, len(p.Order))
	for _, s := range p.Order {
		done[s.Call] = true
	}
	var remaining []int
	for _, i := range p.Calls {
		if !done[i] {
			remaining = append(remaining, i)
		}
	}
	// A call must wait when another remaining call returned before it was
	// called; the one named is the remaining call that returned first
	// (ties: the lower index).
	byReturn := slices.Clone(remaining)
	slices.SortFunc(byReturn, func(a, b int) int {
		return cmp.Or(cmp.Compare(h.Operations[a].Return, h.Operations[b].Return), cmp.Compare(a, b))
	})
	for _, i := range remaining {
		op := h.Operations[i]
		after := byReturn[0]
		if after == i {
			after = -1
			if len(byReturn) > 1 {
				after = byReturn[1]
			}
		}
		if after >= 0 && h.Operations[after].Return < op.Call {
			p.Later = append(p.Later, Later{Call: i, After: after})
			continue
		}
		c := Candidate{Call: i}
		if ok, next := model.Step(state, op.Input, op.Output); ok {
			c.Allowed = true
			c.Why = fmt.Sprintf("the model allows it here (state after it: %s), but the search did not continue with it",
				describeState(h, next))
		} else if h.Explain != nil {
			c.Why = h.Explain(state, op.Input, op.Output)
		} else {
			c.Why = fmt.Sprintf("the model, in state %s, does not allow %s", describeState(h, state), describeCall(h, i))
		}
		p.Next = append(p.Next, c)
	}
}

// describeState describes a state of h's model.
func describeState(h *hist.History, state any) string {
	if h.Model.DescribeState != nil {
		return h.Model.DescribeState(state)
	}
	return fmt.Sprintf("%v", state)
}

// describeCall describes call i of h with its result, such as
// "get(x) → 1".
func describeCall(h *hist.History, i int) string {
	op := h.Operations[i]
	if h.Model.DescribeOperation != nil {
		return h.Model.DescribeOperation(op.Input, op.Output)
	}
	return fmt.Sprintf("%v → %v", op.Input, op.Output)
}

// client labels the client of call i, as History.Clients does.
func client(h *hist.History, i int) string {
	id := h.Operations[i].ClientId
	if id >= 0 && id < len(h.Clients) && h.Clients[id] != "" {
		return h.Clients[id]
	}
	return fmt.Sprintf("client %d", id)
}
