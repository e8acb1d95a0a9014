package semaphore

import (
	"context"
	"errors"
	"sync"
)

// ErrReleasedMoreThanHeld is what Release panics with when no permit is
// held.
var ErrReleasedMoreThanHeld = errors.New("semaphore: released more than held")

// Semaphore holds a fixed number of permits. Its zero value has none: use
// [New].
type Semaphore struct {
	mu    sync.Mutex
	limit int
	free  int // free > 0 only while no one waits: Release hands a permit to a waiter first
	// waiters are the channels of the Acquires that wait, oldest first;
	// Release closes the oldest to hand it a permit.
	waiters []chan struct{}
}

// New returns a semaphore of limit permits, all free.
func New(limit int) *Semaphore {
	return &Semaphore{limit: limit, free: limit}
}

// TryAcquire takes a permit if one is free, without waiting, and reports
// whether it did.
func (s *Semaphore) TryAcquire() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.free == 0 {
		return false
	}
	s.free--
	return true
}

// Acquire takes a permit, waiting until one is free or ctx ends. It returns
// nil holding a permit, or ctx.Err() holding none. A free permit is taken
// even if ctx has ended; a permit handed over just as ctx ends is kept, and
// Acquire returns nil.
func (s *Semaphore) Acquire(ctx context.Context) error {
	s.mu.Lock()
	if s.free > 0 {
		s.free--
		s.mu.Unlock()
		return nil
	}
	ready := s.enqueue()
	s.mu.Unlock()

	select {
	case <-ready:
		return nil
	case <-ctx.Done():
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-ready: // handed a permit before this lock: it is ours
		return nil
	default:
	}
	// Leave the queue, under the lock Release hands permits under: no
	// permit can reach ready any more.
	for i, w := range s.waiters {
		if w == ready {
			s.waiters = append(s.waiters[:i], s.waiters[i+1:]...)
			break
		}
	}
	return ctx.Err()
}

// enqueue adds a waiter; s.mu is held.
func (s *Semaphore) enqueue() chan struct{} {
	ready := make(chan struct{})
	s.waiters = append(s.waiters, ready)
	return ready
}

// Release gives a permit back: to the oldest waiter if there is one, else
// to the free permits. It panics with [ErrReleasedMoreThanHeld] if no
// permit is held.
func (s *Semaphore) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.waiters) > 0 {
		close(s.waiters[0])
		s.waiters = s.waiters[1:]
		return
	}
	if s.free == s.limit {
		panic(ErrReleasedMoreThanHeld)
	}
	s.free++
}
