package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSummary_TableAndMismatches(t *testing.T) {
	rows, err := read(strings.NewReader(`{"structure":"counter/atomic","mode":"stress","expected":"ok","actual":"ok","scenarios":3,"executions":300,"seconds":1.5,"seed":4242}

{"structure":"counter/racy","mode":"stress+race","expected":"not linearizable","actual":"skipped","note":"data race by design"}
`))
	require.NoError(t, err)
	var out strings.Builder
	assert.True(t, render(&out, rows))
	assert.Contains(t, out.String(), "counter    atomic")
	assert.Regexp(t, `atomic .* 4242\n`, out.String(), "the seed that reruns the check ends its row")
	assert.Regexp(t, `racy .* -\n`, out.String(), "a check that did not run has no seed")
	assert.Contains(t, out.String(), "[1] counter/racy (stress+race): data race by design")
	assert.Contains(t, out.String(), "2 checks, 300 executions")
	assert.Contains(t, out.String(), "every verdict as expected (1 skipped")

	rows[0].Actual = "hang"
	out.Reset()
	assert.False(t, render(&out, rows))
	assert.Contains(t, out.String(), "MISMATCH")
}

func TestSummary_RejectsBadInput(t *testing.T) {
	_, err := read(strings.NewReader("{\"structure\": 3}\n"))
	assert.ErrorContains(t, err, "line 1")
	var out strings.Builder
	assert.False(t, render(&out, nil))
	assert.Contains(t, out.String(), "no check was recorded")
}
