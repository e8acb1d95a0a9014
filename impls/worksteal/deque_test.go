package worksteal

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These run one goroutine: they check the deques' sequential logic (ends,
// ring wrap-around, full and empty). The catalog checks them concurrently.

type intDeque interface {
	Push(int) bool
	Pop() (int, bool)
	Steal() (int, bool)
}

var deques = map[string]func(capacity int) intDeque{
	"chase-lev":       func(c int) intDeque { return NewDeque[int](c) },
	"racy-pop":        func(c int) intDeque { return NewRacyPopDeque[int](c) },
	"unclaimed-steal": func(c int) intDeque { return NewUnclaimedStealDeque[int](c) },
}

func TestDeque_OwnerTakesNewestThievesOldest(t *testing.T) {
	for name, newDeque := range deques {
		t.Run(name, func(t *testing.T) {
			d := newDeque(3)
			for v := 1; v <= 3; v++ {
				require.True(t, d.Push(v))
			}
			assert.False(t, d.Push(4), "full")
			v, ok := d.Steal()
			assert.True(t, ok)
			assert.Equal(t, 1, v)
			v, ok = d.Pop()
			assert.True(t, ok)
			assert.Equal(t, 3, v)
			v, ok = d.Pop()
			assert.True(t, ok, "the last item")
			assert.Equal(t, 2, v)
			_, ok = d.Pop()
			assert.False(t, ok)
			_, ok = d.Steal()
			assert.False(t, ok)
		})
	}
}

func TestDeque_WrapsAroundItsRing(t *testing.T) {
	for name, newDeque := range deques {
		t.Run(name, func(t *testing.T) {
			d := newDeque(2)
			for round := range 5 { // indices run past the capacity many times
				require.True(t, d.Push(2*round+1))
				require.True(t, d.Push(2*round+2))
				require.False(t, d.Push(0))
				v, ok := d.Steal()
				require.True(t, ok)
				assert.Equal(t, 2*round+1, v)
				v, ok = d.Steal()
				require.True(t, ok, "the last item, stolen")
				assert.Equal(t, 2*round+2, v)
				_, ok = d.Steal()
				require.False(t, ok)
			}
		})
	}
}

func TestNewDeque_NeedsACapacity(t *testing.T) {
	assert.PanicsWithValue(t, "worksteal: a deque needs a capacity of at least 1", func() { NewDeque[int](0) })
}

// On real cores, without weft: an owner pushing and popping while thieves
// steal hands out every item exactly once. (The catalog checks this under
// weft's strategies, where the zoo fails; here, the correct deque under the
// race detector.)
func TestDeque_EveryItemTakenOnceOnRealCores(t *testing.T) {
	const items, thieves = 20000, 3
	d := NewDeque[int](64)
	taken := make([]atomic.Int32, items)
	var done atomic.Bool
	var wg sync.WaitGroup
	for range thieves {
		wg.Go(func() {
			for !done.Load() {
				if v, ok := d.Steal(); ok {
					taken[v].Add(1)
				}
			}
		})
	}
	for v := 0; v < items; {
		if d.Push(v) {
			v++
		}
		if v%3 == 0 {
			if got, ok := d.Pop(); ok {
				taken[got].Add(1)
			}
		}
	}
	for {
		got, ok := d.Pop()
		if !ok {
			break
		}
		taken[got].Add(1)
	}
	done.Store(true)
	wg.Wait()
	for v := range taken {
		require.Equal(t, int32(1), taken[v].Load(), "item %d", v)
	}
}
