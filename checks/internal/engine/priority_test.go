package engine_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks/internal/engine"
	"github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/checks/sched/sync"
)

// yields takes n scheduling points.
func yields(n int) {
	for range n {
		sched.Yield()
	}
}

// inversion is the guide's 11.3 on plain goroutines: low holds the mutex,
// high waits for it, and medium, unrelated to it, works before low may
// release it.
func inversion() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	held, asking, worked := sched.NewChan[struct{}](0), sched.NewChan[struct{}](0), sched.NewChan[struct{}](0)
	wg.Go(func() {
		sched.SetPriority(1)
		mu.Lock()
		held.Close()
		worked.Recv()
		mu.Unlock()
	})
	wg.Go(func() {
		sched.SetPriority(3)
		held.Recv()
		asking.Close()
		mu.Lock()
		mu.Unlock()
	})
	wg.Go(func() {
		sched.SetPriority(2)
		asking.Recv()
		yields(20)
		worked.Close()
	})
	wg.Wait()
}

func TestPriority_UnrelatedLowerPriorityWorkIsAnInversion(t *testing.T) {
	for seed := range uint64(100) {
		c := control(t, newRandom(seed), inversion)
		require.Equal(t, engine.Finished, c.Outcome())
		v := c.PriorityInversion()
		if v == nil {
			continue // medium worked before high asked for the mutex
		}
		assert.Equal(t, 3, v.WaiterPriority)
		assert.Equal(t, 1, v.HolderPriority)
		assert.Equal(t, 2, v.ByPriority)
		assert.Equal(t, engine.DefaultInversionBound+1, v.Steps, "reported when it passes the bound")
		assert.Equal(t, "mutex#1", v.Lock)
		assert.GreaterOrEqual(t, v.Waited, v.Steps)
		assert.Contains(t, c.Trace()[v.At+1].Note, "priority inversion")
		return
	}
	t.Fatal("no inversion in 100 random walks")
}

// TestPriority_HoldersAndUnrankedGoroutinesAreNoInversion: while high waits
// for A, low holds A and waits for B, lowest holds B and works: both help
// high, directly or through the chain, and a goroutine without a priority
// does not count at all.
//
// B is a hand-made lock (a token channel with the lock annotations) so that
// low can declare its wait for B before it lets high ask for A: with a
// mutex, low's wait would begin only at its Lock, and a Chooser may run
// lowest for any number of steps in between, which do count (lowest helps
// no one until low waits for B).
func TestPriority_HoldersAndUnrankedGoroutinesAreNoInversion(t *testing.T) {
	most := 0
	for seed := range uint64(200) {
		c := control(t, newRandom(seed), func() {
			var a sync.Mutex
			var wg sync.WaitGroup
			b := sched.NewChan[struct{}](1) // holding B is holding its one token
			aHeld, bHeld := sched.NewChan[struct{}](0), sched.NewChan[struct{}](0)
			wg.Go(func() {
				sched.SetPriority(1)
				b.Send(struct{}{})
				engine.Acquired(engine.MutexLock, b)
				bHeld.Close()
				yields(20)
				b.Recv()
				engine.Released(b)
			})
			wg.Go(func() {
				sched.SetPriority(1)
				bHeld.Recv()
				a.Lock()
				engine.Waiting(engine.MutexLock, b)
				aHeld.Close()
				b.Send(struct{}{})
				engine.Acquired(engine.MutexLock, b)
				yields(20)
				b.Recv()
				engine.Released(b)
				a.Unlock()
			})
			wg.Go(func() {
				sched.SetPriority(3)
				aHeld.Recv()
				a.Lock()
				a.Unlock()
			})
			wg.Go(func() { yields(20) })
			wg.Wait()
		})
		require.Equal(t, engine.Finished, c.Outcome())
		require.Nil(t, c.PriorityInversion(), "seed %d", seed)
		most = max(most, c.MaxInversion())
	}
	// What counts is only steps outside the chain: those after an unlock
	// before high's next turn. Counted, the 20 yields of any of the three
	// would pass the bound.
	t.Logf("most inversion steps by one goroutine in one wait: %d", most)
}

func TestPriority_WithoutAControllerNothingHappens(t *testing.T) {
	sched.SetPriority(2)
	sched.ClearPriority()
	assert.Panics(t, func() { sched.SetPriority(0) })
}
