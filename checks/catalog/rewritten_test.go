package catalog_test

import (
	"os"
	"slices"
	"testing"

	"github.com/weftlab/weft/checks/catalog"
	"github.com/weftlab/weft/checks/rewrite/testmain"
)

// TestMain makes sure the structures run as weft sees them. They are plain
// Go: only the rewrite makes their locks, goroutines, channels and clocks
// scheduling points. Built without it (a plain go test), this binary would
// check real locks under a controller that cannot see them; so it
// rebuilds itself through the rewrite (testmain) and runs that binary, with
// the same arguments, in its place. make test and make check pass the
// overlay and never take this path. Every entry's package must be
// rewritten, not only the catalog's.
func TestMain(m *testing.M) {
	var packages []string
	for _, e := range catalog.All() {
		packages = append(packages, e.Package)
	}
	slices.Sort(packages)
	os.Exit(testmain.MainFor(m, "github.com/weftlab/weft/checks/catalog", slices.Compact(packages), catalog.RewritePatterns...))
}
