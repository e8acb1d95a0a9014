package worksteal

// RacyPopDeque is the Chase–Lev deque whose owner pops as if the bottom end
// were its own: it checks top, takes the bottom item and moves bottom down,
// with no compare-and-swap for the last item. Broken on purpose: the
// last-element race (guide 4.3) hands one item to two takers.
//
// What goes wrong: with one item left, at index t, the owner loads bottom
// (t+1) and top (t), sees the item and reads it. A thief loads top (t) and
// bottom (still t+1), sees the same item, and claims it by moving top from t
// to t+1, which succeeds: the owner never moves top, so nothing tells the
// thief that the owner is taking it. The owner then stores bottom = t and
// returns the item too. One push, two takes: no order of the operations
// explains the history (not linearizable), and a scheduler on this deque
// runs that task twice. [Deque.Pop] closes the race in two steps: it
// reserves the bottom item (stores the lower bottom) before it loads top, so
// that a thief loading bottom afterwards sees no item; and it claims the
// last item, which a thief that loaded bottom before may still be taking,
// with the same compare-and-swap of top as thieves, so exactly one wins.
type RacyPopDeque[T any] struct {
	ring[T]
}

// NewRacyPopDeque returns an empty deque that holds at most capacity items.
func NewRacyPopDeque[T any](capacity int) *RacyPopDeque[T] {
	return &RacyPopDeque[T]{ring: newRing[T](capacity)}
}

// Pop removes and returns the newest item, or reports false when the deque
// is empty. Only the owner may call it.
func (d *RacyPopDeque[T]) Pop() (T, bool) {
	b := d.bottom.Load()
	t := d.top.Load()
	if t >= b {
		var zero T
		return zero, false
	}
	v := *d.slot(b - 1).Load()
	// The bug: when t == b-1, a thief that loads bottom before the store
	// below sees this item and claims it from top, which the owner never
	// moves.
	d.bottom.Store(b - 1)
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
