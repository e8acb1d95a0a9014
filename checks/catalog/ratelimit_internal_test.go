package catalog

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/models"
)

// TestRateLimit_GuideMainReachesBothOutcomes shows that the guide's main
// has two legal ends under control: its last request meets the fifteenth
// refill at its deadline, 3 s, and the schedule decides whether the token
// or the timeout wins. Random walk and PCT must reach both within their
// executions (seeded: the same ones every run), and every execution must
// pass (guideMain judges it). Bounded search is left out: depth first from
// the last decision, its first hundreds of schedules vary only the tail
// after the last request has returned.
func TestRateLimit_GuideMainReachesBothOutcomes(t *testing.T) {
	for _, strategy := range []string{"random", "pct"} {
		t.Run(strategy, func(t *testing.T) {
			var admitted [21]atomic.Int64 // executions by how many requests were admitted
			prog := checks.Program("ratelimit/guide-main-outcomes", func() { admitted[guideMain(newRateLimiter)].Add(1) })
			res := checks.Run(t, prog, checks.Options{Strategy: strategy, Seed: 1, Scenarios: 1, Executions: 60, Budget: time.Minute, OutDir: t.TempDir()})
			require.Equal(t, checks.Ok, res.Verdict, "%v", res.Failure)
			t.Logf("%s: %d executions: 20 admitted in %d, 19 (the last timed out) in %d",
				strategy, res.Executions, admitted[20].Load(), admitted[19].Load())
			assert.Positive(t, admitted[20].Load(), "the last request never took the token at its deadline")
			assert.Positive(t, admitted[19].Load(), "the last request never timed out at its deadline")
		})
	}
}

// TestRateLimit_AnyWindowBoundNeedsItsPlusOne shows, under control, that a
// correct limiter admits capacity + 1 requests at one instant: an idle
// bucket is full when the tick of 200 ms comes, and six requests made then
// take its five tokens and the tick's. So the bound on any window of
// length d is capacity + ⌊d / period⌋ + 1; the capacity + ⌊d /
// period⌋ holds for windows from the limiter's making, where no tick
// comes at the start.
func TestRateLimit_AnyWindowBoundNeedsItsPlusOne(t *testing.T) {
	var sixAtOnce atomic.Int64
	prog := checks.Program("ratelimit/six-at-a-tick", func() {
		period := ratePeriod()
		start := time.Now()
		l := newRateLimiter(rateCapacity, period)
		defer l.Close()
		time.Sleep(period) // idle: the bucket is full at the tick
		calls := make([]models.BucketCall, rateCapacity+1)
		var wg sync.WaitGroup
		for i := range calls {
			wg.Add(1)
			go func(id int) {
				defer wg.Done()
				ctx, cancel := context.WithTimeout(context.Background(), period/2)
				defer cancel()
				c, ok := acquireRecorded(l, ctx, id, start)
				checks.Require(ok, "not closed yet")
				calls[id] = c
			}(i)
		}
		wg.Wait()
		judgeBucket(calls, period)
		n := 0
		for _, c := range calls {
			if c.Outcome == models.Admitted && c.Return == period {
				n++
			}
		}
		if n == rateCapacity+1 {
			sixAtOnce.Add(1)
		}
	})
	res := checks.Run(t, prog, checks.Options{Strategy: "random", Seed: 1, Scenarios: 1, Executions: 100, Budget: time.Minute, OutDir: t.TempDir()})
	require.Equal(t, checks.Ok, res.Verdict, "%v", res.Failure)
	t.Logf("%d of %d executions admitted 6 at 200 ms", sixAtOnce.Load(), res.Executions)
	assert.Positive(t, sixAtOnce.Load(), "never 6 admissions at the tick's instant")
}
