package priority_test

import (
	"fmt"
	"sync"

	"github.com/weftlab/weft/impls/priority"
)

func ExampleSystem() {
	s := priority.NewSystem()
	defer s.Stop()
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(s.Record)
		wg.Go(s.Compute)
	}
	wg.Wait()
	fmt.Println(s.Read(), s.Jobs())
	// Output: 3 3
}
