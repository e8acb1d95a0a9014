package counter

import "sync/atomic"

// AtomicCounter is a single count kept in an atomic integer (guide 9.4): no
// lock, every operation is one atomic instruction. The zero value counts
// zero.
//
// Linearization points: Inc at its atomic add, Value at its atomic load.
type AtomicCounter struct {
	n atomic.Int64
}

// Inc adds one.
func (c *AtomicCounter) Inc() { c.n.Add(1) }

// Value returns the count.
func (c *AtomicCounter) Value() int { return int(c.n.Load()) }
