package catalog

import (
	"errors"
	"sync/atomic"
	"time"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/executor"
)

// An executorService is what the executors share.
type executorService interface {
	Submit(task func()) error
	Close()
}

// poolTasks is how many tasks a pool's program submits: more than its
// workers, so that some wait in its queue. A goroutine-per-task executor
// gets 2, which is enough to overlap, and lets a random walk reach the
// start of Close before either task's goroutine runs.
const (
	poolTasks    = 4
	perTaskTasks = 2
)

// executorProgram is the guide's executor (2.3) at a small scale: tasks
// tasks that sleep, submitted, then Close. When Close returns, each task
// must have run exactly once, and a Submit after it must be refused.
func executorProgram[E executorService](tasks int, newExecutor func() E) func() {
	return func() {
		e := newExecutor()
		runs := make([]atomic.Int32, tasks)
		for i := range runs {
			err := e.Submit(func() { time.Sleep(time.Millisecond); runs[i].Add(1) })
			checks.Require(err == nil, "a Submit before Close is accepted: task %d got %v", i, err)
		}
		e.Close()
		for i := range runs {
			n := runs[i].Load()
			checks.Require(n == 1, "each task runs once, and Close waits for it: task %d had run %d times when Close returned", i, n)
		}
		err := e.Submit(func() {})
		checks.Require(errors.Is(err, executor.ErrClosed), "a Submit after Close is refused: it returned %v", err)
	}
}

var executors = []Entry{
	programEntry[*executor.PerTask]("2", checks.Ok, "executor/per-task",
		executorProgram(perTaskTasks, func() *executor.PerTask { return new(executor.PerTask) })),
	programEntry[*executor.Pool]("2", checks.Ok, "executor/pool", executorProgram(poolTasks, func() *executor.Pool { return executor.NewPool(2, poolTasks) })),
	programEntry[*executor.EagerClose]("2", checks.Violated, "executor/eager-close",
		executorProgram(perTaskTasks, func() *executor.EagerClose { return new(executor.EagerClose) })),
	programEntry[*executor.DroppingPool]("2", checks.Violated, "executor/dropping-pool",
		executorProgram(poolTasks, func() *executor.DroppingPool { return executor.NewDroppingPool(2, poolTasks) })),
}
