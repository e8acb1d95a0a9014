package worksteal

import (
	"sync"
	"sync/atomic"
)

// LocalCapacity is the size of each worker's deque, that of the Go
// runtime's local run queue. A task spawned on a full deque goes to the
// global queue instead, as Go moves goroutines from a full local queue.
const LocalCapacity = 256

// A Task is a unit of work. It runs on a worker, which it may use to spawn
// more tasks ([Worker.Go]).
type Task func(w *Worker)

// Scheduler runs tasks on a fixed set of workers in the manner of Go's
// runtime scheduler (guide 4.1, 4.3): each worker, a P with its own
// goroutine as M, owns a local deque; tasks submitted from outside go to
// one global queue; a task spawned by a running task goes to the bottom of
// its worker's deque. A worker looks for its next task in its own deque
// first (newest first, while it is hot), then in the global queue, then
// steals the oldest task of another worker's deque, trying each in turn
// from its right-hand neighbour, and sleeps only when all of that finds
// nothing, until something is submitted or spawned.
//
// What is checked: every task submitted or spawned runs exactly once, and
// Wait returns only after all of them have run (the catalog counts runs per
// task and requires one each); every worker ends at Close (leak); nothing
// waits forever (deadlock, hang). Exactly-once rests on the deque: a task
// is run by whoever takes it, and the deque hands each item to one taker.
//
// The scheduler takes the deque by interface so that the same scheduler
// runs on the broken deques of the bug zoo: [NewUnclaimedStealScheduler]
// and [NewRacyPopScheduler].
type Scheduler struct {
	workers []*Worker
	pending sync.WaitGroup // tasks submitted or spawned that have not yet run
	running sync.WaitGroup // the workers' goroutines

	mu     sync.Mutex // guards global, closed and epoch
	wake   *sync.Cond // idle workers wait on it for epoch to move
	global []Task
	closed bool
	// epoch moves whenever there may be new work for an idle worker: a
	// worker that saw it before its last look for work, and sees it
	// unchanged, knows that nothing arrived since (an eventcount).
	epoch uint64
	// idle counts the workers between announcing that they are about to
	// wait and leaving the wait; it changes under mu, and spawners read it
	// without, to skip waking anyone when no one waits.
	idle atomic.Int32
}

// A Worker runs tasks from its own deque, the global queue and other
// workers' deques, on its own goroutine.
type Worker struct {
	s     *Scheduler
	id    int
	local interface {
		Push(Task) bool
		Pop() (Task, bool)
		Steal() (Task, bool)
	}
}

// NewScheduler starts a scheduler of n workers, on Chase–Lev deques.
func NewScheduler(n int) *Scheduler {
	return newScheduler(n, func() *Worker { return &Worker{local: NewDeque[Task](LocalCapacity)} })
}

// NewUnclaimedStealScheduler starts a scheduler of n workers whose deques'
// thieves copy a task without claiming it ([UnclaimedStealDeque]). Broken on
// purpose: a task stolen while its owner pops it, or while another thief
// steals it, runs twice.
func NewUnclaimedStealScheduler(n int) *Scheduler {
	return newScheduler(n, func() *Worker { return &Worker{local: NewUnclaimedStealDeque[Task](LocalCapacity)} })
}

// NewRacyPopScheduler starts a scheduler of n workers whose deques' owners
// take the last task without the compare-and-swap ([RacyPopDeque]). Broken
// on purpose: a worker's last task, stolen as its owner pops it, runs twice.
func NewRacyPopScheduler(n int) *Scheduler {
	return newScheduler(n, func() *Worker { return &Worker{local: NewRacyPopDeque[Task](LocalCapacity)} })
}

func newScheduler(n int, newWorker func() *Worker) *Scheduler {
	if n < 1 {
		panic("worksteal: a scheduler needs at least one worker")
	}
	s := &Scheduler{}
	s.wake = sync.NewCond(&s.mu)
	for i := range n {
		w := newWorker()
		w.s, w.id = s, i
		s.workers = append(s.workers, w)
	}
	s.running.Add(n)
	for _, w := range s.workers {
		go w.run()
	}
	return s
}

// Submit adds t to the global queue. It panics after Close.
func (s *Scheduler) Submit(t Task) {
	s.pending.Add(1)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		s.pending.Done()
		panic("worksteal: Submit after Close")
	}
	s.pushGlobal(t)
}

// pushGlobal adds t to the global queue and wakes a worker. s.mu is held.
func (s *Scheduler) pushGlobal(t Task) {
	s.global = append(s.global, t)
	s.epoch++
	s.wake.Signal()
}

// Wait returns once every task submitted before it, and every task those
// spawned, has run. Like sync.WaitGroup's, a Wait must return before tasks
// are submitted for the next one.
func (s *Scheduler) Wait() { s.pending.Wait() }

// Close ends the workers once every task has run (the workers drain the
// queues before they end) and waits for them. Submit panics afterwards.
func (s *Scheduler) Close() {
	s.mu.Lock()
	s.closed = true
	s.wake.Broadcast()
	s.mu.Unlock()
	s.running.Wait()
}

// Go spawns t onto the bottom of w's deque, or onto the global queue when
// the deque is full. Only the task running on w may call it: a deque has
// one owner, w's goroutine.
func (w *Worker) Go(t Task) {
	s := w.s
	s.pending.Add(1)
	if !w.local.Push(t) {
		s.mu.Lock()
		s.pushGlobal(t)
		s.mu.Unlock()
		return
	}
	// Wake a worker to steal t. Reading idle as 0 means that load came
	// before some waiter's announcement (atomics are sequentially
	// consistent), so the push came before that waiter's last look, which
	// sees t.
	if s.idle.Load() > 0 {
		s.mu.Lock()
		s.epoch++
		s.wake.Signal()
		s.mu.Unlock()
	}
}

func (w *Worker) run() {
	defer w.s.running.Done()
	for {
		t, ok := w.next()
		if !ok {
			return
		}
		t(w)
		w.s.pending.Done()
	}
}

// next returns w's next task, waiting for one, or false once the scheduler
// is closed and there is nothing left to take.
func (w *Worker) next() (Task, bool) {
	s := w.s
	for {
		if t, ok := w.local.Pop(); ok {
			return t, true
		}
		if t, ok := w.find(); ok {
			return t, true
		}
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return nil, false
		}
		seen := s.epoch
		s.idle.Add(1)
		s.mu.Unlock()
		// Look once more, now that spawners see this worker idle: work
		// that arrived before they could is found here, work after wakes
		// it. w's own deque is empty: only w pushes to it.
		t, ok := w.find()
		s.mu.Lock()
		for !ok && s.epoch == seen && !s.closed {
			s.wake.Wait()
		}
		s.idle.Add(-1)
		s.mu.Unlock()
		if ok {
			return t, true
		}
	}
}

// find takes the oldest task of the global queue, or steals one from
// another worker, trying each in turn from w's right-hand neighbour.
func (w *Worker) find() (Task, bool) {
	s := w.s
	s.mu.Lock()
	if len(s.global) > 0 {
		t := s.global[0]
		s.global[0] = nil
		s.global = s.global[1:]
		s.mu.Unlock()
		return t, true
	}
	s.mu.Unlock()
	for i := 1; i < len(s.workers); i++ {
		if t, ok := s.workers[(w.id+i)%len(s.workers)].local.Steal(); ok {
			return t, true
		}
	}
	return nil, false
}
