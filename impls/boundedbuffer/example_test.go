package boundedbuffer_test

import (
	"fmt"

	"github.com/weftlab/weft/impls/boundedbuffer"
)

func ExampleBuffer() {
	b := boundedbuffer.New[int](5)
	done := make(chan int)
	go func() { // the consumer waits whenever the buffer is empty
		sum := 0
		for range 20 {
			sum += b.Take()
		}
		done <- sum
	}()
	for i := 1; i <= 20; i++ { // the producer waits whenever it is full
		b.Put(i)
	}
	fmt.Println(<-done)
	// Output: 210
}
