package checks

import (
	"flag"
	"fmt"
	"hash/maphash"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"pgregory.net/rapid"

	"github.com/weftlab/weft/internal/repro"
)

// runMu makes checks run one at a time in a process: an execution installs
// its scheduler for every goroutine, and uses every core.
var runMu sync.Mutex

// runner is one check in progress.
type runner struct {
	tb    testing.TB
	tg    *target
	cfg   config
	x     *executor
	strat strategy

	start, deadline time.Time
	scenarios       int
	executions      int
	unknowns        int
	exhausted       int   // scenarios whose schedules bounded search exhausted
	reach           reach // how close executions came to each bound
	escaped         error // a goroutine escaped control: the search stops with it

	// failures remembers every scenario that failed, so that rapid finds
	// the same failure each time it replays a scenario: a stress failure
	// need not happen again on a rerun, and rapid must not call it flaky.
	failures       map[string]*failure
	found          *failure  // the first failure
	last           *failure  // the failure of the scenario rapid ran last
	shrinkDeadline time.Time // after it, untried scenarios count as passing
	hung           bool      // an execution hung: its goroutines are stuck

	lastProgress   time.Time // when the last progress row was written (progress.go)
	progressBroken bool      // the progress file could not be written: no more rows
}

func newRunner(tb testing.TB, tg *target, cfg config) *runner {
	return &runner{
		tb: tb, tg: tg, cfg: cfg,
		x:        &executor{tg: tg, cfg: cfg, test: tb.Name()},
		strat:    cfg.desc().newStrategy(cfg),
		failures: map[string]*failure{},
		reach:    reach{},
	}
}

// search draws scenarios until one fails, the budget is spent or the
// scenario cap is reached. Each scenario is one rapid check, so that rapid
// shrinks a failing scenario right away.
func (r *runner) search() (*failure, error) {
	r.start = time.Now()
	r.deadline = r.start.Add(r.cfg.budget)
	defer r.progress(true)
	for k := 0; r.cfg.scenarios == 0 || k < r.cfg.scenarios; k++ {
		if !time.Now().Before(r.deadline) {
			break
		}
		if r.tg.program && r.exhausted > 0 {
			break // its schedules are exhausted, and every scenario of a program is the same
		}
		seed := scenarioSeed(r.cfg.seed, k)
		tb := &rapidTB{name: r.tb.Name(), verbose: r.cfg.verbose, log: r.tb.Logf}
		withRapidFlags(seed, r.cfg.shrinkTime, func() { rapid.Check(tb, r.property(seed)) })
		if r.escaped != nil {
			return nil, r.escaped
		}
		if tb.failed {
			if r.last == nil {
				return nil, fmt.Errorf("rapid failed without a weft failure: %s", strings.Join(tb.errors, "\n"))
			}
			return r.last, nil
		}
	}
	return nil, nil
}

// property is the rapid property of scenario seed: draw a scenario and
// execute it cfg.executions times; any failing execution falsifies it.
func (r *runner) property(seed uint64) func(*rapid.T) {
	return func(rt *rapid.T) {
		sc := drawScenario(rt, r.tg, r.cfg)
		// One call site for every failure: rapid compares tracebacks to
		// decide that a replayed failure is the same failure.
		if f := r.outcome(sc, seed); f != nil {
			rt.Fatalf("weft: %s", f.verdict)
		}
	}
}

// outcome returns the failure of sc: the one remembered from an earlier run,
// or the first of its executions that fails, or nil.
func (r *runner) outcome(sc scenario, seed uint64) *failure {
	key := sc.key()
	if f, ok := r.failures[key]; ok {
		r.last = f
		return f
	}
	if r.escaped != nil {
		return nil
	}
	if r.found != nil && (r.hung || !time.Now().Before(r.shrinkDeadline)) {
		// Shrinking is out of time, or an execution hung: its goroutines
		// are stuck for good, and every further hang would cost the hang
		// timeout and bury its stacks under more stuck goroutines. Keep
		// the smallest failure so far.
		return nil
	}
	if r.found == nil {
		r.scenarios++
	}
	r.strat.scenario(sc)
	limit := r.cfg.desc().perScenario(r.cfg)
	if r.tg.program && r.cfg.desc().enumerates {
		limit = math.MaxInt
	}
	for i := range limit {
		if r.found == nil && !time.Now().Before(r.deadline) {
			return nil
		}
		if r.found != nil && !time.Now().Before(r.shrinkDeadline) {
			return nil // shrinking is out of time within a scenario of thousands of schedules
		}
		e := r.strat.execute(r.x, executionSeed(seed, i))
		if r.escaped = e.escapedControl(); r.escaped != nil {
			return nil
		}
		if r.found == nil {
			r.executions++
		}
		r.progress(false)
		r.hung = r.hung || e.hang != nil
		if e.control != nil && r.found == nil {
			r.reach.add(e.control.reached, &r.cfg)
		}
		v := r.tg.judge(e, r.cfg.checkTimeout)
		if v == Unknown && r.cfg.allowUnknown {
			r.unknowns++
		} else if v.Failed(r.cfg.allowUnknown) {
			f := &failure{verdict: v, sc: sc, exec: e, execIndex: i}
			r.failures[key] = f
			r.last = f
			if r.found == nil {
				r.found = f
				r.shrinkDeadline = time.Now().Add(r.cfg.shrinkTime)
			}
			return f
		}
		if r.strat.exhausted() {
			if r.found == nil {
				r.exhausted++
			}
			return nil
		}
	}
	return nil
}

// finish completes a failure for reporting: where linearization got stuck,
// the files and the reproduction command. It returns the report.
func (r *runner) finish(f *failure) string {
	if f.verdict == Hang && f.exec.control == nil && f.exec.hang != nil && !f.exec.hang.controlled {
		r.diagnose(f)
	}
	if f.exec.control != nil && !f.replayed {
		r.minimize(f)
	}
	ops := r.tg.operations(f.exec)
	_, info := porcupine.CheckOperationsVerbose(r.tg.checker, ops, r.cfg.checkTimeout)
	if f.verdict == NotLinearizable {
		f.stuck = r.tg.explainStuck(f.exec.history, ops, info)
	}
	if r.cfg.replay != "" {
		r.replayFiles(f)
		f.repro = r.reproCommand(f)
		return r.report(f)
	}
	r.plan(f)
	f.repro = r.reproCommand(f)
	report := r.report(f)
	if err := r.write(f, report, info); err != nil {
		f.files.err = err
		report = r.report(f)
	}
	return report
}

// reproCommand is the one go test command that reruns f's scenario.
func (r *runner) reproCommand(f *failure) string {
	_, pkg := moduleRoot()
	strategy := ""
	if f.exec.control == nil && r.cfg.strategy != defaults().strategy {
		strategy = r.cfg.strategy
	}
	args := repro.GoTestArgs(pkg, r.tb.Name(), f.files.history, strategy)
	if o := os.Getenv(repro.OverlayEnv); o != "" {
		args = slices.Insert(args, 1, "-overlay="+o)
	}
	return repro.ShellCommand(args)
}

// scenarioSeed derives the rapid seed of the k-th scenario. rapid reads 0
// as "random", so it is never 0.
func scenarioSeed(base uint64, k int) uint64 {
	s := splitmix(base ^ splitmix(uint64(k)+1))
	if s == 0 {
		s = 1
	}
	return s
}

func executionSeed(scenarioSeed uint64, i int) uint64 {
	return splitmix(scenarioSeed + uint64(i)*0x9e3779b97f4a7c15)
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// randomSeed picks a seed when none was given.
func randomSeed() uint64 {
	for {
		if s := new(maphash.Hash).Sum64(); s != 0 {
			return s
		}
	}
}

// withRapidFlags runs fn with rapid's settings for one weft scenario: one
// check, the given seed and shrink time, and no fail files (weft writes its
// own). rapid reads them from its flags only; runMu keeps other checks away,
// and the previous values are restored.
func withRapidFlags(seed uint64, shrink time.Duration, fn func()) {
	checks := "1"
	if testing.Testing() && testing.Short() {
		checks = "5" // rapid divides its checks by 5 under -short
	}
	set := map[string]string{
		"rapid.checks":     checks,
		"rapid.seed":       fmt.Sprint(seed),
		"rapid.nofailfile": "true",
		"rapid.shrinktime": shrink.String(),
	}
	old := map[string]string{}
	for name, v := range set {
		f := flag.Lookup(name)
		if f == nil {
			panic("weft: rapid has no flag -" + name)
		}
		old[name] = f.Value.String()
		if err := flag.Set(name, v); err != nil {
			panic("weft: " + err.Error())
		}
	}
	defer func() {
		for name, v := range old {
			_ = flag.Set(name, v)
		}
	}()
	fn()
}

// rapidTB is the testing.TB rapid reports to: weft turns rapid's verdict into
// its own report, so rapid's messages are kept, and logged only in verbose
// mode.
type rapidTB struct {
	name    string
	verbose bool
	log     func(format string, args ...any)
	failed  bool
	errors  []string
}

func (t *rapidTB) Helper()                          {}
func (t *rapidTB) Name() string                     { return t.name }
func (t *rapidTB) Logf(string, ...any)              {} // rapid's progress: one line per scenario
func (t *rapidTB) Log(...any)                       {}
func (t *rapidTB) Skipf(format string, args ...any) { t.Errorf(format, args...) }
func (t *rapidTB) Skip(args ...any)                 { t.Error(args...) }
func (t *rapidTB) SkipNow()                         { t.Fail() }
func (t *rapidTB) Errorf(format string, args ...any) {
	t.failed = true
	t.errors = append(t.errors, fmt.Sprintf(format, args...))
	if t.verbose {
		t.log(format, args...)
	}
}
func (t *rapidTB) Error(args ...any)                 { t.Errorf("%s", fmt.Sprint(args...)) }
func (t *rapidTB) Fatalf(format string, args ...any) { t.Errorf(format, args...) }
func (t *rapidTB) Fatal(args ...any)                 { t.Error(args...) }
func (t *rapidTB) FailNow()                          { t.failed = true }
func (t *rapidTB) Fail()                             { t.failed = true }
func (t *rapidTB) Failed() bool                      { return t.failed }

// useAllCores makes the stress strategy run on every CPU, as GOMAXPROCS may
// have been lowered; it returns the function that restores it.
func useAllCores() func() {
	prev := runtime.GOMAXPROCS(0)
	if n := runtime.NumCPU(); prev < n {
		runtime.GOMAXPROCS(n)
		return func() { runtime.GOMAXPROCS(prev) }
	}
	return func() {}
}
