package checks_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
)

func TestOnlyControlled_SkipsStressWithASummaryRowAndRunsUnderControl(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.jsonl")
	t.Setenv("WEFT_SUMMARY", summary)
	s := boxStructure("box/only-controlled", func() *box { return new(box) })
	opts := quick(t.TempDir())
	opts.Scenarios = 2
	opts.OnlyControlled = "the controller alone sees it"
	opts.ObstructionFree = true // it needs control too: a skip, not an error

	var skipped bool
	t.Run("stress", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		checks.Check(t, s, opts)
	})
	assert.True(t, skipped, "a stress check of an only-controlled structure must be skipped")
	data, err := os.ReadFile(summary)
	require.NoError(t, err)
	var row struct{ Structure, Mode, Expected, Actual, Note string }
	require.NoError(t, json.Unmarshal(data, &row))
	assert.Equal(t, "box/only-controlled", row.Structure)
	assert.True(t, strings.HasPrefix(row.Mode, "stress"), row.Mode)
	assert.Equal(t, "ok", row.Expected)
	assert.Equal(t, "skipped", row.Actual)
	assert.Equal(t, "only controlled: the controller alone sees it", row.Note)

	opts.Strategy, opts.ObstructionFree = "random", false // box holds a mutex: not obstruction-free
	t.Run("random", func(t *testing.T) {
		res := checks.Check(t, s, opts)
		assert.False(t, t.Skipped())
		assert.Positive(t, res.Executions)
	})
}
