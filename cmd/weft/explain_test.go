package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/history"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/explain with weft explain's output")

func TestExplain_Usage(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 0, run([]string{"explain", "-h"}, &out, &errs))
	assert.Contains(t, out.String(), "usage: weft explain [-brief] [-timeout d] FILE")
	assert.Contains(t, out.String(), "Exit status: 0 linearizable; 1 not linearizable")
	out.Reset()
	assert.Equal(t, 0, run([]string{"-h"}, &out, &errs))
	assert.Contains(t, out.String(), "explain [flags] FILE")

	file := filepath.Join("..", "..", "histories", "corpus", "counter-racy.json")
	dir := t.TempDir()
	notHistory := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(notHistory, []byte("\x00\x01 not a history\n"), 0o644))
	for _, c := range []struct {
		name string
		args []string
		err  string
	}{
		{"no file", nil, "one FILE, please"},
		{"two files", []string{file, file}, "one FILE, please"},
		{"a bad flag", []string{"-budget", "1s", file}, "flag provided but not defined: -budget"},
		{"a zero timeout", []string{"-timeout", "0s", file}, "the timeout must be positive"},
		{"a missing file", []string{filepath.Join(dir, "missing.json")}, "missing.json: no such file or directory"},
		{"not a history", []string{notHistory}, "notes.txt: not a history in any format weft reads"},
	} {
		out.Reset()
		errs.Reset()
		assert.Equal(t, 2, run(append([]string{"explain"}, c.args...), &out, &errs), c.name)
		assert.Contains(t, errs.String(), c.err, c.name)
		assert.Empty(t, out.String(), c.name)
	}
}

// TestExplain_UnknownExitsOne: on a history too hard to search in 50 ms,
// weft explain must say unknown and exit 1, never 0.
func TestExplain_UnknownExitsOne(t *testing.T) {
	name := writeHardHistory(t)
	var out, errs bytes.Buffer
	start := time.Now()
	assert.Equal(t, 1, run([]string{"explain", "-timeout", "50ms", name}, &out, &errs), errs.String())
	assert.Less(t, time.Since(start), 10*time.Second)
	assert.True(t, strings.HasPrefix(out.String(), "hard: unknown\n") || strings.HasPrefix(out.String(), "hard.txt: unknown\n"), out.String())
	assert.Contains(t, out.String(), "Unknown: the search did not finish within 50ms")
}

// TestExplain_Golden pins weft explain's output on the teaching histories
// and on weft's corpus: each must match its golden file (go test -update
// rewrites them), exit with the status of its verdict, and agree with the
// verdict its file records.
func TestExplain_Golden(t *testing.T) {
	root := filepath.Join("..", "..")
	teaching, err := filepath.Glob(filepath.Join(root, "histories", "teaching", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, teaching, "the teaching histories")
	corpus, err := filepath.Glob(filepath.Join(root, "histories", "corpus", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, corpus)
	goldens := claimGoldens(t, filepath.Join("testdata", "explain"))
	verdicts := map[string]int{}
	for _, file := range append(teaching, corpus...) {
		name := filepath.Base(filepath.Dir(file)) + "-" + strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		t.Run(name, func(t *testing.T) {
			var out, errs bytes.Buffer
			status := run([]string{"explain", file}, &out, &errs)
			require.Empty(t, errs.String())
			first, _, _ := strings.Cut(out.String(), "\n")
			verdict := first[strings.LastIndex(first, ": ")+2:]
			verdicts[verdict]++
			assert.Equal(t, map[string]int{"linearizable": 0, "not linearizable": 1, "unknown": 1}[verdict], status, first)
			h, err := history.Read(file)
			require.NoError(t, err)
			if h.Recorded != "" {
				assert.Equal(t, recordedVerdict(h.Recorded), verdict, "the file records %q", h.Recorded)
			}
			goldens.check(t, name, out.Bytes(), "go test ./cmd/weft -run TestExplain_Golden -update writes it")
		})
	}
	goldens.unclaimed(t)
	assert.Positive(t, verdicts["linearizable"])
	assert.Positive(t, verdicts["not linearizable"])
}

// recordedVerdict is weft explain's word for a verdict a file records.
func recordedVerdict(recorded string) string {
	switch strings.ToLower(recorded) {
	case "ok", "linearizable", "pass":
		return "linearizable"
	}
	return recorded
}

// TestExplain_AgreesWithPorcupineOnItsTestData explains every Jepsen etcd
// log and key-value log of porcupine's test data (with -short, every tenth
// log and the small key-value ones), each explanation verified against
// the model before it is printed, and requires the verdict porcupine's own
// tests expect of each.
func TestExplain_AgreesWithPorcupineOnItsTestData(t *testing.T) {
	dir := porcupineModule(t)
	want := porcupineExpectations(t, dir)
	logs, err := filepath.Glob(filepath.Join(dir, "test_data", "*", "*"))
	require.NoError(t, err)
	var total, longest time.Duration
	var slowest string
	explained := 0
	for i, file := range logs {
		rel, err := filepath.Rel(filepath.Join(dir, "test_data"), file)
		require.NoError(t, err)
		expected, ok := want[rel]
		if !ok || (testing.Short() && i%10 != 0 && !strings.HasPrefix(rel, "kv/c01") && !strings.HasPrefix(rel, "kv/c10")) {
			continue
		}
		var out, errs bytes.Buffer
		start := time.Now()
		status := run([]string{"explain", "-timeout", "1m", file}, &out, &errs)
		took := time.Since(start)
		require.Empty(t, errs.String(), rel)
		first, _, _ := strings.Cut(out.String(), "\n")
		wantVerdict := map[bool]string{true: "linearizable", false: "not linearizable"}[expected]
		assert.True(t, strings.HasSuffix(first, ": "+wantVerdict), "%s: %s", rel, first)
		assert.Equal(t, map[bool]int{true: 0, false: 1}[expected], status, rel)
		explained++
		total += took
		if took > longest {
			longest, slowest = took, rel
		}
	}
	assert.Positive(t, explained)
	t.Logf("%d logs explained and verified in %v, at most %v (%s)", explained, total, longest, slowest)
}

// goldenDir is a folder of golden files, each of which must belong to a
// case of the test: a file no case checked is a leftover to remove.
type goldenDir struct {
	dir  string
	left map[string]bool // the files no case has checked yet
}

// claimGoldens lists the golden files of dir.
func claimGoldens(t *testing.T, dir string) *goldenDir {
	t.Helper()
	g := &goldenDir{dir: dir, left: map[string]bool{}}
	files, err := filepath.Glob(filepath.Join(dir, "*.golden"))
	require.NoError(t, err)
	for _, f := range files {
		g.left[filepath.Base(f)] = true
	}
	return g
}

// check compares got with the golden file of name, or writes it under
// -update; how says how to write a missing one. The cases that call it
// must not run in parallel: it notes them in a map.
func (g *goldenDir) check(t *testing.T, name string, got []byte, how string) {
	t.Helper()
	golden := filepath.Join(g.dir, name+".golden")
	delete(g.left, name+".golden")
	if *update {
		require.NoError(t, os.MkdirAll(g.dir, 0o755))
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, how)
	assert.Equal(t, string(want), string(got))
}

// unclaimed fails t for the golden files no case checked, unless a case
// failed before it could.
func (g *goldenDir) unclaimed(t *testing.T) {
	t.Helper()
	if !t.Failed() && !*update {
		assert.Empty(t, g.left, "golden files of no history: remove them")
	}
}

// writeHardHistory writes hard.txt, a history too hard to search in 50 ms
// (40 overlapping increments, then a read of 41), and returns its path.
func writeHardHistory(t *testing.T) string {
	t.Helper()
	var file strings.Builder
	file.WriteString("model counter\n")
	for i := range 40 {
		fmt.Fprintf(&file, "C%d  %d  100  inc()\n", i, i)
	}
	file.WriteString("R  50  101  get() -> 41\n")
	name := filepath.Join(t.TempDir(), "hard.txt")
	require.NoError(t, os.WriteFile(name, []byte(file.String()), 0o644))
	return name
}
