package selects

import (
	"errors"
	"time"
)

// ErrTimeout is the error of a request whose reply did not come in time.
var ErrTimeout = errors.New("selects: request timed out")

// AskFunc is the signature of [Ask] and its broken variant.
type AskFunc func(question int, delay, timeout time.Duration) (int, error)

// Ask starts a responder, which answers question with its square after
// delay, and waits for the answer at most timeout: a select between the
// reply and time.After(timeout), as the guide's select does. It returns the
// answer, or ErrTimeout.
//
// The reply channel has room for the one reply, so that a responder whose
// requester gave up still sends, into the buffer, and ends: nothing waits
// for a reply nobody reads. On the virtual clock, an answer ready before
// the deadline wins (the requester is already waiting in the select when
// the responder sends), one ready after it loses (the timer fires first).
func Ask(question int, delay, timeout time.Duration) (int, error) {
	return ask(make(chan int, 1), question, delay, timeout)
}

func ask(reply chan int, question int, delay, timeout time.Duration) (int, error) {
	go func() {
		time.Sleep(delay)
		reply <- question * question
	}()
	select {
	case answer := <-reply:
		return answer, nil
	case <-time.After(timeout):
		return 0, ErrTimeout
	}
}
