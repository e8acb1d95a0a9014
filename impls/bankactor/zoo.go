package bankactor

// NewTwoHandlers starts an "actor" whose mailbox two goroutines serve,
// sharing the balance: a deposit reads the balance, then writes the sum,
// each step under a lock, so two deposits handled at once can both read
// the same balance and one of them is lost; and two messages of one
// sender can be handled out of order. A handler that fails resets the
// balance and goes on, as a restart would.
func NewTwoHandlers(mailboxSize int) *Account {
	a := &Account{mailbox: make(chan message, mailboxSize), done: make(chan struct{})}
	var shared lockedBalance
	finished := make(chan struct{})
	for range 2 {
		go func() {
			defer func() { finished <- struct{}{} }()
			for a.failed(func() {
				for m := range a.mailbox {
					shared.mu.Lock()
					n := shared.n
					shared.mu.Unlock()
					handle(m, &n)
					shared.mu.Lock()
					shared.n = n
					shared.mu.Unlock()
				}
			}) {
				shared.mu.Lock()
				shared.n = 0
				shared.mu.Unlock()
			}
		}()
	}
	go func() {
		<-finished
		<-finished
		close(a.done)
	}()
	return a
}

// NewKeepingState starts an actor whose supervisor restarts it with the
// balance the failed actor had, where the restart should reset it.
func NewKeepingState(mailboxSize int) *Account {
	a := &Account{mailbox: make(chan message, mailboxSize), done: make(chan struct{})}
	balance := new(int) // outlives each incarnation
	go a.supervise(func() { a.serve(balance) })
	return a
}

// NewForgetfulRestart starts an actor whose supervisor empties the mailbox
// before it restarts the actor: the messages sent after the invalid one
// and still queued are dropped (a dropped balance request times out).
func NewForgetfulRestart(mailboxSize int) *Account {
	a := &Account{mailbox: make(chan message, mailboxSize), done: make(chan struct{})}
	go func() {
		defer close(a.done)
		for a.failed(func() { a.serve(new(int)) }) {
			for len(a.mailbox) > 0 {
				if _, ok := <-a.mailbox; !ok {
					return
				}
			}
		}
	}()
	return a
}
