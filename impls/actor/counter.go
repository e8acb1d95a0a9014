// Package actor implements the guide's Erlang-style counter actor (7.2): a
// goroutine that owns a count and handles the messages of its mailbox one at
// a time. Increments are sent without waiting (fire-and-forget); a get is a
// request that waits for the reply, up to a timeout.
//
// Correct version: [Counter]. Bug zoo: [PoolCounter], an "actor" whose
// mailbox is served by several goroutines at once.
package actor

import (
	"errors"
	"time"
)

// ErrTimeout is returned by Get when the reply did not arrive in time.
var ErrTimeout = errors.New("actor: get timed out")

// message is an increment when reply is nil, and a get otherwise.
type message struct {
	reply chan int
}

// Counter is a counter actor. Create it with [NewCounter] and end it with
// Stop.
//
// What it promises, like an Erlang process: the messages of one sender are
// handled in the order they were sent, so a sender's Get counts every Inc the
// same sender made before it. Nothing orders one sender's messages against
// another's in this contract (models.PerSender), although this
// implementation's single channel happens to keep a global order.
//
// Linearization points: an Inc or a Get takes effect when the actor's
// goroutine handles it, some time after the message entered the mailbox.
type Counter struct {
	mailbox chan message
	done    chan struct{}
}

// NewCounter starts a counter actor whose mailbox holds mailboxSize messages;
// a send to a full mailbox waits for room.
func NewCounter(mailboxSize int) *Counter {
	c := &Counter{
		mailbox: make(chan message, mailboxSize),
		done:    make(chan struct{}),
	}
	go c.loop()
	return c
}

// loop is the actor: one goroutine, one message at a time, so the count
// needs no lock.
func (c *Counter) loop() {
	defer close(c.done)
	n := 0
	for msg := range c.mailbox {
		if msg.reply == nil {
			n++
			continue
		}
		msg.reply <- n // the reply channel has room for one: never waits
	}
}

// Inc sends an increment and returns without waiting for it to be handled.
func (c *Counter) Inc() { c.mailbox <- message{} }

// Get asks for the count and waits up to timeout for the reply. On
// ErrTimeout the request stays in the mailbox and is answered later, to no
// one.
func (c *Counter) Get(timeout time.Duration) (int, error) {
	return ask(c.mailbox, timeout)
}

func ask(mailbox chan message, timeout time.Duration) (int, error) {
	reply := make(chan int, 1)
	mailbox <- message{reply: reply}
	select {
	case n := <-reply:
		return n, nil
	case <-time.After(timeout):
		return 0, ErrTimeout
	}
}

// Stop closes the mailbox, lets the actor handle what is left in it, and
// waits for its goroutine to end. The counter must not be used afterwards.
func (c *Counter) Stop() {
	close(c.mailbox)
	<-c.done
}
