package chans

// NewOvertaking returns a hand-made channel whose receive, when a sender is
// parked on the full buffer, takes that sender's value directly (as an
// unbuffered channel does) instead of the oldest buffered value: the
// parked value overtakes the buffered ones, which arrive after it. With
// capacity 1, send(1), then a send(2) that parks: a receive returns 2
// while 1, sent first, is still buffered. A send parks only while another
// call runs, so one client never sees it.
func NewOvertaking(capacity int) *Handmade { return newHandmade(capacity, overtaking) }

// NewLossyClose returns a hand-made channel whose close, when receivers are
// waiting, empties the buffer, reasoning that a buffer someone waits on is
// empty. But a receiver counts as waiting until it wakes and takes the lock
// again: a send that lands in between (after it began to wait, before it
// woke) is in the buffer, and the close drops it; the receiver then gets
// zero and false, and the value is never received. A receiver waits only
// while another call runs, so one client never sees it.
func NewLossyClose(capacity int) *Handmade { return newHandmade(capacity, lossyClose) }
