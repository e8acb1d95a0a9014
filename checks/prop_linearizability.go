package checks

import (
	"fmt"
	"strings"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/checks/internal/engine"
)

// NotLinearizable: no order of the operations that respects their real
// time order is legal in the model.
const NotLinearizable Verdict = "not linearizable"

// Unknown: the linearizability checker ran out of time. It is never a
// pass: Check fails on it unless Options.AllowUnknown is set.
const Unknown Verdict = "unknown"

// notLinearizable wins over everything that followed in the execution: its
// panicked and unreturned calls count as wildcards then. Without a
// deterministic model weft cannot say what such a call did, and the panic
// or hang is the verdict.
var notLinearizable = &property{
	verdict: NotLinearizable,
	explain: "No order of these calls that respects which call returned before which other one started is legal in the model.",
	detect:  func(j *judgement) bool { return j.linearizable() == porcupine.Illegal },
	section: func(b *strings.Builder, r *runner, f *failure) {
		if f.stuck != nil {
			r.writeStuck(b, f)
		}
	},
}

// unknown is an execution that nothing else was wrong with, whose history
// the checker could not finish.
var unknown = &property{
	verdict: Unknown,
	explain: "The linearizability checker ran out of time: this is not a pass.",
	detect: func(j *judgement) bool {
		complete := !j.e.failedOps() && (j.e.control == nil || j.e.control.outcome == engine.Finished)
		return complete && j.linearizable() == porcupine.Unknown
	},
}

func (r *runner) writeStuck(b *strings.Builder, f *failure) {
	s := f.stuck
	where := ""
	if s.key != "" {
		where = fmt.Sprintf(" (calls on key %q; other keys are independent)", s.key)
	}
	fmt.Fprintf(b, "\nWhere linearization gets stuck%s:\n", where)
	fmt.Fprintf(b, "  The longest legal order covers %d of %d calls:\n", len(s.order), s.total)
	for i, idx := range s.order {
		fmt.Fprintf(b, "    %d. %s\n", i+1, r.callName(&f.exec.history[idx]))
	}
	fmt.Fprintf(b, "  Model state after them: %s\n", s.state)
	if len(s.next) > 0 {
		b.WriteString("  None of the calls that could come next fits:\n")
		for _, c := range s.next {
			fmt.Fprintf(b, "    %s: %s\n", r.callName(&f.exec.history[c.rec]), c.why)
		}
	}
}
