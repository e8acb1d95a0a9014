// Package bankactor is the guide's supervised bank account actor (7.3, in
// Akka there): one goroutine owns the balance and handles the messages of
// its mailbox one at a time, and a supervisor restarts it when it fails.
//
// Deposit and Withdraw are sent without waiting, as the guide's Akka
// messages are; a withdrawal the balance does not cover is refused
// ("insufficient funds") and changes nothing. Balance is a request that
// waits for the reply, up to a timeout. A message with an amount that is
// not positive is invalid: the actor panics on it.
//
// What a restart keeps, decided as the guide's
// Behaviors.supervise(BankAccount()).onFailure(SupervisorStrategy.restart)
// does: the actor's state is reset (the balance is 0 again), the message
// it failed on is dropped, and the mailbox survives, so every message sent
// after it is handled by the restarted actor, in order. models.Account is
// that contract; per-sender order comes from models.PerSender, which the
// harness applies to the fire-and-forget messages.
//
// Linearization points: a message takes effect when the actor's goroutine
// handles it; a balance request that timed out observed nothing.
//
// The zoo (zoo.go): [NewTwoHandlers] serves the mailbox with two
// goroutines, so two messages are handled at once (a deposit lost between
// the read and the write of the balance, and one sender's messages
// reordered); [NewKeepingState] restarts with the balance the failed actor
// had; [NewForgetfulRestart] empties the mailbox when it restarts, so the
// messages queued behind the invalid one are lost.
package bankactor

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrTimeout is returned by Balance when the reply did not come in time.
var ErrTimeout = errors.New("bankactor: balance timed out")

type kind uint8

const (
	depositMsg kind = iota
	withdrawMsg
	balanceMsg
)

type message struct {
	kind   kind
	amount int
	reply  chan int // balance only; room for one, so the actor never waits
}

// Account is a supervised account actor. Create it with [NewSupervised]
// and end it with Stop.
type Account struct {
	mailbox chan message
	done    chan struct{}
}

// NewSupervised starts the actor and its supervisor; the mailbox holds
// mailboxSize messages, and a send to a full one waits for room.
func NewSupervised(mailboxSize int) *Account {
	a := &Account{mailbox: make(chan message, mailboxSize), done: make(chan struct{})}
	go a.supervise(func() { a.serve(new(int)) })
	return a
}

// supervise runs serve again each time it fails, until the mailbox is
// closed.
func (a *Account) supervise(serve func()) {
	defer close(a.done)
	for a.failed(serve) { // restart: serve again, with a fresh state
	}
}

// failed runs serve and reports whether it ended by a panic.
func (a *Account) failed(serve func()) (crashed bool) {
	defer func() {
		if recover() != nil {
			crashed = true
		}
	}()
	serve()
	return false
}

// serve handles the mailbox's messages one at a time, with the balance
// given: the actor's state, owned by this goroutine alone.
func (a *Account) serve(balance *int) {
	for m := range a.mailbox {
		handle(m, balance)
	}
}

func handle(m message, balance *int) {
	switch m.kind {
	case depositMsg:
		if m.amount <= 0 {
			panic(fmt.Sprintf("bankactor: invalid deposit of %d", m.amount))
		}
		*balance += m.amount
	case withdrawMsg:
		if m.amount <= 0 {
			panic(fmt.Sprintf("bankactor: invalid withdrawal of %d", m.amount))
		}
		if m.amount <= *balance { // else: insufficient funds, refused
			*balance -= m.amount
		}
	case balanceMsg:
		m.reply <- *balance
	}
}

// Deposit sends a deposit of amount; an amount that is not positive makes
// the actor fail.
func (a *Account) Deposit(amount int) { a.mailbox <- message{kind: depositMsg, amount: amount} }

// Withdraw sends a withdrawal of amount, which the actor refuses if the
// balance does not cover it.
func (a *Account) Withdraw(amount int) { a.mailbox <- message{kind: withdrawMsg, amount: amount} }

// Balance asks for the balance and waits up to timeout for the reply. On
// ErrTimeout the request stays in the mailbox and is answered later, to no
// one.
func (a *Account) Balance(timeout time.Duration) (int, error) {
	reply := make(chan int, 1)
	a.mailbox <- message{kind: balanceMsg, reply: reply}
	select {
	case n := <-reply:
		return n, nil
	case <-time.After(timeout):
		return 0, ErrTimeout
	}
}

// Stop closes the mailbox, lets the actor handle what is left in it, and
// waits for it to end. The account must not be used afterwards.
func (a *Account) Stop() {
	close(a.mailbox)
	<-a.done
}

// lockedBalance is the balance of the two-handler zoo actor: each read and
// each write is locked, but not the two together.
type lockedBalance struct {
	mu sync.Mutex
	n  int
}
