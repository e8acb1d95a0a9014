package catalog

import (
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/pool"
)

// The pool (15) is checked as a program rather than as a structure with
// Submit+Await and Shutdown operations against a model:
//
//   - its first property, never more than 4 tasks at once, needs more than
//     4 tasks in flight; with Submit+Await as one operation, in flight are
//     at most as many tasks as clients (3 by default), so a pool without a
//     bound would pass;
//   - a task lost at Shutdown would leave a client awaiting its future
//     forever: a deadlock or, under stress, a hang after the watchdog's
//     seconds, where the program instead requires, right after Shutdown
//     returns, that every accepted task's future is done, and reports
//     which task was lost;
//   - what a model would add is one bit, shut down or not, which the
//     program checks directly: Submits before Shutdown are accepted, one
//     racing with it may go either way, one after it is rejected.
const (
	cpuPoolWorkers = 4 // the guide's max_workers
	// cpuPoolTasks are submitted before Shutdown: twice the workers, so that
	// a pool without a bound runs more than 4 at once, and tasks are still
	// queued when Shutdown begins.
	cpuPoolTasks = 2 * cpuPoolWorkers
	// cpuTaskTime is how long a task works.
	cpuTaskTime = time.Millisecond
)

// cpuExecutor is what the pool variants share.
type cpuExecutor interface {
	Submit(task func() int) (*pool.Future, error)
	Shutdown()
}

var pools = []Entry{
	programEntry[pool.Pool]("15", checks.Ok, "pool/fixed", cpuPoolProgram(pool.New)),
	programEntry[pool.GoPerTask]("15", checks.Violated, "pool/go-per-task", cpuPoolProgram(pool.NewGoPerTask)),
	programEntry[pool.DropsQueued]("15", checks.Violated, "pool/drops-queued", cpuPoolProgram(pool.NewDropsQueued)),
}

// cpuPoolProgram runs the guide's main, scaled up: two submitters (two
// coroutines of the event loop calling run_in_executor) submit 8
// CPU-bound tasks to a pool of 4; then one more Submit races with
// Shutdown; then the futures are gathered, and a last Submit comes after
// Shutdown. Each task counts its runs and the tasks in flight, so the
// requirement that breaks is stated where it breaks.
func cpuPoolProgram[P cpuExecutor](newPool func(n int) P) func() {
	return func() {
		const racing, late = cpuPoolTasks, cpuPoolTasks + 1 // the ids of the last two tasks
		var (
			inFlight atomic.Int32
			runs     [cpuPoolTasks + 2]atomic.Int32
			results  [cpuPoolTasks + 2]int // written by the task, read after its future is done
			shutDown atomic.Bool           // set once Shutdown has returned
			// taskFailed is set by a task whose requirement broke: that
			// task never completes, and the report should name its
			// requirement, not the unfinished future that follows.
			taskFailed atomic.Bool
		)
		require := func(ok bool, format string, args ...any) {
			if !ok {
				taskFailed.Store(true)
			}
			checks.Require(ok, format, args...)
		}
		task := func(id int) func() int {
			return func() int {
				n := inFlight.Add(1)
				require(n <= cpuPoolWorkers, "never more than %d tasks run at once: task %d started with %d running", cpuPoolWorkers, id, n)
				require(runs[id].Add(1) == 1, "each task runs once: task %d started a second time", id)
				results[id] = pool.CountPrimes(100 + id)
				// The work's duration, on weft's clock (virtual under
				// control): a CPU-bound task holds its worker for a while,
				// and the tasks of a pool without a bound overlap then,
				// whether a scheduler preempts them or not.
				time.Sleep(cpuTaskTime)
				require(!shutDown.Load(), "Shutdown waits for what was submitted: task %d was still running when Shutdown returned", id)
				inFlight.Add(-1)
				return results[id]
			}
		}

		p := newPool(cpuPoolWorkers)
		futures := make([]*pool.Future, racing+1)
		var submitters sync.WaitGroup
		for s := range 2 {
			submitters.Go(func() {
				for id := s; id < cpuPoolTasks; id += 2 {
					f, err := p.Submit(task(id))
					checks.Require(err == nil, "a Submit before Shutdown is accepted: task %d was rejected: %v", id, err)
					futures[id] = f
				}
			})
		}
		submitters.Wait()

		var racingErr error
		submitters.Go(func() { futures[racing], racingErr = p.Submit(task(racing)) })
		p.Shutdown()
		shutDown.Store(true)
		submitters.Wait()
		if taskFailed.Load() {
			return
		}

		for id, f := range futures {
			if id == racing && racingErr != nil {
				checks.Require(errors.Is(racingErr, pool.ErrShutdown), "a rejected Submit returns ErrShutdown: task %d got %v", id, racingErr)
				checks.Require(runs[id].Load() == 0, "a rejected task never runs: task %d was rejected and ran", id)
				continue
			}
			select {
			case <-f.Done():
			default:
				checks.Require(false, "Shutdown waits for what was submitted: task %d was accepted and had not finished when Shutdown returned (it had started %d times)",
					id, runs[id].Load())
			}
			v := f.Await()
			checks.Require(v == results[id], "a future completes with its task's result: task %d returned %d, its future %d", id, results[id], v)
		}

		_, err := p.Submit(task(late))
		checks.Require(errors.Is(err, pool.ErrShutdown), "a Submit after Shutdown returned is rejected with ErrShutdown: task %d got %v", late, err)
	}
}
