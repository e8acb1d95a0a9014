package catalog

import (
	"sync/atomic"

	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/worksteal"
	"github.com/weftlab/weft/models"
)

// dequeCapacity is small so that scenarios fill the ring, wrap around it and
// meet a full deque; the Chase–Lev algorithm is the same at any capacity.
const dequeCapacity = 4

// intDeque is what the deque variants share.
type intDeque interface {
	Push(v int) bool
	Pop() (int, bool)
	Steal() (int, bool)
}

// ownedDeque is a deque as the checker's clients use it: any client may call
// any operation, but a deque has one owner, so Push and Pop run on an
// Owner's goroutine, one at a time, while Steal runs on the client's own
// goroutine and races with them. The checker's scenarios cannot tie an
// operation to one client; this keeps the rule of one owner whoever calls.
type ownedDeque[D intDeque] struct {
	d     D
	owner *worksteal.Owner
}

func ownedBy[D intDeque](newDeque func(capacity int) D) func() *ownedDeque[D] {
	return func() *ownedDeque[D] {
		return &ownedDeque[D]{d: newDeque(dequeCapacity), owner: worksteal.NewOwner()}
	}
}

// stopOwner ends the owner's goroutine after each execution.
func stopOwner[D intDeque](o *ownedDeque[D]) { o.owner.Close() }

func dequeOps[D intDeque]() []checks.Op[*ownedDeque[D], models.DequeInput, models.DequeOutput] {
	return []checks.Op[*ownedDeque[D], models.DequeInput, models.DequeOutput]{
		{
			Name:  "pop",
			Input: rapid.Just(models.DequeInput{Op: models.DequePop}),
			Run: func(o *ownedDeque[D], _ models.DequeInput) (out models.DequeOutput) {
				o.owner.Do(func() { out.Value, out.OK = o.d.Pop() })
				return out
			},
		},
		{
			Name:  "steal",
			Input: rapid.Just(models.DequeInput{Op: models.DequeSteal}),
			Run: func(o *ownedDeque[D], _ models.DequeInput) (out models.DequeOutput) {
				out.Value, out.OK = o.d.Steal()
				return out
			},
		},
		{
			Name: "push",
			Input: rapid.Custom(func(t *rapid.T) models.DequeInput {
				return models.DequeInput{Op: models.DequePush, Value: value.Draw(t, "value")}
			}),
			Run: func(o *ownedDeque[D], in models.DequeInput) (out models.DequeOutput) {
				o.owner.Do(func() { out.OK = o.d.Push(in.Value) })
				return out
			},
		},
	}
}

// dequeEntry is the entry of a deque variant, owned as ownedDeque says; the
// entry is of package worksteal, not of the catalog's wrapper.
func dequeEntry[D intDeque](expect checks.Verdict, name string, newDeque func(capacity int) D) Entry {
	e := entry("4.3", expect, name, models.WorkStealingDeque(dequeCapacity), ownedBy(newDeque), dequeOps[D], stopOwner[D])
	e.Package = packageOf[worksteal.Owner]()
	return e
}

// The scheduler's program: schedulerWorkers workers run rootTasks tasks
// submitted to the global queue, each of which spawns childTasks tasks onto
// its worker's deque, where the other worker steals them. One root of two
// children is enough for both races (a thief steals the older child while
// the owner pops the newer, and the last one left is contested); bounded
// search, whose depth-first order a longer program pushes its races away
// from, catches both zoo schedulers after about 10,000 schedules this way,
// where two roots of two children took 28,359 for the racy pop.
const (
	schedulerWorkers = 2
	rootTasks        = 1
	childTasks       = 2
)

// schedulerProgram returns the program that checks the scheduler made by
// newScheduler: every task runs exactly once, and Wait returns only after
// all of them have. Each task counts its runs and requires to be the first;
// after Wait, every count must be one.
func schedulerProgram(newScheduler func(workers int) *worksteal.Scheduler) func() {
	return func() {
		s := newScheduler(schedulerWorkers)
		runs := make([]atomic.Int32, rootTasks*(1+childTasks))
		run := func(task int) {
			n := runs[task].Add(1)
			checks.Require(n == 1, "every task runs exactly once: task %d ran %d times", task, n)
		}
		for r := range rootTasks {
			root := r * (1 + childTasks)
			s.Submit(func(w *worksteal.Worker) {
				run(root)
				for c := 1; c <= childTasks; c++ {
					w.Go(func(*worksteal.Worker) { run(root + c) })
				}
			})
		}
		s.Wait()
		for task := range runs {
			n := runs[task].Load()
			checks.Require(n == 1, "Wait returns after every task has run: task %d had run %d times", task, n)
		}
		s.Close()
	}
}

// programSchedules lets bounded search go deep into the scheduler's program.
// A program is the same scenario under every seed, and bounded search is
// deterministic, so a per-scenario cap of schedules (1,000 under -short)
// only repeats the same first schedules, depth first from the end of the
// execution; both races need their preemptions earlier, which bounded
// search reaches after 12,405 schedules (the unclaimed steal) and 10,252
// (the racy pop).
const programSchedules = 100_000

// schedulerEntry is the entry of the scheduler's program on the scheduler
// newScheduler makes.
func schedulerEntry(expect checks.Verdict, name string, newScheduler func(workers int) *worksteal.Scheduler) Entry {
	return programEntry[worksteal.Scheduler]("4.3", expect, name, schedulerProgram(newScheduler)).
		WithOptions(checks.Options{Schedules: programSchedules})
}

// zooDequeSchedules is how many schedules of one scenario bounded search
// explores before it draws another, for the broken deques: whether a
// scenario holds the race within two preemptions of the end of its
// execution matters more than searching it long (make detect, 20 seeds,
// the racy pop: median 9.6 s and 7 seeds missed in 20 s with the default of
// 10,000; the default under -short is this).
const zooDequeSchedules = 1000

var workStealing = []Entry{
	dequeEntry(checks.Ok, "worksteal/chase-lev", worksteal.NewDeque[int]),
	dequeEntry(checks.NotLinearizable, "worksteal/racy-pop", worksteal.NewRacyPopDeque[int]).
		WithOptions(checks.Options{Schedules: zooDequeSchedules}),
	dequeEntry(checks.NotLinearizable, "worksteal/unclaimed-steal", worksteal.NewUnclaimedStealDeque[int]).
		WithOptions(checks.Options{Schedules: zooDequeSchedules}),
	schedulerEntry(checks.Ok, "worksteal/scheduler", worksteal.NewScheduler),
	schedulerEntry(checks.Violated, "worksteal/scheduler-unclaimed-steal", worksteal.NewUnclaimedStealScheduler),
	schedulerEntry(checks.Violated, "worksteal/scheduler-racy-pop", worksteal.NewRacyPopScheduler),
}
