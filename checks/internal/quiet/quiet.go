// Package quiet is a spin lock the race detector does not see: weft's
// bookkeeping of who holds and waits for what, in stress executions, must
// not add a happens-before edge between the goroutines it watches, or it
// would hide their data races from -race. On amd64 the lock is an XCHG in
// assembly, which the race detector does not instrument, and the code it
// guards is marked //go:norace. Elsewhere it falls back to sync/atomic,
// which the race detector sees (as the logical clock does).
package quiet

import "runtime"

// A Lock is a spin lock; the zero value is unlocked. Critical sections must
// be a few instructions long: a waiter spins, yielding its processor.
type Lock struct{ state uint32 }

// Lock acquires l.
func (l *Lock) Lock() {
	for swap(&l.state, 1) != 0 {
		runtime.Gosched()
	}
}

// Unlock releases l.
func (l *Lock) Unlock() { swap(&l.state, 0) }
