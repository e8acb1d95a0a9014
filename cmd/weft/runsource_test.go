package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/internal/tools"
)

func TestInstalledVersion(t *testing.T) {
	for _, tc := range []struct {
		info *debug.BuildInfo
		want string
	}{
		{nil, ""},
		{&debug.BuildInfo{Main: debug.Module{Path: weftModule, Version: "v0.3.0"}}, "v0.3.0"},
		{&debug.BuildInfo{Main: debug.Module{Path: weftModule, Version: "v0.0.0-20261201000000-abcdefabcdef"}}, "v0.0.0-20261201000000-abcdefabcdef"},
		{&debug.BuildInfo{Main: debug.Module{Path: weftModule, Version: "(devel)"}}, ""},
		{&debug.BuildInfo{Main: debug.Module{Path: weftModule}}, ""},
		{&debug.BuildInfo{Main: debug.Module{Path: "example.com/other", Version: "v1.0.0"}}, ""},
	} {
		assert.Equal(t, tc.want, installedVersion(tc.info), "%+v", tc.info)
	}
}

// The module cache's files are read-only; the copy's are writable, as the
// check writes beside them, and hold the same bytes.
func TestCopyTree_CopiesWritable(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "copy")
	require.NoError(t, os.MkdirAll(filepath.Join(src, "checks", "catalog"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(src, "go.mod"), []byte("module "+weftModule+"\n"), 0o444))
	require.NoError(t, os.WriteFile(filepath.Join(src, "checks", "catalog", "x.go"), []byte("package catalog\n"), 0o444))
	require.NoError(t, tools.CopyTreeOnce(src, dst))
	data, err := os.ReadFile(filepath.Join(dst, "checks", "catalog", "x.go"))
	require.NoError(t, err)
	assert.Equal(t, "package catalog\n", string(data))
	info, err := os.Stat(filepath.Join(dst, "go.mod"))
	require.NoError(t, err)
	assert.NotZero(t, info.Mode().Perm()&0o200, "writable")
	root, err := weftRoot(dst)
	require.NoError(t, err, "the copy is a module weft run checks")
	assert.Equal(t, dst, root)
}

// A finished copy is reused: no download, no copy again.
func TestCopyModule_ReusesAFinishedCopy(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "kept"), []byte("x"), 0o644))
	t.Setenv("PATH", "") // no go command to run: reusing must not need one
	require.NoError(t, copyModule("v9.9.9", dir))
	_, err := os.Stat(filepath.Join(dir, "kept"))
	assert.NoError(t, err)
}

func TestCopyModule_SaysWhyItCannot(t *testing.T) {
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	err := copyModule("v9.9.9-not-a-version", filepath.Join(t.TempDir(), "copy"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "v9.9.9-not-a-version")
}
