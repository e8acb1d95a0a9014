package checks_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/models"
)

func TestCheck_CorrectStructurePasses(t *testing.T) {
	defer goleak.VerifyNone(t)
	res := checks.Check(t, boxStructure("box", func() *box { return new(box) }),
		checks.Options{Budget: 300 * time.Millisecond, OutDir: t.TempDir()})
	assert.Equal(t, checks.Ok, res.Verdict)
	assert.Nil(t, res.Failure)
	assert.Positive(t, res.Scenarios)
	assert.GreaterOrEqual(t, res.Executions, res.Scenarios)
	assert.NotZero(t, res.Seed)
}

func TestRun_WrongResultIsNotLinearizable(t *testing.T) {
	out := t.TempDir()
	// Loads are off by one once the box holds 3: wrong even without
	// concurrency, so every execution of such a scenario fails.
	s := boxStructure("off-by-one", func() *box {
		b := new(box)
		b.onLoad = func() int {
			if b.v == 3 {
				return 1
			}
			return 0
		}
		return b
	})
	res := checks.Run(t, s, quick(out))
	require.NotNil(t, res.Failure, "the bug was not caught")
	assert.Equal(t, checks.NotLinearizable, res.Verdict)

	report := res.Failure.Report
	assert.True(t, strings.HasPrefix(report, "weft: not linearizable: off-by-one\n"), report)
	assert.Contains(t, report, "store(3)")
	assert.Contains(t, report, "load() → 4")
	assert.Contains(t, report, "Where linearization gets stuck")
	assert.Contains(t, report, "the model says load() → 3")
	assert.Contains(t, report, "-weft.replay="+res.Failure.HistoryFile)
	assert.Contains(t, res.Failure.Repro, "go test ")

	// Minimal: rapid shrinks to a store(3) and a load that sees it.
	var hf struct {
		Verdict  string `json:"verdict"`
		Scenario struct {
			Init, Post []json.RawMessage
			Clients    [][]json.RawMessage
		} `json:"scenario"`
		History []struct {
			Description string `json:"description"`
			Return      *int64 `json:"return"`
		} `json:"history"`
		Report string `json:"report"`
	}
	data, err := os.ReadFile(res.Failure.HistoryFile)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &hf))
	assert.Equal(t, "not linearizable", hf.Verdict)
	assert.Equal(t, report, hf.Report)
	assert.LessOrEqual(t, len(hf.History), 3, "rapid should have shrunk the scenario: %s", report)

	html, err := os.ReadFile(res.Failure.ViewFile)
	require.NoError(t, err)
	assert.Contains(t, string(html), "<html")

	// The printed replay reproduces it.
	again := checks.Run(t, s, checks.Options{Replay: res.Failure.HistoryFile, OutDir: out, Budget: 5 * time.Second})
	require.NotNil(t, again.Failure, "replay did not reproduce the failure")
	assert.Equal(t, checks.NotLinearizable, again.Verdict)
	assert.Equal(t, 1, again.Scenarios)
}

func TestRun_PanicInAnOperation(t *testing.T) {
	s := boxStructure("panicky", func() *box {
		return &box{onStore: func(v int) {
			if v == 2 {
				panic("two is not allowed")
			}
		}}
	})
	res := checks.Run(t, s, quick(t.TempDir()))
	require.NotNil(t, res.Failure)
	assert.Equal(t, checks.Panic, res.Verdict)
	assert.Contains(t, res.Failure.Report, "two is not allowed")
	assert.Contains(t, res.Failure.Report, "store(2) ✗ panicked")
	assert.Contains(t, res.Failure.Report, "box).Store", "the report shows the panicking stack")
}

func TestRun_PanicInAGoroutineOfTheStructure(t *testing.T) {
	s := boxStructure("crashing-helper", func() *box {
		done := make(chan struct{})
		sched.Go(func() {
			defer close(done)
			panic("helper crashed")
		})
		<-done
		return new(box)
	})
	res := checks.Run(t, s, quick(t.TempDir()))
	require.NotNil(t, res.Failure)
	assert.Equal(t, checks.Panic, res.Verdict)
	assert.Contains(t, res.Failure.Report, "Panic in goroutine started by the structure: helper crashed")
}

func TestRun_PanicInNew(t *testing.T) {
	s := boxStructure("no-constructor", func() *box { panic("cannot build") })
	res := checks.Run(t, s, quick(t.TempDir()))
	require.NotNil(t, res.Failure)
	assert.Equal(t, checks.Panic, res.Verdict)
	assert.Contains(t, res.Failure.Report, "Panic in New: cannot build")
}

func TestRun_HangIsStoppedByTheWatchdog(t *testing.T) {
	gate := make(chan struct{})
	defer func() {
		close(gate) // release the stuck clients
		goleak.VerifyNone(t, goleak.IgnoreCurrent())
	}()
	s := boxStructure("stuck-load", func() *box {
		return &box{onLoad: func() int { <-gate; return 0 }}
	})
	res := checks.Run(t, s, quick(t.TempDir()))
	require.NotNil(t, res.Failure)
	assert.Equal(t, checks.Hang, res.Verdict)
	assert.Contains(t, res.Failure.Report, "did not finish within 2s; the watchdog stopped it")
	assert.Contains(t, res.Failure.Report, "load() … never returned")
	assert.Contains(t, res.Failure.Report, "goroutine ", "every goroutine's stack is printed")
	assert.Contains(t, res.Failure.Report, "box).Load", "the stuck call's stack is among them")
}

func TestRun_CheckerTimeoutIsUnknownAndNeverAPass(t *testing.T) {
	slow := models.Register
	slow.Name = "slow register"
	apply := slow.Apply
	slow.Apply = func(v int, in models.RegisterInput) (models.RegisterOutput, int) {
		time.Sleep(5 * time.Millisecond)
		return apply(v, in)
	}
	s := boxStructure("slow-model", func() *box { return new(box) })
	s.Model = slow
	opts := quick(t.TempDir())
	opts.CheckTimeout = time.Millisecond
	opts.InitOps, opts.PostOps, opts.ShrinkTime = -1, -1, time.Nanosecond

	res := checks.Run(t, s, opts)
	assert.Equal(t, checks.Unknown, res.Verdict)
	require.NotNil(t, res.Failure, "unknown must be reported as a failure")
	assert.True(t, strings.HasPrefix(res.Failure.Report, "weft: unknown: slow-model"))

	opts.AllowUnknown = true
	opts.Budget = 300 * time.Millisecond
	res = checks.Run(t, s, opts)
	assert.Equal(t, checks.Unknown, res.Verdict, "even when allowed, unknown is not ok")
	assert.Nil(t, res.Failure)
	assert.Positive(t, res.Unknowns)
}

func TestExpect_CatchesAStructureBrokenOnPurpose(t *testing.T) {
	s := boxStructure("off-by-one", func() *box { return &box{onLoad: func() int { return 1 }} })
	res := checks.Expect(t, s, checks.NotLinearizable, quick(t.TempDir()))
	assert.Equal(t, checks.NotLinearizable, res.Verdict)
}

// TestRun_FailuresInOneSecondKeepTheirFiles: the same failure found twice
// in a second (a fixed seed, one check per strategy) writes two history
// files, not one overwritten by the other.
func TestRun_FailuresInOneSecondKeepTheirFiles(t *testing.T) {
	out := t.TempDir()
	s := boxStructure("no-constructor", func() *box { panic("cannot build") })
	first := checks.Run(t, s, quick(out))
	second := checks.Run(t, s, quick(out))
	require.NotNil(t, first.Failure)
	require.NotNil(t, second.Failure)
	assert.NotEqual(t, first.Failure.HistoryFile, second.Failure.HistoryFile)
	written, err := filepath.Glob(filepath.Join(out, "*.json"))
	require.NoError(t, err)
	assert.Len(t, written, 2)
}

func TestVerdict_OrIsMetByEitherVerdictAndNoOther(t *testing.T) {
	want := checks.DataRace.Or(checks.Violated)
	assert.Equal(t, checks.Verdict("data race or requirement violated"), want)
	assert.True(t, checks.DataRace.Satisfies(want))
	assert.True(t, checks.Violated.Satisfies(want))
	assert.False(t, checks.Panic.Satisfies(want))
	assert.False(t, checks.Ok.Satisfies(want))
	assert.True(t, checks.Deadlock.Satisfies(checks.Leak.Or(checks.PotentialDeadlock)), "a deadlock meets a potential one inside an Or too")
	assert.False(t, checks.Verdict("data race or requirement violated").Satisfies(checks.DataRace), "an Or is never a verdict found")
}
