package program

import (
	"os"
	"testing"
	"time"

	"github.com/weftlab/weft/checks"
)

// TestPrograms is run by checks/rewrite's end-to-end test, through the
// overlay: each program is checked by weft as it was written.
func TestPrograms(t *testing.T) {
	if os.Getenv("WEFT_E2E_PROGRAM") == "" {
		t.Skip("run through the rewrite by checks/rewrite's end-to-end test")
	}
	o := checks.Options{Strategy: os.Getenv("WEFT_E2E_STRATEGY"), Executions: 200, Budget: 20 * time.Second,
		ShrinkTime: time.Second, HangTimeout: 2 * time.Second, OutDir: os.Getenv("WEFT_E2E_OUT"), Seed: 1}

	deadlock := o
	deadlock.IgnoreLockOrder = true // an execution that goes through is then no failure
	checks.Expect(t, checks.Program("lock-order", LockOrder), checks.Deadlock, deadlock)

	checks.Expect(t, checks.Program("leak", Leak), checks.Leak, o)

	correct := o
	correct.Scenarios = 2 // a passing check otherwise searches for its whole budget
	checks.Check(t, checks.Program("pipeline", func() {
		if got := Pipeline(4); got != 30 {
			panic("Pipeline(4) is not 30")
		}
	}), correct)
}
