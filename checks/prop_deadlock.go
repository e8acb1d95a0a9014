package checks

import (
	"fmt"
	"strings"

	"github.com/weftlab/weft/checks/sched"
)

// Deadlock: in a controlled execution, no goroutine could run, no timer was
// pending, and the execution was not over. The report says who waits for
// what.
const Deadlock Verdict = "deadlock"

var deadlock = &property{
	verdict: Deadlock,
	explain: "No goroutine could go on and no timer was pending, yet calls had not returned: every goroutine waits for another.",
	detect:  func(j *judgement) bool { return j.e.control != nil && j.e.control.outcome == sched.Deadlock },
	section: func(b *strings.Builder, _ *runner, f *failure) {
		c := f.exec.control
		if c == nil || len(c.blocked) == 0 {
			return
		}
		b.WriteString("\nDeadlock: no goroutine can run and no timer is pending.\n")
		for _, w := range c.blocked {
			fmt.Fprintf(b, "  %s waits at %s", w.Goroutine, w.Point)
			if len(w.Holds) > 0 {
				fmt.Fprintf(b, " while holding %s", strings.Join(w.Holds, ", "))
			}
			b.WriteString("\n")
		}
		if len(c.waitCycle) > 0 {
			fmt.Fprintf(b, "  The cycle: %s (each waits for a lock the next one holds).\n", strings.Join(c.waitCycle, " → "))
		}
	},
}
