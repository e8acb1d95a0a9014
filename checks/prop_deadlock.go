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
		for _, w := range c.blocked {
			if w.Stack != "" {
				fmt.Fprintf(b, "\nWhere %s waits:\n%s", w.Goroutine, indent(waitStack(w.Stack)))
			}
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

// waitStack is the part of a deadlocked goroutine's stack that is the
// program's: no frames of weft, no argument values or offsets, which
// differ from run to run while the replay of a schedule must give the
// same report.
func waitStack(stack string) string {
	lines := strings.Split(trimStack(stack), "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "goroutine ") || strings.HasPrefix(l, "\t") {
			continue
		}
		fn := strings.TrimPrefix(l, "created by ")
		if strings.HasPrefix(fn, "github.com/weftlab/weft/checks.") || strings.HasPrefix(fn, "github.com/weftlab/weft/checks/") {
			i++ // and its file:line
			continue
		}
		if j := strings.LastIndex(l, "("); j > 0 && !strings.HasPrefix(l, "created by ") {
			l = l[:j] + "(...)"
		}
		if strings.HasPrefix(l, "created by ") {
			if j := strings.Index(l, " in goroutine "); j > 0 {
				l = l[:j]
			}
		}
		out = append(out, l)
		if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\t") {
			loc, _, _ := strings.Cut(lines[i+1], " +0x")
			out = append(out, loc)
			i++
		}
	}
	return strings.Join(out, "\n")
}
