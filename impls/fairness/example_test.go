package fairness_test

import (
	"fmt"
	"sync"

	"github.com/weftlab/weft/impls/fairness"
)

func ExampleTicketLock() {
	c := fairness.NewTicketCounter()
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(c.Inc) // served in the order they took their tickets
	}
	wg.Wait()
	fmt.Println(c.Value())
	// Output: 50
}

func ExampleFairRW() {
	r := fairness.NewFairRegister()
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			if i%4 == 0 {
				r.Store(i)
			} else {
				r.Load()
			}
		})
	}
	wg.Wait()
	fmt.Println(r.Load() % 4)
	// Output: 0
}
