package selects_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/weftlab/weft/impls/selects"
)

// A reply that takes longer than the timeout is a timeout.
func ExampleAsk() {
	fmt.Println(selects.Ask(3, time.Millisecond, time.Minute))
	_, err := selects.Ask(3, time.Minute, time.Millisecond)
	fmt.Println(errors.Is(err, selects.ErrTimeout))
	// Output:
	// 9 <nil>
	// true
}

// The guide's non-blocking select: a full mailbox refuses a send, an empty
// one a receive, and neither waits.
func ExampleMailbox() {
	m := selects.NewMailbox()
	fmt.Println(m.TryRecv())
	fmt.Println(m.TrySend(1), m.TrySend(2))
	fmt.Println(m.TryRecv())
	// Output:
	// 0 false
	// true false
	// 1 true
}
