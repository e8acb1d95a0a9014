package checks

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/weftlab/weft/checks/internal/engine"
)

// Obstruction-freedom, as Lincheck checks it: an operation of a lock-free
// (or obstruction-free) structure, run alone from any state, finishes in a
// bounded number of its own steps. A lock-based structure is not: run alone
// while another goroutine holds the lock, an operation waits forever.
//
// With Options.ObstructionFree, each controlled execution freezes every
// goroutine but one at a random step where that one is inside an operation,
// and runs it alone until the operation returns. If it waits for another
// goroutine (it blocks, or another has to run before it can go on), or
// takes more than soloBound steps, the structure is not obstruction-free.
// Either way the others then run again, so the execution ends normally.

// soloBound is how many steps an operation may take alone.
const soloBound = 200

// soloSource makes a controlled strategy check obstruction-freedom: it
// wraps each chooser of its source in a solo.
type soloSource struct{ chooserSource }

func (s soloSource) chooser(seed uint64) engine.Chooser {
	return newSolo(s.chooserSource.chooser(seed), seed)
}

// solo wraps the chooser of a controlled strategy.
type solo struct {
	inner     engine.Chooser
	freezeAt  int            // the step from which to pick a goroutine to run alone
	inOp      map[int]bool   // client goroutines inside an operation
	calls     map[int]string // what each goroutine is doing, such as "client 1's pop()"
	g         int            // the goroutine running alone; -1 before, -2 after
	since     int
	violation string
}

func newSolo(inner engine.Chooser, seed uint64) *solo {
	r := rand.New(rand.NewPCG(seed, 0x736f6c6f))
	return &solo{inner: inner, freezeAt: r.IntN(40), inOp: map[int]bool{}, calls: map[int]string{}, g: -1}
}

func (s *solo) opStarted(g int, desc string) { s.inOp[g], s.calls[g] = true, desc }

func (s *solo) opEnded(g int) {
	s.inOp[g] = false
	if g == s.g {
		s.g = -2 // it finished alone: obstruction-free here
	}
}

// Pick runs the frozen-out goroutine alone while it is in its operation. It
// always asks the inner chooser too, so that a replayed schedule stays
// aligned with the decisions.
func (s *solo) Pick(d *engine.Decision) int {
	inner := s.inner.Pick(d)
	switch {
	case s.g == -1 && d.Step >= s.freezeAt:
		var candidates []int
		for _, g := range d.Runnable {
			if s.inOp[g] {
				candidates = append(candidates, g)
			}
		}
		if len(candidates) > 0 {
			s.g, s.since = candidates[d.Step%len(candidates)], d.Step
		}
	case s.g >= 0 && (d.Cur != s.g || !slices.Contains(d.Runnable, s.g)):
		s.fail(d, "could not go on alone: it waits for another goroutine (the one holding what it needs is frozen)")
	case s.g >= 0 && d.Step-s.since > soloBound:
		s.fail(d, fmt.Sprintf("ran alone for %d steps without finishing", d.Step-s.since))
	}
	if s.g >= 0 {
		return s.g
	}
	return inner
}

func (s *solo) fail(d *engine.Decision, why string) {
	if s.violation == "" {
		s.violation = fmt.Sprintf("%s, run alone from step %d with every other goroutine frozen, %s (step %d, at %s).",
			s.calls[s.g], s.since, why, d.Step, d.Point.Kind)
	}
	s.g = -2
}

func (s *solo) Choose(n int) int { return s.inner.Choose(n) }
