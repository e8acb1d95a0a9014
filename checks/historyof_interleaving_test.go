package checks_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/models"
)

// A controlled failure's file gives its interleaving as its report shows
// it, for a view to show step by step; a stress failure's gives none.
func TestHistoryOf_GivesAControlledFailuresInterleaving(t *testing.T) {
	s := checks.Structure[*lockPair, models.RegisterInput, models.RegisterOutput]{
		Name: "lock-pair", Model: models.Register, New: func() *lockPair { return new(lockPair) },
		Ops: registerOps[*lockPair](),
	}
	o := controlledOpts("pct", t.TempDir())
	o.IgnoreLockOrder = true
	res := checks.Run(t, s, o)
	require.NotNil(t, res.Failure)
	data, err := os.ReadFile(res.Failure.HistoryFile)
	require.NoError(t, err)
	fh, err := checks.HistoryOf(s, res.Failure.HistoryFile, data)
	require.NoError(t, err)
	require.NotEmpty(t, fh.Interleaving)
	assert.Contains(t, res.Failure.Report, "where control left a goroutine):\n"+fh.Interleaving+"\n")
	assert.Contains(t, fh.Interleaving, "⇢")
	assert.NotContains(t, fh.Interleaving, "Reproduce", "the section ends before the next one")
}
