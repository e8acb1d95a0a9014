package checks_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/internal/reporttest"
	"github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/checks/sched/sync"
)

// The programs of these tests are test bodies as a user writes them
// against the shims.

// lockOrderDeadlock: two goroutines take two locks in opposite orders.
func lockOrderDeadlock() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	sched.Go(func() { defer wg.Done(); a.Lock(); b.Lock(); b.Unlock(); a.Unlock() })
	sched.Go(func() { defer wg.Done(); b.Lock(); a.Lock(); a.Unlock(); b.Unlock() })
	wg.Wait()
}

// lockOrderSurvived takes the same two locks in opposite orders, one
// goroutine after the other: no execution deadlocks, but the orders form
// a cycle.
func lockOrderSurvived() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Add(1)
	sched.Go(func() { defer wg.Done(); a.Lock(); b.Lock(); b.Unlock(); a.Unlock() })
	wg.Wait()
	b.Lock()
	a.Lock()
	a.Unlock()
	b.Unlock()
}

// leakyWorker returns while its worker waits for a job nobody sends.
func leakyWorker() {
	jobs := sched.NewChan[int](0)
	sched.Go(func() { jobs.Recv() })
}

// sleeper returns while its goroutine sleeps: once the sleep is over, the
// goroutine ends, so it is no leak.
func sleeper() {
	done := sched.NewChan[int](1)
	sched.Go(func() { sched.Sleep(time.Second); done.Send(1) })
}

func sendOnClosed() {
	ch := sched.NewChan[int](1)
	ch.Close()
	var wg sync.WaitGroup
	wg.Add(1)
	sched.Go(func() { defer wg.Done(); ch.Send(1) })
	wg.Wait()
}

func doubleClose() {
	ch := sched.NewChan[int](0)
	sched.Go(func() { ch.Close() })
	ch.RecvOK()
	ch.Close()
}

// negativeWaitGroup's main does not wait on the WaitGroup its goroutine
// corrupts: once Done has panicked, the counter is -1 and a Wait would
// block for good, leaving a goroutine behind in a stress execution.
func negativeWaitGroup() {
	var wg sync.WaitGroup
	done := sched.NewChan[struct{}](0)
	sched.Go(func() {
		defer done.Close()
		wg.Done()
	})
	done.RecvOK()
}

// producerConsumer is correct: a producer, two consumers draining a
// closed channel, and a WaitGroup for the consumers.
func producerConsumer() {
	jobs := sched.NewChan[int](2)
	var (
		mu  sync.Mutex
		sum int
		wg  sync.WaitGroup
	)
	sched.Go(func() {
		for i := range 4 {
			jobs.Send(i)
		}
		jobs.Close()
	})
	for range 2 {
		wg.Add(1)
		sched.Go(func() {
			defer wg.Done()
			for v := range jobs.All() {
				mu.Lock()
				sum += v
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if sum != 6 {
		panic("lost a job")
	}
}

var controlledStrategies = []string{"random", "pct", "bounded"}

func TestProgram_CorrectProgramPassesEveryStrategy(t *testing.T) {
	for _, s := range append([]string{"stress"}, append(controlledStrategies, "portfolio")...) {
		o := controlledOpts(s, t.TempDir())
		o.Scenarios, o.Executions = 2, 50 // a passing check otherwise searches for its whole budget
		res := checks.Check(t, checks.Program("producer-consumer", producerConsumer), o)
		assert.Equal(t, checks.Ok, res.Verdict, s)
		assert.Positive(t, res.Executions, s)
	}
}

func TestProgram_SleepingGoroutineIsNoLeak(t *testing.T) {
	for _, s := range controlledStrategies {
		o := controlledOpts(s, t.TempDir())
		o.Scenarios = 2 // a passing check otherwise searches for its whole budget
		res := checks.Check(t, checks.Program("sleeper", sleeper), o)
		assert.Equal(t, checks.Ok, res.Verdict, s)
	}
}

// TestProgram_LeakAfterTheTimersFired: the goroutine wakes from its sleep
// once the program has returned, then waits for good: a leak, found where
// it waits after the sleep.
func TestProgram_LeakAfterTheTimersFired(t *testing.T) {
	res := checks.Expect(t, checks.Program("late-leak", func() {
		never := sched.NewChan[int](0)
		sched.Go(func() { sched.Sleep(time.Second); never.Recv() })
	}), checks.Leak, controlledOpts("random", t.TempDir()))
	require.NotNil(t, res.Failure)
	assert.Contains(t, res.Failure.Report, "waiting at chan-recv chan#1")
	assert.Contains(t, res.Failure.Report, "virtual time jumps to +1s")
}

func TestProgram_LockOrderDeadlockShowsTheCycle(t *testing.T) {
	for _, s := range append(controlledStrategies, "portfolio") {
		o := controlledOpts(s, t.TempDir())
		o.IgnoreLockOrder = true // an execution that goes through is then no failure
		res := checks.Expect(t, checks.Program("lock-order", lockOrderDeadlock), checks.Deadlock, o)
		require.NotNil(t, res.Failure, s)
		report := res.Failure.Report
		assert.True(t, strings.HasPrefix(report, "weft: deadlock: lock-order\n"), report)
		assert.Contains(t, report, "Program lock-order (seed ")
		assert.Regexp(t, `The cycle: goroutine \d \(started by main\) → goroutine \d \(started by main\) → goroutine \d`, report, "the wait-for cycle")
		assert.Contains(t, report, "-weft.replay=", "the reproduce command")
	}
}

func TestProgram_LockOrderCycleThatThisExecutionSurvived(t *testing.T) {
	for _, s := range controlledStrategies {
		res := checks.Expect(t, checks.Program("lock-order-survived", lockOrderSurvived), checks.PotentialDeadlock,
			controlledOpts(s, t.TempDir()))
		require.NotNil(t, res.Failure, s)
		assert.Equal(t, checks.PotentialDeadlock, res.Verdict, s)
		assert.Contains(t, res.Failure.Report, "Potential deadlock: the locks were taken in orders that form a cycle of 2.")
	}
}

func TestProgram_LeakShowsWhereTheGoroutineWaits(t *testing.T) {
	for _, s := range controlledStrategies {
		res := checks.Expect(t, checks.Program("leaky-worker", leakyWorker), checks.Leak, controlledOpts(s, t.TempDir()))
		require.NotNil(t, res.Failure, s)
		assert.Contains(t, res.Failure.Report, "was still alive after the execution ended, waiting at chan-recv chan#1", s)
		assert.Contains(t, res.Failure.Report, "leakyWorker", "the leaked goroutine's stack")
	}
}

func TestProgram_PanicsAreReportedWithTheirMessage(t *testing.T) {
	for _, tc := range []struct {
		name string
		fn   func()
		msg  string
	}{
		{"send-on-closed", sendOnClosed, "send on closed channel"},
		{"double-close", doubleClose, "close of closed channel"},
		{"negative-waitgroup", negativeWaitGroup, "sync: negative WaitGroup counter"},
	} {
		for _, s := range append([]string{"stress"}, controlledStrategies...) {
			res := checks.Expect(t, checks.Program(tc.name, tc.fn), checks.Panic, controlledOpts(s, t.TempDir()))
			require.NotNil(t, res.Failure, "%s under %s", tc.name, s)
			assert.Contains(t, res.Failure.Report, ": "+tc.msg+"\n", "%s under %s", tc.name, s)
		}
	}
}

func TestProgram_ControlledFailureReplaysExactly(t *testing.T) {
	out := t.TempDir()
	o := controlledOpts("pct", out)
	o.IgnoreLockOrder = true
	p := checks.Program("lock-order", lockOrderDeadlock)
	res := checks.Run(t, p, o)
	require.NotNil(t, res.Failure)
	require.Equal(t, checks.Deadlock, res.Verdict)
	for range 3 {
		o := controlledOpts("stress", out) // the file's schedule wins over the strategy
		o.Replay, o.IgnoreLockOrder = res.Failure.HistoryFile, true
		again := checks.Run(t, p, o)
		require.NotNil(t, again.Failure, "the replay did not fail")
		assert.Equal(t, res.Verdict, again.Verdict)
		assert.Equal(t, reporttest.Replayable(res.Failure.Report), reporttest.Replayable(again.Failure.Report),
			"the same schedule and interleaving")
		assert.Equal(t, 1, again.Executions)
	}
}

// racyCounter: two goroutines increment a counter without a lock.
func racyCounter() {
	n := 0
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		sched.Go(func() { defer wg.Done(); sched.Yield(); n++ })
	}
	wg.Wait()
}

func TestProgram_DataRaceUnderStressRace(t *testing.T) {
	res := checks.Expect(t, checks.Program("racy-counter", racyCounter), checks.DataRace, raceOpts(t.TempDir()))
	require.NotNil(t, res.Failure)
	report := res.Failure.Report
	assert.Contains(t, report, "Data race, as the race detector reported it")
	assert.Regexp(t, `\n  (Read|Write) at 0x[0-9a-f]+ by goroutine \d+:\n    .*racyCounter\.func1`, report, "the racing access")
	assert.Contains(t, report, "-weft.strategy=stress+race", "the repro command runs the same strategy")
}

// TestProgram_LeakUnderStress: on real cores, the goroutine left waiting
// is found once the grace period is over. Each execution leaves one
// behind for good; closing the channel afterwards lets them all end.
func TestProgram_LeakUnderStress(t *testing.T) {
	jobs := sched.NewChan[int](0)
	defer jobs.Close()
	res := checks.Expect(t, checks.Program("leaky-worker", func() { sched.Go(func() { jobs.RecvOK() }) }),
		checks.Leak, quick(t.TempDir()))
	require.NotNil(t, res.Failure)
	assert.Contains(t, res.Failure.Report, "Leak: goroutine started by the program")
	assert.Contains(t, res.Failure.Report, "TestProgram_LeakUnderStress.func1.1", "the leaked goroutine's stack")
}

// TestProgram_BlockedOutsideTheShimsIsAHang: a program that waits on a
// plain channel escapes weft's points: under stress and under control the
// watchdog stops it. Closing the channel afterwards lets it end.
func TestProgram_BlockedOutsideTheShimsIsAHang(t *testing.T) {
	stuck := make(chan struct{})
	defer close(stuck)
	for _, s := range []string{"stress", "random"} {
		o := controlledOpts(s, t.TempDir())
		o.HangTimeout = 200 * time.Millisecond
		res := checks.Expect(t, checks.Program("stuck", func() { <-stuck }), checks.Hang, o)
		require.NotNil(t, res.Failure, s)
		assert.Contains(t, res.Failure.Report, "TestProgram_BlockedOutsideTheShimsIsAHang.func1", "%s: where it waits", s)
	}
}

// TestProgram_StressHangIsDiagnosedAsADeadlock: on real cores a deadlock
// is a hang; run again under control, it shows who waits for whom. The
// channels are made outside the program so that closing pong afterwards
// lets the stuck goroutines end: the goroutine then sends to main.
func TestProgram_StressHangIsDiagnosedAsADeadlock(t *testing.T) {
	ping, pong := sched.NewChan[int](0), sched.NewChan[int](0)
	defer pong.Close()
	o := quick(t.TempDir())
	o.HangTimeout = 200 * time.Millisecond
	res := checks.Expect(t, checks.Program("ping-pong", func() {
		sched.Go(func() { pong.RecvOK(); ping.Send(1) })
		ping.RecvOK()
	}), checks.Deadlock, o)
	require.NotNil(t, res.Failure)
	report := res.Failure.Report
	assert.Contains(t, report, "Found as a hang under stress (the program phase did not finish within 200ms)")
	assert.Contains(t, report, "main waits at chan-recv chan#1")
	assert.Contains(t, report, "goroutine 1 (started by main) waits at chan-recv chan#2")
}

// TestProgram_SequentialRefusesIt: a program has no calls to make one at a
// time; Sequential says so instead of passing on zero calls.
func TestProgram_SequentialRefusesIt(t *testing.T) {
	fatal := reporttest.FatalOf(t, func(tb testing.TB) {
		checks.Sequential(tb, checks.Program("nothing-to-call", func() {}), checks.Options{})
	})
	assert.Contains(t, fatal, "weft: nothing-to-call is a program: it has no operations to call one by one (check it with Check)")
}

// TestProgram_BoundedSearchesOneScenarioToItsEnd: every scenario of a
// program is the same, so bounded search explores the first one past the
// per-scenario cap, to the end of its space, and stops there, where new
// scenarios would try the same schedules again.
func TestProgram_BoundedSearchesOneScenarioToItsEnd(t *testing.T) {
	o := controlledOpts("bounded", t.TempDir())
	o.Schedules = 2 // fewer than the program has
	res := checks.Check(t, checks.Program("two-lockers", func() {
		var mu sync.Mutex
		var wg sync.WaitGroup
		wg.Add(1)
		sched.Go(func() { defer wg.Done(); mu.Lock(); mu.Unlock() })
		mu.Lock()
		mu.Unlock()
		wg.Wait()
	}), o)
	assert.Equal(t, checks.Ok, res.Verdict)
	assert.Equal(t, 1, res.Scenarios)
	assert.Equal(t, 1, res.Exhausted, "the one scenario's space was searched to its end")
	assert.Greater(t, res.Executions, 2, "past the per-scenario cap")
}
