package future

import (
	"context"
	"sync"
	"time"
)

// SettleTwice is a promise whose settlement checks and writes in two
// critical sections. Broken on purpose.
//
// What goes wrong: two settlements can both pass the check "not settled
// yet" before either writes, and then both write and both report true.
// The first write closes Done; an awaiter that reads the outcome before
// the second write sees the first value, one that reads after sees the
// second: two awaiters see different outcomes of one promise, which no
// order of one-shot settlements explains (not linearizable).
type SettleTwice[T any] struct {
	*Promise[T]
	closeOnce sync.Once
}

// NewSettleTwice returns a pending SettleTwice promise.
func NewSettleTwice[T any]() *SettleTwice[T] { return &SettleTwice[T]{Promise: New[T]()} }

// Resolve fulfils p with v and reports whether it thinks it settled p.
func (p *SettleTwice[T]) Resolve(v T) bool { return p.settle(v, nil) }

// Reject rejects p with err and reports whether it thinks it settled p.
func (p *SettleTwice[T]) Reject(err error) bool {
	var zero T
	return p.settle(zero, err)
}

func (p *SettleTwice[T]) settle(v T, err error) bool {
	p.mu.Lock()
	settled := p.settled
	p.mu.Unlock()
	if settled {
		return false
	}
	// The bug: another settle can pass the same check here, before this
	// one writes.
	p.mu.Lock()
	p.settled, p.value, p.err = true, v, err
	callbacks := p.callbacks
	p.callbacks = nil
	p.mu.Unlock()
	p.closeOnce.Do(func() { close(p.done) })
	for _, f := range callbacks {
		f(v, err)
	}
	return true
}

// LostThen is a promise whose callback registration checks "settled?" and
// registers in two critical sections. Broken on purpose.
//
// What goes wrong: a callback registered while the promise settles can
// find it pending, then be appended after settle has taken the list of
// callbacks to run. Nothing runs it: the promise [Then] returned never
// settles, and whoever awaits that promise waits forever (a deadlock under
// control, a hang under stress).
type LostThen[T any] struct {
	*Promise[T]
}

// NewLostThen returns a pending LostThen promise.
func NewLostThen[T any]() *LostThen[T] { return &LostThen[T]{Promise: New[T]()} }

func (p *LostThen[T]) subscribe(f func(T, error)) {
	p.mu.Lock()
	settled := p.settled
	p.mu.Unlock()
	if settled {
		f(p.outcome())
		return
	}
	// The bug: settle can take the callbacks here, before f is among them.
	p.mu.Lock()
	p.callbacks = append(p.callbacks, f)
	p.mu.Unlock()
}

// LeakyTimeout is a promise whose AwaitTimeout waits in a helper goroutine
// and hands the outcome over an unbuffered channel. Broken on purpose.
//
// What goes wrong: when the timeout wins, nobody will ever receive from
// that channel. The helper stays blocked for good: in Await while the
// promise is pending, then, once it settles, on its send. Each timed-out
// call leaks a goroutine (the leak verdict); a buffered channel of one, or
// [Promise.AwaitContext], which starts no goroutine, would not.
type LeakyTimeout[T any] struct {
	*Promise[T]
}

// NewLeakyTimeout returns a pending LeakyTimeout promise.
func NewLeakyTimeout[T any]() *LeakyTimeout[T] { return &LeakyTimeout[T]{Promise: New[T]()} }

// AwaitTimeout waits at most d for p; it returns context.DeadlineExceeded
// if p is still pending then.
func (p *LeakyTimeout[T]) AwaitTimeout(d time.Duration) (T, error) {
	select {
	case <-p.done:
		return p.outcome()
	default:
	}
	results := make(chan Settlement[T]) // the bug: no room for a result nobody takes
	go func() {
		v, err := p.Await()
		results <- Settlement[T]{Value: v, Err: err}
	}()
	select {
	case r := <-results:
		return r.Value, r.Err
	case <-time.After(d):
		var zero T
		return zero, context.DeadlineExceeded
	}
}

// AllEager is [All] counting its inputs as it subscribes to them, rather
// than setting the count before. Broken on purpose.
//
// What goes wrong: subscribing to an input already settled runs its
// callback at once, which counts it down. When the first inputs are
// fulfilled before or while AllEager subscribes, the count reaches zero
// before the later inputs are counted at all, and the result is fulfilled
// before every input settled, with the zero value in their places.
func AllEager[T any](fs ...Future[T]) *Promise[[]T] {
	out := New[[]T]()
	var mu sync.Mutex
	values := make([]T, len(fs))
	remaining := 0
	if len(fs) == 0 {
		out.Resolve(values)
		return out
	}
	for i, f := range fs {
		mu.Lock()
		remaining++ // the bug: the inputs after f are not counted yet
		mu.Unlock()
		f.subscribe(func(v T, err error) {
			if err != nil {
				out.Reject(err)
				return
			}
			mu.Lock()
			values[i] = v
			remaining--
			var all []T
			if remaining == 0 {
				all = append([]T(nil), values...)
			}
			mu.Unlock()
			if all != nil {
				out.Resolve(all)
			}
		})
	}
	return out
}

// GatherOneByOne runs the tasks one after another, awaiting each before
// starting the next: what `await a(); await b(); await c()` does in
// Python, whose coroutines start only when awaited. Broken on purpose.
//
// What goes wrong: nothing in the results, which come in order; but it
// takes the sum of the tasks' times (the guide's 1.0 s, 0.5 s and 0.8 s:
// 2.3 s) instead of the longest (1.0 s), the difference between
// concurrency and its absence that section 1 is about.
func GatherOneByOne[T any](ctx context.Context, tasks ...Task[T]) *Promise[[]T] {
	return Go(ctx, func(ctx context.Context) ([]T, error) {
		values := make([]T, 0, len(tasks))
		for _, task := range tasks {
			v, err := Go(ctx, task).Await()
			if err != nil {
				return nil, err
			}
			values = append(values, v)
		}
		return values, nil
	})
}
