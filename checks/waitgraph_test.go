package checks_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/models"
)

// TestStress_HangShowsTheWaitForGraph: the two-lock deadlock on real cores
// hangs; the report keeps, next to the stress stacks, who held and waited
// for which lock when the watchdog fired, and the cycle, and so does the
// history file.
func TestStress_HangShowsTheWaitForGraph(t *testing.T) {
	s := checks.Structure[*lockPair, models.RegisterInput, models.RegisterOutput]{
		Name: "lock-pair", Model: models.Register, New: func() *lockPair { return new(lockPair) },
		Ops: registerOps[*lockPair](),
	}
	o := quick(t.TempDir())
	o.Strategy = "stress"
	res := checks.Run(t, s, o)
	require.NotNil(t, res.Failure, "the deadlock was not found")
	report := res.Failure.Report
	assert.Contains(t, report, "Found as a hang under stress")
	assert.Contains(t, report, "Wait-for graph when the watchdog fired")
	assert.Regexp(t, `goroutine (\d+) waits at lock mutex#\d, held by goroutine (\d+)`, report)
	assert.Regexp(t, `The cycle: goroutine (\d+) → goroutine \d+ → goroutine (\d+) \(each waits for a lock the next one holds\)`, report)
	assert.Regexp(t, `goroutine \d+ \[[^\]]*\]:\n\s+weft: holds mutex#\d; waits at lock mutex#\d, held by goroutine \d+`, report,
		"each stack says what its goroutine holds and waits for")

}

// TestStress_HangOutsideTheShimsKeepsItsGraphInTheFile: a Store holds the
// lock while it blocks on a real channel, which control cannot diagnose
// either; the stress report and the history file show who holds the lock
// and who waits for it.
func TestStress_HangOutsideTheShimsKeepsItsGraphInTheFile(t *testing.T) {
	gate := make(chan struct{})
	defer func() {
		close(gate) // release the stuck clients
		goleak.VerifyNone(t, goleak.IgnoreCurrent())
	}()
	s := boxStructure("stuck-store", func() *box {
		return &box{onStore: func(int) { <-gate }} // holding the box's lock, outside control
	})
	res := checks.Run(t, s, quick(t.TempDir()))
	require.NotNil(t, res.Failure)
	assert.Equal(t, checks.Hang, res.Verdict)
	report := res.Failure.Report
	assert.Contains(t, report, "Wait-for graph when the watchdog fired")
	assert.Regexp(t, `goroutine \d+ holds mutex#1\n`, report)

	data, err := os.ReadFile(res.Failure.HistoryFile)
	require.NoError(t, err)
	var hf struct {
		Hang struct {
			WaitFor string `json:"waitFor"`
		} `json:"hang"`
	}
	require.NoError(t, json.Unmarshal(data, &hf))
	assert.Regexp(t, `goroutine \d+ holds mutex#1\n`, hf.Hang.WaitFor)
}
