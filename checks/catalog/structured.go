package catalog

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/structured"
)

// taskGroup is what the structured groups share.
type taskGroup interface {
	Go(f func(ctx context.Context) error)
	Wait() error
}

var (
	errFailing1 = errors.New("failing-1 failed")
	errFailing2 = errors.New("failing-2 failed")
	errOrder    = errors.New("fetchOrder failed")
)

// scopeProgram is the guide's TaskGroup (12.2) with four children: api-1
// succeeds, failing-1 and failing-2 fail on their own (neither watches the
// context, so both errors must be reported), and a server runs until it is
// cancelled, which only the first failure can do. Once Wait has returned,
// no child may still run and both errors must be in what it returned.
func scopeProgram[G taskGroup](newGroup func(context.Context) G) func() {
	return func() {
		var alive atomic.Int32
		g := newGroup(context.Background())
		child := func(f func(ctx context.Context) error) {
			alive.Add(1)
			g.Go(func(ctx context.Context) error {
				defer alive.Add(-1)
				return f(ctx)
			})
		}
		child(func(context.Context) error { time.Sleep(time.Millisecond); return nil })
		child(func(context.Context) error { time.Sleep(2 * time.Millisecond); return errFailing1 })
		child(func(context.Context) error { time.Sleep(3 * time.Millisecond); return errFailing2 })
		child(func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() })
		err := g.Wait()
		n := alive.Load()
		checks.Require(n == 0, "no child outlives its scope: %d children still run after Wait returned", n)
		checks.Require(errors.Is(err, errFailing1) && errors.Is(err, errFailing2),
			"no error is lost: both failing children's errors are reported; Wait returned %v", err)
	}
}

// limitProgram starts 4 children in a group limited to 2, each of which
// requires to be one of at most 2 running.
func limitProgram[G taskGroup](newGroup func(context.Context) G) func() {
	return func() {
		var running atomic.Int32
		g := newGroup(context.Background())
		for range 4 {
			g.Go(func(context.Context) error {
				n := running.Add(1)
				checks.Require(n <= 2, "the limit is never exceeded: %d children run at once, the limit is 2", n)
				time.Sleep(time.Millisecond)
				running.Add(-1)
				return nil
			})
		}
		checks.Require(g.Wait() == nil, "no child failed")
	}
}

func limitedTaskGroup(ctx context.Context) *structured.TaskGroup {
	g := structured.NewTaskGroup(ctx)
	g.SetLimit(2)
	return g
}

// shutdownOnFailure is the guide's Java scope (12.3): fetchUser and
// fetchOrder forked, joined, their results read; then the same scope where
// fetchOrder fails while fetchUser waits to be cancelled.
func shutdownOnFailure() {
	s := structured.NewShutdownOnFailure(context.Background())
	user := structured.Fork(s, func(context.Context) (string, error) { time.Sleep(500 * time.Microsecond); return "Alice", nil })
	order := structured.Fork(s, func(context.Context) (string, error) { time.Sleep(800 * time.Microsecond); return "ORD-123", nil })
	s.Join()
	checks.Require(s.ThrowIfFailed() == nil, "a scope with no failure throws nothing: %v", s.ThrowIfFailed())
	u, _ := user.Get()
	o, _ := order.Get()
	checks.Require(u == "Alice" && o == "ORD-123", "after Join every result is available: user %q, order %q", u, o)

	s = structured.NewShutdownOnFailure(context.Background())
	slow := structured.Fork(s, func(ctx context.Context) (string, error) { <-ctx.Done(); return "", ctx.Err() })
	structured.Fork(s, func(context.Context) (string, error) { time.Sleep(800 * time.Microsecond); return "", errOrder })
	s.Join()
	err := s.ThrowIfFailed()
	checks.Require(errors.Is(err, errOrder), "ThrowIfFailed reports the failure: it returned %v", err)
	_, serr := slow.Get()
	checks.Require(errors.Is(serr, context.Canceled), "the failure shut the scope down: fetchUser ended with %v", serr)
}

// errgroupProgram runs golang.org/x/sync/errgroup itself, as the module
// cache holds it, rewritten like the catalog's own code: a group limited
// to 2 with four children, one of which fails while others wait for the
// group's context. errgroup's contract is the first error only (not all of
// them, as a TaskGroup's), the context cancelled by it, and Wait returning
// once every child has. The third child can start only when a slot frees,
// after the failure: it must see the context cancelled at once.
func errgroupProgram() {
	var alive, running atomic.Int32
	g, ctx := errgroup.WithContext(context.Background())
	g.SetLimit(2)
	child := func(f func() error) {
		alive.Add(1)
		g.Go(func() error {
			defer alive.Add(-1)
			n := running.Add(1)
			defer running.Add(-1)
			checks.Require(n <= 2, "the limit is never exceeded: %d children run at once, the limit is 2", n)
			return f()
		})
	}
	waitForCancel := func() error { <-ctx.Done(); return ctx.Err() }
	child(waitForCancel)
	child(func() error { time.Sleep(time.Millisecond); return errFailing1 })
	child(waitForCancel)
	child(func() error { return nil })
	err := g.Wait()
	n := alive.Load()
	checks.Require(n == 0, "no child outlives its group: %d children still run after Wait returned", n)
	checks.Require(errors.Is(err, errFailing1), "Wait returns the first error: it returned %v", err)
	checks.Require(errors.Is(ctx.Err(), context.Canceled), "the failure cancelled the siblings' context: %v", ctx.Err())
}

var structuredEntries = []Entry{
	programEntry[*structured.TaskGroup]("12", checks.Ok, "structured/taskgroup", scopeProgram(structured.NewTaskGroup)),
	programEntry[*structured.TaskGroup]("12", checks.Ok, "structured/taskgroup-limit", limitProgram(limitedTaskGroup)),
	programEntry[*structured.ShutdownOnFailure]("12", checks.Ok, "structured/shutdown-on-failure", shutdownOnFailure),
	programEntry[*errgroup.Group]("12", checks.Ok, "structured/errgroup", errgroupProgram),
	programEntry[*structured.Hasty]("12", checks.Violated, "structured/hasty-wait", scopeProgram(structured.NewHasty)),
	programEntry[*structured.Swallowing]("12", checks.Violated, "structured/swallowed-error", scopeProgram(structured.NewSwallowing)),
	// Every execution deadlocks: a short watchdog only shortens the wait
	// for the stress hang that control then diagnoses.
	programEntry[*structured.Uncancelled]("12", checks.Deadlock, "structured/uncancelled-sibling", scopeProgram(structured.NewUncancelled)).
		WithOptions(quickHang),
	programEntry[*structured.LooseLimit]("12", checks.Violated, "structured/loose-limit",
		limitProgram(func(ctx context.Context) *structured.LooseLimit { return structured.NewLooseLimit(ctx, 2) })),
}
