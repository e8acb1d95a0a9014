package catalog

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/selects"
)

// The request program's requirements on the outcome can fail: a request
// that always times out, and one that never does, each break one.
func TestRequestProgram_RequirementsOnTheOutcomeCanFail(t *testing.T) {
	for name, ask := range map[string]selects.AskFunc{
		"always-timeout": func(int, time.Duration, time.Duration) (int, error) { return 0, selects.ErrTimeout },
		"never-timeout":  func(q int, _, _ time.Duration) (int, error) { return q * q, nil },
	} {
		t.Run(name, func(t *testing.T) {
			res := checks.Run(t, checks.Program("select/"+name, requestProgram(ask)),
				checks.Options{Strategy: "random", Budget: 10 * time.Second, OutDir: t.TempDir()})
			require.NotNil(t, res.Failure, "not caught: %v", res)
			assert.Equal(t, checks.Violated, res.Verdict, res.Failure.Report)
		})
	}
}
