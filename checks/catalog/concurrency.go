package catalog

import (
	"slices"
	"time"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/internal/engine"
	"github.com/weftlab/weft/impls/concurrency"
)

// Properties of time. Under a controlled strategy time is virtual: a wait
// costs nothing and ends exactly when it should, so a program can wait the
// guide's own durations (seconds) and require exact elapsed times. Under
// stress, time is real: the same program waits in units of stressUnit
// instead, so that an execution stays short, and can only require bounds,
// as a real clock adds scheduling delays. The unit is large enough that the
// smallest margin a program has (1.3 units, the gather's) stays far above
// what a loaded 2-core machine delays a goroutine by: 260 ms.
const stressUnit = 200 * time.Millisecond

// virtualClock reports whether this execution runs on weft's virtual clock
// (under a controller), where a wait ends exactly when it should and a call
// returns at the instant it took effect, so a program can require exact
// times; on the real clock only bounds that late goroutines cannot falsify
// hold (the rate limiter's judge and the gathers below use it).
func virtualClock() bool { return engine.Controlled() }

// timeUnit is what a program's second is in this execution: a second of
// virtual time under control, stressUnit of real time under stress.
func timeUnit() time.Duration {
	if virtualClock() {
		return time.Second
	}
	return stressUnit
}

// requireConcurrent requires that waits running concurrently took as long
// as the longest (exactly, on the virtual clock) rather than the sum. On
// real cores it requires elapsed in [longest, sum): the margin, sum minus
// longest, is one unit or more, far above the scheduling delays of an
// execution, so a correct program never fails it and a sequential one,
// which waits at least the sum, always does.
func requireConcurrent(what string, elapsed, longest, sum time.Duration) {
	if virtualClock() {
		checks.Require(elapsed == longest, "%s complete at exactly %v of virtual time, the longest wait, not %v, their sum: they took %v",
			what, longest, sum, elapsed)
		return
	}
	checks.Require(elapsed >= longest && elapsed < sum, "%s complete in at least %v, the longest wait, and less than %v, their sum: they took %v",
		what, longest, sum, elapsed)
}

// guideURLs are the three requests of the guide's first example.
var guideURLs = []string{"https://api.example.com/users", "https://api.example.com/posts", "https://api.example.com/comments"}

// fetchProgram is the guide's first example (section 1): three fetches, each
// a wait of one second, gathered; their data comes back in order, and, done
// concurrently, they take one second together.
func fetchProgram(fetchAll concurrency.Fetcher) func() {
	return func() {
		unit := timeUnit()
		start := time.Now()
		results := fetchAll(guideURLs, unit)
		elapsed := time.Since(start)
		want := make([]string, len(guideURLs))
		for i, u := range guideURLs {
			want[i] = "Data from " + u
		}
		checks.Require(slices.Equal(results, want), "every fetch's data, in the order of the urls: got %q", results)
		requireConcurrent("three waits of 1 s", elapsed, unit, 3*unit)
	}
}

var concurrencyEntries = []Entry{
	programEntry[concurrency.Fetcher]("1", checks.Ok, "concurrency/gather", fetchProgram(concurrency.FetchAll)),
	programEntry[concurrency.Fetcher]("1", checks.Violated, "concurrency/one-by-one", fetchProgram(concurrency.FetchOneByOne)),
}
