package future

import (
	"errors"
	"fmt"
	"slices"
	"sync"
)

// The combinators subscribe to their inputs and start no goroutine: a
// result promise settles in the callback of the input that decides it, and
// the callbacks of the inputs that settle later find it settled and change
// nothing. Each keeps what it has gathered under its own lock, and counts
// the inputs still awaited from their number, set before the first
// subscription (a count that grew while subscribing could reach zero
// early: see AllEager).

// All returns a promise of every input's value, in the order of the
// inputs, once all are fulfilled; the first rejection to arrive rejects it
// at once, without waiting for the others (Promise.all, section 5.1).
// With no inputs, it is fulfilled with an empty slice.
func All[T any](fs ...Future[T]) *Promise[[]T] {
	out := New[[]T]()
	var mu sync.Mutex
	values := make([]T, len(fs))
	remaining := len(fs)
	if remaining == 0 {
		out.Resolve(values)
		return out
	}
	for i, f := range fs {
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
				all = slices.Clone(values)
			}
			mu.Unlock()
			if all != nil {
				out.Resolve(all)
			}
		})
	}
	return out
}

// A Settlement is one input's outcome in [AllSettled]: its value, or the
// error it was rejected with.
type Settlement[T any] struct {
	Value T
	Err   error
}

// AllSettled returns a promise of every input's outcome, in the order of
// the inputs, once all are settled (Promise.allSettled, section 5.1). It
// is never rejected.
func AllSettled[T any](fs ...Future[T]) *Promise[[]Settlement[T]] {
	out := New[[]Settlement[T]]()
	var mu sync.Mutex
	outcomes := make([]Settlement[T], len(fs))
	remaining := len(fs)
	if remaining == 0 {
		out.Resolve(outcomes)
		return out
	}
	for i, f := range fs {
		f.subscribe(func(v T, err error) {
			mu.Lock()
			outcomes[i] = Settlement[T]{Value: v, Err: err}
			remaining--
			var all []Settlement[T]
			if remaining == 0 {
				all = slices.Clone(outcomes)
			}
			mu.Unlock()
			if all != nil {
				out.Resolve(all)
			}
		})
	}
	return out
}

// An AggregateError rejects [Any] when every input was rejected: their
// errors, in the order of the inputs.
type AggregateError struct {
	Errors []error
}

func (e *AggregateError) Error() string {
	if len(e.Errors) == 0 {
		return "future: Any of no inputs"
	}
	return fmt.Sprintf("future: all %d inputs rejected: %v", len(e.Errors), errors.Join(e.Errors...))
}

// Unwrap returns the inputs' errors, for errors.Is and errors.As.
func (e *AggregateError) Unwrap() []error { return e.Errors }

// Any returns a promise of the first value to arrive from an input; if
// every input is rejected, it is rejected with an [*AggregateError] of
// their errors (Promise.any). With no inputs, it is rejected at once.
func Any[T any](fs ...Future[T]) *Promise[T] {
	out := New[T]()
	var mu sync.Mutex
	errs := make([]error, len(fs))
	remaining := len(fs)
	if remaining == 0 {
		out.Reject(&AggregateError{})
		return out
	}
	for i, f := range fs {
		f.subscribe(func(v T, err error) {
			if err == nil {
				out.Resolve(v)
				return
			}
			mu.Lock()
			errs[i] = err
			remaining--
			var all []error
			if remaining == 0 {
				all = slices.Clone(errs)
			}
			mu.Unlock()
			if all != nil {
				out.Reject(&AggregateError{Errors: all})
			}
		})
	}
	return out
}

// Race returns a promise settled as the first input to settle is, value or
// rejection (Promise.race). With no inputs it stays pending, as in
// JavaScript.
func Race[T any](fs ...Future[T]) *Promise[T] {
	out := New[T]()
	for _, f := range fs {
		f.subscribe(func(v T, err error) {
			if err != nil {
				out.Reject(err)
			} else {
				out.Resolve(v)
			}
		})
	}
	return out
}
