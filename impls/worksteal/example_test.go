package worksteal_test

import (
	"fmt"
	"sync/atomic"

	"github.com/weftlab/weft/impls/worksteal"
)

func ExampleDeque() {
	d := worksteal.NewDeque[string](4)
	d.Push("a") // the owner pushes at the bottom
	d.Push("b")
	d.Push("c")
	stolen, _ := d.Steal() // a thief takes the oldest
	popped, _ := d.Pop()   // the owner the newest
	fmt.Println(stolen, popped)
	// Output: a c
}

func ExampleScheduler() {
	s := worksteal.NewScheduler(2)
	var sum atomic.Int64
	for i := 1; i <= 3; i++ {
		s.Submit(func(w *worksteal.Worker) { // to the global queue
			for j := 1; j <= 10; j++ {
				w.Go(func(*worksteal.Worker) { sum.Add(int64(i * j)) }) // to w's deque, or stolen
			}
		})
	}
	s.Wait()
	s.Close()
	fmt.Println(sum.Load())
	// Output: 330
}
