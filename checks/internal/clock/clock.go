// Package clock provides the logical clock that timestamps the call and the
// return of every recorded operation.
//
// Why not time.Now: porcupine infers "A returned before B was called" from
// timestamps, and a wall-clock read is not ordered with the memory accesses
// around it. A CPU may execute B's first loads before B's call-time read of
// the clock (or let A's last stores become visible after A's return-time
// read), so B can be timestamped after A yet miss A's effect: a correct
// implementation then looks illegal (porcupine's README and its issue #40
// describe exactly this on arm64).
//
// A Clock is instead one shared counter incremented by an atomic
// read-modify-write at each call and each return. Atomic read-modify-writes
// of one word are totally ordered and are full barriers: every access an
// operation makes lies after its call tick and before its return tick. So if
// A's return tick is smaller than B's call tick, A's accesses happened before
// B's, and B must see A's effects. The inference porcupine makes from the
// ticks is then always backed by real ordering; no reordering can fake it.
//
// On amd64 the increment is a LOCK XADD in assembly, which the race detector
// does not see: recording adds no happens-before edge between clients, so
// `go test -race` judges the implementation's own synchronization only. On
// other architectures it is a sync/atomic Add, which is as strongly ordered
// but visible to the race detector (it then hides races between operations
// that did not overlap in time).
package clock

// Clock is a logical clock shared by the clients of one execution. The zero
// value is ready; its first tick is 1.
type Clock struct {
	_ [64]byte // keep the counter on a cache line of its own
	n uint64
	_ [56]byte
}

// Tick advances the clock and returns the new time. It is a full memory
// barrier.
func (c *Clock) Tick() int64 { return int64(tick(&c.n)) }
