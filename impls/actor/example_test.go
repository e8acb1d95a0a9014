package actor_test

import (
	"fmt"
	"time"

	"github.com/weftlab/weft/impls/actor"
)

func ExampleCounter() {
	c := actor.NewCounter(16)
	defer c.Stop()
	c.Inc() // returns at once
	c.Inc()
	n, err := c.Get(time.Second) // sees this sender's earlier increments
	fmt.Println(n, err)
	// Output: 2 <nil>
}
