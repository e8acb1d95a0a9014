package engine

import "unsafe"

// A Chan is the state of a channel of package sched, which wraps it: the Go
// channel, which holds the buffered values in both modes, and the
// goroutines a Controller parked on it (chanctl.go). Its methods are the
// paths of an operation while a Scheduler is installed; sched takes the
// Go channel itself when none is.
type Chan[T any] struct {
	ch chan T
	// q holds the goroutines a controller parked on the channel.
	q *waitq[T]
}

// MakeChan returns the state of a channel with room for size buffered
// values.
func MakeChan[T any](size int) Chan[T] { return Chan[T]{ch: make(chan T, size)} }

// Raw returns the Go channel, nil for a nil Chan.
func (c *Chan[T]) Raw() chan T {
	if c == nil {
		return nil
	}
	return c.ch
}

// chanPoint reaches a scheduling point of kind k on the channel at c and
// returns the controller, if one is installed. The channel is passed as an
// unsafe.Pointer: in generic code, At and the conversion of c to an
// interface cost more than the inlining budget allows, and an operation
// that is not inlined costs a few nanoseconds more than the channel
// operation it wraps.
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

// Send sends v on c while a Scheduler is installed.
func (c *Chan[T]) Send(v T) {
	if ctl := chanPoint(ChanSend, unsafe.Pointer(c)); ctl != nil {
		send(ctl, c, v)
		return
	}
	c.ch <- v
	Unblocked(unsafe.Pointer(c))
}

// RecvOK receives from c while a Scheduler is installed, and reports
// whether the value was sent.
func (c *Chan[T]) RecvOK() (T, bool) {
	if ctl := chanPoint(ChanRecv, unsafe.Pointer(c)); ctl != nil {
		return recv(ctl, c)
	}
	v, ok := <-c.ch
	Unblocked(unsafe.Pointer(c))
	return v, ok
}

// Close closes c while a Scheduler is installed.
func (c *Chan[T]) Close() {
	if ctl := chanPoint(ChanClose, unsafe.Pointer(c)); ctl != nil {
		closeChan(ctl, c)
		return
	}
	close(c.ch)
}
