package engine_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks/internal/engine"
	"github.com/weftlab/weft/checks/sched/sync"
)

// TestStray_APlainGoStatementIsCaughtNotScheduled: a goroutine started
// with a go statement reaches a lock while main has the turn; the
// controller records it and parks it instead of taking it for main.
func TestStray_APlainGoStatementIsCaughtNotScheduled(t *testing.T) {
	c := engine.NewController(newRandom(1), 10_000)
	uninstall, err := engine.Install(c)
	require.NoError(t, err)
	defer uninstall()
	c.Start(func() {
		var mu sync.Mutex
		go func() { mu.Lock() }() // not sched.Go
		// main keeps the turn, waiting outside the shims, until the stray
		// has reached the lock.
		for deadline := time.Now().Add(10 * time.Second); len(c.Strays()) == 0 && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
		mu.Lock() // the stray never took it
		mu.Unlock()
	})
	select {
	case <-c.Done():
	case <-time.After(20 * time.Second):
		t.Fatal("controlled execution did not end")
	}
	require.True(t, c.Abort(5*time.Second))
	require.Equal(t, engine.Finished, c.Outcome())
	strays := c.Strays()
	require.Len(t, strays, 1)
	assert.Equal(t, "lock", strays[0].Point)
	assert.Contains(t, strays[0].Stack, "stray_test.go")
	for _, s := range c.Trace() {
		assert.Equal(t, 0, s.G, "every step is main's: %+v", s)
	}
}
