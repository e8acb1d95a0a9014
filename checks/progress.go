package checks

import (
	"os"
	"time"

	"github.com/weftlab/weft/internal/tools"
)

// progress appends the search's progress to the progress file
// (-weft.progress, WEFT_PROGRESS), if one is set: at most every
// tools.ProgressEvery, so that a check writes a few rows a second whatever
// its rate of executions, and always when final (the search's last row).
// `weft run` tails the file for its live line. The progress is cosmetic: a
// file that cannot be written is logged once and never fails the check.
func (r *runner) progress(final bool) {
	if r.cfg.progress == "" || r.progressBroken {
		return
	}
	now := time.Now()
	if !final && now.Sub(r.lastProgress) < tools.ProgressEvery {
		return
	}
	r.lastProgress = now
	phase := "search"
	switch {
	case final:
		phase = "done"
	case r.found != nil:
		phase = "shrink"
	}
	err := tools.AppendProgressRow(r.cfg.progress, tools.ProgressRow{
		Test: r.tb.Name(), Structure: r.tg.name, Strategy: r.cfg.strategy, PID: os.Getpid(), Phase: phase,
		Scenarios: r.scenarios, Executions: r.executions,
		Elapsed: now.Sub(r.start).Seconds(), Budget: r.cfg.budget.Seconds(),
	})
	if err != nil {
		r.progressBroken = true
		r.tb.Logf("weft: no more progress rows: %v", err)
	}
}
