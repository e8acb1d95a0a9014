package catalog_test

import (
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/catalog"
	"github.com/weftlab/weft/checks/internal/reporttest"
)

// A pass over the catalog (TestCatalog in one mode, or the strategies of
// TestCatalogControlled together) gives its correct entries a total time,
// shared equally, so that the catalog can grow without the pass growing
// with it. Each entry gets at least a floor, below which a check would run
// too few scenarios to mean anything. Broken entries are not counted: they
// stop at their first failure, and their budget (zooBudget) only bounds the
// search. The total is WEFT_TOTAL; WEFT_BUDGET (-weft.budget), which beats
// every Options, still sets the budget of every check, for a soak.
const (
	totalEnv          = "WEFT_TOTAL"
	defaultTotal      = 2 * time.Minute
	defaultShortTotal = 12 * time.Second
	minBudget         = 2 * time.Second
	minShortBudget    = 200 * time.Millisecond
	// shortShrinkTime bounds the shrinking of each failure found under
	// -short: enough for a readable report, and the catalog finds a few
	// dozen failures.
	shortShrinkTime = 500 * time.Millisecond
	// zooShrinkTime bounds the shrinking of a broken entry's failure
	// otherwise: the catalog asserts the verdict, and a report shrunk for
	// 4 s reads as well; the default 10 s made shrinking half of the time
	// make check spent on the zoo.
	zooShrinkTime = 4 * time.Second
	// shortSchedules is how many schedules of a scenario bounded search
	// explores under -short before it draws another: over 20 seeds of seven
	// variants (make detect), a tenth of the default loses no detection and
	// halves the mean time to one, as the bug is in reach of more scenarios
	// than schedules.
	shortSchedules = 1000
)

// passOptions returns the options of e for a pass over the catalog whose
// total time is shared with parts-1 other passes (the strategies of
// TestCatalogControlled): a correct entry's equal share of the total, and
// under -short, a short shrink time and fewer schedules per scenario for
// bounded search.
func passOptions(t testing.TB, e catalog.Entry, parts int) checks.Options {
	t.Helper()
	opts := e.Options
	if testing.Short() {
		if opts.ShrinkTime == 0 {
			opts.ShrinkTime = shortShrinkTime
		}
		if opts.Schedules == 0 {
			opts.Schedules = shortSchedules
		}
	}
	if e.Expect != checks.Ok && opts.ShrinkTime == 0 {
		opts.ShrinkTime = zooShrinkTime
	}
	if e.Expect != checks.Ok || opts.Budget != 0 {
		return opts
	}
	total, floor := defaultTotal, minBudget
	if testing.Short() {
		total, floor = defaultShortTotal, minShortBudget
	}
	if v, ok := os.LookupEnv(totalEnv); ok {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			t.Fatalf("environment %s=%q: want a positive duration such as 2m", totalEnv, v)
		}
		total = d
	}
	opts.Budget = max(total/time.Duration(parts*correctEntries()), floor)
	return opts
}

// correctEntries counts the correct entries, among which a pass shares its
// total.
func correctEntries() int {
	n := 0
	for _, e := range catalog.All() {
		if e.Expect == checks.Ok {
			n++
		}
	}
	return n
}

func TestPassOptions_ShareATotalAmongTheCorrectEntries(t *testing.T) {
	correct, broken := entryNamed(t, "counter/atomic"), entryNamed(t, "counter/split-lock")
	n := time.Duration(correctEntries())
	require.Greater(t, n, time.Duration(1))

	t.Setenv(totalEnv, (100 * n * time.Second).String())
	assert.Equal(t, 100*time.Second, passOptions(t, correct, 1).Budget)
	assert.Equal(t, 50*time.Second, passOptions(t, correct, 2).Budget, "parts share the total")
	assert.Equal(t, broken.Options.Budget, passOptions(t, broken, 1).Budget, "a broken entry keeps its bound")
	assert.Positive(t, broken.Options.Budget)

	t.Setenv(totalEnv, "1ns")
	floor := minBudget
	if testing.Short() {
		floor = minShortBudget
	}
	assert.Equal(t, floor, passOptions(t, correct, 1).Budget)

	t.Setenv(totalEnv, "soon")
	fatal := reporttest.FatalOf(t, func(tb testing.TB) { passOptions(tb, correct, 1) })
	assert.Equal(t, `environment WEFT_TOTAL="soon": want a positive duration such as 2m`, fatal)
}
