// Package structured is structured concurrency (guide section 12): the
// lifetime of the goroutines a block starts is tied to the block, which
// returns only once every one of them has ended.
//
// [TaskGroup] is Python's asyncio.TaskGroup (12.2) in Go: the first child
// to fail cancels its siblings through the group's context, Wait waits for
// every child and reports every error together, and SetLimit bounds how
// many children run at once (errgroup's limit). [ShutdownOnFailure] is
// Java's StructuredTaskScope.ShutdownOnFailure (12.3) on top of it: fork,
// join, throw if failed.
//
// What is checked (the catalog's programs state it with checks.Require):
// no child outlives its scope (after Wait, nothing a child started runs:
// also the leak verdict); no error is lost when several children fail;
// the siblings of a failed child see the cancellation (a sibling that
// waits for it would otherwise never end: a deadlock); the limit is never
// exceeded. These are properties of the whole block rather than
// linearizability of one object.
//
// The zoo (zoo.go): [Hasty] returns from Wait at the first failure, before
// its other children end; [Swallowing] drops every error after the first;
// [Uncancelled] hands its children a context the failure never cancels;
// [LooseLimit] frees a child's slot as soon as the child starts.
package structured

import (
	"context"
	"errors"
	"sync"
)

// A TaskGroup runs children that share a context, cancelled when the first
// of them fails or when Wait returns. Its methods may be called from
// several goroutines, children included, until Wait returns.
type TaskGroup struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	slots  chan struct{} // nil: no limit

	mu   sync.Mutex
	errs []error
}

// NewTaskGroup returns a group whose children's context derives from
// parent.
func NewTaskGroup(parent context.Context) *TaskGroup {
	ctx, cancel := context.WithCancel(parent)
	return &TaskGroup{ctx: ctx, cancel: cancel}
}

// SetLimit makes Go wait while n children run. It must be called before
// the first Go.
func (g *TaskGroup) SetLimit(n int) {
	g.slots = make(chan struct{}, n)
}

// Go starts f as a child of the group, after waiting for a slot if the
// group has a limit. An error f returns fails the group: it is kept for
// Wait and cancels the context of every child. A child that returns the
// context's own error after that cancellation has not failed: it obeyed.
func (g *TaskGroup) Go(f func(ctx context.Context) error) {
	if g.slots != nil {
		g.slots <- struct{}{}
	}
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if g.slots != nil {
			// The slot is freed when the child has ended, not before:
			// that is what bounds how many run.
			defer func() { <-g.slots }()
		}
		if err := f(g.ctx); err != nil {
			g.fail(err)
		}
	}()
}

func (g *TaskGroup) fail(err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if errors.Is(err, context.Canceled) && g.ctx.Err() != nil && len(g.errs) > 0 {
		return // cancelled because a sibling failed
	}
	g.errs = append(g.errs, err)
	g.cancel()
}

// Wait returns once every child has ended, with every error of the
// children that failed, joined in the order they failed (nil if none),
// and cancels the group's context.
func (g *TaskGroup) Wait() error {
	g.wg.Wait()
	g.cancel()
	g.mu.Lock()
	defer g.mu.Unlock()
	return errors.Join(g.errs...)
}

// Context is the context the group's children get.
func (g *TaskGroup) Context() context.Context { return g.ctx }
