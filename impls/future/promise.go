package future

import (
	"context"
	"sync"
	"time"
)

// A Future is a result that arrives once: what combinators and [Then]
// accept. [Promise] and the zoo's variants implement it.
type Future[T any] interface {
	// Done is closed once the future is settled.
	Done() <-chan struct{}
	// Await waits until the future is settled and returns its value, or
	// the error it was rejected with.
	Await() (T, error)
	// subscribe calls f once with the outcome, after the settlement.
	subscribe(f func(T, error))
}

// A Promise is a result settled once, by [Promise.Resolve] or
// [Promise.Reject]: the first settlement wins, later ones report false and
// change nothing, and every awaiter sees the same outcome. Make one with
// [New].
type Promise[T any] struct {
	mu        sync.Mutex
	done      chan struct{} // closed at the settlement, under mu
	settled   bool
	value     T
	err       error
	callbacks []func(T, error) // registered before the settlement
}

// New returns a pending promise.
func New[T any]() *Promise[T] { return &Promise[T]{done: make(chan struct{})} }

// Resolve fulfils p with v and reports whether this call settled it.
func (p *Promise[T]) Resolve(v T) bool { return p.settle(v, nil) }

// Reject rejects p with err, which must not be nil, and reports whether
// this call settled it.
func (p *Promise[T]) Reject(err error) bool {
	if err == nil {
		panic("future: Reject with a nil error")
	}
	var zero T
	return p.settle(zero, err)
}

// settle writes the outcome, under mu, unless one is written: that write is
// the linearization point of the settlement. The callbacks registered so
// far are taken in the same critical section, so a callback registered
// later finds the promise settled (subscribe) and none is run twice or
// missed. They run after the lock is released: a callback may settle
// other promises, or this one (which then reports false).
func (p *Promise[T]) settle(v T, err error) bool {
	p.mu.Lock()
	if p.settled {
		p.mu.Unlock()
		return false
	}
	p.settled, p.value, p.err = true, v, err
	callbacks := p.callbacks
	p.callbacks = nil
	close(p.done)
	p.mu.Unlock()
	for _, f := range callbacks {
		f(v, err)
	}
	return true
}

// Done returns a channel closed once p is settled.
func (p *Promise[T]) Done() <-chan struct{} { return p.done }

// Await waits until p is settled and returns its value, or the error it
// was rejected with.
func (p *Promise[T]) Await() (T, error) {
	<-p.done
	return p.outcome()
}

// outcome reads the outcome under mu, where settle wrote it.
func (p *Promise[T]) outcome() (T, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.value, p.err
}

// AwaitContext waits until p is settled or ctx is done, whichever comes
// first, and returns p's outcome or ctx.Err(). A p settled when it is
// called always gives its outcome, even under a context already done.
// It starts no goroutine: a caller that gives up leaves nothing behind.
func (p *Promise[T]) AwaitContext(ctx context.Context) (T, error) {
	select {
	case <-p.done:
		return p.outcome()
	default:
		// Pending here: a give-up below linearizes at this check.
	}
	select {
	case <-p.done:
		return p.outcome()
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// AwaitTimeout waits at most d for p; it returns context.DeadlineExceeded
// if p is still pending then.
func (p *Promise[T]) AwaitTimeout(d time.Duration) (T, error) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return p.AwaitContext(ctx)
}

// subscribe calls f with the outcome once p is settled: at once if it is,
// else from settle. The check and the registration are one critical
// section, the one settle's write excludes.
func (p *Promise[T]) subscribe(f func(T, error)) {
	p.mu.Lock()
	if !p.settled {
		p.callbacks = append(p.callbacks, f)
		p.mu.Unlock()
		return
	}
	v, err := p.value, p.err
	p.mu.Unlock()
	f(v, err)
}

// Then returns a promise of fn applied to f's value: fulfilled with what
// fn returns, or rejected with fn's error, or with f's own rejection, in
// which case fn is not called (the guide's .then chain, section 5.1).
func Then[T, U any](f Future[T], fn func(T) (U, error)) *Promise[U] {
	q := New[U]()
	f.subscribe(func(v T, err error) {
		if err == nil {
			v2, err2 := fn(v)
			if err2 == nil {
				q.Resolve(v2)
				return
			}
			err = err2
		}
		q.Reject(err)
	})
	return q
}

// Catch returns a promise of f's value, or, if f is rejected, of what fn
// makes of the error (the guide's .catch).
func Catch[T any](f Future[T], fn func(error) (T, error)) *Promise[T] {
	q := New[T]()
	f.subscribe(func(v T, err error) {
		if err != nil {
			v, err = fn(err)
		}
		if err != nil {
			q.Reject(err)
		} else {
			q.Resolve(v)
		}
	})
	return q
}

// A Task is the body of an async function: it runs with a context it
// should stop on, and returns a value or an error.
type Task[T any] func(ctx context.Context) (T, error)

// Go runs task on a new goroutine and returns the promise of its result,
// as calling an async function does. Cancelling ctx asks the task to stop;
// the promise settles when the task returns (rejected, if it returns
// ctx.Err()). A panic in the task is not recovered.
func Go[T any](ctx context.Context, task Task[T]) *Promise[T] {
	p := New[T]()
	go func() {
		v, err := task(ctx)
		if err != nil {
			p.Reject(err)
			return
		}
		p.Resolve(v)
	}()
	return p
}

// Gather runs every task at once and returns the promise of their values,
// in the order of the tasks: asyncio.gather, Promise.all of async calls.
// It takes as long as the longest task, not the sum.
func Gather[T any](ctx context.Context, tasks ...Task[T]) *Promise[[]T] {
	fs := make([]Future[T], len(tasks))
	for i, task := range tasks {
		fs[i] = Go(ctx, task)
	}
	return All(fs...)
}
