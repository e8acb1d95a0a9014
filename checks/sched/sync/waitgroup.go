package sync

import (
	stdsync "sync"
	stdatomic "sync/atomic"
	"unsafe"

	"github.com/weftlab/weft/checks/internal/engine"
)

// A WaitGroup waits for a collection of goroutines to finish, as
// [sync.WaitGroup].
type WaitGroup struct {
	wg stdsync.WaitGroup
	n  stdatomic.Int64 // the counter, for a controller, which cannot block in wg.Wait
}

// Add adds delta, which may be negative, to the counter.
func (wg *WaitGroup) Add(delta int) {
	engine.At(engine.WaitGroupAdd, wg)
	wg.wg.Add(delta)
	if wg.n.Add(int64(delta)) == 0 {
		engine.Unpark(wg)
	}
}

// Done decrements the counter by one.
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Wait blocks until the counter is zero.
func (wg *WaitGroup) Wait() {
	engine.At(engine.WaitGroupWait, wg)
	if engine.Controlled() {
		for wg.n.Load() != 0 {
			engine.Park(engine.WaitGroupWait, wg)
		}
		return
	}
	engine.Blocking(engine.WaitGroupWait, unsafe.Pointer(wg))
	wg.wg.Wait()
	engine.Unblocked(unsafe.Pointer(wg))
}

// Go calls f on a new goroutine (started with [sched.Go]) and adds that task
// to the WaitGroup; the task is done when f returns.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	engine.Go(func() {
		defer wg.Done()
		f()
	})
}

// Once performs exactly one action, as [sync.Once].
//
// It is built as sync.Once is, on a Mutex of this package, so that a
// controller can run other goroutines while f runs and park the callers
// that wait for it.
type Once struct {
	done stdatomic.Bool
	m    Mutex
}

// Do calls f if and only if Do is being called for the first time for this
// Once; every call returns after f has returned.
func (o *Once) Do(f func()) {
	engine.At(engine.OnceDo, o)
	if o.done.Load() {
		return
	}
	o.m.Lock()
	defer o.m.Unlock()
	if !o.done.Load() {
		defer o.done.Store(true)
		f()
	}
}
