package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks/catalog"
)

// weft installed with go install works from any directory: nothing it needs
// at run time is a file of the repository (testdata, a replace directive's
// target). weft run, a build from a checkout with no version, says outside
// the checkout what it needs.
func TestInstall_WorksOutsideTheModule(t *testing.T) {
	if testing.Short() {
		t.Skip("go install links the command: seconds to a minute")
	}
	gobin, elsewhere := t.TempDir(), t.TempDir()
	install := exec.Command("go", "install", ".")
	install.Env = append(os.Environ(), "GOBIN="+gobin)
	out, err := install.CombinedOutput()
	require.NoError(t, err, "go install ./cmd/weft:\n%s", out)
	weft := filepath.Join(gobin, "weft")

	runWeft := func(args ...string) (string, int) {
		cmd := exec.Command(weft, args...)
		cmd.Dir = elsewhere
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return string(out), exit.ExitCode()
		}
		require.NoError(t, err)
		return string(out), 0
	}
	out2, status := runWeft("-h")
	assert.Equal(t, 0, status)
	assert.Contains(t, out2, "catalog [-json]")
	out2, status = runWeft("catalog", "-json")
	require.Equal(t, 0, status, out2)
	var entries []catalogEntry
	require.NoError(t, json.Unmarshal([]byte(out2), &entries))
	assert.Len(t, entries, len(catalog.All()))
	out2, status = runWeft("run", "counter/racy")
	assert.Equal(t, 2, status, out2)
	assert.Contains(t, out2, "no checkout of github.com/weftlab/weft")
	assert.Contains(t, out2, "go install github.com/weftlab/weft/cmd/weft@latest")
}
