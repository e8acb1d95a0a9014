package pool

import "sync"

// GoPerTask is the "virtual thread" executor standing in for a pool: each
// accepted task gets a goroutine of its own. Broken on purpose as a pool
// of n: Submit, Shutdown and the futures are right, n is ignored.
//
// What goes wrong: nothing bounds how many tasks run at once. Submit n+1
// tasks before the first ends and n+1 run together, which a CPU-bound pool
// exists to prevent (more runnable work than cores only adds switching).
type GoPerTask struct {
	mu      sync.Mutex
	closed  bool
	running sync.WaitGroup
}

// NewGoPerTask returns a GoPerTask; n, the pool's size, goes unused.
func NewGoPerTask(n int) *GoPerTask { return &GoPerTask{} }

// Submit starts task on a goroutine of its own and returns its future, or
// returns ErrShutdown once Shutdown has begun. The Add happens in the
// critical section, before closed can be set, so Shutdown's Wait counts it.
func (p *GoPerTask) Submit(task func() int) (*Future, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, ErrShutdown
	}
	j := &job{task: task, future: newFuture()}
	p.running.Add(1)
	go func() {
		defer p.running.Done()
		j.run()
	}()
	return j.future, nil
}

// Shutdown rejects every later Submit and waits for every started task.
func (p *GoPerTask) Shutdown() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.running.Wait()
}

// DropsQueued is [Pool] whose workers leave as soon as the pool is shut
// down, without draining the queue. Broken on purpose.
//
// What goes wrong: a worker that wakes up, or comes back for its next task,
// after Shutdown set closed returns even though tasks are still queued.
// Those tasks were accepted by Submit but never run: Shutdown, which only
// waits for the workers, returns with them still queued, and their futures
// never complete, so whoever awaits one waits forever.
type DropsQueued struct {
	Pool
}

// NewDropsQueued starts a DropsQueued of n workers.
func NewDropsQueued(n int) *DropsQueued {
	p := &DropsQueued{}
	p.work = sync.NewCond(&p.mu)
	p.workers.Add(n)
	for range n {
		go p.worker()
	}
	return p
}

// worker is Pool's worker checking closed first: the bug.
func (p *DropsQueued) worker() {
	defer p.workers.Done()
	for {
		p.mu.Lock()
		for len(p.queue) == 0 && !p.closed {
			p.work.Wait()
		}
		if p.closed { // should be: closed and the queue empty
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
