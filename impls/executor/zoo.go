package executor

import "sync"

// EagerClose is PerTask with each task counted in by its own goroutine,
// once it runs: a Close right after Submit can find no task counted, and
// return while the tasks have not even started. (The same bug with a
// WaitGroup, Add in the new goroutine, is one go vet reports when the Add
// is in a go statement's literal, and one the race detector reports when
// the Add meets a Wait; this one is under a lock, which neither sees.)
type EagerClose struct {
	mu      sync.Mutex
	idle    *sync.Cond // signalled when running drops to 0
	closed  bool
	running int
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
	e.mu.Lock()
	e.running++
	e.mu.Unlock()
	task()
	e.mu.Lock()
	e.running--
	if e.running == 0 {
		e.cond().Broadcast()
	}
	e.mu.Unlock()
}

// cond returns the condition, made on first use; e.mu must be held.
func (e *EagerClose) cond() *sync.Cond {
	if e.idle == nil {
		e.idle = sync.NewCond(&e.mu)
	}
	return e.idle
}

// Close waits until no counted task runs.
func (e *EagerClose) Close() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.closed = true
	for e.running > 0 {
		e.cond().Wait()
	}
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
