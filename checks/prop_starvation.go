package checks

import (
	"fmt"
	"strings"

	"github.com/weftlab/weft/checks/internal/engine"
)

// Starvation: in a controlled execution, a goroutine waiting for a lock was
// bypassed by one other goroutine more often than the bypass bound
// (Options.Bounds["bypass"], -weft.bypass): the lock does not bound how
// long a waiter can wait while others are served. The report says who
// waited, who kept taking the lock, how often and for how many steps.
const Starvation Verdict = "starvation"

var starvation = &property{
	verdict: Starvation,
	explain: "A goroutine waiting for a lock was passed over again and again while others took it: the lock does not bound how long a waiter waits.",
	collect: func(ctl *engine.Controller, _ engine.Chooser, _ *config) any { return found(ctl.Starvation()) },
	section: func(b *strings.Builder, r *runner, f *failure) {
		s, _ := f.found(Starvation).(*engine.Starved)
		if s == nil {
			return
		}
		fmt.Fprintf(b, "\nStarvation: %s waited for %s while %s took it %d times (%d acquisitions by others in all, over %d steps); the bound is %d bypasses by one goroutine (-weft.bypass).\n",
			s.Waiter, s.Lock, s.By, s.Times, s.Total, s.Steps, r.cfg.bounds["bypass"])
	},
	bound: &bound{
		name:    "bypass",
		usage:   "times one goroutine may take a lock while another waits before that one starves",
		def:     engine.DefaultBypassBound, // see package sched for why sync.Mutex never exceeds it
		set:     (*engine.Controller).SetBypassBound,
		reached: (*engine.Controller).MaxBypass,
	},
}
