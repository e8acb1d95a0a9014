package fairness

import (
	"sync"

	"github.com/weftlab/weft/checks/sched"
)

// rwState is what both reader-writer locks keep, under mu. Its address is
// the lock's identity for weft (Waiting, Acquired, Released).
type rwState struct {
	mu      sync.Mutex
	changed *sync.Cond
	readers int  // readers inside
	writing bool // a writer inside
}

func (s *rwState) init() { s.changed = sync.NewCond(&s.mu) }

// RUnlock undoes one RLock; both locks let the last reader out alike.
func (s *rwState) RUnlock() {
	sched.Released(s)
	s.mu.Lock()
	s.readers--
	s.changed.Broadcast()
	s.mu.Unlock()
}

// FairRW is a reader-writer lock with the policy of sync.RWMutex: a writer
// that waits stops new readers, the readers that waited meanwhile go in
// before the next writer, and writers go in the order they came. Neither
// side starves: a waiting writer is bypassed at most by the readers admitted
// in one batch and the writers ahead of it, a waiting reader by at most one
// writer.
type FairRW struct {
	rwState
	writersWaiting int
	readersWaiting int
	admit          int // readers let in ahead of waiting writers
	next, serving  int // writer tickets
}

// NewFairRW returns an unlocked FairRW.
func NewFairRW() *FairRW {
	rw := &FairRW{}
	rw.init()
	return rw
}

// RLock locks for reading.
func (rw *FairRW) RLock() {
	rw.mu.Lock()
	waited := false
	for rw.writing || rw.writersWaiting > 0 && rw.admit == 0 {
		if !waited {
			sched.Waiting(sched.RLock, &rw.rwState)
			rw.readersWaiting++
			waited = true
		}
		rw.changed.Wait()
	}
	if waited {
		rw.readersWaiting--
		if rw.admit > 0 {
			rw.admit--
		}
	}
	rw.readers++
	rw.mu.Unlock()
	sched.Acquired(sched.RLock, &rw.rwState)
}

// Lock locks for writing.
func (rw *FairRW) Lock() {
	rw.mu.Lock()
	ticket := rw.next
	rw.next++
	rw.writersWaiting++
	waited := false
	for rw.writing || rw.readers > 0 || rw.admit > 0 || rw.serving != ticket {
		if !waited {
			sched.Waiting(sched.RWLock, &rw.rwState)
			waited = true
		}
		rw.changed.Wait()
	}
	rw.writersWaiting--
	rw.writing = true
	rw.mu.Unlock()
	sched.Acquired(sched.RWLock, &rw.rwState)
}

// Unlock unlocks for writing; the readers waiting now go first.
func (rw *FairRW) Unlock() {
	sched.Released(&rw.rwState)
	rw.mu.Lock()
	rw.writing = false
	rw.serving++
	rw.admit = rw.readersWaiting
	rw.changed.Broadcast()
	rw.mu.Unlock()
}

// rwLocker is what the registers lock with.
type rwLocker interface {
	RLock()
	RUnlock()
	Lock()
	Unlock()
}

// Register is a value guarded by a reader-writer lock: loads read-lock,
// stores write-lock. It is linearizable with either lock.
type Register struct {
	rw rwLocker
	v  int
}

// NewFairRegister returns a register guarded by a FairRW.
func NewFairRegister() *Register { return &Register{rw: NewFairRW()} }

// Load returns the value.
func (r *Register) Load() int {
	r.rw.RLock()
	defer r.rw.RUnlock()
	return r.v
}

// Store replaces the value.
func (r *Register) Store(v int) {
	r.rw.Lock()
	defer r.rw.Unlock()
	r.v = v
}
