package hits

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestREADME_ShowsThisExample keeps the README's example of "Check your
// own structure" identical to hits_test.go, a complete file that compiles
// and runs.
func TestREADME_ShowsThisExample(t *testing.T) {
	example, err := os.ReadFile("hits_test.go")
	require.NoError(t, err)
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	assert.Contains(t, string(readme), "```go\n"+string(example)+"```\n",
		"README.md must show examples/hits/hits_test.go verbatim, as a whole file")
}
