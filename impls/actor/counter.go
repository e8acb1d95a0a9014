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

	"github.com/weftlab/weft/checks/sched"
)

// ErrTimeout is returned by Get when the reply did not arrive in time.
var ErrTimeout = errors.New("actor: get timed out")

// message is an increment when reply is nil, and a get otherwise.
type message struct {
	reply *sched.Chan[int]
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
	mailbox *sched.Chan[message]
	done    *sched.Chan[struct{}]
}

// NewCounter starts a counter actor whose mailbox holds mailboxSize messages;
// a send to a full mailbox waits for room.
func NewCounter(mailboxSize int) *Counter {
	c := &Counter{
		mailbox: sched.NewChan[message](mailboxSize),
		done:    sched.NewChan[struct{}](0),
	}
	sched.Go(c.loop)
	return c
}

// loop is the actor: one goroutine, one message at a time, so the count
// needs no lock.
func (c *Counter) loop() {
	defer c.done.Close()
	n := 0
	for msg := range c.mailbox.All() {
		if msg.reply == nil {
			n++
			continue
		}
		msg.reply.Send(n) // the reply channel has room for one: never waits
	}
}

// Inc sends an increment and returns without waiting for it to be handled.
func (c *Counter) Inc() { c.mailbox.Send(message{}) }

// Get asks for the count and waits up to timeout for the reply. On
// ErrTimeout the request stays in the mailbox and is answered later, to no
// one.
func (c *Counter) Get(timeout time.Duration) (int, error) {
	return ask(c.mailbox, timeout)
}

func ask(mailbox *sched.Chan[message], timeout time.Duration) (int, error) {
	reply := sched.NewChan[int](1)
	mailbox.Send(message{reply: reply})
	var n int
	switch sched.Select(reply.RecvCase(&n, nil), sched.After(timeout).RecvCase(nil, nil)) {
	case 0:
		return n, nil
	default:
		return 0, ErrTimeout
	}
}

// Stop closes the mailbox, lets the actor handle what is left in it, and
// waits for its goroutine to end. The counter must not be used afterwards.
func (c *Counter) Stop() {
	c.mailbox.Close()
	c.done.Recv()
}
