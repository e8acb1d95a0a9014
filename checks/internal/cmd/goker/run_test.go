package main

import (
	"os/exec"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunAll runs the synthetic kernels as make goker runs GoKer's: the
// double lock and the leak are caught with their documented cause, and the
// race by stress+race, at the line its backtrace names.
func TestRunAll(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs three kernels, under -race too")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("needs the go command")
	}
	ks := synthetic(t)
	list := []*kernel{ks["moby1"], ks["cockroach2"], ks["istio3"]}
	root, err := moduleRoot()
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, scratch(dir, root, list))
	rows := runAll(dir, list, 8*time.Second, 2, false, func(line string) { t.Log(line) })

	for _, r := range rows {
		require.Empty(t, r.refused, r.k.name)
		o := r.credited()
		require.NotNil(t, o, "%s: no strategy reported", r.k.name)
		assert.Equal(t, "yes 1/1", r.match(), "%s: %s", r.k.name, o.Report)
	}
	assert.Contains(t, []string{"deadlock", "leak", "hang"}, rows[0].credited().Verdict)
	assert.Equal(t, "leak", rows[1].credited().Verdict)
	assert.Equal(t, "data race", rows[2].credited().Verdict)
	assert.Equal(t, "stress+race", rows[2].credited().Strategy)

	// Reading the outcomes back gives the same table.
	again := runAll(dir, list, 0, 1, true, func(string) {})
	for i := range rows {
		assert.Equal(t, rows[i].match(), again[i].match())
	}
}
