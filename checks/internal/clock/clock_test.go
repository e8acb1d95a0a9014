package clock

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClock_TicksAreUniqueAndIncreasing(t *testing.T) {
	var c Clock
	const workers, per = 4, 5000
	ticks := make([][]int64, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for range per {
				ticks[w] = append(ticks[w], c.Tick())
			}
		})
	}
	wg.Wait()
	seen := make(map[int64]bool, workers*per)
	for _, ts := range ticks {
		for i, v := range ts {
			require.False(t, seen[v], "tick %d handed out twice", v)
			seen[v] = true
			if i > 0 {
				assert.Greater(t, v, ts[i-1], "ticks of one goroutine must increase")
			}
		}
	}
	assert.Len(t, seen, workers*per)
	assert.Equal(t, int64(workers*per+1), c.Tick())
}

func BenchmarkTick(b *testing.B) {
	var c Clock
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			c.Tick()
		}
	})
}
