package engine_test

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks/internal/engine"
	"github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/checks/sched/atomic"
	"github.com/weftlab/weft/checks/sched/sync"
)

// randomChooser is the smallest Chooser: uniform choices from a seed.
type randomChooser struct{ r *rand.Rand }

func newRandom(seed uint64) *randomChooser {
	return &randomChooser{r: rand.New(rand.NewPCG(seed, 0))}
}

func (c *randomChooser) Pick(d *engine.Decision) int { return d.Runnable[c.r.IntN(len(d.Runnable))] }
func (c *randomChooser) Choose(n int) int            { return c.r.IntN(n) }

// replayChooser returns recorded decisions.
type replayChooser struct{ ds []int }

func (c *replayChooser) Pick(*engine.Decision) int { return c.next() }
func (c *replayChooser) Choose(int) int            { return c.next() }
func (c *replayChooser) next() int {
	d := c.ds[0]
	c.ds = c.ds[1:]
	return d
}

// control runs main under a controller with chooser ch and returns it once
// the execution is over and its goroutines are gone.
func control(t *testing.T, ch engine.Chooser, main func()) *engine.Controller {
	t.Helper()
	c := engine.NewController(ch, 10_000)
	uninstall, err := engine.Install(c)
	require.NoError(t, err)
	defer uninstall()
	c.Start(main)
	select {
	case <-c.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("controlled execution did not end")
	}
	require.True(t, c.Abort(5*time.Second), "goroutines left after Abort")
	return c
}

func TestController_RunsEveryGoroutineToTheEnd(t *testing.T) {
	for seed := range uint64(50) {
		var (
			mu sync.Mutex
			wg sync.WaitGroup
			n  int
		)
		c := control(t, newRandom(seed), func() {
			for range 3 {
				wg.Go(func() {
					for range 3 {
						mu.Lock()
						n++
						mu.Unlock()
					}
				})
			}
			wg.Wait()
		})
		require.Equal(t, engine.Finished, c.Outcome())
		require.Equal(t, 9, n)
		require.Len(t, c.Goroutines(), 4)
	}
}

// lostUpdate is a racy increment with a point between the read and the
// write; it loses an update in some interleavings.
func lostUpdate(x *atomic.Int64) func() {
	return func() {
		var wg sync.WaitGroup
		for range 2 {
			wg.Go(func() { x.Store(x.Load() + 1) })
		}
		wg.Wait()
	}
}

func TestController_SameDecisionsSameInterleaving(t *testing.T) {
	lost := 0
	for seed := range uint64(40) {
		var x atomic.Int64
		c := control(t, newRandom(seed), lostUpdate(&x))
		var y atomic.Int64
		r := control(t, &replayChooser{ds: slices.Clone(c.Decisions())}, lostUpdate(&y))
		require.Equal(t, x.Load(), y.Load())
		require.Equal(t, c.Trace(), r.Trace(), "seed %d", seed)
		if x.Load() == 1 {
			lost++
		}
	}
	assert.Positive(t, lost, "random walk never lost an update in 40 seeds")
}

func TestController_Deadlock(t *testing.T) {
	found := false
	for seed := range uint64(50) {
		var a, b sync.Mutex
		var wg sync.WaitGroup
		c := control(t, newRandom(seed), func() {
			wg.Go(func() { a.Lock(); b.Lock(); b.Unlock(); a.Unlock() })
			wg.Go(func() { b.Lock(); a.Lock(); a.Unlock(); b.Unlock() })
			wg.Wait()
		})
		if c.Outcome() == engine.Deadlock {
			found = true
			var where []string
			for _, b := range c.BlockedGoroutines() {
				where = append(where, b.Goroutine+": "+b.Point)
			}
			assert.Contains(t, strings.Join(where, "\n"), "lock mutex#")
			assert.Contains(t, strings.Join(where, "\n"), "waitgroup-wait waitgroup#1")
		} else {
			require.Equal(t, engine.Finished, c.Outcome())
		}
	}
	assert.True(t, found, "no deadlock in 50 random walks")
}

func TestController_StepCap(t *testing.T) {
	var flag atomic.Bool
	c := engine.NewController(newRandom(1), 500)
	uninstall, err := engine.Install(c)
	require.NoError(t, err)
	defer uninstall()
	c.Start(func() {
		for !flag.Load() { // nobody ever sets it
		}
	})
	<-c.Done()
	assert.Equal(t, engine.StepCap, c.Outcome())
	assert.True(t, c.Abort(5*time.Second))
}

func TestController_Channels(t *testing.T) {
	for seed := range uint64(30) {
		var got []int
		var closedOK bool
		c := control(t, newRandom(seed), func() {
			unbuf := sched.NewChan[int](0)
			buf := sched.NewChan[int](2)
			done := sched.NewChan[struct{}](0)
			sched.Go(func() {
				for i := range 3 {
					unbuf.Send(i)
				}
				unbuf.Close()
			})
			sched.Go(func() {
				for v := range unbuf.All() {
					buf.Send(v * 10)
				}
				buf.Close()
				done.Send(struct{}{})
			})
			for v := range buf.All() {
				got = append(got, v)
			}
			_, closedOK = buf.RecvOK()
			done.Recv()
		})
		require.Equal(t, engine.Finished, c.Outcome())
		assert.Equal(t, []int{0, 10, 20}, got)
		assert.False(t, closedOK)
	}
}

func TestController_SelectAndVirtualTime(t *testing.T) {
	for seed := range uint64(30) {
		var arms []int
		var slept time.Duration
		c := control(t, newRandom(seed), func() {
			a := sched.NewChan[int](1)
			a.Send(1)
			var v int
			// Ready arm or default: the ready one fires.
			arms = append(arms, sched.Select(a.RecvCase(&v, nil), sched.Default()))
			// Nothing ready and no default: the timeout fires on virtual time.
			start := sched.Now()
			arms = append(arms, sched.Select(a.RecvCase(&v, nil), sched.After(time.Hour).RecvCase(nil, nil)))
			slept = sched.Now().Sub(start)
			sched.Sleep(time.Minute)
			tk := sched.NewTicker(time.Second)
			tk.C.Recv()
			tk.C.Recv()
			tk.Stop()
		})
		require.Equal(t, engine.Finished, c.Outcome())
		assert.Equal(t, []int{0, 1}, arms)
		assert.Equal(t, time.Hour, slept)
		assert.Equal(t, time.Hour+time.Minute+2*time.Second, c.Now())
	}
}

func TestController_UnbufferedRendezvousInSelect(t *testing.T) {
	for seed := range uint64(30) {
		var got int
		c := control(t, newRandom(seed), func() {
			ch := sched.NewChan[int](0)
			other := sched.NewChan[int](0)
			sched.Go(func() { sched.Select(ch.SendCase(7), other.SendCase(8)) })
			got = ch.Recv()
		})
		require.Equal(t, engine.Finished, c.Outcome())
		assert.Equal(t, 7, got)
	}
}

func TestController_CondAndOnce(t *testing.T) {
	for seed := range uint64(30) {
		var (
			mu    sync.Mutex
			cond  = sync.NewCond(&mu)
			ready bool
			once  sync.Once
			inits int
			wg    sync.WaitGroup
		)
		c := control(t, newRandom(seed), func() {
			for range 2 {
				wg.Go(func() {
					once.Do(func() { inits++; sched.Yield() })
					mu.Lock()
					for !ready {
						cond.Wait()
					}
					mu.Unlock()
				})
			}
			mu.Lock()
			ready = true
			cond.Broadcast()
			mu.Unlock()
			wg.Wait()
		})
		require.Equal(t, engine.Finished, c.Outcome())
		assert.Equal(t, 1, inits)
	}
}

func TestController_PanicInGoroutineIsRecorded(t *testing.T) {
	c := control(t, newRandom(1), func() {
		var wg sync.WaitGroup
		wg.Go(func() { panic("boom") })
		wg.Wait()
	})
	require.Equal(t, engine.Finished, c.Outcome())
	require.Len(t, c.Panics(), 1)
	assert.Equal(t, "boom", c.Panics()[0].Value)
}

// A goroutine may end by runtime.Goexit, as t.FailNow ends a test: it
// ends like one that returns, runs its deferred calls, and the execution
// goes on.
func TestController_GoexitEndsTheGoroutine(t *testing.T) {
	c := control(t, newRandom(1), func() {
		var wg sync.WaitGroup
		wg.Go(func() { runtime.Goexit() })
		wg.Wait()
	})
	require.Equal(t, engine.Finished, c.Outcome())
	assert.Empty(t, c.Panics())
}

func TestTimers_WithoutAController(t *testing.T) {
	tm := sched.NewTimer(time.Millisecond)
	assert.False(t, tm.C.Recv().IsZero())
	stopped := sched.NewTimer(time.Hour)
	assert.True(t, stopped.Stop())
	assert.False(t, stopped.Stop())

	tk := sched.NewTicker(time.Millisecond)
	tk.C.Recv()
	tk.C.Recv()
	tk.Stop()
	assert.WithinDuration(t, time.Now(), sched.Now(), time.Second)
}

func TestTimers_StopAndResetOnVirtualTime(t *testing.T) {
	var fired bool
	var firedAt time.Duration
	c := control(t, newRandom(1), func() {
		stopped := sched.NewTimer(time.Second)
		assert.True(t, stopped.Stop())
		reset := sched.NewTimer(time.Hour)
		assert.True(t, reset.Reset(time.Minute))
		start := sched.Now()
		reset.C.Recv()
		firedAt = sched.Now().Sub(start)
		fired = stopped.C.Len() > 0
	})
	require.Equal(t, engine.Finished, c.Outcome())
	assert.Equal(t, time.Minute, firedAt)
	assert.False(t, fired, "a stopped timer fired")
}
