package checks_test

import (
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/models"
)

// bareBox is a register with no synchronization: a data race between a
// store and anything else.
type bareBox struct{ v int }

func (b *bareBox) Load() int { return b.v }

func (b *bareBox) Store(v int) {
	sched.Yield()
	b.v = v
}

func bareBoxStructure(name string, store func(b *bareBox, v int)) checks.Structure[*bareBox, models.RegisterInput, models.RegisterOutput] {
	return checks.Structure[*bareBox, models.RegisterInput, models.RegisterOutput]{
		Name: name, Model: models.Register, New: func() *bareBox { return new(bareBox) },
		Ops: []checks.Op[*bareBox, models.RegisterInput, models.RegisterOutput]{
			{
				Name:  "load",
				Input: rapid.Just(models.RegisterInput{Op: models.RegisterLoad}),
				Run: func(b *bareBox, _ models.RegisterInput) models.RegisterOutput {
					return models.RegisterOutput{Value: b.Load()}
				},
			},
			{
				Name: "store",
				Input: rapid.Custom(func(t *rapid.T) models.RegisterInput {
					return models.RegisterInput{Op: models.RegisterStore, Value: rapid.IntRange(1, 3).Draw(t, "v")}
				}),
				Run: func(b *bareBox, in models.RegisterInput) models.RegisterOutput {
					store(b, in.Value)
					return models.RegisterOutput{}
				},
			},
		},
	}
}

func raceOpts(out string) checks.Options {
	o := quick(out)
	o.Strategy = "stress+race"
	return o
}

// TestRaceStress_CatchesADataRaceWithBothStacks: the race detector's
// report in the child becomes the verdict, with both accesses and the
// scenario, and this test binary survives it.
func TestRaceStress_CatchesADataRaceWithBothStacks(t *testing.T) {
	start := time.Now()
	res := checks.Run(t, bareBoxStructure("bare-box", (*bareBox).Store), raceOpts(t.TempDir()))
	require.NotNil(t, res.Failure, "the race was not found in %d executions", res.Executions)
	t.Logf("caught after %d scenarios, %d executions, %v:\n%s", res.Scenarios, res.Executions, time.Since(start), res.Failure.Report)
	assert.Equal(t, checks.DataRace, res.Verdict)
	report := res.Failure.Report
	assert.Contains(t, report, "weft: data race: bare-box")
	assert.Contains(t, report, "Data race, as the race detector reported it")
	assert.Regexp(t, `\n  (Read|Write) at 0x[0-9a-f]+ by goroutine \d+:\n    .*bareBox\)\.(Load|Store)`, report, "the racing access")
	assert.Regexp(t, `\n  Previous (read|write) at 0x[0-9a-f]+ by goroutine \d+:\n    .*bareBox\)\.(Load|Store)`, report, "the access it raced with")
	assert.Contains(t, report, "client 1", "the scenario, one column per client")
	assert.Contains(t, report, "strategy stress+race")
	assert.Contains(t, report, "-weft.strategy=stress+race", "the repro command runs the same strategy")
}

// TestRaceStress_PassesACorrectStructure: the same register behind a
// mutex has no race and passes.
func TestRaceStress_PassesACorrectStructure(t *testing.T) {
	o := raceOpts(t.TempDir())
	o.Budget = 2 * time.Second
	res := checks.Check(t, boxStructure("box", func() *box { return new(box) }), o)
	assert.Equal(t, checks.Ok, res.Verdict)
	assert.Positive(t, res.Executions)
}

// TestRaceHelperProcess is not a test: the tests below run this test
// binary again to watch a check with a broken race child fail.
func TestRaceHelperProcess(t *testing.T) {
	o := raceOpts(os.Getenv("WEFT_TEST_OUT"))
	switch os.Getenv("WEFT_RACE_TEST_HELPER") {
	case "":
		t.Skip("run by other tests")
	case "child-crashes":
		checks.Check(t, bareBoxStructure("crashing", func(b *bareBox, v int) {
			if os.Getenv("WEFT_RACE_CHILD") != "" {
				os.Exit(3) // the child dies in the middle of an execution, without a race report
			}
		}), o)
	case "child-serves-another-check":
		name := "this-one"
		if os.Getenv("WEFT_RACE_CHILD") != "" {
			name = "another-one"
		}
		checks.Check(t, boxStructure(name, func() *box { return new(box) }), o)
	}
}

func raceHelper(t *testing.T, name string) (string, int) {
	t.Helper()
	return helperProcess(t, "TestRaceHelperProcess", []string{"WEFT_RACE_TEST_HELPER=" + name})
}

// TestRaceStress_ABrokenChildIsAnErrorNeverAPass: a child that dies
// without a race report, or that does not serve the check, fails the test
// with what happened.
func TestRaceStress_ABrokenChildIsAnErrorNeverAPass(t *testing.T) {
	out, code := raceHelper(t, "child-crashes")
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "weft: crashing: the race child running the stress executions failed: it exited")
	assert.Contains(t, out, "--- FAIL: TestRaceHelperProcess")

	out, code = raceHelper(t, "child-serves-another-check")
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, `did not start serving the check of this-one: it exited`)
	assert.Contains(t, out, "--- FAIL: TestRaceHelperProcess")
}
