// Package priority implements the guide's priority inversion (11.3) on a
// small uniprocessor: a [CPU] that runs one task at a time, always the
// ready task of highest priority, and preempts the running one at its next
// step when a more urgent one is ready, as a real-time kernel does. Tasks
// share resources through a [Mutex] of the CPU.
//
// The inversion: a low-priority task holds the mutex; a high-priority task
// arrives, preempts it and waits for the mutex; a medium-priority task,
// which needs no mutex, arrives and preempts the low one, and runs as long
// as it has work while the high one waits behind it. Priority inheritance
// ends it: the holder of a mutex runs at the priority of its most urgent
// waiter, so no medium task can preempt it, and the high task waits only
// for the holder's critical section.
//
// Correct version: [NewSystem] (inheritance). Bug zoo: [NewSystemWithoutInheritance].
//
// The CPU is plain Go (a goroutine and channels); its calls of package
// sched are annotations, not shims, which do nothing without weft's
// controller: plain Go has no way to say "this goroutine has priority p"
// ([sched.SetPriority], [sched.ClearPriority]) or "this task waits for
// this hand-made mutex" ([sched.Waiting], [sched.Acquired],
// [sched.Released]), and [sched.Note] writes the kernel's decisions into a
// report's interleaving.
package priority

import (
	"fmt"

	"github.com/weftlab/weft/checks/sched"
)

// A Priority ranks tasks: the CPU runs the ready task of highest priority.
type Priority int

// The guide's three priorities.
const (
	Low Priority = 1 + iota
	Medium
	High
)

func (p Priority) String() string {
	switch p {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return fmt.Sprintf("priority %d", int(p))
}

// CPU is a uniprocessor run by a kernel goroutine. Tasks ask the kernel for
// everything (to start, to step, to lock, to unlock, to end) over one
// channel and wait for its grant to run again; the kernel owns every piece
// of scheduling state, so it needs no lock, and only the task it granted
// runs. Create it with [NewCPU] and end it with Stop.
type CPU struct {
	requests chan request
	done     chan struct{}
	inherit  bool
}

// A Task is the running task's handle on the CPU, passed to the body given
// to [CPU.Run].
type Task struct {
	cpu   *CPU
	base  Priority
	grant chan struct{} // room for one: the kernel never waits on it

	// Owned by the kernel.
	name       string   // such as "low#2", for the notes of the trace
	effective  Priority // base, or what it inherited
	order      int      // when it became ready: FIFO among equals
	waitingFor *Mutex
	holds      []*Mutex
}

// Mutex is a mutual-exclusion lock of a CPU's tasks. Its state belongs to
// the kernel. Unlock hands it to its most urgent waiter (the oldest among
// equals), so it is fair within a priority.
type Mutex struct {
	owner   *Task
	waiters []*Task
}

type requestKind uint8

const (
	arrive requestKind = iota
	step
	lock
	unlock
	exit
)

type request struct {
	task *Task
	kind requestKind
	mu   *Mutex
}

// NewCPU starts a CPU; with inherit, mutex holders inherit the priority of
// their waiters.
func NewCPU(inherit bool) *CPU {
	c := &CPU{requests: make(chan request), done: make(chan struct{}), inherit: inherit}
	go c.kernel()
	return c
}

// Stop ends the kernel once every task has ended. The CPU must not be used
// afterwards.
func (c *CPU) Stop() {
	close(c.requests)
	<-c.done
}

// Run runs body as a task of priority p and returns when it has ended. The
// calling goroutine is the task: it declares p to weft so that a wait of
// this task behind less urgent work shows as priority inversion.
func (c *CPU) Run(p Priority, body func(*Task)) {
	t := &Task{cpu: c, base: p, effective: p, grant: make(chan struct{}, 1)}
	sched.SetPriority(int(p))
	defer sched.ClearPriority()
	t.ask(arrive, nil)
	body(t)
	c.requests <- request{task: t, kind: exit}
}

// Step is one unit of the task's work: the point where a more urgent ready
// task preempts it.
func (t *Task) Step() { t.ask(step, nil) }

// Lock acquires m, waiting (off the CPU) while another task holds it.
func (t *Task) Lock(m *Mutex) {
	sched.Waiting(sched.MutexLock, m)
	t.ask(lock, m)
	sched.Acquired(sched.MutexLock, m)
}

// Unlock releases m, which t holds, to its most urgent waiter; t is
// preempted at once if that waiter is more urgent than t now is.
func (t *Task) Unlock(m *Mutex) {
	sched.Released(m)
	t.ask(unlock, m)
}

// ask sends a request and waits until the kernel lets t run again.
func (t *Task) ask(kind requestKind, m *Mutex) {
	t.cpu.requests <- request{task: t, kind: kind, mu: m}
	<-t.grant
}

// kernel is the CPU's scheduler: one goroutine, one request at a time.
func (c *CPU) kernel() {
	defer close(c.done)
	k := kernelState{inherit: c.inherit}
	for r := range c.requests {
		k.handle(r)
	}
}

type kernelState struct {
	inherit bool
	running *Task
	ready   []*Task
	order   int
	arrived int
}

func (k *kernelState) handle(r request) {
	t := r.task
	switch r.kind {
	case arrive:
		k.arrived++
		t.name = fmt.Sprintf("%s#%d", t.base, k.arrived)
		sched.Note("%s arrives", t.name)
		k.makeReady(t)
		if k.running == nil {
			k.dispatch()
		}
	case step:
		k.continueOrPreempt(t)
	case lock:
		m := r.mu
		if m.owner == nil {
			m.owner = t
			t.holds = append(t.holds, m)
			k.grant(t)
			return
		}
		m.waiters = append(m.waiters, t)
		t.waitingFor = m
		sched.Note("%s waits for the mutex %s holds", t.name, m.owner.name)
		if k.inherit {
			k.lend(m.owner, t.effective)
		}
		k.running = nil
		k.dispatch()
	case unlock:
		k.release(t, r.mu)
		k.continueOrPreempt(t)
	case exit:
		sched.Note("%s ends", t.name)
		k.running = nil
		k.dispatch()
	}
}

// lend raises the priority of holder, and of the holder it waits for, and so
// on, to p: priority inheritance, transitive.
func (k *kernelState) lend(holder *Task, p Priority) {
	for holder != nil && holder.effective < p {
		holder.effective = p
		sched.Note("%s inherits priority %s", holder.name, p)
		if holder.waitingFor == nil {
			return
		}
		holder = holder.waitingFor.owner
	}
}

// release hands m from t to its most urgent waiter, and gives back what t
// inherited through m.
func (k *kernelState) release(t *Task, m *Mutex) {
	for i, h := range t.holds {
		if h == m {
			t.holds = append(t.holds[:i], t.holds[i+1:]...)
			break
		}
	}
	m.owner = nil
	if len(m.waiters) > 0 {
		best := 0
		for i, w := range m.waiters {
			if w.effective > m.waiters[best].effective {
				best = i
			}
		}
		w := m.waiters[best]
		m.waiters = append(m.waiters[:best], m.waiters[best+1:]...)
		m.owner, w.waitingFor = w, nil
		sched.Note("%s hands the mutex to %s", t.name, w.name)
		w.holds = append(w.holds, m)
		if k.inherit {
			for _, o := range m.waiters {
				w.effective = max(w.effective, o.effective)
			}
		}
		k.makeReady(w)
	}
	if k.inherit {
		t.effective = t.base
		for _, h := range t.holds {
			for _, o := range h.waiters {
				t.effective = max(t.effective, o.effective)
			}
		}
	}
}

// continueOrPreempt lets the running task t go on, unless a ready task is
// more urgent.
func (k *kernelState) continueOrPreempt(t *Task) {
	if i := k.mostUrgent(); i >= 0 && k.ready[i].effective > t.effective {
		sched.Note("%s preempts %s", k.ready[i].name, t.name)
		k.makeReady(t)
		k.running = nil
		k.dispatch()
		return
	}
	k.grant(t)
}

func (k *kernelState) makeReady(t *Task) {
	k.order++
	t.order = k.order
	k.ready = append(k.ready, t)
}

// mostUrgent returns the index of the ready task of highest priority, the
// oldest among equals, or -1.
func (k *kernelState) mostUrgent() int {
	best := -1
	for i, t := range k.ready {
		if best < 0 || t.effective > k.ready[best].effective ||
			t.effective == k.ready[best].effective && t.order < k.ready[best].order {
			best = i
		}
	}
	return best
}

// dispatch runs the most urgent ready task, if any.
func (k *kernelState) dispatch() {
	i := k.mostUrgent()
	if i < 0 {
		return
	}
	t := k.ready[i]
	k.ready = append(k.ready[:i], k.ready[i+1:]...)
	k.grant(t)
}

func (k *kernelState) grant(t *Task) {
	if k.running != t {
		sched.Note("runs %s", t.name)
	}
	k.running = t
	t.grant <- struct{}{}
}
