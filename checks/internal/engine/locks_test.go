package engine_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks/internal/engine"
	"github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/checks/sched/sync"
)

// threeLockRing takes A→B, B→C and C→A on three goroutines, one after the
// other: it never deadlocks, but the three lock orders form a cycle.
func threeLockRing() {
	var a, b, c sync.Mutex
	var wg sync.WaitGroup
	pairs := [][2]*sync.Mutex{{&a, &b}, {&b, &c}, {&c, &a}}
	for _, p := range pairs {
		wg.Go(func() {
			p[0].Lock()
			p[1].Lock()
			p[1].Unlock()
			p[0].Unlock()
		})
		wg.Wait() // one at a time: no deadlock can happen in this run
	}
}

func TestLockOrder_ThreeLockCycleWithoutADeadlock(t *testing.T) {
	c := control(t, newRandom(1), threeLockRing)
	require.Equal(t, engine.Finished, c.Outcome())
	cycle := c.LockOrderCycle()
	require.Len(t, cycle, 3)
	for i, e := range cycle {
		assert.Equal(t, e.To, cycle[(i+1)%3].From, "the edges chain into a cycle")
		assert.Contains(t, e.ToSite, "locks_test.go:")
		assert.Contains(t, e.FromSite, "locks_test.go:")
	}
}

func TestLockOrder_ConsistentOrderHasNoCycle(t *testing.T) {
	c := control(t, newRandom(1), func() {
		var a, b, c sync.Mutex
		var wg sync.WaitGroup
		for _, p := range [][2]*sync.Mutex{{&a, &b}, {&b, &c}, {&a, &c}} {
			wg.Go(func() { p[0].Lock(); p[1].Lock(); p[1].Unlock(); p[0].Unlock() })
		}
		wg.Wait()
	})
	assert.Equal(t, engine.Finished, c.Outcome())
	assert.Nil(t, c.LockOrderCycle())
}

func TestDeadlock_WaitCycleAndHolders(t *testing.T) {
	for seed := range uint64(100) {
		c := control(t, newRandom(seed), func() {
			var a, b sync.Mutex
			var wg sync.WaitGroup
			wg.Go(func() { a.Lock(); b.Lock(); b.Unlock(); a.Unlock() })
			wg.Go(func() { b.Lock(); a.Lock(); a.Unlock(); b.Unlock() })
			wg.Wait()
		})
		if c.Outcome() != engine.Deadlock {
			continue
		}
		cycle := c.WaitCycle()
		require.Len(t, cycle, 3, "two goroutines, the first repeated")
		assert.Equal(t, cycle[0], cycle[2])
		for _, b := range c.BlockedGoroutines() {
			if b.Goroutine != "main" {
				assert.Len(t, b.Holds, 1, "%s holds one lock and waits for the other", b.Goroutine)
			}
		}
		return
	}
	t.Fatal("no deadlock in 100 random walks")
}

func TestLeak_GoroutineStillBlockedWhenMainEnds(t *testing.T) {
	c := control(t, newRandom(1), func() {
		results := sched.NewChan[int](0)
		for i := range 2 {
			sched.Go(func() { results.Send(i) })
		}
		results.Recv() // the first result; the other sender waits forever
	})
	require.Equal(t, engine.Finished, c.Outcome())
	leaks := c.Leaks()
	require.Len(t, leaks, 1)
	assert.Contains(t, leaks[0].Goroutine, "started by main")
	assert.Equal(t, "chan-send chan#1", leaks[0].Point)
	assert.Contains(t, leaks[0].Stack, "locks_test.go", "the stack shows where it waits")
}
