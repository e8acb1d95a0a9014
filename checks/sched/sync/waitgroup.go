package sync

import (
	stdsync "sync"

	"github.com/weftlab/weft/checks/sched"
)

// A WaitGroup waits for a collection of goroutines to finish, as
// [sync.WaitGroup].
type WaitGroup struct {
	wg stdsync.WaitGroup
}

// Add adds delta, which may be negative, to the counter.
func (wg *WaitGroup) Add(delta int) {
	sched.At(sched.WaitGroupAdd, wg)
	wg.wg.Add(delta)
}

// Done decrements the counter by one.
func (wg *WaitGroup) Done() {
	sched.At(sched.WaitGroupAdd, wg)
	wg.wg.Done()
}

// Wait blocks until the counter is zero.
func (wg *WaitGroup) Wait() {
	sched.At(sched.WaitGroupWait, wg)
	wg.wg.Wait()
}

// Go calls f on a new goroutine (started with [sched.Go]) and adds that task
// to the WaitGroup; the task is done when f returns.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	sched.Go(func() {
		defer wg.Done()
		f()
	})
}

// Once performs exactly one action, as [sync.Once].
type Once struct {
	once stdsync.Once
}

// Do calls f if and only if Do is being called for the first time for this
// Once; every call returns after f has returned.
func (o *Once) Do(f func()) {
	sched.At(sched.OnceDo, o)
	o.once.Do(f)
}
