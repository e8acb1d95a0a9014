package fairness

import (
	"sync/atomic"

	"github.com/weftlab/weft/checks/sched"
)

// TASLock is a test-and-set spin lock: every waiter retries a
// compare-and-swap, and whoever succeeds first takes the lock. Broken on
// purpose: it is a correct lock (mutual exclusion holds, and counters
// guarded by it are linearizable) but an unfair one.
//
// What goes wrong: nothing orders the waiters. A goroutine that releases the
// lock and asks again at once, or that the scheduler favours, can win every
// round while another one spins: that one is bypassed without bound and
// starves. weft counts the bypasses and reports the waiter, the lock and who
// kept taking it.
type TASLock struct {
	held atomic.Bool
}

// Lock spins until its compare-and-swap wins.
func (l *TASLock) Lock() {
	if !l.held.CompareAndSwap(false, true) {
		sched.Waiting(sched.MutexLock, l)
		for !l.held.CompareAndSwap(false, true) {
		}
	}
	sched.Acquired(sched.MutexLock, l)
}

// Unlock releases the lock to whoever retries first.
func (l *TASLock) Unlock() {
	sched.Released(l)
	l.held.Store(false)
}

// NewTASCounter returns a counter guarded by a TASLock.
func NewTASCounter() *Counter { return &Counter{lock: new(TASLock)} }

// ReaderPreferringRW lets readers in whenever no writer holds the lock. Broken
// on purpose: mutual exclusion holds, but a writer waits until no reader is
// inside at all.
//
// What goes wrong: while readers keep overlapping (one enters before the
// last one leaves), the reader count never drops to zero and the waiting
// writer is bypassed by every one of their read locks: writer starvation.
type ReaderPreferringRW struct {
	rwState
}

// NewReaderPreferringRW returns an unlocked ReaderPreferringRW.
func NewReaderPreferringRW() *ReaderPreferringRW {
	rw := &ReaderPreferringRW{}
	rw.init()
	return rw
}

// RLock locks for reading: it waits only while a writer holds the lock.
func (rw *ReaderPreferringRW) RLock() {
	rw.mu.Lock()
	if rw.writing {
		sched.Waiting(sched.RLock, &rw.rwState)
	}
	for rw.writing {
		rw.changed.Wait()
	}
	rw.readers++
	rw.mu.Unlock()
	sched.Acquired(sched.RLock, &rw.rwState)
}

// Lock locks for writing, once no reader and no writer is inside.
func (rw *ReaderPreferringRW) Lock() {
	rw.mu.Lock()
	if rw.writing || rw.readers > 0 {
		sched.Waiting(sched.RWLock, &rw.rwState)
	}
	for rw.writing || rw.readers > 0 {
		rw.changed.Wait()
	}
	rw.writing = true
	rw.mu.Unlock()
	sched.Acquired(sched.RWLock, &rw.rwState)
}

// Unlock unlocks for writing.
func (rw *ReaderPreferringRW) Unlock() {
	sched.Released(&rw.rwState)
	rw.mu.Lock()
	rw.writing = false
	rw.changed.Broadcast()
	rw.mu.Unlock()
}

// NewReaderPreferringRegister returns a register guarded by a
// ReaderPreferringRW.
func NewReaderPreferringRegister() *Register { return &Register{rw: NewReaderPreferringRW()} }
