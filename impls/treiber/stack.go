package treiber

import "sync/atomic"

// Stack is a Treiber stack: a linked list whose head is replaced with
// compare-and-swap, so pushes and pops never take a lock. The zero value is
// an empty stack.
//
// Why there is no ABA here: Pop reads head and head.next, then swaps head
// from the node it read to that next. ABA would need the node to be popped,
// freed and pushed again in between, so that the swap succeeds on a node
// whose next has changed. In Go a popped node is never reused while Pop still
// holds a pointer to it: the garbage collector frees memory only when no
// pointer to it is left, and Push always allocates a new node.
type Stack[T any] struct {
	head atomic.Pointer[node[T]]
}

// node is immutable once published by the compare-and-swap in Push.
type node[T any] struct {
	value T
	next  *node[T]
}

// Push adds v on top of the stack.
func (s *Stack[T]) Push(v T) {
	n := &node[T]{value: v}
	for {
		old := s.head.Load()
		n.next = old
		if s.head.CompareAndSwap(old, n) {
			return
		}
	}
}

// Pop removes and returns the top value, or reports false if the stack is
// empty.
func (s *Stack[T]) Pop() (T, bool) {
	for {
		old := s.head.Load()
		if old == nil {
			var zero T
			return zero, false
		}
		if s.head.CompareAndSwap(old, old.next) {
			return old.value, true
		}
	}
}
