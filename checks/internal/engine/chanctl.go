package engine

import "unsafe"

// Under a Controller, a channel operation never blocks in the runtime: the
// buffered values stay in the Go channel, and the goroutines that wait to
// send or receive are queued here, as the runtime queues them (sendq and
// recvq of runtime/chan.go). A waiting goroutine is parked on its selector;
// the goroutine that completes its operation fires the selector and unparks
// it. A plain Send or Recv is a select of one arm.

// waitq holds the goroutines waiting on one channel, oldest first.
type waitq[T any] struct {
	recvq, sendq []*sudog[T]
	closed       bool
}

// sudog is one goroutine waiting on one channel: the value it sends, or
// the value it received.
type sudog[T any] struct {
	sel *selector
	idx int // its arm in the select
	v   T
	ok  bool
}

// selector is one waiting goroutine, shared by the sudogs of its arms: the
// first arm to fire wins.
type selector struct {
	fired      int // the arm that fired, -1 while waiting
	closedSend bool
	chans      []unsafe.Pointer // for reports
}

func newSelector() *selector { return &selector{fired: -1} }

func (c *Chan[T]) queues() *waitq[T] {
	if c.q == nil {
		c.q = &waitq[T]{}
	}
	return c.q
}

// popLive removes and returns the oldest sudog of q whose selector has not
// fired; the others are stale arms of selects that already went on.
func popLive[T any](q *[]*sudog[T]) *sudog[T] {
	for len(*q) > 0 {
		sg := (*q)[0]
		(*q)[0] = nil
		*q = (*q)[1:]
		if sg.sel.fired < 0 {
			return sg
		}
	}
	return nil
}

func hasLive[T any](q []*sudog[T]) bool {
	for _, sg := range q {
		if sg.sel.fired < 0 {
			return true
		}
	}
	return false
}

func (ctl *Controller) fire(sel *selector, idx int) {
	sel.fired = idx
	ctl.unpark(sel)
}

// waitFor parks the running goroutine until sel fires.
func (ctl *Controller) waitFor(k Kind, sel *selector) {
	for sel.fired < 0 {
		ctl.park(Point{Kind: k, Obj: sel}, sel)
	}
}

// trySend completes a send of v on c if it can: to a waiting receiver, or
// into the buffer. It panics if c is closed, as a send does.
func trySend[T any](ctl *Controller, c *Chan[T], v T) bool {
	q := c.queues()
	if q.closed {
		panic("send on closed channel")
	}
	if r := popLive(&q.recvq); r != nil {
		r.v, r.ok = v, true
		ctl.fire(r.sel, r.idx)
		return true
	}
	if len(c.ch) < cap(c.ch) {
		c.ch <- v
		return true
	}
	return false
}

// tryRecv completes a receive from c if it can: from the buffer (refilled
// by the oldest waiting sender), from a waiting sender, or the zero value of
// a closed channel.
func tryRecv[T any](ctl *Controller, c *Chan[T]) (v T, ok, done bool) {
	q := c.queues()
	if len(c.ch) > 0 {
		v = <-c.ch
		if s := popLive(&q.sendq); s != nil {
			c.ch <- s.v
			ctl.fire(s.sel, s.idx)
		}
		return v, true, true
	}
	if s := popLive(&q.sendq); s != nil {
		ctl.fire(s.sel, s.idx)
		return s.v, true, true
	}
	if q.closed {
		return v, false, true
	}
	return v, false, false
}

func canSend[T any](c *Chan[T]) bool {
	q := c.queues()
	return q.closed || hasLive(q.recvq) || len(c.ch) < cap(c.ch)
}

func canRecv[T any](c *Chan[T]) bool {
	q := c.queues()
	return q.closed || len(c.ch) > 0 || hasLive(q.sendq)
}

func send[T any](ctl *Controller, c *Chan[T], v T) {
	if trySend(ctl, c, v) {
		return
	}
	sel := newSelector()
	sel.chans = []unsafe.Pointer{unsafe.Pointer(c)}
	q := c.queues()
	q.sendq = append(q.sendq, &sudog[T]{sel: sel, v: v})
	ctl.waitFor(ChanSend, sel)
	if sel.closedSend {
		panic("send on closed channel")
	}
}

func recv[T any](ctl *Controller, c *Chan[T]) (T, bool) {
	if v, ok, done := tryRecv(ctl, c); done {
		return v, ok
	}
	sel := newSelector()
	sel.chans = []unsafe.Pointer{unsafe.Pointer(c)}
	sg := &sudog[T]{sel: sel}
	q := c.queues()
	q.recvq = append(q.recvq, sg)
	ctl.waitFor(ChanRecv, sel)
	return sg.v, sg.ok
}

func closeChan[T any](ctl *Controller, c *Chan[T]) {
	q := c.queues()
	if q.closed {
		panic("close of closed channel")
	}
	q.closed = true
	close(c.ch)
	for r := popLive(&q.recvq); r != nil; r = popLive(&q.recvq) {
		var zero T
		r.v, r.ok = zero, false
		ctl.fire(r.sel, r.idx)
	}
	for s := popLive(&q.sendq); s != nil; s = popLive(&q.sendq) {
		s.sel.closedSend = true
		ctl.fire(s.sel, s.idx)
	}
}

// deliver sends v on c for a timer: to a waiting receiver or into the
// buffer, and drops it if neither can take it, as the runtime's timers do.
func deliver[T any](ctl *Controller, c *Chan[T], v T) {
	q := c.queues()
	if q.closed {
		return
	}
	_ = trySend(ctl, c, v)
}
