package checks

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/tools"
)

func TestSummary_OneJSONLinePerCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out", "summary.jsonl")
	res := Result{Structure: "box", Verdict: NotLinearizable, Scenarios: 2, Executions: 30, Seed: 77}
	require.NoError(t, appendSummary(path, "TestBox", res, NotLinearizable, defaults(), ""))
	require.NoError(t, appendSummary(path, "TestBox2", Result{Structure: "box", Verdict: Ok}, "", defaults(), ""))
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	require.Len(t, lines, 2)
	var row tools.SummaryRow
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &row))
	assert.Equal(t, "TestBox", row.Test)
	assert.Equal(t, string(NotLinearizable), row.Actual)
	assert.Equal(t, 30, row.Executions)
	assert.Equal(t, uint64(77), row.Seed, "the row names the seed that reruns the check")
}

// TestTools_ChecksProvidesTheHooks: weft's tools call this through package
// tools; nil would panic in the middle of make check.
func TestTools_ChecksProvidesTheHooks(t *testing.T) {
	require.NotNil(t, tools.StrategyOf)
	t.Setenv("WEFT_STRATEGY", "bounded")
	name, controlled, err := tools.StrategyOf("")
	require.NoError(t, err)
	assert.Equal(t, "bounded", name)
	assert.True(t, controlled)
	_, controlled, err = tools.StrategyOf("stress")
	require.NoError(t, err)
	assert.True(t, controlled, "the environment beats Options")
}
