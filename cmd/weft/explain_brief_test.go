package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/explain"
	"github.com/weftlab/weft/internal/history"
)

// TestExplainBrief_Golden pins weft explain -brief's output on the
// teaching histories: each must match its golden file (go test -update
// rewrites them) and exit with the status of the full explanation, whose
// verdict line it starts with.
func TestExplainBrief_Golden(t *testing.T) {
	teaching, err := filepath.Glob(filepath.Join("..", "..", "histories", "teaching", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, teaching, "the teaching histories")
	goldens := claimGoldens(t, filepath.Join("testdata", "explain-brief"))
	statuses := map[int]int{}
	for _, file := range teaching {
		name := "teaching-" + strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			var full, brief, errs bytes.Buffer
			status := run([]string{"explain", file}, &full, &errs)
			require.Empty(t, errs.String())
			assert.Equal(t, status, run([]string{"explain", "-brief", file}, &brief, &errs), "the exit status of the full text")
			require.Empty(t, errs.String())
			statuses[status]++
			first, _, _ := strings.Cut(full.String(), "\n")
			assert.True(t, strings.HasPrefix(brief.String(), first+"\n"), brief.String())
			assert.Less(t, strings.Count(brief.String(), "\n"), strings.Count(full.String(), "\n"))
			goldens.check(t, name, brief.Bytes(), "go test ./cmd/weft -run TestExplainBrief_Golden -update writes it")
		})
	}
	goldens.unclaimed(t)
	assert.Positive(t, statuses[0], "a linearizable history")
	assert.Positive(t, statuses[1], "a history that is not")
}

// TestExplainBrief_ALongLog: on porcupine's kv/c50-bad.txt (2,500 calls,
// ten keys, five not linearizable when each key's search gets its first
// tenth of a second), the full text runs to thousands of lines; the brief
// one, of the same verified explanation, shows each failing key's stuck
// point as the full text words it, the last 3 calls of its order, and
// counts the other keys, in about 20 lines a key: a bound that does not
// grow with the calls. About a second: c50-bad is searched twice.
func TestExplainBrief_ALongLog(t *testing.T) {
	file := filepath.Join(porcupineModule(t), "test_data", "kv", "c50-bad.txt")
	var out, errs bytes.Buffer
	require.Equal(t, 1, run([]string{"explain", "-brief", file}, &out, &errs), errs.String())
	require.Empty(t, errs.String())
	assert.True(t, strings.HasPrefix(out.String(), "key-value store: not linearizable\n"), out.String())
	assert.Less(t, strings.Count(out.String(), "\n"), 120, "at most five failing keys, about 20 lines each")

	h, err := history.Read(file)
	require.NoError(t, err)
	e, err := explain.Explain(h, time.Minute)
	require.NoError(t, err)
	require.NoError(t, e.Verify())
	var full, brief bytes.Buffer
	require.NoError(t, e.WriteText(&full))
	require.NoError(t, e.WriteBrief(&brief))
	fullLines, briefLines := strings.Count(full.String(), "\n"), strings.Count(brief.String(), "\n")
	t.Logf("c50-bad: %d lines in full, %d brief", fullLines, briefLines)
	assert.Greater(t, fullLines, 1000)
	assert.Less(t, briefLines, 120)

	failing := 0
	for _, p := range e.Parts {
		if p.Verdict == explain.NotLinearizable {
			failing++
		}
	}
	require.Positive(t, failing)
	// Each failing key's stuck point: from "It is stuck" to the calls
	// that cannot come next, the same lines in both texts.
	stuck := regexp.MustCompile(`(?s)\nIt is stuck .*?\nThe calls that cannot come next`)
	points := stuck.FindAllString(full.String(), -1)
	require.Len(t, points, failing)
	for _, p := range points {
		assert.Contains(t, brief.String(), p)
	}
	words := strings.Join(strings.Fields(brief.String()), " ")
	assert.Contains(t, words, fmt.Sprintf("10 independent parts, each checked on its own: %d not linearizable, shown below;", failing))
	assert.Equal(t, failing, strings.Count(brief.String(), "\n== key "), "only the failing keys have a section")
	assert.Len(t, regexp.MustCompile(`places \d+ of the \d+ calls; its last 3,`).FindAllString(words, -1), failing)
	assert.Len(t, regexp.MustCompile(`(?m)^  \d+\.  #\d+ `).FindAllString(brief.String(), -1), 3*failing, "3 calls of each order")
	assert.Regexp(t, `#\d+ must come before \d+ calls: it returned at \d+, before each was called: #\d+ at \d+,`, words)
	assert.True(t, strings.HasSuffix(brief.String(), "and every part.\n"), "the closing line says what -brief left out")
}

// TestExplainBrief_Usage: -brief is in the usage, and bad usage with it
// still exits 2.
func TestExplainBrief_Usage(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 0, run([]string{"explain", "-h"}, &out, &errs))
	assert.Contains(t, out.String(), "usage: weft explain [-brief] [-timeout d] FILE")
	assert.Contains(t, out.String(), "  -brief ")
	file := filepath.Join("..", "..", "histories", "teaching", "intro.txt")
	for _, args := range [][]string{{"-brief"}, {"-brief", file, file}, {"-brief=maybe", file}, {"-brief", "-timeout", "0s", file}} {
		out.Reset()
		errs.Reset()
		assert.Equal(t, 2, run(append([]string{"explain"}, args...), &out, &errs), args)
		assert.Empty(t, out.String(), args)
		assert.NotEmpty(t, errs.String(), args)
	}
}

// TestExplainBrief_UnknownExitsOne: a search that runs out of time is
// unknown in the brief text too, with how far it got, and exits 1.
func TestExplainBrief_UnknownExitsOne(t *testing.T) {
	name := writeHardHistory(t)
	var out, errs bytes.Buffer
	assert.Equal(t, 1, run([]string{"explain", "-brief", "-timeout", "50ms", name}, &out, &errs), errs.String())
	assert.True(t, strings.HasPrefix(out.String(), "hard: unknown\n"), out.String())
	assert.Regexp(t, `Unknown: the search did not finish within 50ms, so whether these calls\nhave a legal order is not known. The longest legal order it found places\n\d+ of the 41 calls.`, out.String())
}
