package catalog_test

import (
	"io/fs"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/weftlab/weft/checks/catalog"
	"github.com/weftlab/weft/checks/internal/reporttest"
)

// entryNamed returns the catalog entry called name, and fails t if there is
// none: a test about an entry must not pass by checking nothing.
func entryNamed(t testing.TB, name string) catalog.Entry {
	t.Helper()
	for _, e := range catalog.All() {
		if e.Name == name {
			return e
		}
	}
	t.Fatalf("the catalog has no entry %q", name)
	return catalog.Entry{}
}

// TestCatalog_EveryImplementationHasAnEntry: every package of impls/ is
// checked by at least one entry, so that a structure added there cannot be
// left out of make check.
func TestCatalog_EveryImplementationHasAnEntry(t *testing.T) {
	checked := map[string]bool{}
	for _, e := range catalog.All() {
		require.NotEmpty(t, e.Package, "entry %s", e.Name)
		checked[e.Package] = true
	}
	module := strings.TrimSuffix(reflect.TypeFor[catalog.Entry]().PkgPath(), "/checks/catalog")
	var packages []string
	root := filepath.Join("..", "..", "impls")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".go" || strings.HasSuffix(p, "_test.go") {
			return err
		}
		rel, err := filepath.Rel(filepath.Join("..", ".."), filepath.Dir(p))
		if pkg := path.Join(module, filepath.ToSlash(rel)); err == nil && !slices.Contains(packages, pkg) {
			packages = append(packages, pkg)
		}
		return err
	})
	require.NoError(t, err)
	require.NotEmpty(t, packages, "no Go package found under %s", root)
	for _, pkg := range packages {
		assert.True(t, checked[pkg], "package %s has no catalog entry", pkg)
	}
}

func TestEntryNamed_FailsOnAMissingEntry(t *testing.T) {
	fatal := reporttest.FatalOf(t, func(tb testing.TB) { entryNamed(tb, "counter/no-such-variant") })
	assert.Contains(t, fatal, `the catalog has no entry "counter/no-such-variant"`)
	assert.Equal(t, "counter/atomic", entryNamed(t, "counter/atomic").Name)
}
