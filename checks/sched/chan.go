package sched

import "iter"

// Chan is a channel whose operations are scheduling points. It has the
// semantics of the Go channel it wraps: NewChan(0) is unbuffered (a send
// waits for a receiver), NewChan(n) buffers n values, a receive from a closed
// and drained channel yields the zero value at once, and a send on a closed
// channel panics.
//
// A nil *Chan behaves as a nil channel: its operations block forever, and its
// cases never fire in [Select], which is how a select case is switched off.
type Chan[T any] struct {
	ch chan T
}

// NewChan returns a channel with room for size buffered values, like
// make(chan T, size).
func NewChan[T any](size int) *Chan[T] {
	return &Chan[T]{ch: make(chan T, size)}
}

// raw returns the Go channel, nil for a nil Chan.
func (c *Chan[T]) raw() chan T {
	if c == nil {
		return nil
	}
	return c.ch
}

// Send sends v, like ch <- v.
func (c *Chan[T]) Send(v T) {
	At(ChanSend, c)
	c.raw() <- v
}

// Recv receives a value, like <-ch.
func (c *Chan[T]) Recv() T {
	At(ChanRecv, c)
	return <-c.raw()
}

// RecvOK receives a value and reports whether it was sent (true) or is the
// zero value of a closed channel (false), like v, ok := <-ch.
func (c *Chan[T]) RecvOK() (T, bool) {
	At(ChanRecv, c)
	v, ok := <-c.raw()
	return v, ok
}

// Close closes the channel, like close(ch).
func (c *Chan[T]) Close() {
	At(ChanClose, c)
	close(c.raw())
}

// Len returns the number of buffered values, like len(ch). It is not a
// scheduling point: like len(ch), it synchronizes nothing.
func (c *Chan[T]) Len() int { return len(c.raw()) }

// Cap returns the buffer size, like cap(ch).
func (c *Chan[T]) Cap() int { return cap(c.raw()) }

// All returns the values received until the channel is closed, like
// for v := range ch. Each receive is a scheduling point.
func (c *Chan[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for {
			v, ok := c.RecvOK()
			if !ok || !yield(v) {
				return
			}
		}
	}
}
