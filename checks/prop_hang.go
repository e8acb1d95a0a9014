package checks

import (
	"fmt"
	"strings"
)

// Hang: operations did not return within the hang timeout. The watchdog
// stops the execution and reports where every goroutine was.
const Hang Verdict = "hang"

var hang = &property{
	verdict: Hang,
	explain: "Calls (or the program) did not return in time. The model says this scenario cannot wait forever (a program must always end), so something is stuck.",
	detect:  func(j *judgement) bool { return j.e.hang != nil },
	section: func(b *strings.Builder, r *runner, f *failure) {
		h := f.exec.hang
		if h == nil {
			return
		}
		if h.outside != nil {
			fmt.Fprintf(b, "\nBlocked outside control: %s.\n", h.outside)
			fmt.Fprintf(b, "Under control one goroutine runs at a time, and the others wait for it to reach a scheduling point; "+
				"so the %s phase stopped at once. Synchronize through weft's shims (checks/sched/sync, sched.Chan, sched.Select), "+
				"or check the structure under stress only (-weft.strategy=stress). Its stack:\n%s", h.phase, indent(h.stacks))
			return
		}
		fmt.Fprintf(b, "\nHang: the %s phase did not finish within %v; the watchdog stopped it.\n", h.phase, r.cfg.hang)
		b.WriteString(h.graph)
		fmt.Fprintf(b, "Every other goroutine at that moment (goroutines stuck in earlier checks of this test binary appear too):\n%s", indent(h.stacks))
	},
}
