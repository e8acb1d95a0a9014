package catalog

import (
	"context"
	"slices"
	"sync/atomic"
	"time"

	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/semaphore"
	"github.com/weftlab/weft/models"
)

// semaphoreLimit is the guide's Semaphore(3) (9.2).
const semaphoreLimit = 3

// acquireTimeout is how long acquireTimeout waits: on the virtual clock,
// its timer fires once no goroutine can run; on real cores, it is short
// enough for stress to run many executions.
const acquireTimeout = 2 * time.Millisecond

// permits is what the semaphore variants share.
type permits interface {
	TryAcquire() bool
	Acquire(ctx context.Context) error
	Release()
}

// watchedSemaphore is a semaphore with the count of its holders as its
// callers see them, which states the requirement that linearizability
// alone leaves implicit: at most semaphoreLimit callers hold a permit at
// any moment. holders goes up after a successful acquire returns and down
// before a release starts, so it never counts more holders than there
// are: a correct semaphore never violates it.
type watchedSemaphore[P permits] struct {
	sem     P
	holders atomic.Int64
}

func watchedSemaphoreOf[P permits](newSem func(limit int) P) func() *watchedSemaphore[P] {
	return func() *watchedSemaphore[P] { return &watchedSemaphore[P]{sem: newSem(semaphoreLimit)} }
}

// took counts a holder more and requires the bound. ok says whether the
// acquire took a permit.
func (w *watchedSemaphore[P]) took(ok bool) models.SemaphoreOutput {
	if ok {
		n := w.holders.Add(1)
		checks.Require(n <= semaphoreLimit, "at most %d holders of the semaphore at any moment: %d hold a permit", semaphoreLimit, n)
	}
	return models.SemaphoreOutput{OK: ok}
}

// release releases a permit, and reports whether Release panicked with
// semaphore.ErrReleasedMoreThanHeld, as the correct semaphore does with no
// permit held. Any other panic goes on.
func (w *watchedSemaphore[P]) release() (panicked bool) {
	w.holders.Add(-1)
	defer func() {
		if r := recover(); r != nil {
			if r != semaphore.ErrReleasedMoreThanHeld {
				panic(r)
			}
			w.holders.Add(1) // it released nothing
			panicked = true
		}
	}()
	w.sem.Release()
	return false
}

func semaphoreOps[P permits]() []checks.Op[*watchedSemaphore[P], models.SemaphoreInput, models.SemaphoreOutput] {
	type instance = *watchedSemaphore[P]
	call := func(op models.SemaphoreOp) *rapid.Generator[models.SemaphoreInput] {
		return rapid.Just(models.SemaphoreInput{Op: op})
	}
	return []checks.Op[instance, models.SemaphoreInput, models.SemaphoreOutput]{
		{
			Name:  "tryAcquire",
			Input: call(models.SemaphoreTry),
			Run: func(w instance, _ models.SemaphoreInput) models.SemaphoreOutput {
				return w.took(w.sem.TryAcquire())
			},
		},
		{
			Name:  "release",
			Input: call(models.SemaphoreRelease),
			Run: func(w instance, _ models.SemaphoreInput) models.SemaphoreOutput {
				return models.SemaphoreOutput{Panicked: w.release()}
			},
		},
		{
			// The model's Blocks keeps it out of scenarios where it could
			// wait forever.
			Name:  "acquire",
			Input: call(models.SemaphoreAcquire),
			Run: func(w instance, _ models.SemaphoreInput) models.SemaphoreOutput {
				return w.took(w.sem.Acquire(context.Background()) == nil)
			},
		},
		{
			Name:  "acquireTimeout",
			Input: call(models.SemaphoreAcquireTimeout),
			Run: func(w instance, _ models.SemaphoreInput) models.SemaphoreOutput {
				ctx, cancel := context.WithTimeout(context.Background(), acquireTimeout)
				defer cancel()
				return w.took(w.sem.Acquire(ctx) == nil)
			},
		},
	}
}

// semaphoreOpsWithout are semaphoreOps without the operations named. A
// variant whose bug shows under two verdicts, depending on the scenario,
// is checked without what makes the second one, so that its entry has one
// verdict; its comment says where the other one shows.
func semaphoreOpsWithout[P permits](names ...string) func() []checks.Op[*watchedSemaphore[P], models.SemaphoreInput, models.SemaphoreOutput] {
	return func() []checks.Op[*watchedSemaphore[P], models.SemaphoreInput, models.SemaphoreOutput] {
		return slices.DeleteFunc(semaphoreOps[P](), func(op checks.Op[*watchedSemaphore[P], models.SemaphoreInput, models.SemaphoreOutput]) bool {
			return slices.Contains(names, op.Name)
		})
	}
}

// semaphores checks the guide's semaphore (9.2) against models.Semaphore,
// and the bound on its holders with checks.Require.
var semaphores = []Entry{
	inPackageOf[semaphore.Semaphore](entry("9.2", checks.Ok, "semaphore/fifo", models.Semaphore(semaphoreLimit),
		watchedSemaphoreOf(semaphore.New), semaphoreOps)),
	// Without release, the holders only grow: the requirement sees the
	// fourth before any call returns a result the model forbids. With
	// releases, a client that goes on after the violation can return one
	// (a refusal while the model has a permit free), and not linearizable
	// comes first in precedence.
	inPackageOf[semaphore.Semaphore](entry("9.2", checks.Violated, "semaphore/over-admit", models.Semaphore(semaphoreLimit),
		watchedSemaphoreOf(semaphore.NewOverAdmitSemaphore), semaphoreOpsWithout[*semaphore.OverAdmitSemaphore]("release"))).
		// Two clients that take the last permit together are enough: with
		// fewer and shorter clients, bounded search explores fewer
		// schedules per scenario around the one preemption it needs.
		WithOptions(checks.Options{Clients: 2, OpsPerClient: 3}),
	// Without acquire, every wait has a deadline: the lost permit shows as
	// a refusal while the model holds one free (not linearizable). With it,
	// an acquire can wait forever (deadlock): the guide's main below shows
	// that one.
	inPackageOf[semaphore.Semaphore](entry("9.2", checks.NotLinearizable, "semaphore/leaky-cancel", models.Semaphore(semaphoreLimit),
		watchedSemaphoreOf(semaphore.NewLeakyCancelSemaphore), semaphoreOpsWithout[*semaphore.LeakyCancelSemaphore]("acquire"))).
		WithoutSequential("the lost permit shows with one client too: a timed-out acquire, a release, then a refused tryAcquire").
		// The bug needs no preemption, only a scenario that fills the
		// semaphore before a timeout: bounded search finds it sooner by
		// trying more scenarios, each less exhaustively.
		WithOptions(checks.Options{Schedules: 100}),
	inPackageOf[semaphore.Semaphore](entry("9.2", checks.NotLinearizable, "semaphore/unchecked-release", models.Semaphore(semaphoreLimit),
		watchedSemaphoreOf(semaphore.NewUncheckedReleaseSemaphore), semaphoreOps)).
		WithoutSequential("a release without a held permit goes unnoticed with one client too").
		WithOptions(checks.Options{Schedules: 100}), // no preemption needed, as for leaky-cancel
}

// The guide's main (9.2): 10 tasks share the semaphore, each holding a
// permit while it works for guideWork; each gives up after guidePatience,
// so that the last four, queued behind two rounds of work, time out. Times
// are a thousandth of the guide's second, as only their order matters on
// the virtual clock.
const (
	guideTasks    = 10
	guideWork     = time.Millisecond
	guidePatience = 3 * time.Millisecond / 2
)

// semaphoreProgram runs the guide's main on a semaphore made by newSem,
// requires at most semaphoreLimit workers at work at once, and then takes
// every permit back: after the workers, all are free, so that a permit
// lost by a worker that gave up leaves the program waiting forever (a
// deadlock).
func semaphoreProgram[P permits](newSem func(limit int) P) func() {
	return func() {
		sem := newSem(semaphoreLimit)
		ran := semaphore.Guide(sem, guideTasks, guideWork, guidePatience, func(holding int) {
			checks.Require(holding <= semaphoreLimit,
				"at most %d tasks at work at any moment: %d hold a permit", semaphoreLimit, holding)
		})
		// The first three find free permits, whatever their patience.
		checks.Require(ran >= semaphoreLimit, "the first %d tasks run: %d ran", semaphoreLimit, ran)
		for range semaphoreLimit {
			_ = sem.Acquire(context.Background()) // a context without end: nil
		}
	}
}

var semaphorePrograms = []Entry{
	programEntry[semaphore.Semaphore]("9.2", checks.Ok, "semaphore/guide-main", semaphoreProgram(semaphore.New)),
	programEntry[semaphore.Semaphore]("9.2", checks.Deadlock, "semaphore/guide-main-leaky-cancel",
		semaphoreProgram(semaphore.NewLeakyCancelSemaphore)).WithOptions(quickHang),
}
