package rewrite

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOverlay_BuildsAndPointsHome rewrites testdata/plain, plain Go with
// sync, sync/atomic, go statements, channels, range, select and time, and
// runs its tests through the overlay in a child go test: the rewritten
// code must build and pass, a panic must come through weft's channel and
// name the original file and line, and a second rewrite must reuse the
// first.
func TestOverlay_BuildsAndPointsHome(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the end-to-end test runs the go command, which is not on PATH")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "plain"))
	require.NoError(t, err)
	cfg := Config{Dir: dir, CacheDir: t.TempDir()}

	res, err := Overlay(cfg, ".")
	require.NoError(t, err)
	assert.False(t, res.Cached)
	orig := filepath.Join(dir, "plain.go")
	require.Contains(t, res.Files, orig)
	assert.NotContains(t, res.Files, filepath.Join(dir, "util.go"), "a file with nothing to rewrite is built as it is")
	data, err := os.ReadFile(orig)
	require.NoError(t, err)
	assert.Contains(t, string(data), "\"sync\"", "the user's file is untouched")

	again, err := Overlay(cfg, ".")
	require.NoError(t, err)
	assert.True(t, again.Cached)
	assert.Equal(t, res.Overlay, again.Overlay)
	assert.Equal(t, res.Files, again.Files)

	run := func(env []string, args ...string) (string, error) {
		cmd := exec.Command(goTool, append([]string{"test", "-count=1", "-overlay=" + res.Overlay}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	out, err := run([]string{"WEFT_E2E_MARK=1"}, "-run", "TestSum|TestFirst|TestMarked", ".")
	require.NoError(t, err, "the rewritten package must build and pass, marked as rewritten:\n%s", out)
	assert.Contains(t, res.Files, filepath.Join(dir, markFile))

	plain := exec.Command(goTool, "test", "-count=1", "-run", "TestMarked", ".")
	plain.Dir, plain.Env = dir, append(os.Environ(), "WEFT_E2E_MARK=0")
	out2, err := plain.CombinedOutput()
	require.NoError(t, err, "built without the overlay, the package is not marked:\n%s", out2)

	out, err = run([]string{"WEFT_E2E_PANIC=1"}, "-run", "TestCloseTwice", ".")
	require.Error(t, err)
	assert.Contains(t, out, "close of closed channel")
	assert.Contains(t, out, "checks/rewrite/rt.Close", "the close must go through weft's channel")
	assert.Contains(t, out, orig+":"+strconv.Itoa(lineOf(t, orig, "// the second close")),
		"the panic must point at the original line")
}

// lineOf returns the line of name that contains marker.
func lineOf(t *testing.T, name, marker string) int {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.Contains(sc.Text(), marker) {
			return n
		}
	}
	t.Fatalf("%s has no line with %q", name, marker)
	return 0
}

// BenchmarkOverlay measures the rewrite of testdata/plain with its tests:
// cold (an empty cache: list, type-check, rewrite, write) and warm (the
// same sources: a go list and the overlay reused).
func BenchmarkOverlay(b *testing.B) {
	if _, err := exec.LookPath("go"); err != nil {
		b.Skip("the go command is not on PATH")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "plain"))
	require.NoError(b, err)
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			_, err := Overlay(Config{Dir: dir, CacheDir: b.TempDir()}, ".")
			require.NoError(b, err)
		}
	})
	b.Run("warm", func(b *testing.B) {
		cfg := Config{Dir: dir, CacheDir: b.TempDir()}
		_, err := Overlay(cfg, ".")
		require.NoError(b, err)
		for b.Loop() {
			res, err := Overlay(cfg, ".")
			require.NoError(b, err)
			require.True(b, res.Cached)
		}
	})
}

// TestOverlay_RewritesAModuleOfTheModuleCacheInACopy rewrites errgroup,
// whose files lie in the module cache, where go -overlay cannot replace
// them: the overlay must point the main module's go.mod at a copy of
// x/sync, leave go.mod itself and the module cache untouched, and build
// errgroup rewritten (its package marked) for the package that uses it.
func TestOverlay_RewritesAModuleOfTheModuleCacheInACopy(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the end-to-end test runs the go command, which is not on PATH")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "dependency"))
	require.NoError(t, err)
	cache := t.TempDir()
	gomod, err := filepath.Abs(filepath.Join("..", "..", "go.mod"))
	require.NoError(t, err)
	before, err := os.ReadFile(gomod)
	require.NoError(t, err)

	res, err := Overlay(Config{Dir: dir, CacheDir: cache}, ".", "golang.org/x/sync/errgroup")
	require.NoError(t, err)
	require.Contains(t, res.Files, gomod, "the overlay replaces the main module's go.mod")
	replaced, err := os.ReadFile(res.Files[gomod])
	require.NoError(t, err)
	copyDir := filepath.Join(cache, "modules", "golang.org", "x", "sync@")
	assert.Contains(t, string(replaced), "replace golang.org/x/sync => "+copyDir)
	after, err := os.ReadFile(gomod)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after), "the user's go.mod is never written")
	var inCopy int
	for from := range res.Files {
		if strings.HasPrefix(from, copyDir) {
			inCopy++
		}
	}
	assert.GreaterOrEqual(t, inCopy, 2, "errgroup.go and the mark are overlaid in the copy: %v", res.Files)

	again, err := Overlay(Config{Dir: dir, CacheDir: cache}, ".", "golang.org/x/sync/errgroup")
	require.NoError(t, err)
	assert.True(t, again.Cached)
	copies, err := filepath.Glob(copyDir + "*")
	require.NoError(t, err)
	require.Len(t, copies, 1)
	require.NoError(t, os.RemoveAll(copies[0]))
	again, err = Overlay(Config{Dir: dir, CacheDir: cache}, ".", "golang.org/x/sync/errgroup")
	require.NoError(t, err)
	assert.False(t, again.Cached, "an overlay whose module copy is gone is made again")

	cmd := exec.Command(goTool, "test", "-count=1", "-overlay="+res.Overlay, "-run", "TestErrgroupRewritten", ".")
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "WEFT_E2E_MARK=1")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "errgroup must build rewritten and work:\n%s", out)

	plain := exec.Command(goTool, "test", "-count=1", "-run", "TestErrgroupRewritten", ".")
	plain.Dir, plain.Env = dir, append(os.Environ(), "WEFT_E2E_MARK=0")
	out, err = plain.CombinedOutput()
	require.NoError(t, err, "without the overlay, errgroup is the module cache's:\n%s", out)
}
