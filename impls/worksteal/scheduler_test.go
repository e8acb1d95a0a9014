package worksteal

import (
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"go.uber.org/goleak"
)

// spawnTree submits roots tasks, each of which spawns children tasks, and
// counts the runs of each task; run counts are indexed root*(children+1) +
// child+1, and root*(children+1) for the root itself.
func spawnTree(s *Scheduler, roots, children int) []atomic.Int32 {
	runs := make([]atomic.Int32, roots*(children+1))
	for r := range roots {
		base := r * (children + 1)
		s.Submit(func(w *Worker) {
			runs[base].Add(1)
			for c := range children {
				w.Go(func(*Worker) { runs[base+c+1].Add(1) })
			}
		})
	}
	return runs
}

func TestScheduler_RunsEveryTaskOnceBeforeWaitReturns(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := NewScheduler(4)
	runs := spawnTree(s, 20, 300) // more children than a deque holds: some overflow to the global queue
	s.Wait()
	for i := range runs {
		assert.Equal(t, int32(1), runs[i].Load(), "task %d", i)
	}
	runs = spawnTree(s, 3, 2) // a second round after Wait
	s.Wait()
	for i := range runs {
		assert.Equal(t, int32(1), runs[i].Load(), "task %d of the second round", i)
	}
	s.Close()
}

func TestScheduler_CloseRunsWhatIsLeftAndEndsTheWorkers(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := NewScheduler(2)
	runs := spawnTree(s, 5, 5)
	s.Close()
	for i := range runs {
		assert.Equal(t, int32(1), runs[i].Load(), "task %d", i)
	}
	assert.PanicsWithValue(t, "worksteal: Submit after Close", func() { s.Submit(func(*Worker) {}) })
}
