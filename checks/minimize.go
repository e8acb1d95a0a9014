package checks

import "time"

// minimizeInfo says how a controlled failure's schedule was minimized.
type minimizeInfo struct {
	from  int // preemptions of the schedule found
	tries int // replays tried
}

// maxMinimizeTries bounds the replays spent minimizing one schedule.
const maxMinimizeTries = 500

// minimize makes the schedule of a controlled failure easier to read, as
// rapid makes its scenario smaller: it drops preemptions one at a time
// (running the preempted goroutine on instead, the rest of the schedule
// replayed as far as it still applies) and keeps each change after which the
// execution still fails with the same verdict and fewer preemptions. It
// stops when no single preemption can go, after maxMinimizeTries replays or
// after half the shrink time.
func (r *runner) minimize(f *failure) {
	info := &minimizeInfo{from: f.exec.control.preemptions}
	f.minimized = info
	deadline := time.Now().Add(r.cfg.shrinkTime / 2)
	for improved := true; improved; {
		improved = false
		c := f.exec.control
		for i, ch := range c.choices {
			if !ch.Preempt {
				continue
			}
			if info.tries >= maxMinimizeTries || !time.Now().Before(deadline) {
				return
			}
			ds := c.decisions()
			ds[i] = ch.Cur
			info.tries++
			e := r.x.executeControlled(f.sc, f.exec.seed, c.strategy, &replaySchedule{decisions: ds})
			if e.hang != nil || e.control.preemptions >= c.preemptions {
				continue
			}
			if r.t.judge(e, r.cfg.checkTimeout) == f.verdict {
				f.exec = e
				improved = true
				break
			}
		}
	}
}
