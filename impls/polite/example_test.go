package polite_test

import (
	"fmt"
	"sync"

	"github.com/weftlab/weft/impls/polite"
)

func ExampleJittered() {
	c := polite.NewJittered(1)
	var wg sync.WaitGroup
	for side := range 2 {
		wg.Go(func() { c.Inc(side) }) // both sides at once: one steps back, at random
	}
	wg.Wait()
	fmt.Println(c.Value())
	// Output: 2
}
