package counter

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
	incs  chan struct{}
	reads chan chan int
	quit  chan struct{}
	done  chan struct{}
}

// NewChanCounter starts the owner goroutine and returns the counter.
func NewChanCounter() *ChanCounter {
	c := &ChanCounter{
		incs:  make(chan struct{}),
		reads: make(chan chan int),
		quit:  make(chan struct{}),
		done:  make(chan struct{}),
	}
	go c.own()
	return c
}

func (c *ChanCounter) own() {
	defer close(c.done)
	n := 0
	for {
		select {
		case <-c.incs:
			n++
		case reply := <-c.reads:
			reply <- n
		case <-c.quit:
			return
		}
	}
}

// Inc adds one; it returns once the owner has taken the increment.
func (c *ChanCounter) Inc() { c.incs <- struct{}{} }

// Value returns the count.
func (c *ChanCounter) Value() int {
	reply := make(chan int, 1)
	c.reads <- reply
	return <-reply
}

// Stop ends the owner goroutine and waits for it. The counter must not be
// used afterwards.
func (c *ChanCounter) Stop() {
	close(c.quit)
	<-c.done
}
