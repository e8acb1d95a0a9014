package quiet

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

var counted int // guarded by a Lock, which the race detector cannot see

//go:norace
func bump() { counted++ }

// TestLock_MutualExclusion: increments under the lock from several
// goroutines are never lost.
func TestLock_MutualExclusion(t *testing.T) {
	var l Lock
	var wg sync.WaitGroup
	counted = 0
	for range 4 {
		wg.Go(func() {
			for range 10_000 {
				l.Lock()
				bump()
				l.Unlock()
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 40_000, counted)
}
