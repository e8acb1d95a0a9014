package boundedbuffer

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
