package counter

import "github.com/weftlab/weft/checks/sched"

// ChanCounter is the channel fix of guide 11.2, "share memory by
// communicating": a single goroutine owns the count, and other goroutines
// send it increments and read requests on unbuffered channels. Create it with
// [NewChanCounter] and end its goroutine with Stop.
//
// Linearization points: Inc takes effect when the owner receives it (the
// unbuffered send completes only then, and the owner increments before it
// receives anything else); Value when the owner receives the request, which
// it answers before receiving anything else.
type ChanCounter struct {
	incs  *sched.Chan[struct{}]
	reads *sched.Chan[*sched.Chan[int]]
	quit  *sched.Chan[struct{}]
	done  *sched.Chan[struct{}]
}

// NewChanCounter starts the owner goroutine and returns the counter.
func NewChanCounter() *ChanCounter {
	c := &ChanCounter{
		incs:  sched.NewChan[struct{}](0),
		reads: sched.NewChan[*sched.Chan[int]](0),
		quit:  sched.NewChan[struct{}](0),
		done:  sched.NewChan[struct{}](0),
	}
	sched.Go(c.own)
	return c
}

func (c *ChanCounter) own() {
	defer c.done.Close()
	n := 0
	for {
		var reply *sched.Chan[int]
		switch sched.Select(c.incs.RecvCase(nil, nil), c.reads.RecvCase(&reply, nil), c.quit.RecvCase(nil, nil)) {
		case 0:
			n++
		case 1:
			reply.Send(n)
		case 2:
			return
		}
	}
}

// Inc adds one; it returns once the owner has taken the increment.
func (c *ChanCounter) Inc() { c.incs.Send(struct{}{}) }

// Value returns the count.
func (c *ChanCounter) Value() int {
	reply := sched.NewChan[int](1)
	c.reads.Send(reply)
	return reply.Recv()
}

// Stop ends the owner goroutine and waits for it. The counter must not be
// used afterwards.
func (c *ChanCounter) Stop() {
	c.quit.Close()
	c.done.Recv()
}
