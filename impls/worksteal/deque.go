package worksteal

import "sync/atomic"

// Deque is a Chase–Lev work-stealing deque over a fixed ring of slots: one
// goroutine, the owner, calls Push and Pop at the bottom; any goroutine may
// call Steal at the top. It never takes a lock: the owner's operations are
// wait-free, and Steal retries only when another taker won the item it
// meant to take, so some caller always makes progress.
//
// Indices only grow: top is the index of the oldest item, bottom one past the
// newest, and item i lives in slot i mod capacity. Only the owner writes
// bottom; top moves only by compare-and-swap, one item at a time, and that
// swap is how an item is claimed. The owner's Pop takes an item without a
// swap while others remain between it and top, but the last item is
// contested: a thief may have read it already, so Pop claims it with the
// same compare-and-swap as thieves do, and exactly one of them wins.
//
// Linearization points:
//   - Push: the store of the new bottom, which publishes the item; a Push
//     that finds the deque full, the load of top that saw it full.
//   - Pop: the store of the decremented bottom, which reserves the bottom
//     item against thieves that read bottom after it; for the last item,
//     its successful compare-and-swap of top (a failed one means a thief
//     took the item first, and Pop returns empty, linearized at that failed
//     compare-and-swap, when the deque is empty).
//   - Steal: its successful compare-and-swap of top; a Steal that finds the
//     deque empty, its load of bottom.
//
// The capacity is fixed (the guide's run queues are fixed rings too: the Go
// runtime's holds 256 goroutines): Push on a full deque fails and the
// caller decides where the item goes, as [Scheduler] sends it to its global
// queue. Slots are atomic pointers because a thief may read a slot that the
// owner is reusing for a newer item; such a thief then loses its
// compare-and-swap and discards what it read, and the read is not a data
// race.
type Deque[T any] struct {
	ring[T]
}

// NewDeque returns an empty deque that holds at most capacity items.
func NewDeque[T any](capacity int) *Deque[T] {
	return &Deque[T]{ring: newRing[T](capacity)}
}

// ring is the state every deque variant shares, and the owner's Push,
// which is the same in all of them.
type ring[T any] struct {
	top    atomic.Int64 // index of the oldest item; moved only by compare-and-swap
	bottom atomic.Int64 // one past the newest item; written only by the owner
	slots  []atomic.Pointer[T]
}

func newRing[T any](capacity int) ring[T] {
	if capacity < 1 {
		panic("worksteal: a deque needs a capacity of at least 1")
	}
	return ring[T]{slots: make([]atomic.Pointer[T], capacity)}
}

func (r *ring[T]) slot(i int64) *atomic.Pointer[T] { return &r.slots[i%int64(len(r.slots))] }

// Push adds v at the bottom, or reports false, adding nothing, when the
// deque is full. Only the owner may call it.
func (r *ring[T]) Push(v T) bool {
	b := r.bottom.Load()
	t := r.top.Load()
	if b-t >= int64(len(r.slots)) {
		return false // top only grows: the deque was full when it was loaded
	}
	r.slot(b).Store(&v)
	// The item is written before bottom publishes it: a thief that loads
	// the new bottom then loads the slot sees v (both atomic, so ordered).
	r.bottom.Store(b + 1)
	return true
}

// Pop removes and returns the newest item, at the bottom, or reports false
// when the deque is empty. Only the owner may call it.
func (d *Deque[T]) Pop() (T, bool) { return d.pop() }

// Steal removes and returns the oldest item, at the top, or reports false
// when the deque is empty. Any goroutine may call it.
func (d *Deque[T]) Steal() (T, bool) { return d.steal() }

// pop is the correct Pop, shared by the variants whose bug is elsewhere.
func (r *ring[T]) pop() (T, bool) {
	var zero T
	b := r.bottom.Load() - 1
	// Reserve the bottom item before looking at top: a thief that loads
	// bottom after this store no longer sees it. Go's atomics are
	// sequentially consistent, so the load of top below cannot move above
	// this store (the store-load fence the algorithm needs).
	r.bottom.Store(b)
	t := r.top.Load()
	if t > b { // empty: undo the reservation
		r.bottom.Store(b + 1)
		return zero, false
	}
	v := *r.slot(b).Load()
	if t < b {
		return v, true // items remain above it: no thief can reach slot b
	}
	// The last item: a thief that loaded bottom before the reservation may
	// be about to take it. Whoever moves top from t wins it.
	won := r.top.CompareAndSwap(t, t+1)
	r.bottom.Store(b + 1) // top is now b+1 either way: the deque is empty
	if !won {
		return zero, false
	}
	return v, true
}

// steal is the correct Steal, shared by the variants whose bug is elsewhere.
func (r *ring[T]) steal() (T, bool) {
	for {
		t := r.top.Load()
		b := r.bottom.Load()
		if t >= b {
			var zero T
			return zero, false
		}
		p := r.slot(t).Load()
		// Claim item t: the swap fails if the owner's Pop or another thief
		// took it since top was loaded, and then p may be stale (its slot
		// reused by a later Push), so it is dropped and the steal retrier.
		if r.top.CompareAndSwap(t, t+1) {
			return *p, true
		}
	}
}
