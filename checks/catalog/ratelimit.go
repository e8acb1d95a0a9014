package catalog

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/ratelimit"
	"github.com/weftlab/weft/models"
)

// The rate limiter (guide 14) is checked by programs, not by operations
// against a model: its admissions are legal or not by when they happen,
// which no linearization order of calls captures. Each program records
// every Acquire's call and return on weft's clock and states, with
// checks.Require, what models.TokenBucket judges of them, along with what
// the guide's main and Close promise. Leaks (the refill goroutine after
// Close) and waits without end (an Acquire that Close did not release)
// need no code: weft's leak, deadlock and hang verdicts see them.

// rateCapacity is the guide's bucket: 5 tokens.
const rateCapacity = 5

// ratePeriod is the refill period: the guide's 200 ms on the virtual clock
// of a controlled execution, where waiting costs nothing and the judge is
// exact. On the real clock of stress, a tenth of it, so that the guide's
// main takes 0.3 s instead of 3 s per execution; the programs scale every
// duration with it, so the guide's arithmetic (the last request meets the
// fifteenth refill at its deadline) is the same.
func ratePeriod() time.Duration {
	if virtualClock() {
		return 200 * time.Millisecond
	}
	return 20 * time.Millisecond
}

func bucketClock() models.Clock {
	if virtualClock() {
		return models.VirtualClock
	}
	return models.RealClock
}

// limiter is what the rate limiters of impls/ratelimit share.
type limiter interface {
	Acquire(ctx context.Context) error
	Close()
}

// newLimiter makes a limiter of capacity tokens refilled every period.
type newLimiter func(capacity int, period time.Duration) limiter

// acquireRecorded calls l.Acquire(ctx) for client and returns its record
// (times since start), and whether it took a token or timed out (false:
// the limiter was closed). Any other result breaks Acquire's contract.
func acquireRecorded(l limiter, ctx context.Context, client int, start time.Time) (models.BucketCall, bool) {
	call := time.Since(start)
	err := l.Acquire(ctx)
	c := models.BucketCall{Client: client, Call: call, Return: time.Since(start)}
	switch {
	case err == nil:
		c.Outcome = models.Admitted
	case errors.Is(err, context.DeadlineExceeded):
		c.Outcome = models.TimedOut
	default:
		checks.Require(errors.Is(err, ratelimit.ErrClosed),
			"Acquire returns nil, its context's error or ErrClosed: client %d got %v", client, err)
		return c, false
	}
	return c, true
}

// judgeBucket states what models.TokenBucket judges of calls.
func judgeBucket(calls []models.BucketCall, period time.Duration) {
	err := models.TokenBucket{Capacity: rateCapacity, Period: period}.Judge(calls, bucketClock())
	checks.Require(err == nil, "%v", err)
}

// guideMain is the guide's main: 20 requests at once, each with a timeout
// of 15 refill periods (3 s), on a limiter of 5 tokens. It returns how
// many were admitted. On the virtual clock, 5 are admitted at once and one
// at each refill until 2.8 s; the last one meets the fifteenth refill at
// its deadline, 3 s, where the scheduler decides whether the token or the
// timeout wins: 19 and 20 are both legal. On the real clock a late tick
// or a late goroutine may time out more, legally.
func guideMain(newL newLimiter) int {
	period := ratePeriod()
	start := time.Now()
	l := newL(rateCapacity, period)
	defer l.Close()

	calls := make([]models.BucketCall, 20)
	var wg sync.WaitGroup
	for i := range calls {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 15*period)
			defer cancel()
			c, ok := acquireRecorded(l, ctx, id, start)
			checks.Require(ok, "the guide's main never closes the limiter before its requests end: request %d found it closed", id)
			calls[id] = c
		}(i)
	}
	wg.Wait() // every calls[i] is written before Done
	judgeBucket(calls, period)
	n := 0
	for _, c := range calls {
		if c.Outcome == models.Admitted {
			n++
		}
	}
	if virtualClock() {
		checks.Require(n == 19 || n == 20,
			"the guide's main admits 19 requests by 2.8 s, and the 20th at 3 s unless it times out then: %d admitted", n)
	}
	return n
}

// rateLastToken takes 4 of the 5 tokens, then lets 3 requests with no
// deadline race for the last one, and closes the limiter before the first
// refill: on the virtual clock one request is admitted and two get
// ErrClosed. Few goroutines and no timers keep the executions short, so
// that every strategy reaches the race.
func rateLastToken(newL newLimiter) {
	period := ratePeriod()
	start := time.Now()
	l := newL(rateCapacity, period)
	calls := make([]models.BucketCall, rateCapacity-1, rateCapacity+2)
	for i := range calls {
		c, ok := acquireRecorded(l, context.Background(), i, start)
		checks.Require(ok, "a limiter not closed yet admits: request %d found it closed", i)
		calls[i] = c
	}
	racers := make([]models.BucketCall, 3)
	admitted := make([]bool, len(racers))
	var wg sync.WaitGroup
	for i := range racers {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			racers[id], admitted[id] = acquireRecorded(l, context.Background(), len(calls)+id, start)
		}(i)
	}
	time.Sleep(period / 2) // on the virtual clock, until the race is over
	l.Close()
	wg.Wait() // every racers[i] is written before Done
	for i, c := range racers {
		if admitted[i] {
			calls = append(calls, c)
		}
	}
	judgeBucket(calls, period)
}

// rateClose empties the bucket, leaves two requests with no deadline
// waiting on it, and closes the limiter before the first refill: both
// must return (ErrClosed; on the real clock a refill may come first), and
// an Acquire after Close returns ErrClosed at once, its deadline
// notwithstanding. The refill goroutine must have ended when it returns.
func rateClose(newL newLimiter) {
	period := ratePeriod()
	start := time.Now()
	l := newL(rateCapacity, period)
	calls := make([]models.BucketCall, rateCapacity, rateCapacity+2)
	for i := range rateCapacity {
		c, ok := acquireRecorded(l, context.Background(), i, start)
		checks.Require(ok, "a limiter not closed yet admits: request %d found it closed", i)
		calls[i] = c
	}
	waiters := make([]models.BucketCall, 2)
	admitted := make([]bool, 2)
	var wg sync.WaitGroup
	for i := range waiters {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			waiters[id], admitted[id] = acquireRecorded(l, context.Background(), rateCapacity+id, start)
		}(i)
	}
	time.Sleep(period / 2) // on the virtual clock, until both wait
	l.Close()
	wg.Wait()
	for i, c := range waiters {
		if admitted[i] {
			calls = append(calls, c)
		}
	}
	judgeBucket(calls, period)

	ctx, cancel := context.WithTimeout(context.Background(), period)
	defer cancel()
	before := time.Now()
	err := l.Acquire(ctx)
	checks.Require(errors.Is(err, ratelimit.ErrClosed), "Acquire after Close returns ErrClosed: it returned %v", err)
	if virtualClock() {
		checks.Require(time.Since(before) == 0, "Acquire after Close returns at once: it took %v", time.Since(before))
	}
}

// The constructors, as newLimiter.
func newRateLimiter(capacity int, period time.Duration) limiter {
	return ratelimit.NewRateLimiter(capacity, period)
}

func newCountingLimiter(capacity int, period time.Duration) limiter {
	return ratelimit.NewCountingLimiter(capacity, period)
}

func newOverAdmitting(capacity int, period time.Duration) limiter {
	return ratelimit.NewOverAdmitting(capacity, period)
}

func newLeakyRefill(capacity int, period time.Duration) limiter {
	return ratelimit.NewLeakyRefill(capacity, period)
}

func newUnreleasing(capacity int, period time.Duration) limiter {
	return ratelimit.NewUnreleasing(capacity, period)
}

var rateLimiters = []Entry{
	programEntry[*ratelimit.RateLimiter]("14", checks.Ok, "ratelimit/guide-main", func() { guideMain(newRateLimiter) }),
	programEntry[*ratelimit.RateLimiter]("14", checks.Ok, "ratelimit/last-token", func() { rateLastToken(newRateLimiter) }).
		WithOptions(checks.Options{PreemptionBound: 1}), // as over-admit
	programEntry[*ratelimit.RateLimiter]("14", checks.Ok, "ratelimit/close", func() { rateClose(newRateLimiter) }),
	programEntry[*ratelimit.CountingLimiter]("14", checks.Ok, "ratelimit/counting-main", func() { guideMain(newCountingLimiter) }),
	programEntry[*ratelimit.CountingLimiter]("14", checks.Ok, "ratelimit/counting-last-token", func() { rateLastToken(newCountingLimiter) }).
		WithOptions(checks.Options{PreemptionBound: 1}), // as over-admit, its broken twin
	// The race needs one preemption, between a racer's read and its
	// decrement. A program is the same scenario every time, and bounded
	// search, depth first from the last decision, spends its schedules
	// per scenario on the executions' tail (Close and the losers'
	// release) at the default bound of 2; at 1 the whole space is small.
	programEntry[*ratelimit.OverAdmitting]("14", checks.Violated, "ratelimit/over-admit", func() { rateLastToken(newOverAdmitting) }).
		WithOptions(checks.Options{PreemptionBound: 1}),
	programEntry[*ratelimit.LeakyRefill]("14", checks.Leak, "ratelimit/leaked-refill", func() { rateClose(newLeakyRefill) }),
	// Under stress the forgotten waiter is a hang, which the watchdog
	// declares after HangTimeout, then control diagnoses as the deadlock.
	// The program's phases take milliseconds, so a second is plenty and
	// saves four per detection.
	programEntry[*ratelimit.Unreleasing]("14", checks.Deadlock, "ratelimit/unreleased-waiter", func() { rateClose(newUnreleasing) }).
		WithOptions(checks.Options{HangTimeout: time.Second}),
}
