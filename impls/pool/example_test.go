package pool_test

import (
	"errors"
	"fmt"

	"github.com/weftlab/weft/impls/pool"
)

// The guide's main: four CPU-bound tasks on a pool of four, gathered.
func ExamplePool() {
	p := pool.New(4)
	var futures []*pool.Future
	for range 4 {
		f, err := p.Submit(func() int { return pool.CountPrimes(1000) })
		if err != nil {
			panic(err)
		}
		futures = append(futures, f)
	}
	var results []int
	for _, f := range futures {
		results = append(results, f.Await())
	}
	p.Shutdown()
	_, err := p.Submit(func() int { return 0 })
	fmt.Println(results, errors.Is(err, pool.ErrShutdown))
	// Output: [168 168 168 168] true
}
