package sched

import (
	"iter"

	"github.com/weftlab/weft/checks/internal/engine"
)

// Chan is a channel whose operations are scheduling points. It has the
// semantics of the Go channel it wraps: NewChan(0) is unbuffered (a send
// waits for a receiver), NewChan(n) buffers n values, a receive from a closed
// and drained channel yields the zero value at once, and a send on a closed
// channel panics.
//
// The cases of a nil *Chan never fire in [Select], as those of a nil
// channel, which is how a select case is switched off; its other methods
// must not be called.
type Chan[T any] struct {
	c engine.Chan[T]
}

// NewChan returns a channel with room for size buffered values, like
// make(chan T, size).
func NewChan[T any](size int) *Chan[T] {
	return &Chan[T]{c: engine.MakeChan[T](size)}
}

// core returns the engine's state of the channel, nil for a nil Chan.
func (c *Chan[T]) core() *engine.Chan[T] {
	if c == nil {
		return nil
	}
	return &c.c
}

// With no Scheduler installed, each operation below is the Go channel
// operation and one load and branch, inlined.

// Send sends v, like ch <- v.
func (c *Chan[T]) Send(v T) {
	if engine.Installed() {
		c.c.Send(v)
		return
	}
	c.c.Raw() <- v
}

// Recv receives a value, like <-ch.
func (c *Chan[T]) Recv() T {
	v, _ := c.RecvOK()
	return v
}

// RecvOK receives a value and reports whether it was sent (true) or is the
// zero value of a closed channel (false), like v, ok := <-ch.
func (c *Chan[T]) RecvOK() (T, bool) {
	if engine.Installed() {
		return c.c.RecvOK()
	}
	v, ok := <-c.c.Raw()
	return v, ok
}

// Close closes the channel, like close(ch).
func (c *Chan[T]) Close() {
	if engine.Installed() {
		c.c.Close()
		return
	}
	close(c.c.Raw())
}

// Len returns the number of buffered values, like len(ch). It is not a
// scheduling point: like len(ch), it synchronizes nothing.
func (c *Chan[T]) Len() int { return len(c.c.Raw()) }

// Cap returns the buffer size, like cap(ch).
func (c *Chan[T]) Cap() int { return cap(c.c.Raw()) }

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
