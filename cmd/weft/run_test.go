package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/tools"
)

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
		}, lines: []string{"counter/atomic: not run (expected ok under stress)", "weft run: 1 entry did not run"}},
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
	assertUsage(t, []usageCase{
		{args: []string{"run", "-h"}, status: 0, out: "usage: weft run"},
		{args: []string{"run"}, status: 2, errs: "no entry named"},
		{args: []string{"run", "-bogus", "counter"}, status: 2, errs: "usage: weft run"},
		{args: []string{"run", "countr"}, status: 2, errs: `"countr" is in no entry of the catalog (weft catalog lists them); close: actor/counter, counter`},
		{args: []string{"run", "-strategy", "fast", "counter"}, status: 2, errs: "-strategy"},
		{args: []string{"run", "-budget", "-1s", "counter"}, status: 2, errs: "-budget"},
		{args: []string{"run", "-strategy", "stress", "fairness/test-and-set"}, status: 2, errs: "only be caught under a controlled strategy"},
		{args: []string{"-h"}, status: 0, out: "run [flags] NAME..."},
	})
}

// weft run's choices replace the caller's; the caller's other settings
// stay.
func TestCatalogRunEnv(t *testing.T) {
	base := []string{"PATH=/bin", "WEFT_STRATEGY=pct", "WEFT_BUDGET=1h", "WEFT_SEED=7", "WEFT_REWRITE=x", "WEFT_CLIENTS=4"}
	env := func(r *catalogRun) map[string][]string {
		out := map[string][]string{}
		for _, kv := range r.env(base, "stress", "/o.json", "/s.jsonl", "/p.jsonl") {
			k, v, _ := strings.Cut(kv, "=")
			out[k] = append(out[k], v)
		}
		return out
	}
	got := env(&catalogRun{})
	assert.Equal(t, []string{"stress"}, got["WEFT_STRATEGY"])
	assert.Equal(t, []string{"/o.json"}, got["WEFT_OVERLAY"])
	assert.Equal(t, []string{"/s.jsonl"}, got["WEFT_SUMMARY"])
	assert.Equal(t, []string{"/p.jsonl"}, got["WEFT_PROGRESS"])
	assert.Equal(t, []string{(correctBudget * time.Duration(correctCount())).String()}, got["WEFT_TOTAL"])
	assert.NotContains(t, got, "WEFT_BUDGET", "no -budget: the catalog's own budgets")
	assert.NotContains(t, got, "WEFT_SEED", "no -seed: a random one")
	assert.NotContains(t, got, "WEFT_REWRITE", "weft test's, not weft run's")
	assert.Equal(t, []string{"4"}, got["WEFT_CLIENTS"])
	assert.Equal(t, []string{"/bin"}, got["PATH"])

	got = env(&catalogRun{budget: 2 * time.Second, seed: 42})
	assert.Equal(t, []string{"2s"}, got["WEFT_BUDGET"])
	assert.Equal(t, []string{"42"}, got["WEFT_SEED"])
}
