package counter

import (
	"runtime"
	"sync"
)

// RacyCounter is the guide's race condition (11.2): count++ with no
// synchronization at all. Broken on purpose.
//
// What goes wrong: n++ is a read, an add and a write. Two goroutines that
// increment at the same moment can both read 5 and both write 6: one
// increment is lost, and a later Value returns less than the number of
// increments that returned before it — a history no order of the operations
// explains. It is also a data race, which weft's stress+race strategy
// reports as such: the race detector runs in a child process there.
//
// Inc spells n++ as its read and its write, with [runtime.Gosched] between
// them: the yield synchronizes nothing, it names the window the race leaves
// open. A controlled scheduler switches goroutines only at scheduling points
// (weft's rewrite makes runtime.Gosched one), so without it controlled mode
// could never interleave the two halves; stress runs on real cores find the
// race either way.
type RacyCounter struct {
	n int
}

// Inc adds one, unless it races with another Inc.
func (c *RacyCounter) Inc() {
	n := c.n
	runtime.Gosched()
	c.n = n + 1
}

// Value returns the count, possibly stale.
func (c *RacyCounter) Value() int { return c.n }

// SplitLockCounter locks correctly but in the wrong place: Inc reads the
// count in one critical section and writes count+1 in a second one. Broken on
// purpose; it has no data race, so the race detector is silent about it.
//
// What goes wrong: between the two sections the lock is free, so another Inc
// can read the same count. Both write the same value and one increment is
// lost (check-then-act across critical sections, guide 11.2). Every memory
// access is synchronized; the operation as a whole is not atomic.
type SplitLockCounter struct {
	mu sync.Mutex
	v  map[string]int
}

// NewSplitLockCounter returns a counter whose keys all count zero.
func NewSplitLockCounter() *SplitLockCounter {
	return &SplitLockCounter{v: make(map[string]int)}
}

// Inc increments the counter for key, in two steps.
func (c *SplitLockCounter) Inc(key string) {
	c.mu.Lock()
	n := c.v[key]
	c.mu.Unlock()

	c.mu.Lock()
	c.v[key] = n + 1
	c.mu.Unlock()
}

// Value returns the current count for key.
func (c *SplitLockCounter) Value(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.v[key]
}
