package checks

import (
	"fmt"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// Result is the outcome of a check.
type Result struct {
	// Structure is the structure's name.
	Structure string
	// Verdict is Ok, the verdict of the failure found, or Unknown when some
	// histories could not be checked in time and Options.AllowUnknown let
	// the check go on; "" under -weft.judge, when no check searches (the
	// weft command's judging of a history file: see the package doc).
	Verdict Verdict
	// Scenarios and Executions count what was run while searching (not
	// while shrinking); Unknowns counts executions whose check timed out.
	Scenarios, Executions, Unknowns int
	// Exhausted counts the scenarios whose every schedule within the
	// preemption bound the bounded strategy explored: for them, the check
	// is a proof, not a sample.
	Exhausted int
	// Bounds says, for each bound of Options.Bounds, how close the
	// controlled executions of the search came to it (nil when none ran):
	// for "bypass", the most times one goroutine took a lock while one
	// waiter waited for it; for "inversion", the most steps one
	// lower-priority goroutine took while a higher-priority one waited for
	// a lock it could not help release.
	Bounds map[string]Reach
	// Elapsed is the time the check took, shrinking included.
	Elapsed time.Duration
	// Seed is the seed used; pass it as Options.Seed (or -weft.seed) to
	// draw the same scenarios again.
	Seed uint64
	// Failure describes the failure found, or is nil.
	Failure *Failure

	// judged says that the check did not search: -weft.judge was set
	// (judged.go). Check and Expect pass; Verdict is "".
	judged bool
}

// Failure is a failure found by a check, minimized by rapid.
type Failure struct {
	// Report is the text report: its first line names the verdict.
	Report string
	// HistoryFile and ViewFile are the JSON history and weft's HTML view
	// (which links to porcupine's, beside it as NAME.porcupine.html),
	// relative to the module root (empty if they could not be written;
	// the report says why).
	HistoryFile, ViewFile string
	// Repro is the command that reruns the failing scenario.
	Repro string
}

// Check checks s (a [Structure]) and fails t, with a report, unless every history is
// linearizable and every call returned. The Unknown verdict fails t too,
// unless opts.AllowUnknown.
func Check(t testing.TB, s Target, opts Options) Result {
	t.Helper()
	res := run(t, s, opts, Ok)
	switch {
	case res.judged:
	case res.Failure != nil:
		t.Error(res.Failure.Report)
	case res.Verdict == Unknown:
		t.Logf("weft: %s: %d of %d histories could not be checked within the check timeout (allowed by AllowUnknown)",
			res.Structure, res.Unknowns, res.Executions)
	}
	return res
}

// Expect checks s, which is broken on purpose, and fails t unless the check
// finds a failure with verdict want within its budget. It is how weft tests
// itself: every variant of the bug zoo must be caught, with the right
// verdict. The report of the failure found is logged.
func Expect(t testing.TB, s Target, want Verdict, opts Options) Result {
	t.Helper()
	res := run(t, s, opts, want)
	switch {
	case res.judged:
	case res.Failure == nil:
		t.Errorf("weft: %s was not caught: no failure in %d scenarios, %d executions, %v (expected %s)",
			res.Structure, res.Scenarios, res.Executions, res.Elapsed.Round(time.Millisecond), want)
	case !res.Verdict.Satisfies(want):
		t.Errorf("weft: %s was caught with verdict %s, expected %s:\n%s", res.Structure, res.Verdict, want, res.Failure.Report)
	default:
		t.Logf("weft: %s caught as expected after %d scenarios, %d executions:\n%s",
			res.Structure, res.Scenarios, res.Executions, res.Failure.Report)
	}
	return res
}

// Run checks s and returns the result without judging it: Check and Expect
// are built on it. Invalid options or an invalid structure stop the test
// with t.Fatal. Run must be called from the test's own goroutine; checks in
// one process run one at a time.
func Run(t testing.TB, s Target, opts Options) Result {
	t.Helper()
	return run(t, s, opts, "")
}

// run is Run for any Target, with the verdict expected, if any, for the
// summary.
func run(tb testing.TB, s Target, opts Options, expect Verdict) Result {
	tb.Helper()
	skipUncontrolled(tb, s, opts, expect)
	t, cfg := prepare(tb, s, opts)
	if cfg.judge != "" {
		return judgeFile(tb, t, cfg)
	}
	if mine, child := raceChildOf(t.name); child {
		if !mine {
			return Result{Structure: t.name} // another check of the test is the one to serve
		}
		return serveRace(tb, t, cfg)
	}
	if cfg.seed == 0 {
		cfg.seed = randomSeed()
	}

	start := time.Now()
	var res Result
	if cfg.desc().members != nil && cfg.replay == "" {
		var err error
		if res, err = runPortfolio(tb, t, cfg, expect); err != nil {
			tb.Errorf("weft: %s: %v", t.name, err)
		}
	} else {
		res = search(tb, t, cfg)
	}
	res.Elapsed = time.Since(start)
	if cfg.verbose {
		tb.Logf("weft: %s: %s after %d scenarios (%d exhausted), %d executions, %v (seed %d)",
			t.name, res.Verdict, res.Scenarios, res.Exhausted, res.Executions, res.Elapsed.Round(time.Millisecond), cfg.seed)
	}
	if err := reportToPortfolio(res, cfg.strategy); err != nil {
		tb.Errorf("weft: could not report to the portfolio: %v", err)
	}
	if cfg.summary != "" {
		if err := appendSummary(cfg.summary, tb.Name(), res, expect, cfg, ""); err != nil {
			tb.Errorf("weft: could not append to the summary %s: %v", cfg.summary, err)
		}
	}
	return res
}

// search runs the check in this process: a replay, or a search for a
// failure and its report.
func search(tb testing.TB, tg *target, cfg config) Result {
	tb.Helper()
	runMu.Lock()
	defer runMu.Unlock()
	defer useAllCores()()

	r := newRunner(tb, tg, cfg)
	defer r.strat.close()
	var (
		f   *failure
		err error
	)
	if cfg.replay != "" {
		f, err = r.replay()
	} else {
		f, err = r.search()
	}
	if err != nil {
		tb.Fatalf("weft: %s: %v", tg.name, err)
	}
	res := Result{
		Structure: tg.name, Verdict: Ok, Seed: r.cfg.seed, // a replay's is the file's
		Scenarios: r.scenarios, Executions: r.executions, Unknowns: r.unknowns, Exhausted: r.exhausted,
		Bounds: r.reach.result(),
	}
	if r.unknowns > 0 {
		res.Verdict = Unknown
	}
	if f != nil {
		report := r.finish(f)
		res.Verdict = f.verdict
		res.Failure = &Failure{Report: report, HistoryFile: f.files.history, ViewFile: f.files.view, Repro: f.repro}
	}
	return res
}

// prepare resolves the options and the structure of a check, or stops the
// test with what is wrong with them.
func prepare(tb rapid.TB, s Target, opts Options) (*target, config) {
	tb.Helper()
	cfg, err := resolveForTest(opts)
	if err != nil {
		tb.Fatalf("weft: invalid options: %v", err)
	}
	tg, err := s.target()
	if err != nil {
		kind := "structure"
		if _, ok := s.(program); ok {
			kind = "program"
		}
		tb.Fatalf("weft: invalid %s: %v", kind, err)
	}
	return tg, cfg
}

// String is a one-line account of r.
func (r Result) String() string {
	return fmt.Sprintf("%s: %s (%d scenarios, %d executions, %v)",
		r.Structure, r.Verdict, r.Scenarios, r.Executions, r.Elapsed.Round(time.Millisecond))
}
