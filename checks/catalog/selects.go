package catalog

import (
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/selects"
)

// The guide's select (8.3) waits 3 s for replies that come after 1 s and
// 2 s. The request program adds a reply at the deadline and one after it.
const requestTimeout = 3 * time.Second

var requestDelays = []time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 4 * time.Second}

// requestProgram makes one request per delay, all at once, each answered
// after its delay and waiting requestTimeout, and requires of each outcome
// what the clock allows: an answer ready before the deadline is never a
// timeout, one ready after it always is, and one ready at the deadline
// may be either (in Go, the responder's wake-up and the timer are events
// of the same instant, in either order). That no request leaves a
// goroutine behind, the leak verdict checks.
//
// Under weft's controller, the timeout always wins at the deadline: the
// timers due at one instant all fire before any goroutine they wake runs,
// and the timer of time.After delivers to the waiting select at once,
// while the responder still has to run to send. The requirement allows
// both outcomes all the same, as Go does.
//
// The delays are virtual, so it runs only under control: on real cores it
// would take seconds, and its first requirement would not even hold, since
// a requester preempted until both the answer and the deadline are past
// finds both ready, and select then picks at random, as Go specifies.
func requestProgram(ask selects.AskFunc) func() {
	return func() {
		var wg sync.WaitGroup
		for i, delay := range requestDelays {
			wg.Go(func() {
				answer, err := ask(i, delay, requestTimeout)
				timedOut := errors.Is(err, selects.ErrTimeout)
				checks.Require(err == nil || timedOut, "a request ends with its answer or a timeout: request %d got %v", i, err)
				checks.Require(!timedOut || delay >= requestTimeout,
					"an answer ready before the deadline is never a timeout: request %d, answered after %v, timed out after %v",
					i, delay, requestTimeout)
				checks.Require(timedOut || delay <= requestTimeout,
					"an answer ready after the deadline is a timeout: request %d, answered after %v, got its answer within %v",
					i, delay, requestTimeout)
				checks.Require(timedOut || answer == i*i, "an answer is its question's: request %d got %d, want %d", i, answer, i*i)
			})
		}
		wg.Wait()
	}
}

// exchangeValues is how many values the non-blocking exchange offers; the
// producer offers one every exchangeSend, the consumer looks every
// exchangeRecv, twice as slow, so that the producer often finds the
// mailbox full.
const (
	exchangeValues = 4
	exchangeSend   = time.Millisecond
	exchangeRecv   = 2 * time.Millisecond
)

// exchangeProgram runs selects.Exchange on a fresh mailbox and requires
// that a non-blocking send report success exactly when it delivered: the
// values received are those whose TrySend said so, in order.
func exchangeProgram[B selects.Box](newBox func() B) func() {
	return func() {
		accepted, received := selects.Exchange(newBox(), exchangeValues, exchangeSend, exchangeRecv)
		checks.Require(slices.Equal(accepted, received),
			"a non-blocking send reports success exactly when it delivers: TrySend reported %v delivered, the receiver got %v",
			accepted, received)
	}
}

var selectEntries = []Entry{
	programEntry[selects.Mailbox]("8.3", checks.Ok, "select/request-timeout", requestProgram(selects.Ask)).
		OnlyControlled("its delays and timeout are seconds on the virtual clock, and the requirement on the outcome holds only there"),
	programEntry[selects.Mailbox]("8.3", checks.Leak, "select/unbuffered-reply", requestProgram(selects.AskUnbuffered)).
		OnlyControlled("its delays and timeout are seconds on the virtual clock, and the requirement on the outcome holds only there"),
	programEntry[selects.Mailbox]("8.3", checks.Ok, "select/nonblocking", exchangeProgram(selects.NewMailbox)),
	programEntry[selects.Mailbox]("8.3", checks.Violated, "select/dropping-send", exchangeProgram(selects.NewDroppingMailbox)),
}
