package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testdata/bench.txt is the output of a short make detect (counter/racy),
// with hand-made lines for the cases a long run meets: a benchmark that
// logs (its name printed alone first), missed seeds, and GOMAXPROCS 1 (no
// -N suffix).
func TestParse_ReadsEveryResultOfTheBenchmark(t *testing.T) {
	f, err := os.Open("testdata/bench.txt")
	require.NoError(t, err)
	defer f.Close()
	var echo bytes.Buffer
	p, err := parse(f, &echo)
	require.NoError(t, err)
	assert.False(t, p.failed)
	require.Len(t, p.results, 8)
	assert.Equal(t, result{Bug: "counter/racy", Strategy: "stress-plain", Executions: 219.5, Millis: 12, MaxMillis: 383}, p.results[0])
	assert.Equal(t, result{Bug: "treiber/recycling-aba", Strategy: "random", Executions: 52000, Millis: 1200, MaxMillis: 20001, Missed: 3}, p.results[5])
	assert.Equal(t, result{Bug: "boundedbuffer/cond-if", Strategy: "bounded", Executions: 1, Millis: 1, MaxMillis: 2}, p.results[7])
	want, err := os.ReadFile("testdata/bench.txt")
	require.NoError(t, err)
	assert.Equal(t, string(want), echo.String(), "the input is passed on whole")
}

func TestParse_NotesFailuresAndNamesTheLineOfABadResult(t *testing.T) {
	in := "BenchmarkDetection/counter/racy/pct-2 1 100 ns/op 3 missed\n" +
		"BenchmarkDetection/counter/racy/random-2 1 100 ns/op x executions-to-detect\n" +
		"BenchmarkDetection/counter/racy/bounded-2 1 100 ns/op 4 executions-to-detect\n" +
		"--- FAIL: BenchmarkDetection/counter/racy/stress\nFAIL\n"
	p, err := parse(strings.NewReader(in), nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "line 1: benchmark counter/racy/pct reports no executions-to-detect")
	assert.Contains(t, err.Error(), `line 2: benchmark counter/racy/random: metric executions-to-detect: "x" is not a number`)
	assert.True(t, p.failed)
	require.Len(t, p.results, 1, "the lines after a bad one are read")
	assert.Equal(t, "bounded", p.results[0].Strategy)
}

func TestRun_WritesTheTableAndThePlot(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"-out", dir, "testdata/bench.txt"}, nil, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.Contains(t, stdout.String(), "8 results of 3 bugs")

	table, err := os.ReadFile(filepath.Join(dir, "detect.txt"))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(table), "\n"), "\n")
	require.Len(t, lines, 9, string(table))
	assert.Equal(t, []string{"bug", "strategy", "executions", "ms", "max", "ms", "missed"}, strings.Fields(lines[0]))
	assert.Equal(t, []string{"counter/racy", "random", "*", "1.5", "2", "31", "0"}, strings.Fields(lines[3]),
		"the fewest executions is starred")
	// random needed more executions than pct on the ABA but missed seeds:
	// its median is not a speed, and pct gets the star.
	assert.Equal(t, []string{"treiber/recycling-aba", "random", "52000", "1200", "20001", "3"}, strings.Fields(lines[6]))
	assert.Equal(t, []string{"treiber/recycling-aba", "pct", "*", "3100", "310", "1500", "0"}, strings.Fields(lines[7]))

	f, err := os.Open(filepath.Join(dir, "detect.png"))
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	_, _, w, h := plotSize(3, 5)
	assert.Equal(t, image.Rect(0, 0, w, h), img.Bounds())
	assert.Greater(t, colours(img), 4, "the plot draws the strategies in colour")
}

// colours counts the distinct colours of img, up to a few dozen: a blank
// image has one, and the plot one per strategy and more for the text.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && len(seen) < 50; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}

func TestPlotSize_GrowsWithTheBugs(t *testing.T) {
	_, _, w1, h1 := plotSize(10, 5)
	_, _, w2, h2 := plotSize(80, 5)
	assert.Equal(t, w1, w2)
	assert.Greater(t, h2, h1+60*25, "every bug gets a row of its own")
}

func TestRun_FailsWithoutResultsOrWhenGoTestFailed(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 1, run([]string{"-out", dir}, strings.NewReader("PASS\nok\n"), &stdout, &stderr))
	assert.Contains(t, stderr.String(), "no result of BenchmarkDetection")
	assert.NoFileExists(t, filepath.Join(dir, "detect.png"))

	stderr.Reset()
	in := "BenchmarkDetection/counter/racy/pct-2 1 100 ns/op 4 executions-to-detect\nFAIL\tgithub.com/weftlab/weft/checks/catalog\n"
	assert.Equal(t, 1, run([]string{"-out", dir}, strings.NewReader(in), &stdout, &stderr))
	assert.Contains(t, stderr.String(), "go test reported a failure")
	assert.FileExists(t, filepath.Join(dir, "detect.png"), "the results there are are still plotted")
}

func TestRun_BadUsageExits2(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 2, run([]string{"-nope"}, nil, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "usage: go test -bench Detection")
	stderr.Reset()
	assert.Equal(t, 2, run([]string{"testdata/absent.txt"}, nil, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "testdata/absent.txt")
}
