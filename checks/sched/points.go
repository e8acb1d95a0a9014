package sched

import "github.com/weftlab/weft/checks/internal/engine"

// Go starts fn on a new goroutine, like the go statement. Goroutines started
// by an implementation must use Go so that weft can see them, recover their
// panics and check that they end.
func Go(fn func()) { engine.Go(fn) }

// Yield is an explicit scheduling point: a place where the implementation
// wants other goroutines to be able to run, such as the window between a
// read and a write that a bug leaves unprotected.
func Yield() { engine.Yield() }

// Kind names how a lock is taken, for [Waiting] and [Acquired].
type Kind = engine.Kind

// The ways a lock of one's own is taken. They decide how reports name the
// lock ("mutex#1", "rwmutex#1") and who passes a waiter: readers do not
// pass a waiting reader.
const (
	MutexLock = engine.MutexLock // an exclusive lock
	RWLock    = engine.RWLock    // the write lock of a reader/writer lock
	RLock     = engine.RLock     // the read lock of a reader/writer lock
)
