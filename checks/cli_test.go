package checks_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/internal/engine"
	"github.com/weftlab/weft/checks/internal/israce"
	"github.com/weftlab/weft/checks/sched/sync"
	"github.com/weftlab/weft/models"
)

// TestHelperProcess is not a test: the tests below run this test binary
// again with WEFT_TEST_HELPER set, to watch a check fail a test, or a bad
// setting stop one, from the outside.
func TestHelperProcess(t *testing.T) {
	broken := boxStructure("off-by-one", func() *box { return &box{onLoad: func() int { return 1 }} })
	opts := quick(os.Getenv("WEFT_TEST_OUT"))
	switch os.Getenv("WEFT_TEST_HELPER") {
	case "":
		t.Skip("run by other tests")
	case "check-broken":
		checks.Check(t, broken, opts)
	case "check-correct":
		opts.Budget = 200 * time.Millisecond
		checks.Check(t, boxStructure("box", func() *box { return new(box) }), opts)
	case "check-plain-go":
		s := boxStructure("plain-go", func() *box {
			return &box{onStore: func(int) {
				go func() { // not sched.Go: it escapes control
					var m sync.Mutex
					m.Lock()
					m.Unlock()
				}()
			}}
		})
		opts.Strategy, opts.Budget = "random", 2*time.Second
		checks.Check(t, s, opts)
	case "race-across-two-locks":
		engine.TrackWaits(true) // as in a stress execution
		defer engine.TrackWaits(false)
		var l twoLocks
		go l.Store(1)
		time.Sleep(50 * time.Millisecond) // nothing orders the store before the load but the bookkeeping
		l.Load()
	case "sequential-blocking":
		// store(3) locks a mutex twice: the call never returns.
		s := boxStructure("self-locking", func() *box {
			return &box{onStore: func(v int) {
				if v == 3 {
					var mu sync.Mutex
					mu.Lock()
					mu.Lock()
				}
			}}
		})
		checks.Sequential(t, s, checks.Options{HangTimeout: 200 * time.Millisecond})
	case "check-unknown":
		slow := models.Register
		slow.Step = func(v int, in models.RegisterInput, out models.RegisterOutput) (bool, int) {
			time.Sleep(5 * time.Millisecond)
			want, next := models.Register.Apply(v, in)
			return want == out, next
		}
		s := boxStructure("slow-model", func() *box { return new(box) })
		s.Model = slow
		opts.CheckTimeout, opts.Budget = time.Millisecond, 300*time.Millisecond
		checks.Check(t, s, opts)
	}
}

// helper runs TestHelperProcess as case name and returns its output and
// exit code.
func helper(t *testing.T, name string, env []string, args ...string) (string, int) {
	t.Helper()
	return helperProcess(t, "TestHelperProcess", append(env, "WEFT_TEST_HELPER="+name), args...)
}

// helperProcess runs this test binary's test as a child process with env
// added, and returns its output and exit code.
func helperProcess(t *testing.T, test string, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^" + test + "$", "-test.v"}, args...)...)
	cmd.Env = append(os.Environ(), append(env, "WEFT_TEST_OUT="+t.TempDir())...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return string(out), exit.ExitCode()
	}
	require.NoError(t, err, string(out))
	return string(out), 0
}

func TestCLI_CheckFailsTheTestWithTheReport(t *testing.T) {
	out, code := helper(t, "check-broken", nil)
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "weft: not linearizable: off-by-one")
	assert.Contains(t, out, "Reproduce")
	assert.Contains(t, out, "--- FAIL: TestHelperProcess")
}

func TestCLI_CheckPassesACorrectStructure(t *testing.T) {
	out, code := helper(t, "check-correct", nil)
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "--- PASS: TestHelperProcess")
}

// TestCLI_SequentialStopsAtACallThatBlocks: the first call that does not
// return ends the test with a report naming it and where it waits, instead
// of every shrinking attempt waiting the hang timeout again until go test's
// own timeout kills the binary without a word from weft.
func TestCLI_SequentialStopsAtACallThatBlocks(t *testing.T) {
	start := time.Now()
	out, code := helper(t, "sequential-blocking", nil, "-test.timeout=60s")
	assert.Equal(t, 1, code, out)
	assert.Less(t, time.Since(start), 30*time.Second, "a blocked call must be reported at once, not shrunk through")
	assert.Contains(t, out, "weft: hang: self-locking (sequential test)")
	assert.Regexp(t, `The call store\(3\) \(op store\) did not return within 200ms`, out)
	assert.Regexp(t, `\d+\. store\(3\) \(op store\)  did not return`, out)
	assert.Regexp(t, `Where store\(3\) \(op store\) waits:\n(.*\n)*.*cli_test\.go:\d+`, out, "the stack shows the line that blocks")
	assert.NotContains(t, out, "panic: test timed out")
}

func TestCLI_UnknownFailsUnlessAllowed(t *testing.T) {
	out, code := helper(t, "check-unknown", nil)
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "weft: unknown: slow-model")

	out, code = helper(t, "check-unknown", []string{"WEFT_ALLOWUNKNOWN=true"})
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "could not be checked within the check timeout (allowed by AllowUnknown)")
}

// TestCLI_AGoroutineOutsideControlStopsTheCheck: a goroutine started with
// a go statement instead of sched.Go reaches a lock in a controlled
// execution; the controller must not take it for the goroutine whose turn
// it is, and the check stops with an error that says what to do.
func TestCLI_AGoroutineOutsideControlStopsTheCheck(t *testing.T) {
	out, code := helper(t, "check-plain-go", nil)
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "a goroutine weft did not start reached a scheduling point (lock) in a controlled execution")
	assert.Contains(t, out, "start the structure's goroutines with sched.Go")
	assert.Contains(t, out, "cli_test.go", "the stray's stack points at the go statement's function")
}

// twoLocks reads its value under one lock and writes it under another: a
// data race, whichever locks each side holds.
type twoLocks struct {
	a, b sync.Mutex
	v    int
}

func (l *twoLocks) Load() int   { l.a.Lock(); defer l.a.Unlock(); return l.v }
func (l *twoLocks) Store(v int) { l.b.Lock(); defer l.b.Unlock(); l.v = v }

// TestCLI_StressBookkeepingHidesNoRace: in stress executions the shims
// record who holds and waits for what (for the wait-for graph of a hang).
// A store under one lock, then (50 ms later, unordered) a load under
// another: if the bookkeeping synchronized the goroutines, the store's
// unlock and the load's lock would order them, and the race detector would
// miss this race.
func TestCLI_StressBookkeepingHidesNoRace(t *testing.T) {
	if !israce.Enabled {
		t.Skip("needs the race detector")
	}
	out, code := helper(t, "race-across-two-locks", []string{"GORACE=halt_on_error=1"})
	assert.NotEqual(t, 0, code, out)
	assert.Contains(t, out, "WARNING: DATA RACE")
	assert.Contains(t, out, "twoLocks")
}

func TestCLI_BadSettingsStopWithAClearError(t *testing.T) {
	out, code := helper(t, "check-correct", []string{"WEFT_CLIENTS=many"})
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, `weft: invalid options: environment WEFT_CLIENTS="many": "many" is not a whole number`)

	out, code = helper(t, "check-correct", nil, "-weft.budget=soon")
	assert.Equal(t, 2, code, out)
	assert.Contains(t, out, `invalid value "soon" for flag -weft.budget`)

	out, code = helper(t, "check-correct", nil, "-weft.strategy=chaos")
	assert.Equal(t, 2, code, out)
	assert.Contains(t, out, `unknown strategy "chaos"`)
}

func TestCLI_ReplayOfABadFileStopsWithAClearError(t *testing.T) {
	out, code := helper(t, "check-correct", nil, "-weft.replay="+filepath.Join(t.TempDir(), "missing.json"))
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "missing.json: no such file or directory")

	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"weftHistoryFormat": 1, "surprise": true}`), 0o644))
	out, code = helper(t, "check-correct", nil, "-weft.replay="+bad)
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "is not a weft history file")
}

// TestCLI_AReplayNoCheckRunsFails: a history replayed in another test, or in
// its own test after its structure was renamed, must not pass unreplayed.
func TestCLI_AReplayNoCheckRunsFails(t *testing.T) {
	res := checks.Run(t, boxStructure("off-by-one", func() *box { return &box{onLoad: func() int { return 1 }} }), quick(t.TempDir()))
	require.NotNil(t, res.Failure)
	file := res.Failure.HistoryFile

	out, code := helper(t, "check-correct", nil, "-weft.replay="+file)
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "is a history of test "+t.Name()+", structure off-by-one")
	assert.Contains(t, out, "this is test TestHelperProcess")
	assert.Contains(t, out, "go run github.com/weftlab/weft/cmd/weft repro "+file)

	// The same file, as if TestHelperProcess had written it for a
	// structure since renamed to box.
	var hf map[string]any
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &hf))
	hf["test"] = "TestHelperProcess"
	renamed := filepath.Join(t.TempDir(), "renamed.json")
	data, err = json.Marshal(hf)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(renamed, data, 0o644))
	out, code = helper(t, "check-correct", nil, "-weft.replay="+renamed)
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "weft: box not checked: -weft.replay="+renamed+" is a history of structure off-by-one")
	assert.Contains(t, out, "no check of test TestHelperProcess is of it (checks that ran: box)")
	assert.Contains(t, out, "--- FAIL: TestHelperProcess")
}
