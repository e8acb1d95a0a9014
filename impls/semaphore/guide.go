package semaphore

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Permits is what every semaphore of this package offers.
type Permits interface {
	TryAcquire() bool
	Acquire(ctx context.Context) error
	Release()
}

// Guide runs the guide's main (9.2) on sem: tasks workers at once, each
// taking a permit (waiting patience at most, then giving up), working for
// work while holding it, then releasing it. enter is called as each worker
// starts its work, with the number of workers holding a permit then,
// counted after Acquire returns and before Release, so never more than
// hold one. Guide returns once every worker has ended, with how many ran.
func Guide(sem Permits, tasks int, work, patience time.Duration, enter func(holding int)) (ran int) {
	var (
		wg      sync.WaitGroup
		holding atomic.Int64
		done    atomic.Int64
	)
	for range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), patience)
			defer cancel()
			if sem.Acquire(ctx) != nil {
				return // gave up, holding nothing
			}
			enter(int(holding.Add(1)))
			time.Sleep(work)
			done.Add(1)
			holding.Add(-1)
			sem.Release()
		}()
	}
	wg.Wait()
	return int(done.Load())
}
