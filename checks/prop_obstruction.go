package checks

import (
	"fmt"
	"strings"

	"github.com/weftlab/weft/checks/internal/engine"
)

// NotObstructionFree: with Options.ObstructionFree, an operation run alone
// (every other goroutine frozen) waited for another goroutine or did not
// finish within its bound of steps: the structure is not obstruction-free,
// let alone lock-free.
const NotObstructionFree Verdict = "not obstruction-free"

// notObstructionFree is found by the solo wrapper of the chooser
// (obstruction.go), which freezes the other goroutines.
var notObstructionFree = &property{
	verdict: NotObstructionFree,
	explain: "An operation run alone, with every other goroutine frozen, could not finish: it depends on another goroutine to make progress.",
	collect: func(_ *engine.Controller, ch engine.Chooser, _ *config) any {
		if s, ok := ch.(*solo); ok && s.violation != "" {
			return s.violation
		}
		return nil
	},
	section: func(b *strings.Builder, _ *runner, f *failure) {
		if v, ok := f.found(NotObstructionFree).(string); ok {
			fmt.Fprintf(b, "\nNot obstruction-free: %s\n", v)
		}
	},
}
