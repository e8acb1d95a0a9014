// Package pool is the guide's CPU-bound worker pool with an async bridge
// (section 15, the code of 15.2): a fixed number of workers, the guide's
// ProcessPoolExecutor(max_workers=4), runs the tasks submitted to it;
// Submit never blocks and returns a [Future], the Go side of the guide's
// loop.run_in_executor, which the submitter awaits (the guide gathers
// four of them).
//
// What is checked (the catalog's pool programs state each with
// checks.Require, at the point where it must hold, naming the task):
//
//   - each task accepted by Submit runs exactly once, and its future
//     completes with the task's result; a rejected task never runs;
//   - never more than N tasks run at once (an in-flight counter inside
//     the task);
//   - Shutdown waits for what was submitted: when it returns, every
//     accepted task has run to its end; every Submit that starts after
//     Shutdown returned is rejected with [ErrShutdown];
//   - every worker ends once Shutdown returns (weft's leak verdict).
//
// A Submit that races with Shutdown may go either way: accepted, it is
// one of the tasks Shutdown waits for; rejected, it never runs.
//
// [Pool] is correct; zoo.go holds the broken variants.
package pool

import (
	"errors"
	"sync"
)

// ErrShutdown is what Submit returns once Shutdown has begun.
var ErrShutdown = errors.New("pool: Submit after Shutdown")

// A Future is the result of one submitted task, available once the task
// has run.
type Future struct {
	done  chan struct{}
	value int
}

func newFuture() *Future { return &Future{done: make(chan struct{})} }

// complete stores the task's result; the close publishes it to Await
// (closing happens before the receive that sees it closed).
func (f *Future) complete(v int) {
	f.value = v
	close(f.done)
}

// Done returns a channel closed once the task has run, for a select.
func (f *Future) Done() <-chan struct{} { return f.done }

// Await waits until the task has run and returns its result.
func (f *Future) Await() int {
	<-f.done
	return f.value
}

// job is a task with the future of its result.
type job struct {
	task   func() int
	future *Future
}

func (j *job) run() { j.future.complete(j.task()) }

// Pool is a fixed pool of worker goroutines with an unbounded FIFO queue:
// Submit appends to the queue and returns at once, as run_in_executor must
// not block the event loop; an idle worker takes the oldest task. A task
// must not panic (it would end its worker).
//
// Linearization points: a Submit takes effect (accepted or rejected) in its
// critical section; Shutdown takes effect when it sets closed, in its
// critical section. A Submit that took effect before is queued, and
// workers leave only when the queue is empty and closed is set, so
// Shutdown, which waits for every worker, returns after every accepted
// task has run.
type Pool struct {
	mu      sync.Mutex
	work    *sync.Cond // on mu: the queue has a task, or closed was set
	queue   []*job
	closed  bool
	workers sync.WaitGroup
}

// New starts a pool of n workers.
func New(n int) *Pool {
	p := &Pool{}
	p.work = sync.NewCond(&p.mu)
	p.workers.Add(n)
	for range n {
		go p.worker()
	}
	return p
}

// worker runs queued tasks, one at a time, until the pool is shut down and
// its queue is empty. Only n workers exist, so at most n tasks run at once.
func (p *Pool) worker() {
	defer p.workers.Done()
	for {
		p.mu.Lock()
		for len(p.queue) == 0 && !p.closed {
			p.work.Wait()
		}
		if len(p.queue) == 0 { // closed and drained
			p.mu.Unlock()
			return
		}
		j := p.queue[0]
		p.queue[0] = nil
		p.queue = p.queue[1:]
		p.mu.Unlock()
		j.run()
	}
}

// Submit queues task to run on a worker and returns its future at once,
// or returns ErrShutdown, and never runs task, once Shutdown has begun.
func (p *Pool) Submit(task func() int) (*Future, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, ErrShutdown
	}
	j := &job{task: task, future: newFuture()}
	p.queue = append(p.queue, j)
	p.work.Signal()
	return j.future, nil
}

// Shutdown rejects every later Submit, waits until every accepted task has
// run, and returns once every worker has ended. Calling it again only
// waits.
func (p *Pool) Shutdown() {
	p.mu.Lock()
	p.closed = true
	p.work.Broadcast()
	p.mu.Unlock()
	p.workers.Wait()
}
