package checks

import (
	"fmt"
	"strings"
)

// Leak: goroutines the structure started (with sched.Go) were still alive
// after the execution ended and Stop returned. The report shows where each
// one waits, with its stack.
const Leak Verdict = "leak"

var leak = &property{
	verdict: Leak,
	explain: "Goroutines the structure (or the program) started were still alive after every call returned and Stop was done (or the program returned): they outlive their scope.",
	detect:  func(j *judgement) bool { return len(j.e.leaks) > 0 },
	section: func(b *strings.Builder, _ *runner, f *failure) {
		for _, l := range f.exec.leaks {
			where := ""
			if l.Where != "" {
				where = ", waiting at " + l.Where
			}
			fmt.Fprintf(b, "\nLeak: %s was still alive after the execution ended%s:\n%s", l.Goroutine, where, indent(l.Stack))
		}
	},
}
