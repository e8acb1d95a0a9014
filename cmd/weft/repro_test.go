package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/repro"
)

func TestOutcome(t *testing.T) {
	h := repro.Header{Test: "TestX", Package: "./x", Structure: "hits/split", Verdict: "not linearizable"}
	replayed := "=== RUN   TestX\n    replayed.go:43: " + repro.Marker + "f.json: test TestX, structure hits/split\n"
	for _, c := range []struct {
		name, out, line string
		status          int
	}{
		{"nothing replayed", "testing: warning: no tests to run\nok\n", "no check replayed the file: it is a history of test TestX", 2},
		{"passes", replayed + "--- PASS: TestX\n", "the replay did not fail (recorded verdict: not linearizable)", 0},
		{"same verdict", replayed + "    x_test.go:9: weft: not linearizable: hits/split\n        No order...\n", "the replay failed with the recorded verdict, not linearizable.", 1},
		{"expected and logged", replayed + "    x_test.go:9: weft: hits/split caught as expected after 1 scenarios:\n        weft: not linearizable: hits/split\n", "the replay failed with the recorded verdict", 1},
		{"another verdict", replayed + "    x_test.go:9: weft: deadlock: hits/split\n", "the replay failed with verdict deadlock; the file recorded not linearizable.", 1},
		{"another structure", replayed + "    x_test.go:9: weft: deadlock: hits/splitter\n", "the replay did not fail", 0},
	} {
		status, line := outcome(h, c.out)
		assert.Equal(t, c.status, status, c.name)
		assert.Contains(t, line, c.line, c.name)
	}
}

func TestUsage(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 2, run(nil, &out, &errs))
	assert.Contains(t, errs.String(), "usage: weft <command>")
	assert.Equal(t, 2, run([]string{"bisect"}, &out, &errs))
	assert.Contains(t, errs.String(), `unknown command "bisect"`)
	out.Reset()
	assert.Equal(t, 0, run([]string{"repro", "-h"}, &out, &errs))
	assert.Contains(t, out.String(), "Exit status: 0 the replay did not fail")
	errs.Reset()
	assert.Equal(t, 2, run([]string{"repro", filepath.Join(t.TempDir(), "missing.json")}, &out, &errs))
	assert.Contains(t, errs.String(), "missing.json: no such file or directory")
}

// TestRepro_ReplaysAndShowsTheReportOfAnExpectedFailure records the
// failure of the README's broken twin, which its test expects (so go test
// passes and prints the report only with -v), and replays it with weft
// repro from a directory below the module root.
func TestRepro_ReplaysAndShowsTheReportOfAnExpectedFailure(t *testing.T) {
	out := t.TempDir()
	record := exec.Command("go", "test", "./examples/hits", "-run", "^TestSplitHits$", "-count=1",
		"-weft.strategy=pct", "-weft.out="+out)
	record.Dir = filepath.Join("..", "..")
	log, err := record.CombinedOutput()
	require.NoError(t, err, string(log))
	files, err := filepath.Glob(filepath.Join(out, "*.json"))
	require.NoError(t, err)
	require.Len(t, files, 1, string(log))

	var stdout, stderr bytes.Buffer
	status := run([]string{"repro", files[0]}, &stdout, &stderr)
	assert.Equal(t, 1, status, stdout.String()+stderr.String())
	assert.Contains(t, stdout.String(), repro.Marker+files[0])
	assert.Contains(t, stdout.String(), "weft: not linearizable: hits/split\n")
	assert.Contains(t, stdout.String(), "Schedule: ")
	assert.Contains(t, stdout.String(), "weft repro: the replay failed with the recorded verdict, not linearizable.")
	written, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.Len(t, written, 3, "the replay wrote no files (the recording wrote the json, the view and porcupine's view)")
}
