package semaphore

import "context"

// OverAdmitSemaphore checks for a free permit and takes it in two critical
// sections. Broken on purpose: check-then-decrement.
//
// What goes wrong: between the check and the decrement the lock is free.
// Two callers that both see the last free permit both take it: the count of
// free permits goes below zero and four callers hold a permit of a
// semaphore limited to 3.
type OverAdmitSemaphore struct {
	Semaphore
}

// NewOverAdmitSemaphore returns a semaphore of limit permits, all free.
func NewOverAdmitSemaphore(limit int) *OverAdmitSemaphore {
	return &OverAdmitSemaphore{Semaphore: Semaphore{limit: limit, free: limit}}
}

// TryAcquire takes a permit if it saw one free.
func (s *OverAdmitSemaphore) TryAcquire() bool {
	s.mu.Lock()
	free := s.free
	s.mu.Unlock()
	if free <= 0 {
		return false
	}
	s.mu.Lock()
	s.free-- // the permit seen may be gone
	s.mu.Unlock()
	return true
}

// Acquire takes a permit through TryAcquire, or waits as Semaphore does.
func (s *OverAdmitSemaphore) Acquire(ctx context.Context) error {
	if s.TryAcquire() {
		return nil
	}
	return s.Semaphore.Acquire(ctx)
}

// LeakyCancelSemaphore is [Semaphore] whose Acquire, when its context ends,
// returns without leaving the queue of waiters. Broken on purpose.
//
// What goes wrong: the caller got an error and holds nothing, but its
// channel is still queued. The next Release closes it, handing the permit to
// a caller that has left: nobody will release it. Each timed-out Acquire
// loses one permit this way; a semaphore reports all permits held when
// fewer are, and once every permit is lost, Acquire waits forever.
type LeakyCancelSemaphore struct {
	Semaphore
}

// NewLeakyCancelSemaphore returns a semaphore of limit permits, all free.
func NewLeakyCancelSemaphore(limit int) *LeakyCancelSemaphore {
	return &LeakyCancelSemaphore{Semaphore: Semaphore{limit: limit, free: limit}}
}

// Acquire takes a permit, waiting until one is free or ctx ends; in the
// second case its place in the queue stays behind.
func (s *LeakyCancelSemaphore) Acquire(ctx context.Context) error {
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
		return ctx.Err() // still queued: the next Release hands ready a permit
	}
}

// UncheckedReleaseSemaphore is [Semaphore] whose Release does not check
// that a permit is held. Broken on purpose.
//
// What goes wrong: a Release without a held permit (a double release, or a
// release by a caller whose Acquire failed) adds a free permit, and the
// semaphore then admits limit+1 callers at once. Nothing reports the bad
// Release where it happened.
type UncheckedReleaseSemaphore struct {
	Semaphore
}

// NewUncheckedReleaseSemaphore returns a semaphore of limit permits, all
// free.
func NewUncheckedReleaseSemaphore(limit int) *UncheckedReleaseSemaphore {
	return &UncheckedReleaseSemaphore{Semaphore: Semaphore{limit: limit, free: limit}}
}

// Release gives a permit back, held or not.
func (s *UncheckedReleaseSemaphore) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.waiters) > 0 {
		close(s.waiters[0])
		s.waiters = s.waiters[1:]
		return
	}
	s.free++
}
