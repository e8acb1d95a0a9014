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
