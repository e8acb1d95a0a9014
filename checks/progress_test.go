package checks_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/internal/tools"
)

// A check given a progress file writes a few rows a second while it
// searches, counts that only grow, and a last row with the result's counts:
// what `weft run` renders.
func TestProgress_RowsGrowAreSpacedAndEndWithTheResult(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.jsonl")
	t.Setenv("WEFT_PROGRESS", path)
	opts := checks.Options{Budget: time.Second, Executions: 5, Seed: 1, OutDir: t.TempDir(), Strategy: "random"}
	res := checks.Run(t, boxStructure("box", func() *box { return &box{} }), opts)
	require.Equal(t, checks.Ok, res.Verdict)

	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var rows []tools.ProgressRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var row tools.ProgressRow
		require.NoError(t, json.Unmarshal(sc.Bytes(), &row), "row %q", sc.Text())
		rows = append(rows, row)
	}
	require.NoError(t, sc.Err())
	require.GreaterOrEqual(t, len(rows), 2, "a search of a second writes rows as it goes, then its last")
	// At most one row per tools.ProgressEvery, plus the first and the last.
	assert.LessOrEqual(t, len(rows), int(res.Elapsed/tools.ProgressEvery)+2)
	for i, row := range rows {
		assert.Equal(t, t.Name(), row.Test)
		assert.Equal(t, "box", row.Structure)
		assert.Equal(t, "random", row.Strategy)
		assert.Equal(t, os.Getpid(), row.PID)
		assert.InDelta(t, 1.0, row.Budget, 1e-9)
		if i > 0 {
			assert.GreaterOrEqual(t, row.Executions, rows[i-1].Executions)
			assert.GreaterOrEqual(t, row.Scenarios, rows[i-1].Scenarios)
			assert.Greater(t, row.Elapsed, rows[i-1].Elapsed)
		}
		if i < len(rows)-1 {
			assert.Equal(t, "search", row.Phase)
		}
	}
	last := rows[len(rows)-1]
	assert.Equal(t, "done", last.Phase)
	assert.Equal(t, res.Executions, last.Executions)
	assert.Equal(t, res.Scenarios, last.Scenarios)
}

// The portfolio's workers are processes of their own: each appends its
// rows, under its strategy, to the file the check was given, and the
// portfolio's own process, which runs no execution, none.
func TestProgress_PortfolioWorkersEachWriteTheirOwnRows(t *testing.T) {
	if os.Getenv("WEFT_PORTFOLIO_RESULT") != "" {
		// A worker: it runs this test too, and writes to the file of
		// the environment it inherited.
		checks.Run(t, boxStructure("box", func() *box { return &box{} }), checks.Options{Budget: time.Second, Executions: 5, OutDir: t.TempDir()})
		return
	}
	path := filepath.Join(t.TempDir(), "progress.jsonl")
	t.Setenv("WEFT_PROGRESS", path)
	opts := checks.Options{Budget: time.Second, Executions: 5, OutDir: t.TempDir(), Strategy: "portfolio"}
	res := checks.Run(t, boxStructure("box", func() *box { return &box{} }), opts)
	require.Equal(t, checks.Ok, res.Verdict)

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	last := map[int]tools.ProgressRow{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var row tools.ProgressRow
		require.NoError(t, json.Unmarshal([]byte(line), &row), "row %q", line)
		assert.NotEqual(t, os.Getpid(), row.PID, "the portfolio's process runs no execution")
		assert.Contains(t, []string{"random", "pct", "bounded"}, row.Strategy)
		last[row.PID] = row
	}
	assert.GreaterOrEqual(t, len(last), 2, "one worker per core, at least 2")
	executions := 0
	for _, row := range last {
		assert.Equal(t, "done", row.Phase, "each worker ends with its last row")
		executions += row.Executions
	}
	assert.Equal(t, res.Executions, executions, "the portfolio's executions are its workers'")
}
