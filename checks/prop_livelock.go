package checks

import (
	"fmt"
	"strings"

	"github.com/weftlab/weft/checks/internal/engine"
)

// Livelock: a controlled execution reached its step cap (MaxSteps) without
// ending: goroutines keep stepping without getting anywhere. The report
// shows the steps that repeat.
const Livelock Verdict = "livelock"

var livelock = &property{
	verdict: Livelock,
	explain: "The execution kept taking steps without ending, past the step cap: goroutines run but make no progress.",
	detect:  func(j *judgement) bool { return j.e.control != nil && j.e.control.outcome == engine.StepCap },
	section: func(b *strings.Builder, _ *runner, f *failure) {
		c := f.exec.control
		if c == nil || c.outcome != engine.StepCap {
			return
		}
		if cycle, times := repeatingTail(c.trace); cycle != nil {
			fmt.Fprintf(b, "\nLivelock: the execution ends by repeating these %d steps, %d times over:\n", len(cycle), times)
			for _, s := range cycle {
				who := "(clock)"
				if s.G >= 0 {
					who = c.goroutines[s.G]
				}
				fmt.Fprintf(b, "  %s: %s\n", who, stepText(s))
			}
		} else {
			fmt.Fprintf(b, "\nLivelock: %d steps without ending (no short cycle repeats; see the interleaving).\n", c.steps)
		}
	},
}
