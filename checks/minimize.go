package checks

import "time"

// minimizeInfo says how a controlled failure's schedule was minimized.
type minimizeInfo struct {
	from  int // preemptions of the schedule found
	tries int // executions tried
	// fewest: no schedule with fewer preemptions fails (every smaller
	// bound was searched exhaustively)
	fewest bool
}

// maxMinimizeTries bounds the executions spent minimizing one schedule.
const maxMinimizeTries = 2000

// minimize makes the schedule of a controlled failure easier to read, as
// rapid makes its scenario smaller. First, bounded search with 0, 1, 2, ...
// preemptions over the (already shrunk) scenario: the first bound at which
// it fails gives a schedule with the fewest preemptions that fail, since
// every smaller bound was exhausted. If that runs out of tries or of time
// (half the shrink time), it drops preemptions one at a time instead,
// latest first, and keeps each change after which the execution still fails
// the same way with fewer preemptions.
func (r *runner) minimize(f *failure) {
	info := &minimizeInfo{from: f.exec.control.preemptions}
	f.minimized = info
	deadline := time.Now().Add(r.cfg.shrinkTime / 2)
	within := func() bool { return info.tries < maxMinimizeTries && time.Now().Before(deadline) }
	strategy := f.exec.control.strategy

	for bound := 0; bound < f.exec.control.preemptions; bound++ {
		search := newControlled(strategy, newBounded(bound), r.cfg)
		search.scenario(f.sc)
		for !search.exhausted() {
			if !within() {
				r.dropPreemptions(f, info, within)
				return
			}
			info.tries++
			e := search.execute(r.x, f.exec.seed)
			if e.hang == nil && r.tg.judge(e, r.cfg.checkTimeout) == f.verdict {
				f.exec, info.fewest = e, true
				return
			}
		}
	}
}

// dropPreemptions is the greedy fallback of minimize.
func (r *runner) dropPreemptions(f *failure, info *minimizeInfo, within func() bool) {
	for improved := true; improved; {
		improved = false
		c := f.exec.control
	search:
		for i := len(c.choices) - 1; i >= 0; i-- {
			ch := c.choices[i]
			if !ch.Preempt {
				continue
			}
			// First without the rest of the schedule, then with it.
			for _, keepRest := range []bool{false, true} {
				if !within() {
					return
				}
				ds := c.decisions()
				ds[i] = ch.Cur
				if !keepRest {
					ds = ds[:i+1]
				}
				info.tries++
				e := r.x.executeControlled(f.sc, f.exec.seed, c.strategy, &scheduleChooser{decisions: ds})
				if e.hang != nil || e.control.preemptions >= c.preemptions {
					continue
				}
				if r.tg.judge(e, r.cfg.checkTimeout) == f.verdict {
					f.exec = e
					improved = true
					break search
				}
			}
		}
	}
}
