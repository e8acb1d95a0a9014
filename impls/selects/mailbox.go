package selects

// Mailbox holds at most one message, like the guide's make(chan int, 1),
// and offers the non-blocking operations of a select with a default case.
// Create it with [NewMailbox].
//
// Each operation is one select on the channel, which takes effect at once
// or not at all: TrySend when it puts the message in the empty slot (or
// finds the slot full), TryRecv when it takes the message (or finds the
// slot empty).
type Mailbox struct {
	ch chan int
}

// NewMailbox returns an empty mailbox.
func NewMailbox() *Mailbox { return &Mailbox{ch: make(chan int, 1)} }

// TrySend puts v in the mailbox if it is empty, and reports whether it did;
// it never waits.
func (m *Mailbox) TrySend(v int) bool {
	select {
	case m.ch <- v:
		return true
	default: // full: the message is not delivered
		return false
	}
}

// TryRecv takes the message if there is one, and reports whether there was;
// it never waits.
func (m *Mailbox) TryRecv() (int, bool) {
	select {
	case v := <-m.ch:
		return v, true
	default:
		return 0, false
	}
}
