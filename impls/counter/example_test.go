package counter_test

import (
	"fmt"
	"sync"

	"github.com/weftlab/weft/impls/counter"
)

func ExampleSafeCounter() {
	c := counter.NewSafeCounter()
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() { c.Inc("somekey") })
	}
	wg.Wait()
	fmt.Println(c.Value("somekey"))
	// Output: 100
}

func ExampleChanCounter() {
	c := counter.NewChanCounter()
	defer c.Stop()
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(c.Inc)
	}
	wg.Wait()
	fmt.Println(c.Value())
	// Output: 100
}
