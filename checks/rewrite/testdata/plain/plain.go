// Package plain is plain Go, written with no thought of weft, for the
// end-to-end test of the rewrite: it must build rewritten, and what it
// reports must point here.
package plain

import (
	"sync"
	"sync/atomic"
	"time"
)

// A Counter counts under a lock, and its hits with the function form of
// sync/atomic.
type Counter struct {
	mu   sync.Mutex
	n    int
	hits int64
}

// Inc adds one.
func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	atomic.AddInt64(&c.hits, 1)
}

// Sum adds 1..n sent by goroutines over a channel, with a select that
// times out on the virtual clock when one runs.
func Sum(n int) int {
	ch := make(chan int, 2)
	var wg sync.WaitGroup
	var c Counter
	for i := 1; i <= n; i++ {
		wg.Add(1)
		go func(v int) {
			defer wg.Done()
			c.Inc()
			ch <- v
		}(i)
	}
	go func() { wg.Wait(); close(ch) }()
	total := 0
	for v := range ch {
		total += v
	}
	done := make(chan struct{})
	select {
	case <-done:
	case <-time.After(time.Millisecond):
	}
	if c.n != n || atomic.LoadInt64(&c.hits) != int64(n) {
		panic("lost an increment")
	}
	return total
}

// First returns the first value sent on a or b: its select ends the
// function, which the rewrite must keep a terminating statement.
func First(a, b chan int) int {
	select {
	case v := <-a:
		return v
	case v := <-b:
		return v
	}
}

// CloseTwice closes a channel twice: the runtime panics on the second.
func CloseTwice() {
	ch := make(chan int)
	close(ch)
	close(ch) // the second close
}
