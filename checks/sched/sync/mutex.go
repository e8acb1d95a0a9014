package sync

import (
	stdsync "sync"
	"unsafe"

	"github.com/weftlab/weft/checks/sched"
)

// A Locker represents an object that can be locked and unlocked.
type Locker = stdsync.Locker

// A Mutex is a mutual exclusion lock, as [sync.Mutex].
type Mutex struct {
	mu stdsync.Mutex
}

// Lock locks m, waiting until it is available. Under a controller, a
// waiting Lock is parked and retried after each Unlock; after HandoffAfter
// other goroutines took m first, m waits for it (see package sched).
func (m *Mutex) Lock() {
	if sched.Installed() {
		m.lockObserved()
		return
	}
	m.mu.Lock() // no test running: one load more than sync.Mutex, inlined
}

func (m *Mutex) lockObserved() {
	sched.At(sched.MutexLock, m)
	if sched.Controlled() {
		// Reserved: a waiter bypassed too often gets the mutex next, as in
		// sync.Mutex's starvation mode.
		for sched.Reserved(m) || !m.mu.TryLock() {
			sched.Park(sched.MutexLock, m)
		}
		sched.Acquired(sched.MutexLock, m)
		return
	}
	// Bookkeeping for the wait-for graph of a stress hang, when on.
	sched.Blocking(sched.MutexLock, unsafe.Pointer(m))
	m.mu.Lock()
	sched.Holding(sched.MutexLock, unsafe.Pointer(m))
}

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool {
	sched.At(sched.MutexTryLock, m)
	ok := !sched.Reserved(m) && m.mu.TryLock()
	sched.Succeeded(ok)
	if ok {
		sched.Acquired(sched.MutexTryLock, m)
		sched.Holding(sched.MutexTryLock, unsafe.Pointer(m))
	}
	return ok
}

// Unlock unlocks m. It is a run-time error if m is not locked.
func (m *Mutex) Unlock() {
	if sched.Installed() {
		m.unlockObserved()
		return
	}
	m.mu.Unlock()
}

func (m *Mutex) unlockObserved() {
	sched.At(sched.MutexUnlock, m)
	sched.Releasing(unsafe.Pointer(m))
	m.mu.Unlock()
	if sched.Controlled() {
		sched.Released(m)
		sched.Unpark(m)
	}
}

// An RWMutex is a reader/writer mutual exclusion lock, as [sync.RWMutex].
//
// As sync.RWMutex, it prefers writers: once a writer waits, new readers
// wait too. Under a controller that rule is kept by counting the parked
// writers.
type RWMutex struct {
	rw      stdsync.RWMutex
	writers int // writers parked by a controller; touched only under one
}

// Lock locks rw for writing.
func (rw *RWMutex) Lock() {
	if !sched.Installed() {
		rw.rw.Lock()
		return
	}
	sched.At(sched.RWLock, rw)
	if sched.Controlled() {
		for !rw.rw.TryLock() {
			rw.writers++
			sched.Park(sched.RWLock, rw)
			rw.writers--
		}
		sched.Acquired(sched.RWLock, rw)
		return
	}
	// Bookkeeping for the wait-for graph of a stress hang, when on.
	sched.Blocking(sched.RWLock, unsafe.Pointer(rw))
	rw.rw.Lock()
	sched.Holding(sched.RWLock, unsafe.Pointer(rw))
}

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool {
	sched.At(sched.RWTryLock, rw)
	ok := rw.rw.TryLock()
	sched.Succeeded(ok)
	if ok {
		sched.Acquired(sched.RWTryLock, rw)
		sched.Holding(sched.RWTryLock, unsafe.Pointer(rw))
	}
	return ok
}

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() {
	if !sched.Installed() {
		rw.rw.Unlock()
		return
	}
	sched.At(sched.RWUnlock, rw)
	sched.Releasing(unsafe.Pointer(rw))
	rw.rw.Unlock()
	if sched.Controlled() {
		sched.Released(rw)
		sched.Unpark(rw)
	}
}

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if !sched.Installed() {
		rw.rw.RLock()
		return
	}
	sched.At(sched.RLock, rw)
	if sched.Controlled() {
		for rw.writers > 0 || !rw.rw.TryRLock() {
			sched.Park(sched.RLock, rw)
		}
		sched.Acquired(sched.RLock, rw)
		return
	}
	// Bookkeeping for the wait-for graph of a stress hang, when on.
	sched.Blocking(sched.RLock, unsafe.Pointer(rw))
	rw.rw.RLock()
	sched.Holding(sched.RLock, unsafe.Pointer(rw))
}

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool {
	sched.At(sched.RTryLock, rw)
	ok := (!sched.Controlled() || rw.writers == 0) && rw.rw.TryRLock()
	sched.Succeeded(ok)
	if ok {
		sched.Acquired(sched.RTryLock, rw)
		sched.Holding(sched.RTryLock, unsafe.Pointer(rw))
	}
	return ok
}

// RUnlock undoes a single RLock call.
func (rw *RWMutex) RUnlock() {
	if !sched.Installed() {
		rw.rw.RUnlock()
		return
	}
	sched.At(sched.RUnlock, rw)
	sched.Releasing(unsafe.Pointer(rw))
	rw.rw.RUnlock()
	if sched.Controlled() {
		sched.Released(rw)
		sched.Unpark(rw)
	}
}

// RLocker returns a [Locker] whose Lock and Unlock call rw.RLock and
// rw.RUnlock.
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }
