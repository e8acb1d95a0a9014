package sched

import (
	"iter"
	"unsafe"
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
	ch chan T
	// q holds the goroutines a controller parked on the channel; the
	// buffered values stay in ch in both modes.
	q *waitq[T]
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

// chanPoint reaches a scheduling point of kind k on the channel at c and
// returns the controller, if one is installed. The methods test installed
// themselves and pass c as an unsafe.Pointer: in generic code, At and the
// conversion of c to an interface cost more than the inlining budget
// allows, and an operation that is not inlined costs a few nanoseconds more
// than the channel operation it wraps.
//
// In a stress execution with tracking on, it records that a sender or
// receiver may block on c, until [Unblocked].
func chanPoint(k Kind, c unsafe.Pointer) *Controller {
	reach(k, c)
	if controlled.Load() {
		return current()
	}
	if k != ChanClose { // close never blocks
		Blocking(k, c)
	}
	return nil
}

// Send sends v, like ch <- v.
func (c *Chan[T]) Send(v T) {
	if installed.Load() {
		if ctl := chanPoint(ChanSend, unsafe.Pointer(c)); ctl != nil {
			send(ctl, c, v)
			return
		}
		c.ch <- v
		Unblocked(unsafe.Pointer(c))
		return
	}
	c.ch <- v
}

// Recv receives a value, like <-ch.
func (c *Chan[T]) Recv() T {
	v, _ := c.RecvOK()
	return v
}

// RecvOK receives a value and reports whether it was sent (true) or is the
// zero value of a closed channel (false), like v, ok := <-ch.
func (c *Chan[T]) RecvOK() (T, bool) {
	if installed.Load() {
		if ctl := chanPoint(ChanRecv, unsafe.Pointer(c)); ctl != nil {
			return recv(ctl, c)
		}
		v, ok := <-c.ch
		Unblocked(unsafe.Pointer(c))
		return v, ok
	}
	v, ok := <-c.ch
	return v, ok
}

// Close closes the channel, like close(ch).
func (c *Chan[T]) Close() {
	if installed.Load() {
		if ctl := chanPoint(ChanClose, unsafe.Pointer(c)); ctl != nil {
			closeChan(ctl, c)
			return
		}
	}
	close(c.ch)
}

// Len returns the number of buffered values, like len(ch). It is not a
// scheduling point: like len(ch), it synchronizes nothing.
func (c *Chan[T]) Len() int { return len(c.ch) }

// Cap returns the buffer size, like cap(ch).
func (c *Chan[T]) Cap() int { return cap(c.ch) }

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
