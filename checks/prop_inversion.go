package checks

import (
	"fmt"
	"strings"

	"github.com/weftlab/weft/checks/internal/engine"
)

// PriorityInversion: in a controlled execution, a goroutine of higher
// priority (sched.SetPriority) waited for a lock while one of lower
// priority that could not help release it (it held neither that lock nor
// one its holder waited for) took more steps than the inversion bound
// (Options.Bounds["inversion"], -weft.inversion): the wait of the most
// urgent work was bounded by less urgent work, as in the guide's 11.3. The
// report says who waited, who held the lock, who ran instead and for how
// long.
const PriorityInversion Verdict = "priority inversion"

var priorityInversion = &property{
	verdict: PriorityInversion,
	explain: "An urgent goroutine waited for a lock while less urgent work that could not help release it ran instead: its wait was bounded by that work, not by the lock's critical section.",
	collect: func(ctl *engine.Controller, _ engine.Chooser, _ *config) any { return found(ctl.PriorityInversion()) },
	section: func(b *strings.Builder, r *runner, f *failure) {
		v, _ := f.found(PriorityInversion).(*engine.Inversion)
		if v == nil {
			return
		}
		fmt.Fprintf(b, "\nPriority inversion: %s (priority %d) waited for %s, held by %s (priority %d), while %s (priority %d), which could not help release it, took %d steps (%d steps by lower-priority goroutines in all, %d steps since the wait began); the bound is %d steps by one goroutine (-weft.inversion). Priority inheritance, the holder running at its most urgent waiter's priority, keeps such work off the processor until the lock is free.\n",
			v.Waiter, v.WaiterPriority, v.Lock, v.Holder, v.HolderPriority, v.By, v.ByPriority, v.Steps, v.Total, v.Waited, r.cfg.bounds["inversion"])
	},
	// The inversion happened at a known step: the report's window of the
	// interleaving ends shortly after it.
	focus: func(found any) int { return found.(*engine.Inversion).At },
	bound: &bound{
		name:    "inversion",
		usage:   "steps one lower-priority goroutine may take while a higher-priority one waits for a lock it cannot help release, before that is priority inversion",
		def:     engine.DefaultInversionBound, // see package sched; priorities are declared with sched.SetPriority
		set:     (*engine.Controller).SetInversionBound,
		reached: (*engine.Controller).MaxInversion,
	},
}
