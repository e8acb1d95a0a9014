package checks

import (
	"fmt"
	"time"
)

// replay reruns the scenario of a history file. A controlled failure comes
// with its schedule, and is replayed exactly, once. A stress failure is
// reproduced by executing its scenario until it fails again or the budget
// ends. A check of another test or structure does not replay it
// (claimFile).
func (r *runner) replay() (*failure, error) {
	r.tb.Helper()
	hf, err := readHistoryFile(absFromRoot(r.cfg.replay))
	if err != nil {
		return nil, err
	}
	if ok, err := claimFile(r.tb, r.tg.name, replayUse(r.cfg.replay), hf); !ok {
		return nil, err
	}
	r.cfg.seed = hf.Seed // the report names the seed of the recorded search
	sc, err := r.tg.scenarioFrom(hf.Scenario)
	if err != nil {
		return nil, fmt.Errorf("replaying %s: %w", r.cfg.replay, err)
	}
	r.start = time.Now()
	r.deadline = r.start.Add(r.cfg.budget)
	r.scenarios = 1
	if hf.Schedule != nil {
		return r.replayExactly(hf, sc)
	}
	seed := hf.ExecutionSeed
	r.strat.scenario(sc)
	for i := 0; time.Now().Before(r.deadline); i++ {
		e := r.strat.execute(r.x, seed)
		if err := e.escapedControl(); err != nil {
			return nil, err
		}
		r.executions++
		v := r.tg.judge(e, r.cfg.checkTimeout)
		if v == Unknown && r.cfg.allowUnknown {
			r.unknowns++
		} else if v.Failed(r.cfg.allowUnknown) {
			return &failure{verdict: v, sc: sc, exec: e, execIndex: i}, nil
		}
		seed = executionSeed(hf.ExecutionSeed, i+1)
	}
	r.tb.Logf("weft: replay of %s: no failure in %d executions of its scenario (%v). "+
		"A stress failure depends on timing; raise -weft.budget to try longer.",
		r.cfg.replay, r.executions, r.cfg.budget)
	return nil, nil
}

// replayExactly executes the scenario once with the recorded decisions:
// the same interleaving, hence the same history, as when it was recorded,
// unless the code changed since.
func (r *runner) replayExactly(hf historyFile, sc scenario) (*failure, error) {
	ds, err := decodeSchedule(hf.Schedule.Decisions)
	if err != nil {
		return nil, err
	}
	src := &replayed{decisions: ds, strict: true}
	replay := newControlled(hf.Strategy, src, r.cfg)
	replay.scenario(sc)
	e := replay.execute(r.x, hf.ExecutionSeed)
	ch := src.last
	r.executions = 1
	if err := e.escapedControl(); err != nil {
		return nil, err
	}
	if ch.diverged != "" {
		r.tb.Logf("weft: replay of %s diverged: %s. The code or the structure changed since the schedule "+
			"was recorded; the rest of the execution ran without preemptions.", r.cfg.replay, ch.diverged)
	}
	v := r.tg.judge(e, r.cfg.checkTimeout)
	if v != hf.Verdict {
		r.tb.Logf("weft: replay of %s: verdict %s, recorded %s", r.cfg.replay, v, hf.Verdict)
	}
	if v == Unknown && r.cfg.allowUnknown {
		r.unknowns++
		return nil, nil
	}
	if v.Failed(r.cfg.allowUnknown) {
		return &failure{verdict: v, sc: sc, exec: e, replayed: ch.diverged == ""}, nil
	}
	return nil, nil
}
