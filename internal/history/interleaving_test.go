package history

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A failure found on real cores has no interleaving to show (checks'
// TestHistoryOf_GivesAControlledFailuresInterleaving covers one that has).
func TestWeft_AStressFailureHasNoInterleaving(t *testing.T) {
	h, err := Read("../../histories/corpus/counter-split-lock.json")
	require.NoError(t, err)
	assert.Empty(t, h.Interleaving)
}

// Each call is named as the report's scenario table names it.
func TestWeft_LabelsEachCallAsTheReport(t *testing.T) {
	h, err := Read("../../histories/corpus/counter-split-lock.json")
	require.NoError(t, err)
	require.Len(t, h.Labels, len(h.Operations))
	assert.Equal(t, []string{"client 0, call 1", "client 1, call 1", "client 1, call 2"}, h.Labels, "as the file's history records part, client and index")
}
