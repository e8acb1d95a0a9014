package selects

import "time"

// AskUnbuffered is [Ask] with an unbuffered reply channel: when the request
// times out, nobody will ever receive the reply, and the responder, once
// its delay is over, blocks on its send forever. Every timed-out request
// leaks a goroutine.
func AskUnbuffered(question int, delay, timeout time.Duration) (int, error) {
	return ask(make(chan int), question, delay, timeout)
}

// DroppingMailbox is a [Mailbox] whose TrySend reports success whatever
// happened: when the slot is full, its select takes the default case and
// the message is dropped, yet the sender is told it was delivered. Create
// it with [NewDroppingMailbox].
type DroppingMailbox struct {
	Mailbox
}

// NewDroppingMailbox returns an empty dropping mailbox.
func NewDroppingMailbox() *DroppingMailbox { return &DroppingMailbox{*NewMailbox()} }

// TrySend puts v in the mailbox if it is empty, and reports true either way.
func (m *DroppingMailbox) TrySend(v int) bool {
	select {
	case m.ch <- v:
	default: // full: dropped, and not said
	}
	return true
}
