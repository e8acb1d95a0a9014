// Package plain is plain Go, with its own plain tests, that cmd/weft's
// end-to-end test checks through weft test: nothing in it knows weft.
package plain

import "sync"

// Sum adds 1..n through a pipeline of two goroutines.
func Sum(n int) int {
	nums := make(chan int)
	go func() {
		defer close(nums)
		for i := 1; i <= n; i++ {
			nums <- i
		}
	}()
	total := 0
	for v := range nums {
		total += v
	}
	return total
}

// Count increments a counter from two goroutines without holding the
// lock across the read and the write: an increment can be lost.
func Count() int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			v := n
			mu.Unlock()
			mu.Lock()
			n = v + 1
			mu.Unlock()
		}()
	}
	wg.Wait()
	return n
}

// Leak starts a goroutine that waits for a value nobody sends.
func Leak() {
	ch := make(chan int)
	go func() { <-ch }() // the leaked receive
}
