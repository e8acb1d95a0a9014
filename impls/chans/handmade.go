package chans

import "sync"

// Handmade is a channel of int built from a mutex, a slice and one
// condition variable, with the design of Go's runtime: a send that finds
// the buffer full parks with its value; a receive takes the oldest buffered
// value and moves the oldest parked sender's value into the slot it freed,
// or, on an unbuffered channel, takes that sender's value directly. Close
// wakes everyone: parked senders panic, receivers drain the buffer and then
// get zero and false. Create it with [NewHandmade].
//
// Linearization points, all under mu: a send into the buffer takes effect
// when it appends; a parked send when a receive moves its value into the
// buffer (right after that receive) or, unbuffered, when a receive takes it
// (right before that receive); a receive when it removes a value, or, on a
// closed drained channel, when it sees that; a close when it sets closed;
// Len when it reads the count. A parked send that a close wakes takes effect
// after the close, and panics.
type Handmade struct {
	mu      sync.Mutex
	changed *sync.Cond // broadcast on every change a waiter may wait for
	buf     []int      // buffered values, oldest first
	size    int
	closed  bool
	senders []*parked // senders waiting for room, oldest first
	waiting int       // receivers inside changed.Wait
	bug     bug
}

// parked is a sender waiting for room, with its value.
type parked struct {
	v     int
	taken bool // a receive has taken v (into the buffer, or for itself)
}

// bug selects a variant of the bug zoo (zoo.go).
type bug uint8

const (
	noBug bug = iota
	overtaking
	lossyClose
)

// NewHandmade returns an open hand-made channel with room for capacity
// buffered values; 0 makes it unbuffered.
func NewHandmade(capacity int) *Handmade { return newHandmade(capacity, noBug) }

func newHandmade(capacity int, b bug) *Handmade {
	c := &Handmade{size: capacity, bug: b}
	c.changed = sync.NewCond(&c.mu)
	return c
}

// Send sends v, waiting for room (or, unbuffered, for a receiver). It
// panics if the channel is closed, or closes while it waits.
func (c *Handmade) Send(v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		panic("send on closed channel")
	}
	// Parked senders mean a full buffer, and they go first.
	if len(c.senders) == 0 && len(c.buf) < c.size {
		c.buf = append(c.buf, v)
		c.changed.Broadcast()
		return
	}
	p := &parked{v: v}
	c.senders = append(c.senders, p)
	c.changed.Broadcast() // an unbuffered receiver waits for a sender
	for !p.taken && !c.closed {
		c.changed.Wait()
	}
	if !p.taken { // Close unparked it: its value is never received
		panic("send on closed channel")
	}
}

// Recv receives the oldest value, waiting for one; on a closed channel it
// drains the buffer, then returns zero and false at once.
func (c *Handmade) Recv() (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.buf) == 0 && len(c.senders) == 0 && !c.closed {
		c.waiting++
		c.changed.Wait()
		c.waiting--
	}
	if c.bug == overtaking && len(c.senders) > 0 {
		return c.takeParked(), true
	}
	if len(c.buf) > 0 {
		v := c.buf[0]
		c.buf = c.buf[1:]
		if len(c.senders) > 0 { // the freed slot goes to the oldest parked sender
			c.buf = append(c.buf, c.takeParked())
		}
		c.changed.Broadcast()
		return v, true
	}
	if len(c.senders) > 0 { // unbuffered: the handoff
		return c.takeParked(), true
	}
	return 0, false // closed and drained
}

// takeParked unparks the oldest parked sender and returns its value.
func (c *Handmade) takeParked() int {
	p := c.senders[0]
	c.senders = c.senders[1:]
	p.taken = true
	c.changed.Broadcast()
	return p.v
}

// Close closes the channel; it panics if it is closed already. Parked
// senders wake and panic; buffered values stay for receivers.
func (c *Handmade) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		panic("close of closed channel")
	}
	c.closed = true
	c.senders = nil
	if c.bug == lossyClose && c.waiting > 0 {
		c.buf = nil
	}
	c.changed.Broadcast()
}

// Len returns the number of buffered values.
func (c *Handmade) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.buf)
}
