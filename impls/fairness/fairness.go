// Package fairness is starvation (guide section 11): locks that bound how
// often a waiter can be bypassed, and locks that do not.
//
// A [TicketLock] serves goroutines in the order they asked, so no waiter is
// ever bypassed; the test-and-set lock of zoo.go lets whoever retries first
// win, and a fast goroutine can take it again and again while another
// waits. Of the reader-writer locks, [FairRW] (the policy of sync.RWMutex)
// makes new readers wait for a waiting writer and lets the readers that
// waited go before the next writer; the reader-preferring lock of zoo.go
// lets readers in whenever no writer holds it, and a writer can wait as long
// as readers keep overlapping.
//
// These locks are plain Go, built from sync/atomic and sync, and report
// their waits to weft ([sched.Waiting], [sched.Acquired], [sched.Released]),
// which is how a controlled execution counts bypasses and finds their
// lock-order cycles. Those three calls are annotations, not shims: plain Go
// has no way to say "this goroutine waits for this hand-made lock", and
// without weft's controller they do nothing.
package fairness

import (
	"sync/atomic"

	"github.com/weftlab/weft/checks/sched"
)

// A TicketLock is a spin lock that serves goroutines first come, first
// served: Lock takes a ticket and waits until it is served. It bounds bypass
// to zero: once a goroutine holds a ticket, every later one waits for it.
type TicketLock struct {
	next, serving atomic.Int64
}

// Lock waits for its turn.
func (l *TicketLock) Lock() {
	ticket := l.next.Add(1) - 1
	if l.serving.Load() != ticket {
		sched.Waiting(sched.MutexLock, l)
		for l.serving.Load() != ticket {
		}
	}
	sched.Acquired(sched.MutexLock, l)
}

// Unlock serves the next ticket.
func (l *TicketLock) Unlock() {
	sched.Released(l)
	l.serving.Add(1)
}

// locker is what the counters lock with.
type locker interface {
	Lock()
	Unlock()
}

// Counter is a counter guarded by a lock: its increments and reads are
// linearizable whatever the lock's fairness (each takes effect while the
// lock is held); only how long a caller may wait depends on it.
type Counter struct {
	lock locker
	n    int
}

// NewTicketCounter returns a counter guarded by a TicketLock.
func NewTicketCounter() *Counter { return &Counter{lock: new(TicketLock)} }

// Inc adds one.
func (c *Counter) Inc() {
	c.lock.Lock()
	defer c.lock.Unlock()
	c.n++
}

// Value returns the count.
func (c *Counter) Value() int {
	c.lock.Lock()
	defer c.lock.Unlock()
	return c.n
}
