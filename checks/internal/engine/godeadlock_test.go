package engine_test

import (
	"bytes"
	stdsync "sync"
	"testing"

	deadlock "github.com/sasha-s/go-deadlock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks/internal/engine"
	"github.com/weftlab/weft/checks/sched/sync"
)

// lockOrderPrograms take locks in inconsistent orders on separate
// goroutines, one goroutine after the other, so that no run of them ever
// deadlocks: each program only shows the orders. pairs lists, for each
// goroutine, the two locks it nests (indices into n locks).
var lockOrderPrograms = []struct {
	name  string
	n     int
	pairs [][2]int
	cycle int // the length of the cycle of lock orders, 0 for none
}{
	{"two-lock inversion (A→B, B→A)", 2, [][2]int{{0, 1}, {1, 0}}, 2},
	{"three-lock ring (A→B, B→C, C→A)", 3, [][2]int{{0, 1}, {1, 2}, {2, 0}}, 3},
	{"four-lock ring", 4, [][2]int{{0, 1}, {1, 2}, {2, 3}, {3, 0}}, 4},
	{"consistent order (A→B, B→C, A→C)", 3, [][2]int{{0, 1}, {1, 2}, {0, 2}}, 0},
}

// TestLockOrder_WeftAgainstGoDeadlock runs the same programs with weft's
// controller and with github.com/sasha-s/go-deadlock, which records for each
// lock the locks held when it was taken and compares pairs: it finds an
// inversion of two locks, but not a longer cycle, which weft's graph search
// finds at any length.
func TestLockOrder_WeftAgainstGoDeadlock(t *testing.T) {
	for _, p := range lockOrderPrograms {
		t.Run(p.name, func(t *testing.T) {
			// weft, with its Mutex, under a controller
			c := control(t, newRandom(1), func() {
				locks := make([]sync.Mutex, p.n)
				nest(p.pairs, func(i int) stdsync.Locker { return &locks[i] }, func(fn func()) {
					var wg sync.WaitGroup
					wg.Go(fn)
					wg.Wait()
				})
			})
			require.Equal(t, engine.Finished, c.Outcome())
			weftCycle := len(c.LockOrderCycle())

			// go-deadlock, with its Mutex
			found := goDeadlockFinds(func() {
				locks := make([]deadlock.Mutex, p.n)
				nest(p.pairs, func(i int) stdsync.Locker { return &locks[i] }, func(fn func()) {
					var wg stdsync.WaitGroup
					wg.Go(fn)
					wg.Wait()
				})
			})
			t.Logf("%s: weft finds a cycle of %d locks; go-deadlock reports %d potential deadlocks", p.name, weftCycle, found)

			assert.Equal(t, p.cycle, weftCycle, "weft")
			if p.cycle == 2 {
				assert.Positive(t, found, "go-deadlock finds a two-lock inversion")
			} else {
				assert.Zero(t, found, "go-deadlock compares pairs: no pair of these goroutines is inverted")
			}
		})
	}
}

// nest runs, for each pair, a goroutine (with run, which waits for it) that
// takes the pair's first lock, then its second.
func nest(pairs [][2]int, lock func(int) stdsync.Locker, run func(func())) {
	for _, pair := range pairs {
		run(func() {
			first, second := lock(pair[0]), lock(pair[1])
			first.Lock()
			second.Lock()
			second.Unlock()
			first.Unlock()
		})
	}
}

// goDeadlockFinds runs program with go-deadlock's lock-order detection on
// and its timeout off, and counts the potential deadlocks it reports.
func goDeadlockFinds(program func()) int {
	saved := deadlock.Opts
	defer func() { deadlock.Opts = saved }()
	var found int
	var log bytes.Buffer
	deadlock.Opts.DeadlockTimeout = 0
	deadlock.Opts.OnPotentialDeadlock = func() { found++ }
	deadlock.Opts.LogBuf = &log
	program()
	return found
}
