// Package polite is the guide's livelock (section 11): two goroutines that
// each step aside for the other, at the same moment, forever.
//
// A counter is incremented from two sides. A goroutine raises its side's
// flag, takes a step (a short sleep), and enters only if the other side's
// flag is down; otherwise it hesitates a step, lowers its flag, backs off
// and tries again.
// Mutual exclusion holds (each raises its flag before it looks at the
// other's, and the flags are sequentially consistent atomics), but progress
// depends on the back-off: [Jittered] backs off for a random time, so the
// two sides fall out of step and one gets through; [Polite], in zoo.go,
// backs off for a fixed time, so two sides that start together stay in step.
package polite

import (
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// step is how long raising a flag and backing off take.
const step = time.Millisecond

// corridor is what both counters share.
type corridor struct {
	doors [2]sync.Mutex  // one goroutine per side at a time
	want  [2]atomic.Bool // a side's flag: it wants to enter
	n     atomic.Int64
}

// Value returns the count.
func (c *corridor) Value() int { return int(c.n.Load()) }

// inc runs the protocol for side; backoff says how long to step back.
func (c *corridor) inc(side int, backoff func() time.Duration) {
	c.doors[side].Lock()
	defer c.doors[side].Unlock()
	for {
		c.want[side].Store(true)
		time.Sleep(step)
		if !c.want[1-side].Load() {
			break
		}
		time.Sleep(step)          // hesitate
		c.want[side].Store(false) // after you
		time.Sleep(backoff())
	}
	c.n.Add(1) // the critical section
	c.want[side].Store(false)
}

// Jittered backs off for a random time between one and four steps: two sides
// that collide once are unlikely to collide again, and each round one of
// them gets through with probability at least 3/4. Its increments are
// linearizable (the Add is the linearization point) and always complete.
type Jittered struct {
	corridor
	mu  sync.Mutex // guards rng
	rng *rand.Rand
}

// NewJittered returns a counter whose back-off times come from seed, so
// that a controlled replay backs off alike.
func NewJittered(seed uint64) *Jittered {
	return &Jittered{rng: rand.New(rand.NewPCG(seed, seed))}
}

// Inc adds one from side 0 or 1.
func (j *Jittered) Inc(side int) {
	j.inc(side, func() time.Duration {
		j.mu.Lock()
		defer j.mu.Unlock()
		return step * time.Duration(1+j.rng.IntN(4))
	})
}
