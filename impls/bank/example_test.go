package bank_test

import (
	"fmt"
	"sync"

	"github.com/weftlab/weft/impls/bank"
)

func ExampleOrderedBank() {
	b := bank.NewOrderedBank(2, 100)
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Go(func() { b.Transfer(i%2, 1-i%2, 1) }) // both directions at once
	}
	wg.Wait()
	fmt.Println(b.Balance(0) + b.Balance(1))
	// Output: 200
}
