package treiber

import "sync/atomic"

// StampedStack is [RecyclingStack] with the standard ABA fix: the head word
// holds the top node's index and a stamp that every successful update
// increments, and compare-and-swap compares both. A node popped and pushed
// again comes back under a new stamp, so a Pop that read the old head fails
// its swap and retries with fresh values. This is what Java's
// AtomicStampedReference does. The stamp has 32 bits: ABA would need 2^32
// updates to happen inside one Pop's window.
type StampedStack struct {
	head  atomic.Uint64 // stamp<<32 | index of the top node (0 when empty)
	nodes arena
}

// NewStampedStack returns an empty stack that can hold capacity values at
// once; Push panics beyond that.
func NewStampedStack(capacity int) *StampedStack {
	return &StampedStack{nodes: newArena(capacity)}
}

func unpack(word uint64) (stamp, index uint32) { return uint32(word >> 32), uint32(word) }

func pack(stamp, index uint32) uint64 { return uint64(stamp)<<32 | uint64(index) }

// Push adds v on top of the stack.
func (s *StampedStack) Push(v int) {
	i := s.nodes.alloc()
	n := &s.nodes.nodes[i]
	n.value.Store(int64(v))
	for {
		old := s.head.Load()
		stamp, top := unpack(old)
		n.next.Store(top)
		if s.head.CompareAndSwap(old, pack(stamp+1, i)) {
			return
		}
	}
}

// Pop removes and returns the top value, or reports false if the stack is
// empty.
func (s *StampedStack) Pop() (int, bool) {
	for {
		old := s.head.Load()
		stamp, top := unpack(old)
		if top == 0 {
			return 0, false
		}
		n := &s.nodes.nodes[top]
		next := n.next.Load()
		v := n.value.Load()
		// If top was popped and reused since the load of head, the stamp has
		// moved on and this swap fails.
		if s.head.CompareAndSwap(old, pack(stamp+1, next)) {
			s.nodes.release(top)
			return int(v), true
		}
	}
}
