package checks_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	stdsync "sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/internal/reporttest"
	"github.com/weftlab/weft/checks/sched/atomic"
	"github.com/weftlab/weft/checks/sched/sync"
	"github.com/weftlab/weft/models"
)

// controlledOpts are quick options for a controlled strategy.
func controlledOpts(strategy, out string) checks.Options {
	o := quick(out)
	o.Strategy = strategy
	o.Executions = 200
	return o
}

// lockPair is a register whose Load takes its two locks in one order and
// Store in the other: the two-lock deadlock of guide 11.1.
type lockPair struct {
	a, b sync.Mutex
	v    int
}

func (p *lockPair) Load() int {
	p.a.Lock()
	defer p.a.Unlock()
	p.b.Lock()
	defer p.b.Unlock()
	return p.v
}

func (p *lockPair) Store(v int) {
	p.b.Lock()
	defer p.b.Unlock()
	p.a.Lock()
	defer p.a.Unlock()
	p.v = v
}

func registerOps[S interface {
	Load() int
	Store(int)
}]() []checks.Op[S, models.RegisterInput, models.RegisterOutput] {
	return []checks.Op[S, models.RegisterInput, models.RegisterOutput]{
		{Name: "load", Input: rapid.Just(models.RegisterInput{Op: models.RegisterLoad}),
			Run: func(s S, _ models.RegisterInput) models.RegisterOutput { return models.RegisterOutput{Value: s.Load()} }},
		{Name: "store", Input: rapid.Custom(func(t *rapid.T) models.RegisterInput {
			return models.RegisterInput{Op: models.RegisterStore, Value: rapid.IntRange(1, 3).Draw(t, "v")}
		}), Run: func(s S, in models.RegisterInput) models.RegisterOutput {
			s.Store(in.Value)
			return models.RegisterOutput{}
		}},
	}
}

func TestControlled_DeadlockIsReportedWithWhoWaitsForWhat(t *testing.T) {
	for _, strategy := range []string{"random", "pct", "bounded"} {
		t.Run(strategy, func(t *testing.T) {
			s := checks.Structure[*lockPair, models.RegisterInput, models.RegisterOutput]{
				Name: "lock-pair", Model: models.Register, New: func() *lockPair { return new(lockPair) },
				Ops: registerOps[*lockPair](),
			}
			o := controlledOpts(strategy, t.TempDir())
			o.IgnoreLockOrder = true // or the lock-order check finds it first
			// The textbook case below is where rapid's shrinking ends, not
			// where a second of it ends on a loaded machine: bounded search
			// explores every schedule of each candidate.
			o.ShrinkTime = time.Minute
			res := checks.Run(t, s, o)
			require.NotNil(t, res.Failure, "the deadlock was not found")
			assert.Equal(t, checks.Deadlock, res.Verdict)
			report := res.Failure.Report
			assert.True(t, strings.HasPrefix(report, "weft: deadlock: lock-pair\n"), report)
			assert.Contains(t, report, "Deadlock: no goroutine can run")
			assert.Regexp(t, `client \d waits at lock mutex#\d \(held by client \d, which waits at lock mutex#\d\) while holding mutex#\d`, report)
			assert.Regexp(t, `The cycle: client (\d) → client \d → client (\d) \(each waits for a lock the next one holds\)`, report)
			assert.Contains(t, report, "main waits at join client")
			assert.Contains(t, report, "replays this interleaving exactly")
			// Shrunk to the textbook case: one load and one store, in two
			// clients, and one preemption (inside the first lock pair).
			assert.Contains(t, report, "Scenario (2 calls;", report)
			assert.Regexp(t, `Schedule: \d+ decisions, 1 preemptions`, report)
			// The preemption comes before the lock is taken, and says so.
			assert.Regexp(t, `  ⇢ preempted before lock mutex#\d\n`, report)
		})
	}
}

// leaky is a register whose Store of 3 returns without unlocking.
type leaky struct {
	mu sync.Mutex
	v  int
}

func (l *leaky) Load() int { l.mu.Lock(); defer l.mu.Unlock(); return l.v }
func (l *leaky) Store(v int) {
	l.mu.Lock()
	l.v = v
	if v != 3 {
		l.mu.Unlock()
	}
}

func TestControlled_DeadlockNamesTheHolderOfTheLock(t *testing.T) {
	s := checks.Structure[*leaky, models.RegisterInput, models.RegisterOutput]{
		Name: "leaky", Model: models.Register, New: func() *leaky { return new(leaky) },
		Ops: registerOps[*leaky](),
	}
	res := checks.Run(t, s, controlledOpts("random", t.TempDir()))
	require.NotNil(t, res.Failure)
	assert.Equal(t, checks.Deadlock, res.Verdict)
	// Whoever waits after a store(3), the holder is named: a client that
	// returned, itself, or main while it waits for the clients.
	assert.Regexp(t, `waits at lock mutex#1 \(held by (itself: it locks a lock it already holds|client \d, which returned without unlocking it|main, which waits at join client \d)\)\n`, res.Failure.Report)
}

// spinner is a register whose Store of 3 waits for a flag nobody sets.
type spinner struct {
	mu   sync.Mutex
	v    int
	flag atomic.Bool
}

func (s *spinner) Load() int { s.mu.Lock(); defer s.mu.Unlock(); return s.v }
func (s *spinner) Store(v int) {
	for v == 3 && !s.flag.Load() {
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.v = v
}

func TestControlled_StepCapIsALivelockWithItsCycle(t *testing.T) {
	s := checks.Structure[*spinner, models.RegisterInput, models.RegisterOutput]{
		Name: "spinner", Model: models.Register, New: func() *spinner { return new(spinner) },
		Ops: registerOps[*spinner](),
	}
	o := controlledOpts("random", t.TempDir())
	o.MaxSteps = 300
	res := checks.Run(t, s, o)
	require.NotNil(t, res.Failure)
	assert.Equal(t, checks.Livelock, res.Verdict)
	assert.Regexp(t, `Livelock: the execution ends by repeating these 1 steps, \d+ times over:\n  client \d: atomic-load atomic#1`, res.Failure.Report)
	assert.Contains(t, res.Failure.Report, "store(3) … never returned")
}

// readJSON returns the top-level fields of a history file.
func readJSON(t *testing.T, path string) map[string]json.RawMessage {
	t.Helper()
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	if !filepath.IsAbs(path) {
		path = filepath.Join(root, path)
	}
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(data, &m))
	return m
}

func TestControlled_InconsistentLockOrderIsAPotentialDeadlock(t *testing.T) {
	s := checks.Structure[*lockPair, models.RegisterInput, models.RegisterOutput]{
		Name: "lock-pair", Model: models.Register, New: func() *lockPair { return new(lockPair) },
		Ops: registerOps[*lockPair](),
	}
	res := checks.Run(t, s, controlledOpts("random", t.TempDir()))
	require.NotNil(t, res.Failure)
	assert.Equal(t, checks.PotentialDeadlock, res.Verdict)
	report := res.Failure.Report
	assert.Contains(t, report, "Potential deadlock: the locks were taken in orders that form a cycle of 2.")
	assert.Regexp(t, `client \d took mutex#\d at controlled_test.go:\d+ \(checks_test.\(\*lockPair\).Load\)\n    while holding mutex#\d, taken at controlled_test.go:\d+`, report)
	assert.Contains(t, report, "lockPair).Store")
	assert.Contains(t, report, "Schedule: 6 decisions, 0 preemptions", "no interleaving is needed: one call after the other shows it")
	assert.True(t, checks.Deadlock.Satisfies(checks.PotentialDeadlock))
}

func TestControlled_ReplayGivesTheSameInterleaving(t *testing.T) {
	s := checks.Structure[*lockPair, models.RegisterInput, models.RegisterOutput]{
		Name: "lock-pair", Model: models.Register, New: func() *lockPair { return new(lockPair) },
		Ops: registerOps[*lockPair](),
	}
	out := t.TempDir()
	o := controlledOpts("pct", out)
	o.IgnoreLockOrder = true
	res := checks.Run(t, s, o)
	require.NotNil(t, res.Failure)
	want := readJSON(t, res.Failure.HistoryFile)
	require.Contains(t, want, "schedule")
	for range 3 {
		o := controlledOpts("stress", out) // the file's schedule wins over the strategy
		o.Replay, o.IgnoreLockOrder = res.Failure.HistoryFile, true
		again := checks.Run(t, s, o)
		require.NotNil(t, again.Failure, "the replay did not fail")
		assert.Equal(t, res.Verdict, again.Verdict)
		assert.Equal(t, reporttest.Replayable(res.Failure.Report), reporttest.Replayable(again.Failure.Report),
			"the same history, schedule and interleaving")
		assert.Equal(t, res.Seed, again.Seed, "a replay reports the recorded seed")
		assert.Equal(t, res.Failure.HistoryFile, again.Failure.HistoryFile, "a replay points at the file it replayed")
		assert.Equal(t, 1, again.Executions)
	}
	assert.Equal(t, want, readJSON(t, res.Failure.HistoryFile), "a replay leaves the file as it was")
	written, err := filepath.Glob(filepath.Join(out, "*"))
	require.NoError(t, err)
	assert.Len(t, written, 3, "a replay writes no files: only the first failure's json, view and porcupine's view")
}

func TestControlled_BoundedSearchExhaustsSmallScenarios(t *testing.T) {
	o := checks.Options{Strategy: "bounded", Clients: 2, OpsPerClient: 2, InitOps: -1, PostOps: -1,
		Scenarios: 5, Budget: time.Minute, OutDir: t.TempDir(), Seed: 3}
	res := checks.Check(t, boxStructure("box", func() *box { return new(box) }), o)
	assert.Equal(t, checks.Ok, res.Verdict)
	assert.Equal(t, 5, res.Scenarios)
	assert.Equal(t, 5, res.Exhausted, "every scenario of 2 clients × 2 calls has few schedules with 2 preemptions")
	assert.Greater(t, res.Executions, res.Scenarios)
}

func TestControlled_PortfolioReportsTheFirstFailure(t *testing.T) {
	s := checks.Structure[*lockPair, models.RegisterInput, models.RegisterOutput]{
		Name: "lock-pair", Model: models.Register, New: func() *lockPair { return new(lockPair) },
		Ops: registerOps[*lockPair](),
	}
	// In the workers, -weft.strategy names their own strategy and beats
	// this one.
	o := controlledOpts("portfolio", t.TempDir())
	o.IgnoreLockOrder = true
	res := checks.Run(t, s, o)
	require.NotNil(t, res.Failure, "the deadlock was not found")
	assert.Equal(t, checks.Deadlock, res.Verdict)
	assert.Regexp(t, `strategy (pct|random|bounded)\)`, res.Failure.Report)
	assert.Positive(t, res.Executions)
}

func TestControlled_PortfolioPassesACorrectStructure(t *testing.T) {
	o := controlledOpts("portfolio", t.TempDir())
	o.Budget = time.Second
	res := checks.Check(t, boxStructure("box", func() *box { return new(box) }), o)
	assert.Equal(t, checks.Ok, res.Verdict)
	assert.Positive(t, res.Executions)
}

func TestControlled_BlockingOutsideTheShimsIsAHang(t *testing.T) {
	gate := make(chan struct{})
	var std stdsync.Mutex
	std.Lock()
	defer func() {
		close(gate) // release the stuck clients
		std.Unlock()
		goleak.VerifyNone(t, goleak.IgnoreCurrent())
	}()
	for _, tc := range []struct {
		name, what string
		block      func()
	}{
		{"channel", "a plain channel receive", func() { <-gate }},
		{"mutex", "a standard sync.Mutex lock", func() { std.Lock() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := boxStructure("stuck-load", func() *box {
				return &box{onLoad: func() int { tc.block(); return 0 }} // outside control
			})
			o := controlledOpts("random", t.TempDir())
			o.HangTimeout = time.Minute // the diagnosis must not wait for the watchdog
			start := time.Now()
			res := checks.Run(t, s, o)
			require.NotNil(t, res.Failure)
			assert.Less(t, time.Since(start), 10*time.Second)
			assert.Equal(t, checks.Hang, res.Verdict)
			report := res.Failure.Report
			assert.Contains(t, report, "load() … never returned")
			assert.Regexp(t, `Under control, (main \(in init\)|client \d) blocks in `+tc.what+` at controlled_test.go:\d+ \(checks_test.TestControlled_BlockingOutsideTheShimsIsAHang.func\d+\), outside weft's scheduling points`, report)
			assert.Contains(t, report, "box).Load", "the stuck call's stack is printed")
			assert.NotContains(t, report, "Every other goroutine", "only the stuck goroutine's stack")
			assert.NotContains(t, report, "stress run")
		})
	}
}

func TestControlled_ComputingLongIsNoBlockingOutsideTheShims(t *testing.T) {
	var slow atomic.Bool
	s := boxStructure("slow-load", func() *box {
		return &box{onLoad: func() int {
			if slow.CompareAndSwap(false, true) {
				for start := time.Now(); time.Since(start) < time.Second; {
				}
			}
			return 0
		}}
	})
	o := controlledOpts("random", t.TempDir())
	o.HangTimeout = 5 * time.Second
	o.Budget = 2 * time.Second
	res := checks.Check(t, s, o)
	assert.Equal(t, checks.Ok, res.Verdict)
	assert.True(t, slow.Load(), "no load ran")
}
