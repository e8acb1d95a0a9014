package sync

import (
	stdsync "sync"
	"unsafe"

	"github.com/weftlab/weft/checks/internal/engine"
)

// A Locker represents an object that can be locked and unlocked.
type Locker = stdsync.Locker

// A Mutex is a mutual exclusion lock, as [sync.Mutex].
type Mutex struct {
	mu stdsync.Mutex
}

// Lock locks m, waiting until it is available. Under weft's controlled
// scheduler, a waiting Lock is parked and retried after each Unlock; once
// other goroutines have passed a waiter twice, m goes to its oldest waiter,
// as sync.Mutex does in starvation mode.
func (m *Mutex) Lock() {
	if engine.Installed() {
		m.lockObserved()
		return
	}
	m.mu.Lock() // no test running: one load more than sync.Mutex, inlined
}

func (m *Mutex) lockObserved() {
	engine.At(engine.MutexLock, m)
	if engine.Controlled() {
		// Reserved: a waiter bypassed too often gets the mutex next, as in
		// sync.Mutex's starvation mode.
		for engine.Reserved(m) || !m.mu.TryLock() {
			engine.Park(engine.MutexLock, m)
		}
		engine.Acquired(engine.MutexLock, m)
		return
	}
	// Bookkeeping for the wait-for graph of a stress hang, when on.
	engine.Blocking(engine.MutexLock, unsafe.Pointer(m))
	m.mu.Lock()
	engine.Holding(engine.MutexLock, unsafe.Pointer(m))
}

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool {
	engine.At(engine.MutexTryLock, m)
	ok := !engine.Reserved(m) && m.mu.TryLock()
	engine.Succeeded(ok)
	if ok {
		engine.Acquired(engine.MutexTryLock, m)
		engine.Holding(engine.MutexTryLock, unsafe.Pointer(m))
	}
	return ok
}

// Unlock unlocks m. It is a run-time error if m is not locked.
func (m *Mutex) Unlock() {
	if engine.Installed() {
		m.unlockObserved()
		return
	}
	m.mu.Unlock()
}

func (m *Mutex) unlockObserved() {
	engine.At(engine.MutexUnlock, m)
	engine.Releasing(unsafe.Pointer(m))
	m.mu.Unlock()
	if engine.Controlled() {
		engine.Released(m)
		engine.Unpark(m)
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
	if !engine.Installed() {
		rw.rw.Lock()
		return
	}
	engine.At(engine.RWLock, rw)
	if engine.Controlled() {
		for !rw.rw.TryLock() {
			rw.writers++
			engine.Park(engine.RWLock, rw)
			rw.writers--
		}
		engine.Acquired(engine.RWLock, rw)
		return
	}
	// Bookkeeping for the wait-for graph of a stress hang, when on.
	engine.Blocking(engine.RWLock, unsafe.Pointer(rw))
	rw.rw.Lock()
	engine.Holding(engine.RWLock, unsafe.Pointer(rw))
}

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool {
	engine.At(engine.RWTryLock, rw)
	ok := rw.rw.TryLock()
	engine.Succeeded(ok)
	if ok {
		engine.Acquired(engine.RWTryLock, rw)
		engine.Holding(engine.RWTryLock, unsafe.Pointer(rw))
	}
	return ok
}

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() {
	if !engine.Installed() {
		rw.rw.Unlock()
		return
	}
	engine.At(engine.RWUnlock, rw)
	engine.Releasing(unsafe.Pointer(rw))
	rw.rw.Unlock()
	if engine.Controlled() {
		engine.Released(rw)
		engine.Unpark(rw)
	}
}

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if !engine.Installed() {
		rw.rw.RLock()
		return
	}
	engine.At(engine.RLock, rw)
	if engine.Controlled() {
		for rw.writers > 0 || !rw.rw.TryRLock() {
			engine.Park(engine.RLock, rw)
		}
		engine.Acquired(engine.RLock, rw)
		return
	}
	// Bookkeeping for the wait-for graph of a stress hang, when on.
	engine.Blocking(engine.RLock, unsafe.Pointer(rw))
	rw.rw.RLock()
	engine.Holding(engine.RLock, unsafe.Pointer(rw))
}

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool {
	engine.At(engine.RTryLock, rw)
	ok := (!engine.Controlled() || rw.writers == 0) && rw.rw.TryRLock()
	engine.Succeeded(ok)
	if ok {
		engine.Acquired(engine.RTryLock, rw)
		engine.Holding(engine.RTryLock, unsafe.Pointer(rw))
	}
	return ok
}

// RUnlock undoes a single RLock call.
func (rw *RWMutex) RUnlock() {
	if !engine.Installed() {
		rw.rw.RUnlock()
		return
	}
	engine.At(engine.RUnlock, rw)
	engine.Releasing(unsafe.Pointer(rw))
	rw.rw.RUnlock()
	if engine.Controlled() {
		engine.Released(rw)
		engine.Unpark(rw)
	}
}

// RLocker returns a [Locker] whose Lock and Unlock call rw.RLock and
// rw.RUnlock.
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }
