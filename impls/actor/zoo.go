package actor

import (
	"sync"
	"time"
)

// PoolCounter is a counter "actor" whose mailbox is drained by several
// goroutines at once, a common attempt to make an actor faster. A mutex
// guards the count, so there is no data race. Broken on purpose.
//
// What goes wrong: two messages of the same sender can be handled at the
// same time by different workers, so the actor no longer handles a sender's
// messages in order. A sender that sends Inc and then Get can have its Get
// handled first, by an idle worker, while the worker that took the Inc has
// not yet locked the count: the Get returns a count without the sender's own
// increment, which per-sender FIFO forbids.
type PoolCounter struct {
	mailbox chan message
	workers sync.WaitGroup
	mu      sync.Mutex
	n       int
}

// NewPoolCounter starts a counter served by workers goroutines, with a
// mailbox of mailboxSize messages.
func NewPoolCounter(mailboxSize, workers int) *PoolCounter {
	c := &PoolCounter{mailbox: make(chan message, mailboxSize)}
	for range workers {
		c.workers.Go(c.work)
	}
	return c
}

func (c *PoolCounter) work() {
	for msg := range c.mailbox {
		c.mu.Lock()
		if msg.reply == nil {
			c.n++
		} else {
			msg.reply <- c.n
		}
		c.mu.Unlock()
	}
}

// Inc sends an increment and returns without waiting for it to be handled.
func (c *PoolCounter) Inc() { c.mailbox <- message{} }

// Get asks for the count and waits up to timeout for the reply.
func (c *PoolCounter) Get(timeout time.Duration) (int, error) {
	return ask(c.mailbox, timeout)
}

// Stop closes the mailbox and waits for every worker to end.
func (c *PoolCounter) Stop() {
	close(c.mailbox)
	c.workers.Wait()
}
