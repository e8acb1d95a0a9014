package selects

import "time"

// Box is what [Exchange] needs of a mailbox.
type Box interface {
	TrySend(v int) bool
	TryRecv() (int, bool)
}

// Exchange runs the guide's non-blocking select on both sides of box: a
// producer offers the values 1 to n with TrySend, one every sendEvery, and
// moves on when the box is full; a consumer, on the calling goroutine,
// polls it n times with TryRecv, one every recvEvery, and moves on when it
// is empty; once the producer is done, the consumer takes what is left. It
// returns the values whose TrySend reported success, in the order sent, and
// the values received, in the order received: for a box whose operations
// tell the truth, the same list.
func Exchange(box Box, n int, sendEvery, recvEvery time.Duration) (accepted, received []int) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := 1; v <= n; v++ {
			if box.TrySend(v) {
				accepted = append(accepted, v)
			}
			time.Sleep(sendEvery)
		}
	}()
	for range n {
		if v, ok := box.TryRecv(); ok {
			received = append(received, v)
		}
		time.Sleep(recvEvery)
	}
	<-done // accepted is complete, and no TrySend comes after the drain
	for {
		v, ok := box.TryRecv()
		if !ok {
			return accepted, received
		}
		received = append(received, v)
	}
}
