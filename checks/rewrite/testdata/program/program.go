// Package program is plain Go for the end-to-end test of the program
// target: its functions are whole programs, checked through the rewrite
// with no import changed. Two of them are broken on purpose.
package program

import (
	"sync"
	"time"
)

// LockOrder takes two locks in opposite orders on two goroutines: it can
// deadlock.
func LockOrder() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Lock()
		b.Lock() // the first goroutine's second lock
		b.Unlock()
		a.Unlock()
	}()
	go func() {
		defer wg.Done()
		b.Lock()
		a.Lock() // the second goroutine's second lock
		a.Unlock()
		b.Unlock()
	}()
	wg.Wait()
}

// Leak returns while its worker waits for a job nobody sends.
func Leak() {
	jobs := make(chan int)
	go func() {
		<-jobs // the leaked receive
	}()
}

// Pipeline squares 1..n in a stage of two workers and sums the squares; a
// late worker is waited for with a timeout on the (virtual) clock.
func Pipeline(n int) int {
	in, out := make(chan int), make(chan int, n)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range in {
				out <- v * v
			}
		}()
	}
	for i := 1; i <= n; i++ {
		in <- i
	}
	close(in)
	wg.Wait()
	close(out)
	sum := 0
	for v := range out {
		sum += v
	}
	select {
	case <-time.After(time.Millisecond):
	case v, ok := <-out:
		if ok {
			sum += v
		}
	}
	return sum
}
