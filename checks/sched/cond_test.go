package sched_test

import (
	stdsync "sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/weftlab/weft/checks/sched/sync"
)

// startWaiters makes n goroutines wait on c, in order, and returns once all
// of them are registered as waiters. Each reports its index on woken.
func startWaiters(c *sync.Cond, mu *sync.Mutex, n int, woken chan<- int) {
	ready := make(chan struct{})
	for i := range n {
		go func() {
			mu.Lock()
			ready <- struct{}{}
			c.Wait()
			mu.Unlock()
			woken <- i
		}()
		<-ready
		// The waiter holds mu until Wait registers it and unlocks: taking mu
		// here means it is registered.
		mu.Lock()
		mu.Unlock()
	}
}

func TestCond_SignalWakesOldestWaiter(t *testing.T) {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	woken := make(chan int, 3)
	startWaiters(c, &mu, 3, woken)
	for want := range 3 {
		c.Signal()
		assert.Equal(t, want, <-woken)
	}
	c.Signal() // no waiter: nothing happens
}

func TestCond_BroadcastWakesAll(t *testing.T) {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	woken := make(chan int, 4)
	startWaiters(c, &mu, 4, woken)
	c.Broadcast()
	got := map[int]bool{}
	for range 4 {
		got[<-woken] = true
	}
	assert.Len(t, got, 4)
}

func TestCond_ZeroValueWithL(t *testing.T) {
	var mu sync.Mutex
	c := sync.Cond{L: &mu}
	woken := make(chan int, 1)
	startWaiters(&c, &mu, 1, woken)
	c.Signal()
	assert.Equal(t, 0, <-woken)
}

// TestCond_NoLostWakeup hammers a one-slot handoff: a lost wakeup would hang
// the test.
func TestCond_NoLostWakeup(t *testing.T) {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	full := false
	var wg stdsync.WaitGroup
	const n = 2000
	wg.Go(func() {
		for range n {
			mu.Lock()
			for full {
				c.Wait()
			}
			full = true
			c.Broadcast()
			mu.Unlock()
		}
	})
	wg.Go(func() {
		for range n {
			mu.Lock()
			for !full {
				c.Wait()
			}
			full = false
			c.Broadcast()
			mu.Unlock()
		}
	})
	wg.Wait()
}
