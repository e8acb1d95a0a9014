// Package executor is the guide's thread models (section 2) as Go
// executors: [PerTask] starts a goroutine for every task, as Java 21's
// newVirtualThreadPerTaskExecutor starts a virtual thread (2.3: goroutines
// are M:N green threads, 2.2), and [Pool] runs tasks on a fixed number of
// workers, as a pool of OS threads (2.1) would.
//
// What is checked (the catalog's programs state it with checks.Require):
// each submitted task runs exactly once, and Close returns only after
// every task submitted before it has ended; a Submit after Close is
// refused with ErrClosed. BenchmarkSleepingTasks runs the guide's million
// sleeping tasks on each.
//
// The zoo (zoo.go): [EagerClose] counts a task in only once its goroutine
// runs, so Close can find nothing to wait for and return before the tasks
// end; [DroppingPool] stops its workers at Close even with tasks queued,
// which are then never run.
package executor

import (
	"errors"
	"sync"
)

// ErrClosed is what Submit returns after Close.
var ErrClosed = errors.New("executor: closed")

// PerTask runs every task on a goroutine of its own.
type PerTask struct {
	mu     sync.Mutex
	closed bool
	tasks  sync.WaitGroup
}

// Submit starts task on a new goroutine, or returns ErrClosed.
func (e *PerTask) Submit(task func()) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return ErrClosed
	}
	// Counted in before the goroutine exists, under the lock Close takes:
	// a Close that follows this Submit waits for this task.
	e.tasks.Add(1)
	go func() {
		defer e.tasks.Done()
		task()
	}()
	return nil
}

// Close refuses new tasks and waits for every submitted one to end.
func (e *PerTask) Close() {
	e.mu.Lock()
	e.closed = true
	e.mu.Unlock()
	e.tasks.Wait()
}

// Pool runs tasks on a fixed number of workers that take them from a
// queue.
type Pool struct {
	mu      sync.Mutex
	closed  bool
	queue   chan func()
	workers sync.WaitGroup
}

// NewPool starts n workers; Submit waits while queue tasks are waiting.
func NewPool(n, queue int) *Pool {
	p := &Pool{queue: make(chan func(), queue)}
	p.workers.Add(n)
	for range n {
		go func() {
			defer p.workers.Done()
			for task := range p.queue { // ends once the queue is closed and drained
				task()
			}
		}()
	}
	return p
}

// Submit queues task, or returns ErrClosed.
func (p *Pool) Submit(task func()) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return ErrClosed
	}
	p.queue <- task // under the lock, so that Close never closes the queue under a send
	return nil
}

// Close refuses new tasks, lets the workers drain the queue and waits for
// them.
func (p *Pool) Close() {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		close(p.queue)
	}
	p.mu.Unlock()
	p.workers.Wait()
}
