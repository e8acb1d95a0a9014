package treiber

import "sync/atomic"

// RecyclingStack is the Treiber algorithm over an arena whose popped nodes
// are reused by later pushes, with the head holding a bare node index.
// Broken on purpose: it suffers the ABA problem (guide 10.2). It has no data
// race.
//
// What goes wrong: Pop loads head (node A) and A.next (node B), and is
// preempted before its compare-and-swap. Meanwhile another goroutine pops A,
// and a push reuses A for a new value, so head is A again, now with A.next
// pointing to whatever is below the new A. The stalled Pop's
// compare-and-swap sees head == A and succeeds: it installs B, which may
// have been popped and freed since, or skips nodes pushed in between. The
// stalled Pop returns the value it read from the old A — which the other
// goroutine also popped — and values are duplicated or lost: no order of the
// operations explains the history.
type RecyclingStack struct {
	head  atomic.Uint32 // index of the top node; 0 when empty
	nodes arena
}

// NewRecyclingStack returns an empty stack that can hold capacity values at
// once; Push panics beyond that.
func NewRecyclingStack(capacity int) *RecyclingStack {
	return &RecyclingStack{nodes: newArena(capacity)}
}

// Push adds v on top of the stack.
func (s *RecyclingStack) Push(v int) {
	i := s.nodes.alloc()
	n := &s.nodes.nodes[i]
	n.value.Store(int64(v))
	for {
		old := s.head.Load()
		n.next.Store(old)
		if s.head.CompareAndSwap(old, i) {
			return
		}
	}
}

// Pop removes and returns the top value, or reports false if the stack is
// empty.
func (s *RecyclingStack) Pop() (int, bool) {
	for {
		old := s.head.Load()
		if old == 0 {
			return 0, false
		}
		n := &s.nodes.nodes[old]
		next := n.next.Load()
		v := n.value.Load()
		// ABA window: old may be popped, reused and pushed again here, and
		// the swap below cannot tell.
		if s.head.CompareAndSwap(old, next) {
			s.nodes.release(old)
			return int(v), true
		}
	}
}
