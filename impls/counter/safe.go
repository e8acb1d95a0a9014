package counter

import "sync"

// SafeCounter is the guide's mutex-protected map of counters (9.1): safe to
// use from many goroutines, the zero value is not ready (use
// [NewSafeCounter]).
//
// Linearization points: Inc takes effect at its write while holding mu, Value
// reads while holding mu; the mutex orders them all.
type SafeCounter struct {
	mu sync.Mutex
	v  map[string]int
}

// NewSafeCounter returns a counter whose keys all count zero.
func NewSafeCounter() *SafeCounter {
	return &SafeCounter{v: make(map[string]int)}
}

// Inc increments the counter for key.
func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	c.v[key]++
	c.mu.Unlock()
}

// Value returns the current count for key.
func (c *SafeCounter) Value(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.v[key]
}
