package catalog_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/catalog"
)

// Finding and shrinking a failure is most of the time the catalog's tests
// take, so each broken entry is detected once per controlled strategy in a
// test binary: TestCatalogControlled asserts the detection, and the tests
// that need a failure (TestReplay_ControlledFailuresReplayExactly) reuse it.
// Whichever test asks first runs it; tests run one at a time, so the lock
// only keeps the map sound.
var detections struct {
	sync.Mutex
	byKey map[string]*detection
}

type detection struct {
	once sync.Once
	res  checks.Result
}

// controlledTestName is the name of e's subtest of TestCatalogControlled
// under strategy: a detection runs under it wherever it runs, so that its
// history file names that test and its repro command reruns it.
func controlledTestName(strategy string, e catalog.Entry) string {
	return "TestCatalogControlled/" + strategy + "/" + e.Name
}

// detect returns the detection of the broken entry e under the controlled
// strategy, running it if no test of this binary has: t fails unless e is
// caught with its expected verdict within its budget.
func detect(t *testing.T, e catalog.Entry, strategy string) checks.Result {
	t.Helper()
	require.NotEqual(t, checks.Ok, e.Expect, "%s is a correct entry: there is nothing to detect", e.Name)
	key := strategy + "/" + e.Name
	detections.Lock()
	if detections.byKey == nil {
		detections.byKey = map[string]*detection{}
	}
	d, ok := detections.byKey[key]
	if !ok {
		d = &detection{}
		detections.byKey[key] = d
	}
	detections.Unlock()

	ran := false
	d.once.Do(func() {
		ran = true
		opts := passOptions(t, e, len(controlledStrategies))
		opts.Strategy = strategy
		d.res = checks.Run(renamed{TB: t, name: controlledTestName(strategy, e)}, e.Target, opts)
	})
	res := d.res
	switch {
	case res.Failure == nil:
		t.Fatalf("weft: %s was not caught under %s: no failure in %d scenarios, %d executions, %v (expected %s)",
			e.Name, strategy, res.Scenarios, res.Executions, res.Elapsed.Round(time.Millisecond), e.Expect)
	case !res.Verdict.Satisfies(e.Expect):
		t.Fatalf("weft: %s was caught under %s with verdict %s, expected %s:\n%s",
			e.Name, strategy, res.Verdict, e.Expect, res.Failure.Report)
	case ran:
		t.Logf("weft: %s caught under %s as expected after %d scenarios, %d executions:\n%s",
			e.Name, strategy, res.Scenarios, res.Executions, res.Failure.Report)
	}
	return res
}

// forgetDetections makes the next detections run again: each run of
// TestCatalogControlled (go test -count) detects afresh.
func forgetDetections() {
	detections.Lock()
	defer detections.Unlock()
	detections.byKey = nil
}

// renamed is t under the name of another test, the one a detection belongs
// to wherever it runs.
type renamed struct {
	testing.TB
	name string
}

func (r renamed) Name() string { return r.name }

// subtestName is e's subtest name in a test that runs every entry under
// each of several strategies: the strategy, the group and the variant.
func subtestName(strategy string, e catalog.Entry) string {
	group, variant, _ := strings.Cut(e.Name, "/")
	if strategy == "" {
		return group + "/" + variant
	}
	return strategy + "/" + group + "/" + variant
}
