package eventloop_test

import (
	"fmt"

	"github.com/weftlab/weft/impls/eventloop"
)

// The guide's program (6.1).
func ExampleLoop() {
	l := eventloop.New()
	l.Run(func() {
		fmt.Println("1. Synchronous code")
		l.SetTimeout(0, func() { fmt.Println("2. setTimeout (timers)") })
		l.SetImmediate(func() { fmt.Println("3. setImmediate (check)") })
		l.QueueMicrotask(func() { fmt.Println("4. Promise (microtask)") })
		l.NextTick(func() { fmt.Println("5. nextTick (microtask - highest priority)") })
		fmt.Println("6. End of synchronous code")
	})
	// Output:
	// 1. Synchronous code
	// 6. End of synchronous code
	// 5. nextTick (microtask - highest priority)
	// 4. Promise (microtask)
	// 2. setTimeout (timers)
	// 3. setImmediate (check)
}
