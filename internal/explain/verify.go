package explain

import (
	"errors"
	"fmt"
	"slices"
)

// Verify checks every claim of e against its history's model, apart from
// the search that found it: each part's calls are its own; each order is
// legal (it respects real time and the model allows every call in turn,
// reaching the states it shows); a linearizable part's order holds all
// its calls, at points inside their intervals that never go back; and,
// for a part that is not linearizable, every remaining call is either a
// call that could come next, which the model rejects there, or one that a
// remaining call returned before. A checker that lies is worse than none:
// the weft command verifies each explanation before it prints it.
func (e *Explanation) Verify() error {
	h := e.History
	step := h.Model.Step
	if step == nil && h.Model.StepContext != nil {
		return errors.New("verify: a model with only StepContext is not supported")
	}
	if step == nil || h.Model.Init == nil {
		return errors.New("verify: the model has no Init or Step")
	}
	equal := func(a, b any) bool {
		if h.Model.Equal != nil {
			return h.Model.Equal(a, b)
		}
		return describeState(h, a) == describeState(h, b)
	}
	if h.Unjudgeable != "" {
		if e.Verdict != Unknown || len(e.Parts) > 0 {
			return errors.New("verify: a verdict on a history that cannot be judged")
		}
		return nil
	}
	seen := make([]bool, len(h.Operations))
	verdict := Linearizable
	for _, p := range e.Parts {
		for _, i := range p.Calls {
			if i < 0 || i >= len(seen) || seen[i] {
				return fmt.Errorf("verify: %s: call %d is out of range or in two parts", p.Name, i)
			}
			seen[i] = true
		}
		if p.Verdict == NotLinearizable || (p.Verdict == Unknown && verdict == Linearizable) {
			verdict = p.Verdict
		}
		state := h.Model.Init()
		inPart := make(map[int]bool, len(p.Calls))
		for _, i := range p.Calls {
			inPart[i] = true
		}
		done := map[int]bool{}
		latest := -1 // the step called last so far
		for k, s := range p.Order {
			if !inPart[s.Call] || done[s.Call] {
				return fmt.Errorf("verify: %s: step %d, %s, is not a call of the part or comes twice", p.Name, k+1, ref(s.Call))
			}
			op := h.Operations[s.Call]
			if latest >= 0 && op.Return < h.Operations[latest].Call {
				return fmt.Errorf("verify: %s: %s comes after %s, called after it returned", p.Name, ref(s.Call), ref(latest))
			}
			if latest < 0 || op.Call > h.Operations[latest].Call {
				latest = s.Call
			}
			ok, next := step(state, op.Input, op.Output)
			if !ok || !equal(next, s.State) {
				return fmt.Errorf("verify: %s: step %d, %s, is not what the model does (allowed %t)", p.Name, k+1, ref(s.Call), ok)
			}
			state, done[s.Call] = next, true
			if p.Verdict != Linearizable {
				continue
			}
			if s.Point < op.Call || s.Point > op.Return || (k > 0 && s.Point < p.Order[k-1].Point) {
				return fmt.Errorf("verify: %s: %s's point %d is outside its interval or before the previous point", p.Name, ref(s.Call), s.Point)
			}
		}
		switch p.Verdict {
		case Linearizable:
			if len(p.Order) != len(p.Calls) {
				return fmt.Errorf("verify: %s: a witness of %d of %d calls", p.Name, len(p.Order), len(p.Calls))
			}
		case NotLinearizable:
			if err := verifyStuck(e, p, inPart, state, done); err != nil {
				return err
			}
		}
	}
	if i := slices.Index(seen, false); i >= 0 {
		return fmt.Errorf("verify: %s is in no part", ref(i))
	}
	if verdict != e.Verdict {
		return fmt.Errorf("verify: the verdict is %s, the parts' %s", e.Verdict, verdict)
	}
	return nil
}

// verifyStuck checks what part p, of the calls inPart, claims about the
// calls after its order, which leaves the model in state and has done its
// calls.
func verifyStuck(e *Explanation, p Part, inPart map[int]bool, state any, done map[int]bool) error {
	h := e.History
	remaining := map[int]bool{}
	// The two remaining calls that returned first: a call can come next
	// when no other remaining call returned before it was called.
	first, second := -1, -1
	for _, i := range p.Calls {
		if done[i] {
			continue
		}
		remaining[i] = true
		switch r := h.Operations[i].Return; {
		case first < 0 || r < h.Operations[first].Return:
			first, second = i, first
		case second < 0 || r < h.Operations[second].Return:
			second = i
		}
	}
	for _, c := range p.Next {
		if !remaining[c.Call] {
			return fmt.Errorf("verify: %s: candidate %s is not a remaining call", p.Name, ref(c.Call))
		}
		delete(remaining, c.Call)
		op := h.Operations[c.Call]
		j := first
		if j == c.Call {
			j = second
		}
		if j >= 0 && h.Operations[j].Return < op.Call {
			return fmt.Errorf("verify: %s: candidate %s cannot come next: %s returned before it", p.Name, ref(c.Call), ref(j))
		}
		if ok, _ := h.Model.Step(state, op.Input, op.Output); ok || c.Allowed {
			return fmt.Errorf("verify: %s: the model allows %s after the order", p.Name, ref(c.Call))
		}
	}
	for _, l := range p.Later {
		if !remaining[l.Call] || done[l.After] || l.After == l.Call || !inPart[l.After] {
			return fmt.Errorf("verify: %s: %s, said to wait for %s, is not a remaining call or waits for no remaining call", p.Name, ref(l.Call), ref(l.After))
		}
		delete(remaining, l.Call)
		if h.Operations[l.After].Return >= h.Operations[l.Call].Call {
			return fmt.Errorf("verify: %s: %s did not return before %s was called", p.Name, ref(l.After), ref(l.Call))
		}
	}
	if len(remaining) > 0 {
		return fmt.Errorf("verify: %s: %d remaining calls are neither candidates nor later", p.Name, len(remaining))
	}
	if len(p.Next) == 0 {
		return fmt.Errorf("verify: %s: stuck with no call that could come next", p.Name)
	}
	return nil
}
