// Package boundedbuffer implements the guide's condition-variable bounded
// buffer (9.3): producers Put into a fixed-size FIFO and wait while it is
// full, consumers Take from it and wait while it is empty.
//
// Correct version: [Buffer]. Bug zoo: [IfBuffer], which checks its
// condition with if instead of for around Wait.
package boundedbuffer

import "sync"

// Buffer is a bounded FIFO of capacity items guarded by one mutex and two
// condition variables, notFull and notEmpty. Create it with [New].
//
// Linearization points: Put takes effect when it stores the item, Take when
// it removes one; both happen while holding mu, after the wait loop has
// re-checked, under mu, that there is room (Put) or an item (Take). A
// blocked Put or Take has not taken effect.
type Buffer[T any] struct {
	monitor[T]
}

// New returns an empty buffer that holds at most capacity items.
func New[T any](capacity int) *Buffer[T] {
	b := &Buffer[T]{}
	b.init(capacity)
	return b
}

// monitor is the state both buffers guard: a ring, the mutex that guards it
// and the two conditions on it.
type monitor[T any] struct {
	mu       sync.Mutex
	notFull  *sync.Cond // signalled when an item is taken
	notEmpty *sync.Cond // signalled when an item is put
	ring     ring[T]
}

func (m *monitor[T]) init(capacity int) {
	m.ring = newRing[T](capacity)
	m.notFull = sync.NewCond(&m.mu)
	m.notEmpty = sync.NewCond(&m.mu)
}

// Put adds v at the tail, waiting while the buffer is full.
func (b *Buffer[T]) Put(v T) {
	b.mu.Lock()
	defer b.mu.Unlock()
	// for, not if: a woken Put competes for mu with other Puts, one of which
	// may fill the slot first. Only a check made while holding mu counts.
	for b.ring.full() {
		b.notFull.Wait()
	}
	b.ring.push(v)
	b.notEmpty.Signal()
}

// Take removes and returns the item at the head, waiting while the buffer is
// empty.
func (b *Buffer[T]) Take() T {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.ring.empty() {
		b.notEmpty.Wait()
	}
	v := b.ring.pop()
	b.notFull.Signal()
	return v
}

// ring is a fixed array used as a FIFO. It trusts its caller: push on a full
// ring overwrites the oldest item, pop on an empty one returns a stale slot.
// Only the callers' wait loops keep that from happening.
type ring[T any] struct {
	items      []T
	head, tail int // next slot to read, next slot to write
	count      int
}

func newRing[T any](capacity int) ring[T] { return ring[T]{items: make([]T, capacity)} }

func (r *ring[T]) full() bool  { return r.count >= len(r.items) }
func (r *ring[T]) empty() bool { return r.count <= 0 }

func (r *ring[T]) push(v T) {
	r.items[r.tail] = v
	r.tail = (r.tail + 1) % len(r.items)
	r.count++
}

func (r *ring[T]) pop() T {
	v := r.items[r.head]
	r.head = (r.head + 1) % len(r.items)
	r.count--
	return v
}
