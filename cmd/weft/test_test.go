package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWeftTest checks testdata/plain, plain Go with plain tests, through
// weft test, which runs go test in a child process: the correct test
// passes (its t.Parallel removed), the leak and the lost update (by
// t.Error, and by t.Fatal, which ends the goroutine) are caught with their verdicts under control and under stress, the test
// with subtests is a row that says it was not run (seen statically, or
// through a helper, from go test's output), the benchmark file that
// the rewrite refuses is left out, and the status is 1.
// The leak's replay then goes through weft repro, which must rebuild the
// overlay that the test lives in.
func TestWeftTest(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("weft test runs the go command, which is not on PATH")
	}
	out := t.TempDir()
	t.Setenv("WEFT_OUT", out)
	dir, err := filepath.Abs(filepath.Join("testdata", "plain"))
	require.NoError(t, err)
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	status := run([]string{"test", "-strategy", "random,stress", "-budget", "1s", "."}, &stdout, &stderr)
	got := stdout.String()
	require.Equal(t, 1, status, "%s\n%s", got, stderr.String())
	row := func(test, cells string) {
		t.Helper()
		assert.Regexp(t, regexp.MustCompile(`(?m)testdata/plain\s+`+test+`\s+`+cells+`\s*$`), got)
	}
	row("TestSum", `pass\s+pass`)
	row("TestLeak", `leak\s+leak`)
	row("TestCount", `panic\s+panic`)
	row("TestCountFatal", `panic\s+panic`)
	row("TestSubtests", `not run\s+not run`)
	row("TestSubtestsViaHelper", `t.Run\s+t.Run`)
	assert.Contains(t, got, "plain.TestCount failed (t.Error")
	assert.Contains(t, got, "plain.TestCountFatal failed and stopped (t.Fatal", "t.Fatal ends the test's goroutine, under control too")
	assert.Contains(t, got, "repeated log lines of the test left out", "every execution logs to the same t")
	assert.Contains(t, got, "Count() = 1, want 2", "the test's own message is shown")
	assert.Contains(t, got, "TestSubtests not run: it runs subtests (t.Run)")
	assert.Contains(t, got, "plain.go:48", "the leak points at the user's line")
	assert.Contains(t, got, "go test -overlay=", "the reproduction command carries the overlay")
	assert.Contains(t, got, "left out "+filepath.Join(dir, "bench_test.go"), "the benchmark file the rewrite refuses")

	files, err := filepath.Glob(filepath.Join(out, "TestWeft_Leak_random*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files, got)
	stdout.Reset()
	assert.Equal(t, 1, run([]string{"repro", files[0]}, &stdout, &stderr), "%s\n%s", stdout.String(), stderr.String())
	assert.Contains(t, stdout.String(), "the replay failed with the recorded verdict, leak.")
}

func TestWeftTest_Usage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 2, run([]string{"test"}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "usage: weft test")
	assert.Equal(t, 0, run([]string{"test", "-h"}, &stdout, &stderr))
	assert.Contains(t, stdout.String(), "Exit status: 0 every test passed")
	assert.Equal(t, 2, run([]string{"test", "-run", "(", "."}, &stdout, &stderr))
}
