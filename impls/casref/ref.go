// Package casref implements the guide's AtomicReference holding a
// configuration (9.4): a value that many goroutines read and that writers
// replace whole, either unconditionally (Store) or only if nobody replaced it
// since they read it (CompareAndSet).
//
// Correct version: [Ref]. Bug zoo: [LoadThenStoreRef], compare-and-set built
// from a load and a store.
package casref

import "sync/atomic"

// Ref holds a value of type T, replaced atomically. Readers never block and
// always see a complete value: each value lives in its own allocation, and
// the reference swaps pointers. The zero Ref holds the zero T.
//
// Linearization points: Load at its atomic load, Store at its atomic store,
// CompareAndSet at the atomic compare-and-swap that succeeds, or, when it
// returns false, at the load that saw a different value.
type Ref[T comparable] struct {
	p atomic.Pointer[T]
}

// Load returns the current value.
func (r *Ref[T]) Load() T {
	if p := r.p.Load(); p != nil {
		return *p
	}
	var zero T
	return zero
}

// Store replaces the value.
func (r *Ref[T]) Store(v T) { r.p.Store(&v) }

// CompareAndSet replaces the value with new if it equals old, and reports
// whether it did.
//
// Go compares pointers, not values, so CompareAndSet loads the current
// pointer, compares what it points to, and swaps that very pointer. If
// another goroutine replaced it in between, even with an equal value, the
// swap fails and the loop reads again: the swap can only succeed on the
// pointer whose value was compared.
func (r *Ref[T]) CompareAndSet(old, new T) bool {
	for {
		cur := r.p.Load()
		var v T
		if cur != nil {
			v = *cur
		}
		if v != old {
			return false
		}
		if r.p.CompareAndSwap(cur, &new) {
			return true
		}
	}
}

// LoadThenStoreRef has a compare-and-set made of a load and a store. Broken
// on purpose: its memory accesses are all atomic, so the race detector is
// silent, but the operation is not.
//
// What goes wrong: two CompareAndSet(old, …) calls can both load old, both
// decide they may write, and both store and return true. A successful
// compare-and-set must be the only one to replace old; here the first
// update is silently overwritten, the lost update that AtomicReference
// exists to prevent (check-then-act, guide 11.2).
type LoadThenStoreRef[T comparable] struct {
	r Ref[T]
}

// Load returns the current value.
func (r *LoadThenStoreRef[T]) Load() T { return r.r.Load() }

// Store replaces the value.
func (r *LoadThenStoreRef[T]) Store(v T) { r.r.Store(v) }

// CompareAndSet checks, then acts, with nothing in between to stop others.
func (r *LoadThenStoreRef[T]) CompareAndSet(old, new T) bool {
	if r.r.Load() != old {
		return false
	}
	r.r.Store(new)
	return true
}
