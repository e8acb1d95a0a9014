package checks

import (
	"slices"
	"time"
)

// Diagnosing a stress hang. A stress execution that stops making progress
// is a hang, reported with every goroutine's stack and the wait-for graph of
// that moment (waitgraph.go); but its interleaving cannot be replayed, and
// rapid cannot shrink past it. So the scenario that hung, already shrunk by
// rapid, is run again under control, where the controller knows exactly
// who holds and waits for what and every execution replays. If a
// controlled execution of it deadlocks (or livelocks, or shows a lock-order
// cycle, or any other failure), that becomes the verdict, with its wait-for
// cycle, its interleaving and an exact replay; the stress stacks stay in the
// report.

// A hang stops rapid's shrinking (its goroutines stay stuck), so the
// scenario is shrunk here instead, under control, where nothing gets stuck:
// calls are removed one at a time as long as a controlled search of the
// smaller scenario still fails with the same verdict.
//
// diagnoseTries and diagnoseTime bound the controlled executions spent on
// one hang; shrinkTries those spent on each smaller scenario.
const (
	diagnoseTries = 2000
	diagnoseTime  = 5 * time.Second
	shrinkTries   = 300
)

func (r *runner) diagnose(f *failure) {
	deadline := time.Now().Add(diagnoseTime)
	e, v := r.searchUnderControl(f.sc, f.exec.seed, diagnoseTries, deadline, "")
	if e == nil {
		return
	}
	f.stressHang, f.exec, f.verdict = f.exec.hang, e, v
	if shrinkBy := time.Now().Add(r.cfg.shrinkTime); shrinkBy.Before(deadline) {
		deadline = shrinkBy // the shrink time bounds this shrinking too
	}
	for shrunk := true; shrunk && time.Now().Before(deadline); {
		shrunk = false
		for _, smaller := range r.smallerScenarios(f.sc) {
			if e, _ := r.searchUnderControl(smaller, f.exec.seed, shrinkTries, deadline, f.verdict); e != nil {
				f.sc, f.exec, shrunk = smaller, e, true
				break
			}
		}
	}
}

// searchUnderControl runs sc under random walk and PCT in turn and returns
// the first failing execution (with the verdict want, if given).
func (r *runner) searchUnderControl(sc scenario, seed uint64, tries int, deadline time.Time, want Verdict) (*execution, Verdict) {
	candidates := []strategy{randomStrategy.make(r.cfg), pctStrategy.make(r.cfg)}
	for _, c := range candidates {
		c.scenario(sc)
	}
	for i := 0; i < tries && time.Now().Before(deadline); i++ {
		e := candidates[i%len(candidates)].execute(r.x, executionSeed(seed, i))
		if e.hang != nil {
			return nil, "" // it blocks outside the shims: control cannot see it either
		}
		v := r.tg.judge(e, r.cfg.checkTimeout)
		if v.Failed(false) && v != Unknown && (want == "" || v == want) {
			return e, v
		}
	}
	return nil, ""
}

// smallerScenarios returns sc without one of its calls, for every call, as
// long as the model cannot wait forever in it and one client is left.
func (r *runner) smallerScenarios(sc scenario) []scenario {
	var out []scenario
	try := func(p part, client, index int) {
		smaller := scenario{init: sc.init, clients: slices.Clone(sc.clients), post: sc.post}
		list := smaller.calls(p, client)
		*list = slices.Delete(slices.Clone(*list), index, index+1)
		if p == partParallel && len(*list) == 0 {
			if len(smaller.clients) == 1 {
				return
			}
			smaller.clients = slices.Delete(smaller.clients, client, client+1)
		}
		if r.tg.inner.blocks != nil {
			if _, stuck := findDeadlock(r.tg.inner, smaller); stuck {
				return
			}
		}
		out = append(out, smaller)
	}
	for i := range sc.init {
		try(partInit, 0, i)
	}
	for c, calls := range sc.clients {
		for i := range calls {
			try(partParallel, c, i)
		}
	}
	for i := range sc.post {
		try(partPost, 0, i)
	}
	return out
}
