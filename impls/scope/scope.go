// Package scope is structured concurrency (guide section 12): a call that
// starts goroutines must not return before they end, or they outlive it.
//
// Both structures read a value from two replicas at once and answer with
// the first reply, the "hedged request" pattern. [Scoped] waits for the
// slower replica before it returns; [Leaky], in zoo.go, does not, and the
// slower replica's goroutine is left blocked forever.
package scope

import "sync"

// replicas is what both structures share: the value, which both replicas
// read, and its lock.
type replicas struct {
	mu sync.Mutex
	v  int
}

func (r *replicas) read() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.v
}

// Store replaces the value.
func (r *replicas) Store(v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.v = v
}

// Scoped is a register whose Load asks two replicas at once and returns the
// first reply. Load is a scope: its replies channel has room for both
// replies, so the slower replica never waits, and Load returns only after
// both goroutines have ended (wg.Wait). It is linearizable: the reply
// returned was read while Load ran (its linearization point is that read).
type Scoped struct {
	replicas
}

// Load returns the value, as the first replica to answer read it.
func (s *Scoped) Load() int {
	replies := make(chan int, 2)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { replies <- s.read() })
	}
	v := <-replies
	wg.Wait()
	return v
}
