package checks

import (
	"fmt"
	"strings"
)

// Panic: an operation, the constructor, Stop or a goroutine the structure
// started panicked. The test binary survives: weft recovers the panic and
// records it with its scenario.
const Panic Verdict = "panic"

var panicked = &property{
	verdict: Panic,
	explain: "A call, the constructor, Stop, the program or a goroutine they started panicked.",
	detect:  func(j *judgement) bool { return len(j.e.panics) > 0 || hasPanickedCall(j.e.history) },
	section: func(b *strings.Builder, r *runner, f *failure) {
		for _, p := range f.exec.panics {
			fmt.Fprintf(b, "\nPanic in %s: %s\n%s", p.Where, p.Value, indent(p.Stack))
		}
		for i := range f.exec.history {
			if p := f.exec.history[i].panic; p != nil {
				fmt.Fprintf(b, "\nPanic in %s: %s\n%s", r.callName(&f.exec.history[i]), p.Value, indent(p.Stack))
			}
		}
	},
}

func hasPanickedCall(history []record) bool {
	for i := range history {
		if history[i].panic != nil {
			return true
		}
	}
	return false
}
