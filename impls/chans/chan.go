package chans

// Chan is a Go channel of int with Send, Recv, Close and Len methods, so
// that the catalog can call it as it calls any structure. Under weft's
// rewrite the channel becomes weft's own (a scheduling point at every
// operation, virtual time under control): checking Chan against the
// channel model checks that primitive.
//
// Linearization points are the runtime's: a send into the buffer or a
// receive from it takes effect when it moves the value, under the channel's
// lock; an unbuffered send and the receive it meets take effect together,
// at the handoff; a close, when it marks the channel closed. Len reads the
// count without the lock; a count is always one the channel had during the
// call.
type Chan struct {
	ch chan int
}

// New returns an open channel with room for capacity buffered values; 0
// makes it unbuffered.
func New(capacity int) *Chan { return &Chan{ch: make(chan int, capacity)} }

// Send sends v: ch <- v.
func (c *Chan) Send(v int) { c.ch <- v }

// Recv receives a value, and reports false for the zero value of a closed,
// drained channel: v, ok := <-ch.
func (c *Chan) Recv() (int, bool) {
	v, ok := <-c.ch
	return v, ok
}

// Close closes the channel: close(ch).
func (c *Chan) Close() { close(c.ch) }

// Len returns the number of buffered values: len(ch).
func (c *Chan) Len() int { return len(c.ch) }
