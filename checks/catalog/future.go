package catalog

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/future"
	"github.com/weftlab/weft/models"
)

// promiseTimeout is how long the timeout operation waits. Under control a
// timer fires only when no goroutine can run, so any length gives the same
// executions; under stress it is real time, spent whenever a scenario
// awaits a promise nobody settles in time.
const promiseTimeout = 10 * time.Millisecond

// reason is what the checks reject promises with: the model's value of a
// rejection.
type reason int

func (r reason) Error() string { return fmt.Sprintf("reason %d", int(r)) }

// outcomeOf is the model's outcome of an await's result: a timeout is
// Pending, a rejection its reason (-1 if the error is not one the checks
// rejected with, which no model state has).
func outcomeOf(v int, err error) models.PromiseOutcome {
	var r reason
	switch {
	case err == nil:
		return models.PromiseOutcome{Status: models.Fulfilled, Value: v}
	case errors.Is(err, context.DeadlineExceeded):
		return models.PromiseOutcome{}
	case errors.As(err, &r):
		return models.PromiseOutcome{Status: models.Rejected, Value: int(r)}
	default:
		return models.PromiseOutcome{Status: models.Rejected, Value: -1}
	}
}

// settler is what settleOps call.
type settler interface {
	Resolve(v int) bool
	Reject(err error) bool
}

// settleOps resolve and reject promise i of n.
func settleOps[S any](n int, promise func(s S, i int) settler) []checks.Op[S, models.PromiseInput, models.PromiseOutput] {
	settle := func(op models.PromiseOp) *rapid.Generator[models.PromiseInput] {
		return rapid.Custom(func(t *rapid.T) models.PromiseInput {
			return models.PromiseInput{Op: op, Index: rapid.IntRange(0, n-1).Draw(t, "promise"), Value: value.Draw(t, "value")}
		})
	}
	return []checks.Op[S, models.PromiseInput, models.PromiseOutput]{
		{Name: "resolve", Input: settle(models.PromiseResolve), Run: func(s S, in models.PromiseInput) models.PromiseOutput {
			return models.PromiseOutput{OK: promise(s, in.Index).Resolve(in.Value)}
		}},
		{Name: "reject", Input: settle(models.PromiseReject), Run: func(s S, in models.PromiseInput) models.PromiseOutput {
			return models.PromiseOutput{OK: promise(s, in.Index).Reject(reason(in.Value))}
		}},
	}
}

// intPromise is what the promise variants share.
type intPromise interface {
	future.Future[int]
	Resolve(v int) bool
	Reject(err error) bool
	AwaitTimeout(d time.Duration) (int, error)
}

// promiseOps check one promise: settle it, await it, chain a then on it,
// await it with a timeout. Await and then wait while it is pending, which
// the model knows, so every scenario drawn settles it before they must
// return.
func promiseOps[P intPromise]() []checks.Op[P, models.PromiseInput, models.PromiseOutput] {
	single := func(op models.PromiseOp) *rapid.Generator[models.PromiseInput] {
		return rapid.Just(models.PromiseInput{Op: op})
	}
	await := func(f func(P) (int, error)) func(P, models.PromiseInput) models.PromiseOutput {
		return func(p P, _ models.PromiseInput) models.PromiseOutput {
			return models.PromiseOutput{Outcome: outcomeOf(f(p))}
		}
	}
	plusOffset := func(v int) (int, error) { return v + models.ThenOffset, nil }
	ops := []checks.Op[P, models.PromiseInput, models.PromiseOutput]{
		{Name: "await", Input: single(models.PromiseAwait), Run: await(func(p P) (int, error) { return p.Await() })},
	}
	ops = append(ops, settleOps(1, func(p P, _ int) settler { return p })...)
	return append(ops,
		checks.Op[P, models.PromiseInput, models.PromiseOutput]{Name: "then", Input: single(models.PromiseThen),
			Run: await(func(p P) (int, error) { return future.Then(p, plusOffset).Await() })},
		checks.Op[P, models.PromiseInput, models.PromiseOutput]{Name: "timeout", Input: single(models.PromiseTimeout),
			Run: await(func(p P) (int, error) { return p.AwaitTimeout(promiseTimeout) })},
	)
}

// gatherInputs is how many promises the combinators gather: the guide's
// three tasks.
const gatherInputs = 3

// combined is the instance the combinator entries check: three input
// promises, which the ops settle, and the All under check (future.All or a
// broken one); AllSettled, Any and Race are the package's.
type combined struct {
	in  [gatherInputs]*future.Promise[int]
	all func(fs ...future.Future[int]) *future.Promise[[]int]
}

func newCombined(all func(fs ...future.Future[int]) *future.Promise[[]int]) func() *combined {
	return func() *combined {
		c := &combined{all: all}
		for i := range c.in {
			c.in[i] = future.New[int]()
		}
		return c
	}
}

func (c *combined) inputs() []future.Future[int] {
	fs := make([]future.Future[int], len(c.in))
	for i, p := range c.in {
		fs[i] = p
	}
	return fs
}

// outcomesOf is the model's list of outcomes of values all fulfilled.
func outcomesOf(values []int) (out [models.MaxPromises]models.PromiseOutcome) {
	for i, v := range values {
		out[i] = models.PromiseOutcome{Status: models.Fulfilled, Value: v}
	}
	return out
}

// combinatorOps settle the three inputs and gather them; each combinator
// waits until the model says it may return.
func combinatorOps() []checks.Op[*combined, models.PromiseInput, models.PromiseOutput] {
	ops := settleOps(gatherInputs, func(c *combined, i int) settler { return c.in[i] })
	op := func(name string, o models.PromiseOp, run func(*combined) models.PromiseOutput) checks.Op[*combined, models.PromiseInput, models.PromiseOutput] {
		return checks.Op[*combined, models.PromiseInput, models.PromiseOutput]{Name: name, Input: rapid.Just(models.PromiseInput{Op: o}),
			Run: func(c *combined, _ models.PromiseInput) models.PromiseOutput { return run(c) }}
	}
	return append(ops,
		op("all", models.PromiseAll, func(c *combined) models.PromiseOutput {
			values, err := c.all(c.inputs()...).Await()
			if err != nil {
				return models.PromiseOutput{Outcome: outcomeOf(0, err)}
			}
			return models.PromiseOutput{Outcome: models.PromiseOutcome{Status: models.Fulfilled}, Outcomes: outcomesOf(values)}
		}),
		op("all-settled", models.PromiseAllSettled, func(c *combined) models.PromiseOutput {
			settlements, _ := future.AllSettled(c.inputs()...).Await()
			var out models.PromiseOutput
			for i, s := range settlements {
				out.Outcomes[i] = outcomeOf(s.Value, s.Err)
			}
			return out
		}),
		op("any", models.PromiseAny, func(c *combined) models.PromiseOutput {
			v, err := future.Any(c.inputs()...).Await()
			var agg *future.AggregateError
			if !errors.As(err, &agg) {
				return models.PromiseOutput{Outcome: outcomeOf(v, err)}
			}
			out := models.PromiseOutput{Outcome: models.PromiseOutcome{Status: models.Rejected}}
			for i, e := range agg.Errors {
				out.Outcomes[i] = outcomeOf(0, e)
			}
			return out
		}),
		op("race", models.PromiseRace, func(c *combined) models.PromiseOutput {
			return models.PromiseOutput{Outcome: outcomeOf(future.Race(c.inputs()...).Await())}
		}),
	)
}

// inPackageOf makes e an entry of the package that defines S: the
// combinator entries check the impls package through an instance type of
// the catalog's.
func inPackageOf[S any](e Entry) Entry {
	e.Package = packageOf[S]()
	return e
}

// The guide's gather (section 6.2): tasks of 1.0 s, 0.5 s and 0.8 s.
var (
	gatherNames = []string{"TaskA", "TaskB", "TaskC"}
	gatherTimes = []time.Duration{10, 5, 8} // tenths of a unit
)

// gatherProgram is the guide's gather of three tasks: their results come
// back in the order of the tasks, and, run concurrently, they take as
// long as the longest (1.0 s), not the sum (2.3 s).
func gatherProgram(gather func(ctx context.Context, tasks ...future.Task[string]) *future.Promise[[]string]) func() {
	return func() {
		unit := timeUnit()
		tasks := make([]future.Task[string], len(gatherNames))
		var longest, sum time.Duration
		for i, name := range gatherNames {
			d := gatherTimes[i] * unit / 10
			longest, sum = max(longest, d), sum+d
			tasks[i] = func(ctx context.Context) (string, error) {
				time.Sleep(d)
				return name + ": done", nil
			}
		}
		want := make([]string, len(gatherNames))
		for i, name := range gatherNames {
			want[i] = name + ": done"
		}
		start := time.Now()
		results, err := gather(context.Background(), tasks...).Await()
		elapsed := time.Since(start)
		checks.Require(err == nil && slices.Equal(results, want), "gather returns every task's result, in the order of the tasks: got %q, %v", results, err)
		requireConcurrent("tasks of 1.0 s, 0.5 s and 0.8 s gathered", elapsed, longest, sum)
	}
}

// zooScenarios keep the scenarios of the broken promises small: each bug
// needs two clients and one preemption, and bounded search, which explores
// every schedule of a scenario before it draws another, reaches more
// scenarios when each has fewer schedules.
var zooScenarios = checks.Options{Clients: 2, OpsPerClient: 3}

// lostThenScenarios also shorten the watchdog: under stress the lost
// callback shows as a then that never returns, a hang, found only once the
// watchdog fires (then diagnosed under control as the deadlock it is);
// every call of these scenarios returns within milliseconds otherwise.
var lostThenScenarios = checks.Options{Clients: zooScenarios.Clients, OpsPerClient: zooScenarios.OpsPerClient, HangTimeout: 2 * time.Second}

var futures = []Entry{
	entry("5", checks.Ok, "future/promise", models.Promises(1), future.New[int], promiseOps),
	inPackageOf[future.Future[int]](entry("5", checks.Ok, "future/combinators", models.Promises(gatherInputs),
		newCombined(future.All[int]), combinatorOps)),
	programEntry[future.Task[string]]("5", checks.Ok, "future/gather", gatherProgram(future.Gather[string])),

	entry("5", checks.NotLinearizable, "future/settle-twice", models.Promises(1), future.NewSettleTwice[int], promiseOps).WithOptions(zooScenarios),
	entry("5", checks.Deadlock, "future/lost-then", models.Promises(1), future.NewLostThen[int], promiseOps).WithOptions(lostThenScenarios),
	entry("5", checks.Leak, "future/leaky-timeout", models.Promises(1), future.NewLeakyTimeout[int], promiseOps).WithOptions(zooScenarios),
	inPackageOf[future.Future[int]](entry("5", checks.NotLinearizable, "future/all-eager", models.Promises(gatherInputs),
		newCombined(future.AllEager[int]), combinatorOps)).WithOptions(zooScenarios).
		WithoutSequential("AllEager is early whenever an input is fulfilled before it is called, which one client shows: " +
			"a sequential test fails on it"),
	programEntry[future.Task[string]]("5", checks.Violated, "future/gather-one-by-one", gatherProgram(future.GatherOneByOne[string])),
}
