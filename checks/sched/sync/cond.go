package sync

import (
	stdsync "sync"
	"unsafe"

	"github.com/weftlab/weft/checks/internal/engine"
)

// Cond is a condition variable, as [sync.Cond]: a rendezvous point for
// goroutines waiting for, or announcing, a change of a condition guarded by L.
//
// Waiters are woken in the order they started waiting, as with sync.Cond.
// There are no spurious wakeups, but a woken waiter competes for L with every
// other goroutine, so the condition may be false again when Wait returns:
// always call Wait in a loop.
type Cond struct {
	// L is held while observing or changing the condition.
	L Locker

	mu      stdsync.Mutex   // guards waiters; never held while blocking
	waiters []chan struct{} // one per waiting goroutine, oldest first
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond { return &Cond{L: l} }

// Wait atomically unlocks c.L and suspends the calling goroutine until
// Signal or Broadcast wakes it; it locks c.L again before returning.
//
// "Atomically" means no Signal issued after Wait was called can be missed:
// the waiter is registered before L is released.
func (c *Cond) Wait() {
	engine.At(engine.CondWait, c)
	ticket := make(chan struct{})
	c.mu.Lock()
	c.waiters = append(c.waiters, ticket)
	c.mu.Unlock()
	c.L.Unlock()
	if engine.Controlled() {
		for !closed(ticket) {
			engine.Park(engine.CondWait, c)
		}
	} else {
		engine.Blocking(engine.CondWait, unsafe.Pointer(c))
		<-ticket
		engine.Unblocked(unsafe.Pointer(c))
	}
	c.L.Lock()
}

// Signal wakes the goroutine that has waited longest on c, if there is one.
// The caller may but need not hold c.L.
func (c *Cond) Signal() {
	engine.At(engine.CondSignal, c)
	c.mu.Lock()
	if len(c.waiters) > 0 {
		close(c.waiters[0])
		c.waiters[0] = nil
		c.waiters = c.waiters[1:]
	}
	c.mu.Unlock()
	engine.Unpark(c)
}

func closed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast() {
	engine.At(engine.CondBcast, c)
	c.mu.Lock()
	for _, w := range c.waiters {
		close(w)
	}
	c.waiters = nil
	c.mu.Unlock()
	engine.Unpark(c)
}
