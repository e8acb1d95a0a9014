package checks

import (
	"fmt"
	"strings"

	"github.com/weftlab/weft/checks/internal/engine"
)

// Deadlock: in a controlled execution, no goroutine could run, no timer was
// pending, and the execution was not over. The report says who waits for
// what.
const Deadlock Verdict = "deadlock"

var deadlock = &property{
	verdict: Deadlock,
	explain: "No goroutine could go on and no timer was pending, yet calls (or the program) had not returned: every goroutine waits for another.",
	detect:  func(j *judgement) bool { return j.e.control != nil && j.e.control.outcome == engine.Deadlock },
	section: func(b *strings.Builder, _ *runner, f *failure) {
		c := f.exec.control
		if c == nil || len(c.blocked) == 0 {
			return
		}
		b.WriteString("\nDeadlock: no goroutine can run and no timer is pending.\n")
		for _, w := range c.blocked {
			fmt.Fprintf(b, "  %s waits at %s", w.Goroutine, w.Point)
			if w.Holder != "" {
				fmt.Fprintf(b, " (%s)", heldBy(w))
			}
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

// heldBy says who holds the lock w waits for and why it does not let go,
// such as "held by client 1, which returned without unlocking it".
func heldBy(w engine.Blocked) string {
	switch {
	case w.Holder == w.Goroutine:
		return "held by itself: it locks a lock it already holds"
	case w.HolderAt != "":
		return fmt.Sprintf("held by %s, which waits at %s", w.Holder, w.HolderAt)
	case strings.HasPrefix(w.Holder, "client "):
		return fmt.Sprintf("held by %s, which returned without unlocking it", w.Holder)
	}
	return fmt.Sprintf("held by %s, which ended without unlocking it", w.Holder)
}
