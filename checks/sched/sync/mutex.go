package sync

import (
	stdsync "sync"

	"github.com/weftlab/weft/checks/sched"
)

// A Locker represents an object that can be locked and unlocked.
type Locker = stdsync.Locker

// A Mutex is a mutual exclusion lock, as [sync.Mutex].
type Mutex struct {
	mu stdsync.Mutex
}

// Lock locks m, waiting until it is available.
func (m *Mutex) Lock() {
	sched.At(sched.MutexLock, m)
	m.mu.Lock()
}

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool {
	sched.At(sched.MutexTryLock, m)
	return m.mu.TryLock()
}

// Unlock unlocks m. It is a run-time error if m is not locked.
func (m *Mutex) Unlock() {
	sched.At(sched.MutexUnlock, m)
	m.mu.Unlock()
}

// An RWMutex is a reader/writer mutual exclusion lock, as [sync.RWMutex].
type RWMutex struct {
	rw stdsync.RWMutex
}

// Lock locks rw for writing.
func (rw *RWMutex) Lock() {
	sched.At(sched.RWLock, rw)
	rw.rw.Lock()
}

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool {
	sched.At(sched.RWTryLock, rw)
	return rw.rw.TryLock()
}

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() {
	sched.At(sched.RWUnlock, rw)
	rw.rw.Unlock()
}

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	sched.At(sched.RLock, rw)
	rw.rw.RLock()
}

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool {
	sched.At(sched.RTryLock, rw)
	return rw.rw.TryRLock()
}

// RUnlock undoes a single RLock call.
func (rw *RWMutex) RUnlock() {
	sched.At(sched.RUnlock, rw)
	rw.rw.RUnlock()
}

// RLocker returns a [Locker] whose Lock and Unlock call rw.RLock and
// rw.RUnlock.
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }
