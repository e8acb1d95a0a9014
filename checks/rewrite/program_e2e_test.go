package rewrite

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOverlay_ChecksAPlainProgram rewrites testdata/program, plain Go
// programs with a lock-order deadlock, a leak and a correct pipeline, and
// runs its test, which checks them with checks.Program, through the
// overlay in a child go test: the broken ones must be caught with their
// verdicts, under a controlled strategy and under stress, with reports
// that point at the original lines (a deadlock's report names the locks,
// not their lines: the leak's stack is the one with a line to show).
func TestOverlay_ChecksAPlainProgram(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the end-to-end test runs the go command, which is not on PATH")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "program"))
	require.NoError(t, err)
	res, err := Overlay(Config{Dir: dir, CacheDir: t.TempDir()}, ".")
	require.NoError(t, err)
	orig := filepath.Join(dir, "program.go")

	for _, strategy := range []string{"random", "stress"} {
		cmd := exec.Command(goTool, "test", "-count=1", "-v", "-overlay="+res.Overlay, "-run", "^TestPrograms$", ".")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "WEFT_E2E_PROGRAM=1", "WEFT_E2E_STRATEGY="+strategy, "WEFT_E2E_OUT="+t.TempDir())
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s: every program must get its verdict:\n%s", strategy, out)
		assert.Contains(t, string(out), "weft: lock-order caught as expected", strategy)
		assert.Contains(t, string(out), "weft: deadlock: lock-order", strategy)
		assert.Contains(t, string(out), "weft: leak: leak", strategy)
		assert.Contains(t, string(out), "program.go:"+strconv.Itoa(lineOf(t, orig, "// the leaked receive")),
			"%s: the leak points at the original line", strategy)
	}
}
