package worksteal

// RacyPopDeque is the Chase–Lev deque whose owner takes the last item
// without the compare-and-swap. Broken on purpose: the last-element race
// (guide 4.3) hands one item to two takers.
//
// What goes wrong: with one item left, at index t, a thief loads top (t)
// and bottom (t+1), sees an item, and reads it. The owner's Pop then
// reserves the item by storing bottom t and, seeing top still t, takes it
// with a plain store of top = t+1 as if no thief could be there. The
// thief's compare-and-swap of top from t still succeeds, as it runs before
// that store, and the thief returns the same item. One push, two takes: no
// order of the operations explains the history (not linearizable), and a
// scheduler on this deque runs that task twice.
type RacyPopDeque[T any] struct {
	ring[T]
}

// NewRacyPopDeque returns an empty deque that holds at most capacity items.
func NewRacyPopDeque[T any](capacity int) *RacyPopDeque[T] {
	return &RacyPopDeque[T]{ring: newRing[T](capacity)}
}

// Pop removes and returns the newest item, or reports false when the deque
// is empty; Deque.Pop, with the last item taken by a store. Only the owner
// may call it.
func (d *RacyPopDeque[T]) Pop() (T, bool) {
	var zero T
	b := d.bottom.Load() - 1
	d.bottom.Store(b)
	t := d.top.Load()
	if t > b {
		d.bottom.Store(b + 1)
		return zero, false
	}
	v := *d.slot(b).Load()
	if t == b {
		// The bug: a thief that read bottom before the store above may
		// already hold this item and be about to claim it.
		d.top.Store(t + 1)
		d.bottom.Store(b + 1)
	}
	return v, true
}

// Steal is Deque.Steal: it claims with a compare-and-swap.
func (d *RacyPopDeque[T]) Steal() (T, bool) { return d.steal() }

// UnclaimedStealDeque is the Chase–Lev deque whose thieves copy the top item
// and then move top past it with a plain store instead of claiming it with a
// compare-and-swap. Broken on purpose: a steal that copies without claiming.
// Alone, a thief still takes each item once, so one thief and one owner
// taking turns see nothing wrong.
//
// What goes wrong: two takers read the same top index t and each copies
// item t; every one of them then goes on as if the item were theirs. Two
// thieves both store top = t+1 and both return item t; or, with one item
// left, a thief copies it, the owner's Pop claims it with its
// compare-and-swap (which succeeds: top is still t), and the thief's store
// of top = t+1 changes nothing. Either way one item is taken twice: not
// linearizable, and a scheduler on this deque runs a task twice.
type UnclaimedStealDeque[T any] struct {
	ring[T]
}

// NewUnclaimedStealDeque returns an empty deque that holds at most capacity
// items.
func NewUnclaimedStealDeque[T any](capacity int) *UnclaimedStealDeque[T] {
	return &UnclaimedStealDeque[T]{ring: newRing[T](capacity)}
}

// Pop is Deque.Pop. Only the owner may call it.
func (d *UnclaimedStealDeque[T]) Pop() (T, bool) { return d.pop() }

// Steal removes and returns the oldest item, or reports false when the deque
// is empty; Deque.Steal, with the item taken by a store.
func (d *UnclaimedStealDeque[T]) Steal() (T, bool) {
	t := d.top.Load()
	b := d.bottom.Load()
	if t >= b {
		var zero T
		return zero, false
	}
	v := *d.slot(t).Load()
	// The bug: nothing checks that top is still t, so another taker may be
	// copying the same item right now.
	d.top.Store(t + 1)
	return v, true
}
