package checks

import (
	"fmt"
	"strings"
)

// Violated: a requirement stated with [Require] did not hold, in an
// operation, the program or a goroutine they started.
const Violated Verdict = "requirement violated"

// Require states a requirement of the structure or program under check,
// one that is not linearizability against a model: a bound on how many
// goroutines hold something at once, a rate, every item delivered exactly
// once, the result a whole program must compute. When ok is false, the
// execution fails with the verdict [Violated], whose report gives the
// message (format and args, as for fmt.Sprintf: say which requirement
// broke and with what values), the stack of the call and, under control,
// the interleaving that led there; it replays and shrinks as any failure.
//
// Require panics to stop its caller at once, with a value weft recognizes
// wherever it recovers it (an operation, the program, a goroutine they
// started, a child process under -race), so call it where unwinding is
// safe. With ok true it does nothing and costs a comparison.
func Require(ok bool, format string, args ...any) {
	if !ok {
		panic(violation(fmt.Sprintf(format, args...)))
	}
}

// violationPrefix starts the printed value of a violation. Panics are
// recorded printed (the controller and the race child hand them over as
// text), so the prefix is what tells a violation from another panic.
const violationPrefix = "weft: requirement violated: "

type violation string

func (v violation) String() string { return violationPrefix + string(v) }

// isViolation reports whether a recorded panic value is a violation.
func isViolation(value string) bool { return strings.HasPrefix(value, violationPrefix) }

var violated = &property{
	verdict: Violated,
	explain: "A requirement stated with checks.Require did not hold.",
	detect: func(j *judgement) bool {
		found := false
		eachPanic(j.e, func(_ string, p *panicInfo) { found = found || isViolation(p.Value) })
		return found
	},
	section: func(b *strings.Builder, r *runner, f *failure) {
		eachPanicNamed(r, f.exec, func(where string, p *panicInfo) {
			if isViolation(p.Value) {
				fmt.Fprintf(b, "\nRequirement violated in %s: %s\n%s", where, strings.TrimPrefix(p.Value, violationPrefix), indent(p.Stack))
			}
		})
	},
}
