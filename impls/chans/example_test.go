package chans_test

import (
	"fmt"

	"github.com/weftlab/weft/impls/chans"
)

// The guide's buffered channel (8.1): values come out in the order they
// went in, and after close the receivers drain the buffer, then get zero
// and false.
func ExampleChan() {
	c := chans.New(3)
	c.Send(1)
	c.Send(2)
	c.Close()
	for range 3 {
		fmt.Println(c.Recv())
	}
	// Output:
	// 1 true
	// 2 true
	// 0 false
}

// An unbuffered hand-made channel: the send returns only once a receiver
// has taken its value.
func ExampleHandmade() {
	c := chans.NewHandmade(0)
	done := make(chan struct{})
	go func() {
		c.Send(7)
		close(done)
	}()
	v, ok := c.Recv()
	<-done
	fmt.Println(v, ok, c.Len())
	// Output: 7 true 0
}
