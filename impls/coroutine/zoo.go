package coroutine

import (
	"iter"
	"sync"
)

// Buffered is a generator whose handoff is a channel of capacity 1 with no
// resume: the producer starts at once, puts a value in the buffer and goes
// on computing the next one while the consumer works on the first. The
// values still arrive in order and Stop still ends the producer, but the
// two sides run at the same time: it is no coroutine.
type Buffered[T any] struct {
	values chan T
	stop   chan struct{}
	ended  chan struct{}
	once   sync.Once
}

// NewBuffered starts produce at once.
func NewBuffered[T any](produce iter.Seq[T]) *Buffered[T] {
	b := &Buffered[T]{values: make(chan T, 1), stop: make(chan struct{}), ended: make(chan struct{})}
	go func() {
		defer close(b.ended)
		defer close(b.values)
		produce(func(v T) bool {
			select {
			case b.values <- v:
				return true
			case <-b.stop:
				return false
			}
		})
	}()
	return b
}

// Next returns the next value in the buffer.
func (b *Buffered[T]) Next() (T, bool) {
	v, ok := <-b.values
	return v, ok
}

// Stop ends the producer and waits for it.
func (b *Buffered[T]) Stop() {
	b.once.Do(func() { close(b.stop) })
	<-b.ended
}

// Forgetful is the handoff generator with a Stop that returns at once: the
// consumer breaks out of its loop, and the producer, never told, waits at
// its pending yield (or for its first resume) forever.
type Forgetful[T any] struct{ *Generator[T] }

// NewForgetful starts produce as NewHandoff does.
func NewForgetful[T any](produce iter.Seq[T]) Forgetful[T] {
	return Forgetful[T]{NewHandoff(produce)}
}

// Stop forgets the producer.
func (Forgetful[T]) Stop() {}

// ForgetfulPull is the generator on iter.Pull whose Stop never calls
// iter.Pull's stop: the sequence stays suspended in its yield for good.
type ForgetfulPull[T any] struct{ *Pulled[T] }

// NewForgetfulPull returns a generator of produce's values on iter.Pull.
func NewForgetfulPull[T any](produce iter.Seq[T]) ForgetfulPull[T] {
	return ForgetfulPull[T]{NewPull(produce)}
}

// Stop forgets the sequence.
func (ForgetfulPull[T]) Stop() {}
