package checks_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/checks/sched/atomic"
	"github.com/weftlab/weft/checks/sched/sync"
)

// overAdmitting lets two goroutines into a section meant for one: its
// admission reads the count and adds to it in two steps, so both can read
// 0. The requirement is stated in the goroutines themselves.
func overAdmitting() {
	var admitted, inside atomic.Int32
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		sched.Go(func() {
			defer wg.Done()
			if admitted.Load() >= 1 {
				return
			}
			admitted.Add(1)
			n := inside.Add(1)
			checks.Require(n <= 1, "at most 1 inside at once: %d are", n)
			sched.Yield()
			inside.Add(-1)
		})
	}
	wg.Wait()
}

func TestRequire_BrokenRequirementIsItsOwnVerdict(t *testing.T) {
	for _, s := range append([]string{"stress"}, controlledStrategies...) {
		res := checks.Expect(t, checks.Program("over-admitting", overAdmitting), checks.Violated, controlledOpts(s, t.TempDir()))
		require.NotNil(t, res.Failure, s)
		report := res.Failure.Report
		assert.True(t, strings.HasPrefix(report, "weft: requirement violated: over-admitting\n"), report)
		assert.Contains(t, report, "Requirement violated in ", s)
		assert.Contains(t, report, ": at most 1 inside at once: 2 are\n", s)
		assert.Contains(t, report, "overAdmitting.func1", "the stack of the Require call")
		assert.NotContains(t, report, "\nPanic in ", "a violation is not shown twice")
	}
}

func TestRequire_AHeldRequirementPasses(t *testing.T) {
	o := controlledOpts("random", t.TempDir())
	o.Scenarios, o.Executions = 2, 50
	res := checks.Check(t, checks.Program("require-held", func() { checks.Require(true, "never shown") }), o)
	assert.Equal(t, checks.Ok, res.Verdict)
}

// A plain panic is still a panic, not a violation.
func TestRequire_OtherPanicsStayPanics(t *testing.T) {
	res := checks.Expect(t, checks.Program("double-close", doubleClose), checks.Panic, controlledOpts("random", t.TempDir()))
	require.NotNil(t, res.Failure)
	assert.NotContains(t, res.Failure.Report, "Requirement violated")
}
