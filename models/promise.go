package models

import (
	"fmt"
	"strings"
)

// MaxPromises is the most promises a [Promises] model holds.
const MaxPromises = 3

// PromiseOp is an operation on a [Promises] model.
type PromiseOp uint8

// The operations of a [Promises] model. Resolve, reject, await, then and
// timeout name one promise by its Index; all, all-settled, any and race
// combine every promise of the model, in index order.
const (
	PromiseAwait      PromiseOp = iota // wait for the promise to settle
	PromiseResolve                     // fulfil it with Value, unless settled
	PromiseReject                      // reject it with reason Value, unless settled
	PromiseThen                        // wait for then(v → v + ThenOffset)
	PromiseTimeout                     // wait, or give up while it is pending
	PromiseAll                         // every value, or a rejection
	PromiseAllSettled                  // every outcome
	PromiseAny                         // a value, or every reason
	PromiseRace                        // an outcome
)

var promiseOps = opCodec[PromiseOp]{"await", "resolve", "reject", "then", "timeout", "all", "all-settled", "any", "race"}

func (op PromiseOp) String() string               { return promiseOps.name(op) }
func (op PromiseOp) MarshalText() ([]byte, error) { return []byte(op.String()), nil }
func (op *PromiseOp) UnmarshalText(b []byte) error {
	v, err := promiseOps.parse(b)
	*op = v
	return err
}

// ThenOffset is what the then operation adds to a fulfilled value: the
// callback of then(p, v → v + ThenOffset), chosen so that a result of then
// never reads as a value a promise was resolved with.
const ThenOffset = 100

// PromiseStatus is how a promise stands, or how an operation that waited
// ended.
type PromiseStatus uint8

// The statuses of a promise. Pending, as an operation's result, means that
// it timed out.
const (
	Pending PromiseStatus = iota
	Fulfilled
	Rejected
)

var promiseStatuses = opCodec[PromiseStatus]{"pending", "fulfilled", "rejected"}

func (s PromiseStatus) String() string               { return promiseStatuses.name(s) }
func (s PromiseStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
func (s *PromiseStatus) UnmarshalText(b []byte) error {
	v, err := promiseStatuses.parse(b)
	*s = v
	return err
}

// PromiseOutcome is a settled promise's outcome: its value, or its
// rejection's reason.
type PromiseOutcome struct {
	Status PromiseStatus `json:"status,omitempty"`
	Value  int           `json:"value,omitempty"`
}

func (o PromiseOutcome) String() string {
	switch o.Status {
	case Fulfilled:
		return fmt.Sprint(o.Value)
	case Rejected:
		return fmt.Sprintf("rejected(%d)", o.Value)
	default:
		return "pending"
	}
}

// PromiseInput is a call on a [Promises] model.
type PromiseInput struct {
	Op    PromiseOp `json:"op"`
	Index int       `json:"index,omitempty"`
	Value int       `json:"value,omitempty"`
}

// PromiseOutput is what a call on a [Promises] model returns: OK for
// resolve and reject (this call settled the promise); Outcome for the
// calls that wait (a timeout's is Pending; all's is Fulfilled when every
// value came, with the values in Outcomes, or the rejection; any's is
// Rejected when every input was, with the reasons in Outcomes); Outcomes for
// all-settled, one per promise in index order.
type PromiseOutput struct {
	OK       bool                        `json:"ok,omitempty"`
	Outcome  PromiseOutcome              `json:"outcome,omitzero"`
	Outcomes [MaxPromises]PromiseOutcome `json:"outcomes,omitzero"`
}

// PromiseState is the state of a [Promises] model: each promise's outcome,
// Pending until it settles.
type PromiseState struct {
	N     int
	Slots [MaxPromises]PromiseOutcome
}

// Promises specifies n one-shot registers, the promises of guide section 5
// (n at most [MaxPromises]). Each starts pending; the first resolve or
// reject settles it for good and reports OK, and every later one reports
// !OK and changes nothing. Await waits until the promise is settled and
// returns its outcome, so every awaiter sees the same one; then waits too,
// and returns the value plus [ThenOffset], or the same rejection; timeout
// returns the outcome, or Pending if it takes effect while the promise is
// pending.
//
// The combinators read every promise at one instant: all waits until every
// promise is fulfilled (their values in index order) or one is rejected (a
// rejected one's reason); all-settled until every promise is settled; any
// until one is fulfilled (a fulfilled one's value) or every one is rejected
// (every reason); race until one is settled (a settled one's outcome).
// When several promises qualify at that instant, any of them is legal:
// which settlement reaches a combinator first is a race between the
// settling goroutines, which no observer of the results can order. Apply,
// which predicts one result, picks the lowest index.
func Promises(n int) Model[PromiseState, PromiseInput, PromiseOutput] {
	if n < 1 || n > MaxPromises {
		panic(fmt.Sprintf("models: Promises(%d): want 1 to %d promises", n, MaxPromises))
	}
	name := "promise"
	if n > 1 {
		name = fmt.Sprintf("promises(%d)", n)
	}
	return Model[PromiseState, PromiseInput, PromiseOutput]{
		Name:              name,
		Init:              func() PromiseState { return PromiseState{N: n} },
		Apply:             applyPromise,
		Step:              stepPromise,
		Blocks:            promiseBlocks,
		DescribeInput:     describePromiseInput,
		DescribeOperation: describePromiseOperation,
		DescribeState:     describePromiseState,
	}
}

// count returns how many promises are fulfilled and rejected.
func (s PromiseState) count() (fulfilled, rejected int) {
	for _, o := range s.Slots[:s.N] {
		switch o.Status {
		case Fulfilled:
			fulfilled++
		case Rejected:
			rejected++
		}
	}
	return fulfilled, rejected
}

func promiseBlocks(s PromiseState, in PromiseInput) bool {
	fulfilled, rejected := s.count()
	switch in.Op {
	case PromiseAwait, PromiseThen:
		return s.Slots[in.Index].Status == Pending
	case PromiseAll:
		return fulfilled < s.N && rejected == 0
	case PromiseAllSettled:
		return fulfilled+rejected < s.N
	case PromiseAny:
		return fulfilled == 0 && rejected < s.N
	case PromiseRace:
		return fulfilled+rejected == 0
	default:
		return false
	}
}

// first returns the lowest index whose promise has status st, or -1.
func (s PromiseState) first(st PromiseStatus) int {
	for i, o := range s.Slots[:s.N] {
		if o.Status == st {
			return i
		}
	}
	return -1
}

// applyPromise is the model's prediction; where several results are legal
// (see Promises), it picks the one of the lowest index.
func applyPromise(s PromiseState, in PromiseInput) (PromiseOutput, PromiseState) {
	var out PromiseOutput
	switch in.Op {
	case PromiseResolve, PromiseReject:
		if s.Slots[in.Index].Status != Pending {
			return out, s
		}
		st := Fulfilled
		if in.Op == PromiseReject {
			st = Rejected
		}
		s.Slots[in.Index] = PromiseOutcome{Status: st, Value: in.Value}
		out.OK = true
	case PromiseAwait, PromiseTimeout:
		out.Outcome = s.Slots[in.Index]
	case PromiseThen:
		out.Outcome = s.Slots[in.Index]
		if out.Outcome.Status == Fulfilled {
			out.Outcome.Value += ThenOffset
		}
	case PromiseAll:
		if i := s.first(Rejected); i >= 0 {
			out.Outcome = s.Slots[i]
		} else {
			out.Outcome.Status = Fulfilled
			out.Outcomes = s.Slots
		}
	case PromiseAllSettled:
		out.Outcomes = s.Slots
	case PromiseAny:
		if i := s.first(Fulfilled); i >= 0 {
			out.Outcome = s.Slots[i]
		} else {
			out.Outcome.Status = Rejected
			out.Outcomes = s.Slots
		}
	case PromiseRace:
		for _, o := range s.Slots[:s.N] {
			if o.Status != Pending {
				out.Outcome = o
				break
			}
		}
	}
	return out, s
}

// stepPromise accepts what applyPromise predicts and, for the combinators
// that pick one promise among several, the outcome of any promise that
// qualifies.
func stepPromise(s PromiseState, in PromiseInput, out PromiseOutput) (bool, PromiseState) {
	if promiseBlocks(s, in) {
		return false, s
	}
	want, next := applyPromise(s, in)
	if out == want {
		return true, next
	}
	var picked PromiseStatus
	switch in.Op {
	case PromiseAll:
		picked = Rejected // any rejected promise's reason
	case PromiseAny:
		picked = Fulfilled // any fulfilled promise's value
	case PromiseRace:
		picked = out.Outcome.Status // any settled promise's outcome
	default:
		return false, s
	}
	if picked == Pending || out.Outcome.Status != picked || out.OK || out.Outcomes != want.Outcomes {
		return false, s
	}
	for _, o := range s.Slots[:s.N] {
		if o == out.Outcome {
			return true, next
		}
	}
	return false, s
}

func describePromiseInput(in PromiseInput) string {
	switch in.Op {
	case PromiseResolve, PromiseReject:
		return fmt.Sprintf("%s(p%d, %d)", in.Op, in.Index, in.Value)
	case PromiseAwait, PromiseThen, PromiseTimeout:
		return fmt.Sprintf("%s(p%d)", in.Op, in.Index)
	default:
		return in.Op.String() + "()"
	}
}

func describePromiseOperation(in PromiseInput, out PromiseOutput) string {
	call := describePromiseInput(in)
	switch in.Op {
	case PromiseResolve, PromiseReject:
		if out.OK {
			return call + " → settled"
		}
		return call + " → already settled"
	case PromiseAllSettled:
		return call + " → " + describeOutcomes(out.Outcomes)
	case PromiseAll, PromiseAny:
		if (in.Op == PromiseAll) == (out.Outcome.Status == Fulfilled) {
			return call + " → " + describeOutcomes(out.Outcomes)
		}
		return call + " → " + out.Outcome.String()
	case PromiseTimeout:
		if out.Outcome.Status == Pending {
			return call + " → timed out"
		}
		return call + " → " + out.Outcome.String()
	default:
		return call + " → " + out.Outcome.String()
	}
}

func describeOutcomes(os [MaxPromises]PromiseOutcome) string {
	var parts []string
	for _, o := range os {
		parts = append(parts, o.String())
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func describePromiseState(s PromiseState) string {
	var parts []string
	for i, o := range s.Slots[:s.N] {
		parts = append(parts, fmt.Sprintf("p%d: %s", i, o))
	}
	return strings.Join(parts, ", ")
}
