// Package plaintest runs a package's own tests, plain Go rewritten by
// package rewrite, as weft programs. It is what the test files that
// `weft test` generates call; a user has no reason to import it.
//
// Each test becomes a [checks.Program] checked once per strategy, as a
// subtest named after the strategy. The test receives that subtest's
// *testing.T, so its messages land in the subtest's log, and:
//
//   - the test runs on a goroutine of its own, started by sched.Go, so that
//     t.FailNow (t.Fatal) and t.SkipNow, which end the goroutine by
//     runtime.Goexit, end only that goroutine;
//   - an execution in which the test failed (t.Error, t.Fatal) panics with
//     the test's name: weft reports it as a Panic, with its schedule, and
//     the test's own messages are in the log above the report. A test
//     fails for good once failed, so weft cannot tell later executions'
//     failures apart: minimization keeps the schedule as found;
//   - a skipped test (t.Skip) makes every execution pass, and the subtest
//     reports the skip;
//   - t.Parallel would wait for the parent test to end, forever: weft test
//     removes the calls from the rewritten test (the strategies are the
//     concurrency), and t.Run, whose subtests run on goroutines of package
//     testing outside weft's control, makes the test one that cannot be
//     run ([NotRun]). A t.Run reached through a helper is not seen
//     statically, and its body runs outside control: weft test sees the
//     subtests in go test's output and makes the check a "t.Run" failure.
package plaintest

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/checks/sched/sync"
)

// StrategiesEnv names the variable that lists the strategies, separated by
// commas; unset, they are stress then portfolio.
const StrategiesEnv = "WEFT_TEST_STRATEGIES"

// Strategies are the strategies Run checks a test under.
func Strategies() []string {
	if s := os.Getenv(StrategiesEnv); s != "" {
		return strings.Split(s, ",")
	}
	return []string{"stress", "portfolio"}
}

// Run checks test, named name, as a program under each strategy, in a
// subtest per strategy.
func Run(t *testing.T, name string, test func(*testing.T)) {
	for _, s := range Strategies() {
		t.Run(s, func(t *testing.T) {
			checks.Check(t, checks.Program(name, Body(t, name, test)), Options(s))
		})
	}
}

// Options are the options of a test's check under strategy: a test runs
// longer than a structure's operation (x/sync's TestWeighted takes 10000
// sleeps), so the watchdog waits 30s before it calls an execution a hang,
// and a controlled execution takes up to 1<<20 steps before it is called a
// livelock. -weft.hang and -weft.maxsteps (WEFT_HANG, WEFT_MAXSTEPS)
// change them.
func Options(strategy string) checks.Options {
	return checks.Options{Strategy: strategy, HangTimeout: 30 * time.Second, MaxSteps: 1 << 20}
}

// NotRun is the test of one that weft cannot run, for reason: it fails,
// since a test weft did not check must not read as one that passed.
func NotRun(t *testing.T, name, reason string) {
	t.Fatalf("weft test: %s not run: %s", name, reason)
}

// Body is the program that runs test with t once and panics when the test
// failed in this execution.
func Body(t *testing.T, name string, test func(*testing.T)) func() {
	return func() {
		failed := t.Failed()
		returned := false
		var wg sync.WaitGroup
		wg.Add(1)
		sched.Go(func() {
			defer wg.Done()
			test(t)
			returned = true
		})
		wg.Wait()
		switch {
		case !failed && t.Failed() && !returned:
			panic(fmt.Sprintf("%s failed and stopped (t.Fatal or t.FailNow; its message is in the log above)", name))
		case !failed && t.Failed():
			panic(fmt.Sprintf("%s failed (t.Error; its message is in the log above)", name))
		}
	}
}
