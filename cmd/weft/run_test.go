package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/tools"
)

// testCatalog is a small catalog for the matching tests.
var testCatalog = []catalogEntry{
	{Name: "counter/mutex-map", Group: "counter", Expect: "ok"},
	{Name: "counter/racy", Group: "counter", Expect: "not linearizable", RaceExpect: "data race"},
	{Name: "actor/counter", Group: "actor", Expect: "ok"},
	{Name: "fairness/test-and-set", Group: "fairness", Expect: "starvation", OnlyControlled: "needs identities"},
	{Name: "worksteal/racy-pop", Group: "worksteal", Expect: "not linearizable"},
}

func names(entries []catalogEntry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Name)
	}
	return out
}

func TestMatchEntries(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		want  []string
		err   string   // in the error, if any
		close []string // names the error suggests
	}{
		{args: []string{"counter/racy"}, want: []string{"counter/racy"}},
		{args: []string{"counter"}, want: []string{"counter/mutex-map", "counter/racy"}},
		{args: []string{"actor", "counter/racy"}, want: []string{"actor/counter", "counter/racy"}},
		{args: []string{"counter/racy", "counter"}, want: []string{"counter/racy", "counter/mutex-map"}},
		{args: []string{"counter", "counter/racy"}, want: []string{"counter/mutex-map", "counter/racy"}},
		{args: []string{"countr"}, err: `"countr" is in no entry`, close: []string{"counter", "actor/counter"}},
		{args: []string{"racy"}, err: `"racy" is in no entry`, close: []string{"counter/racy", "worksteal/racy-pop"}},
		{args: []string{"counter/racey"}, err: "no entry", close: []string{"counter/racy"}},
		{args: []string{"counter/"}, err: "no entry", close: []string{"counter"}},
		{args: []string{"zzzzzzzzzz"}, err: "no entry"},
		{args: []string{"counter", "nope/nothing"}, err: `"nope/nothing" is in no entry`},
	} {
		got, err := matchEntries(testCatalog, tc.args)
		if tc.err == "" {
			require.NoError(t, err, "%v", tc.args)
			assert.Equal(t, tc.want, names(got), "%v", tc.args)
			continue
		}
		require.Error(t, err, "%v", tc.args)
		assert.Contains(t, err.Error(), tc.err, "%v", tc.args)
		for _, c := range tc.close {
			assert.Contains(t, err.Error(), c, "%v suggests %s", tc.args, c)
		}
		if len(tc.close) == 0 {
			assert.NotContains(t, err.Error(), "close:", "%v", tc.args)
		}
	}
}

func TestPlanRun_StressByDefaultPortfolioForControlledOnly(t *testing.T) {
	batches, err := planRun(testCatalog, "")
	require.NoError(t, err)
	require.Len(t, batches, 2)
	assert.Equal(t, "stress", batches[0].strategy)
	assert.Equal(t, []string{"counter/mutex-map", "counter/racy", "actor/counter", "worksteal/racy-pop"}, names(batches[0].entries))
	assert.Equal(t, "portfolio", batches[1].strategy)
	assert.Equal(t, []string{"fairness/test-and-set"}, names(batches[1].entries))

	batches, err = planRun(testCatalog, "pct")
	require.NoError(t, err)
	require.Len(t, batches, 1)
	assert.Equal(t, "pct", batches[0].strategy)
	assert.Len(t, batches[0].entries, len(testCatalog))

	_, err = planRun(testCatalog, "stress+race")
	require.Error(t, err, "stress would skip an entry only control catches: no verdict")
	assert.Contains(t, err.Error(), "fairness/test-and-set can only be caught under a controlled strategy (needs identities)")
}

// The pattern selects exactly the entries' subtests, as go test matches
// -run: alternatives, each split at its slashes into one pattern per level.
func TestRunPattern_SelectsExactlyTheEntries(t *testing.T) {
	pattern := runPattern([]catalogEntry{testCatalog[1], testCatalog[4]})
	assert.Equal(t, `^TestCatalog$/^counter$/^racy$|^TestCatalog$/^worksteal$/^racy-pop$`, pattern)
	matches := func(name string) bool {
		levels := strings.Split(name, "/")
		for _, alt := range strings.Split(pattern, "|") {
			parts := strings.Split(alt, "/")
			ok := len(parts) == len(levels)
			for i := 0; ok && i < len(parts); i++ {
				ok = regexp.MustCompile(parts[i]).MatchString(levels[i])
			}
			if ok {
				return true
			}
		}
		return false
	}
	assert.True(t, matches("TestCatalog/counter/racy"))
	assert.True(t, matches("TestCatalog/worksteal/racy-pop"))
	assert.False(t, matches("TestCatalog/counter/racy-pop"))
	assert.False(t, matches("TestCatalog/worksteal/racy"))
	assert.False(t, matches("TestCatalogControlled/counter/racy"))
}

func TestWeftRoot_FromAnyDirectoryOfTheModuleOnly(t *testing.T) {
	wd, err := os.Getwd()
	require.NoError(t, err)
	root := filepath.Dir(filepath.Dir(wd)) // cmd/weft
	got, err := weftRoot("")
	require.NoError(t, err)
	assert.Equal(t, root, got)
	got, err = weftRoot(filepath.Join(root, "impls"))
	require.NoError(t, err)
	assert.Equal(t, root, got)

	_, err = weftRoot(t.TempDir())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no checkout of github.com/weftlab/weft: weft run checks weft's own catalog")

	// Another module is no checkout of weft either.
	other := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(other, "go.mod"), []byte("module example.com/other\n\ngo 1.26\n"), 0o644))
	_, err = weftRoot(other)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no checkout of github.com/weftlab/weft")
}

func TestModulePath(t *testing.T) {
	assert.Equal(t, "github.com/weftlab/weft", modulePath("// c\nmodule github.com/weftlab/weft\n\ngo 1.26\n"))
	assert.Equal(t, "a/b", modulePath(`module "a/b"`))
	assert.Empty(t, modulePath("go 1.26\n"))
}

// An entry is as expected only when its test passed and its check recorded
// the verdict it expected.
func TestReport_VerdictsAndExitStatus(t *testing.T) {
	racy, atomic := catalogEntry{Name: "counter/racy", Expect: "not linearizable"}, catalogEntry{Name: "counter/atomic", Expect: "ok"}
	outcome := func(action, actual, expected, output string) *entryOutcome {
		o := &entryOutcome{action: action}
		if actual != "" {
			o.row = &tools.SummaryRow{Test: "x", Mode: "stress", Expected: expected, Actual: actual, Scenarios: 2, Executions: 30, Seconds: 1.25}
		}
		o.output.WriteString(output)
		return o
	}
	for _, tc := range []struct {
		name     string
		outcomes map[string]*entryOutcome
		status   int
		lines    []string
	}{
		{name: "both as expected", status: 0, outcomes: map[string]*entryOutcome{
			"TestCatalog/counter/racy":   outcome("pass", "not linearizable", "not linearizable", "the report\n"),
			"TestCatalog/counter/atomic": outcome("pass", "ok", "ok", ""),
		}, lines: []string{
			"counter/racy: not linearizable as expected (2 scenarios, 30 executions, 1.3s, stress)",
			"counter/atomic: ok as expected (2 scenarios, 30 executions, 1.3s, stress)",
		}},
		{name: "a bug not caught", status: 1, outcomes: map[string]*entryOutcome{
			"TestCatalog/counter/racy":   outcome("fail", "ok", "not linearizable", "    weft: counter/racy was not caught\n"),
			"TestCatalog/counter/atomic": outcome("pass", "ok", "ok", ""),
		}, lines: []string{
			"counter/racy: ok, UNEXPECTED: expected not linearizable (2 scenarios, 30 executions, 1.3s, stress)",
			"counter/atomic: ok as expected",
			"--- TestCatalog/counter/racy",
			"    weft: counter/racy was not caught",
		}},
		{name: "a pass with no verdict is no verdict", status: 1, outcomes: map[string]*entryOutcome{
			"TestCatalog/counter/racy":   outcome("pass", "", "", ""),
			"TestCatalog/counter/atomic": outcome("pass", "ok", "ok", ""),
		}, lines: []string{"counter/racy: pass without a verdict (expected not linearizable under stress)"}},
		{name: "not run", status: 1, outcomes: map[string]*entryOutcome{
			"TestCatalog/counter/racy": outcome("pass", "not linearizable", "not linearizable", ""),
		}, lines: []string{"counter/atomic: not run (expected ok under stress)"}},
		{name: "unknown is not ok", status: 1, outcomes: map[string]*entryOutcome{
			"TestCatalog/counter/racy":   outcome("pass", "not linearizable", "not linearizable", ""),
			"TestCatalog/counter/atomic": outcome("fail", "unknown", "ok", ""),
		}, lines: []string{"counter/atomic: unknown, UNEXPECTED: expected ok"}},
		{name: "skipped is not ok", status: 1, outcomes: map[string]*entryOutcome{
			"TestCatalog/counter/racy": outcome("pass", "not linearizable", "not linearizable", ""),
			"TestCatalog/counter/atomic": func() *entryOutcome {
				o := outcome("skip", "skipped", "ok", "")
				o.row.Note = "only controlled: why"
				return o
			}(),
		}, lines: []string{"counter/atomic: skipped under stress (only controlled: why), expected ok"}},
	} {
		var out bytes.Buffer
		r := &catalogRun{stdout: &out, line: newLiveLine(&out, false, time.Now)}
		status := r.report(batch{strategy: "stress", entries: []catalogEntry{racy, atomic}}, tc.outcomes)
		assert.Equal(t, tc.status, status, tc.name)
		for _, line := range tc.lines {
			assert.Contains(t, out.String(), line, tc.name)
		}
		if tc.status == 0 {
			assert.NotContains(t, out.String(), "---", "%s: no output shown when all is as expected", tc.name)
		}
	}
}

func TestRun_Usage(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		status int
		out    string
		errs   string
	}{
		{args: []string{"run", "-h"}, status: 0, out: "usage: weft run"},
		{args: []string{"run"}, status: 2, errs: "no entry named"},
		{args: []string{"run", "-bogus", "counter"}, status: 2, errs: "usage: weft run"},
		{args: []string{"run", "countr"}, status: 2, errs: `"countr" is in no entry of the catalog (weft catalog lists them); close: actor/counter, counter`},
		{args: []string{"run", "-strategy", "fast", "counter"}, status: 2, errs: "-strategy"},
		{args: []string{"run", "-budget", "-1s", "counter"}, status: 2, errs: "-budget"},
		{args: []string{"run", "-strategy", "stress", "fairness/test-and-set"}, status: 2, errs: "only be caught under a controlled strategy"},
		{args: []string{"-h"}, status: 0, out: "run [flags] NAME..."},
	} {
		var out, errs bytes.Buffer
		assert.Equal(t, tc.status, run(tc.args, &out, &errs), "%v", tc.args)
		assert.Contains(t, out.String(), tc.out, "%v", tc.args)
		assert.Contains(t, errs.String(), tc.errs, "%v", tc.args)
	}
}
