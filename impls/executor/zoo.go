package executor

import "sync"

// EagerClose is PerTask with the task counted in by its own goroutine: a
// Close right after Submit can run before that goroutine, find the count
// at zero and return while the task has not even started. go vet reports
// this bug when the Add is in a go statement's function literal; in a
// method, as here, it does not see it.
type EagerClose struct {
	mu     sync.Mutex
	closed bool
	tasks  sync.WaitGroup
}

// Submit starts task on a new goroutine, which counts itself in.
func (e *EagerClose) Submit(task func()) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return ErrClosed
	}
	go e.run(task)
	return nil
}

func (e *EagerClose) run(task func()) {
	e.tasks.Add(1)
	defer e.tasks.Done()
	task()
}

// Close waits for the tasks counted so far.
func (e *EagerClose) Close() {
	e.mu.Lock()
	e.closed = true
	e.mu.Unlock()
	e.tasks.Wait()
}

// DroppingPool is Pool whose workers also watch a stop channel that Close
// closes: a worker that sees it first returns, and the tasks still queued
// are never run.
type DroppingPool struct {
	mu      sync.Mutex
	closed  bool
	queue   chan func()
	stop    chan struct{}
	workers sync.WaitGroup
}

// NewDroppingPool starts n workers.
func NewDroppingPool(n, queue int) *DroppingPool {
	p := &DroppingPool{queue: make(chan func(), queue), stop: make(chan struct{})}
	p.workers.Add(n)
	for range n {
		go func() {
			defer p.workers.Done()
			for {
				select {
				case task := <-p.queue:
					task()
				case <-p.stop:
					return
				}
			}
		}()
	}
	return p
}

// Submit queues task, or returns ErrClosed.
func (p *DroppingPool) Submit(task func()) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return ErrClosed
	}
	p.queue <- task
	return nil
}

// Close stops the workers, queued tasks or not, and waits for them.
func (p *DroppingPool) Close() {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		close(p.stop)
	}
	p.mu.Unlock()
	p.workers.Wait()
}
