package boundedbuffer

import "sync"

// IfBuffer is [Buffer] with `if` instead of `for` around each Wait. Broken on
// purpose; it has no data race.
//
// What goes wrong: Signal only makes a waiter runnable; the waiter must still
// re-acquire mu, and another goroutine can get there first. A Take that waited
// on an empty buffer is signalled by a Put; before it re-acquires mu, a
// second Take, which never waited, takes the item. The woken Take does not
// re-check: it pops an empty ring and returns a stale slot (a value already
// taken, or the zero value), and the ring's count goes negative. The
// symmetric case on the Put side overwrites the oldest item of a full
// buffer. Either way a Take returns a value that no order of the operations
// explains, and later operations may wait forever on the corrupted count.
type IfBuffer[T any] struct {
	monitor[T]
}

// NewIfBuffer returns an empty buffer that holds at most capacity items.
func NewIfBuffer[T any](capacity int) *IfBuffer[T] {
	b := &IfBuffer[T]{}
	b.init(capacity)
	return b
}

// Put adds v at the tail, waiting at most once while the buffer is full.
func (b *IfBuffer[T]) Put(v T) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.ring.full() {
		b.notFull.Wait()
	}
	b.ring.push(v)
	b.notEmpty.Signal()
}

// Take removes and returns the item at the head, waiting at most once while
// the buffer is empty.
func (b *IfBuffer[T]) Take() T {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.ring.empty() {
		b.notEmpty.Wait()
	}
	v := b.ring.pop()
	b.notFull.Signal()
	return v
}

// SharedCondBuffer waits for "not full" and "not empty" on one condition
// variable and wakes a single waiter with Signal. Broken on purpose: the
// guide's lost wakeup (11.1), with `for` around Wait and every result right.
//
// What goes wrong: a Signal meant for a producer can wake a consumer, which
// finds nothing, waits again, and the wakeup is lost. With capacity 1: two
// consumers wait; a producer puts and wakes one; it puts again and, finding
// the buffer full, waits. The woken consumer takes and signals, but the
// signal goes to the other consumer, which finds the buffer empty and waits.
// The producer could now put, but nobody will ever wake it: every goroutine
// waits on the one condition, a deadlock in which no lock is held.
// Broadcast, or one condition per predicate (Buffer), is the fix.
type SharedCondBuffer[T any] struct {
	mu      sync.Mutex
	changed *sync.Cond // signalled when an item is put or taken
	ring    ring[T]
}

// NewSharedCondBuffer returns an empty buffer of the given capacity.
func NewSharedCondBuffer[T any](capacity int) *SharedCondBuffer[T] {
	b := &SharedCondBuffer[T]{ring: newRing[T](capacity)}
	b.changed = sync.NewCond(&b.mu)
	return b
}

// Put waits while the buffer is full, then appends v.
func (b *SharedCondBuffer[T]) Put(v T) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.ring.full() {
		b.changed.Wait()
	}
	b.ring.push(v)
	b.changed.Signal()
}

// Take waits while the buffer is empty, then removes the oldest item.
func (b *SharedCondBuffer[T]) Take() T {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.ring.empty() {
		b.changed.Wait()
	}
	v := b.ring.pop()
	b.changed.Signal()
	return v
}
