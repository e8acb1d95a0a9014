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
		eachPanicNamed(r, f.exec, func(where string, p *panicInfo) {
			if !isViolation(p.Value) { // the requirement's own section shows those
				fmt.Fprintf(b, "\nPanic in %s: %s\n%s", where, p.Value, indent(p.Stack))
			}
		})
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

// eachPanic calls fn with every panic of e: those outside any call, then
// those of calls in the order of the history.
func eachPanic(e *execution, fn func(where string, p *panicInfo)) {
	for i := range e.panics {
		fn(e.panics[i].Where, &e.panics[i])
	}
	for i := range e.history {
		if p := e.history[i].panic; p != nil {
			fn("operation", p)
		}
	}
}

// eachPanicNamed is eachPanic with a call's panic named by the call, as
// reports name calls.
func eachPanicNamed(r *runner, e *execution, fn func(where string, p *panicInfo)) {
	for i := range e.panics {
		fn(e.panics[i].Where, &e.panics[i])
	}
	for i := range e.history {
		if p := e.history[i].panic; p != nil {
			fn(r.callName(&e.history[i]), p)
		}
	}
}
