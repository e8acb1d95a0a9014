package history

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/anishathalye/porcupine"
	"github.com/weftlab/weft/models"
)

// A lineCall is one call of a line-format history: the Input of its
// porcupine.Operation. Its Output is the model's typed output.
type lineCall struct {
	line   int    // the line of the file
	text   string // the operation as written, such as "get() -> 1"
	client int
	call   int64
	ret    int64
	// pending: the call never returned. blocking: its operation can wait,
	// so a pending call is still waiting when the history ends.
	pending, blocking bool
	in, out           any // the model's typed input and output
}

// erased is a models.Behaviour with its input and output types hidden, so
// that one porcupine model serves every line-format model.
type erased struct {
	init          func() any
	step          func(state, in, out any) (bool, any)
	apply         func(state, in any) (any, any) // nil when results are not determined
	blocks        func(state, in any) bool       // nil when nothing waits
	equal         func(a, b any) bool
	hash          func(state any) uint64 // may be nil
	describeIn    func(in any) string
	describeOp    func(in, out any) string
	describeState func(state any) string
	explain       func(state, in, out any) string
}

func erase[I any, O comparable](b models.Behaviour[I, O]) erased {
	e := erased{
		init:          b.Init,
		step:          func(s, in, out any) (bool, any) { return b.Step(s, in.(I), out.(O)) },
		equal:         b.Equal,
		hash:          b.Hash,
		describeIn:    func(in any) string { return b.DescribeInput(in.(I)) },
		describeOp:    func(in, out any) string { return b.DescribeOperation(in.(I), out.(O)) },
		describeState: b.DescribeState,
		explain:       func(s, in, out any) string { return b.Explain(s, in.(I), out.(O)) },
	}
	if b.Apply != nil {
		e.apply = func(s, in any) (any, any) { return b.Apply(s, in.(I)) }
	}
	if b.Blocks != nil {
		e.blocks = func(s, in any) bool { return b.Blocks(s, in.(I)) }
	}
	return e
}

// lineState is the model's state and the pending calls placed so far that
// are still waiting: each of them must keep waiting in every later state,
// which is to say in the state at the end of the history.
type lineState struct {
	inner   any
	waiting []*lineCall // sorted by line
}

func (e erased) waits(state any, c *lineCall) bool { return e.blocks != nil && e.blocks(state, c.in) }

// next is the state after c in s, or ok false when the model rejects c
// there, including when c wakes a call that is still waiting.
func (e erased) next(s lineState, c *lineCall, out any) (bool, lineState) {
	inner, waiting := s.inner, s.waiting
	switch {
	case c.pending && c.blocking:
		if !e.waits(inner, c) {
			return false, s
		}
		waiting = slices.Clone(waiting)
		i, _ := slices.BinarySearchFunc(waiting, c.line, func(w *lineCall, line int) int { return w.line - line })
		waiting = slices.Insert(waiting, i, c)
	case c.pending:
		// It may have taken effect here; placed last, it takes effect
		// nowhere anyone looks, which covers "not at all".
		if e.apply != nil && !e.waits(inner, c) {
			_, inner = e.apply(inner, c.in)
		}
	default:
		ok, next := e.step(inner, c.in, out)
		if !ok {
			return false, s
		}
		inner = next
	}
	for _, w := range waiting {
		if !e.waits(inner, w) {
			return false, s
		}
	}
	return true, lineState{inner: inner, waiting: waiting}
}

// porcupine returns the model porcupine checks a line-format history with.
func (e erased) porcupine() porcupine.Model {
	return porcupine.Model{
		Init: func() any { return lineState{inner: e.init()} },
		Step: func(state, input, output any) (bool, any) {
			return e.next(state.(lineState), input.(*lineCall), output)
		},
		Equal: func(a, b any) bool {
			x, y := a.(lineState), b.(lineState)
			return e.equal(x.inner, y.inner) && slices.Equal(x.waiting, y.waiting)
		},
		Hash: func(state any) uint64 {
			s := state.(lineState)
			h := fnv.New64a()
			for _, w := range s.waiting {
				fmt.Fprint(h, w.line, ",")
			}
			if e.hash != nil {
				return h.Sum64() ^ e.hash(s.inner)
			}
			return h.Sum64()
		},
		DescribeOperation: func(input, output any) string { return e.describeCall(input.(*lineCall), output) },
		DescribeState: func(state any) string {
			s := state.(lineState)
			d := e.describeState(s.inner)
			if len(s.waiting) > 0 {
				var ws []string
				for _, w := range s.waiting {
					ws = append(ws, fmt.Sprintf("%s (line %d)", e.describeIn(w.in), w.line))
				}
				d += "; still waiting: " + strings.Join(ws, ", ")
			}
			return d
		},
	}
}

func (e erased) describeCall(c *lineCall, out any) string {
	switch {
	case c.pending && c.blocking:
		return e.describeIn(c.in) + " (still waiting at the end)"
	case c.pending:
		return e.describeIn(c.in) + " (never returned)"
	}
	return e.describeOp(c.in, out)
}

// explainCall says why the model rejects a call with its output in a
// porcupine state of a line-format history (History.Explain).
func (e erased) explainCall(state, input, output any) string {
	s, c := state.(lineState), input.(*lineCall)
	if c.pending && c.blocking {
		if !e.waits(s.inner, c) {
			return fmt.Sprintf("the model says %s would not wait in state %s: it never returned, so it must still be waiting at the end",
				e.describeIn(c.in), e.describeState(s.inner))
		}
	} else if !c.pending {
		if ok, _ := e.step(s.inner, c.in, output); !ok {
			return e.explain(s.inner, c.in, output)
		}
	}
	ok, next := e.next(lineState{inner: s.inner}, c, output)
	if !ok {
		return "the model does not allow it here"
	}
	for _, w := range s.waiting {
		if !e.waits(next.inner, w) {
			return fmt.Sprintf("after it the state would be %s, and %s (line %d), still waiting at the end, would not wait there",
				e.describeState(next.inner), e.describeIn(w.in), w.line)
		}
	}
	return "the model allows it here"
}
