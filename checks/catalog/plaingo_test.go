package catalog_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const schedPath = "github.com/weftlab/weft/checks/sched"

// schedAnnotations are the names of package sched that impls/ may use: what
// a program says about itself and plain Go cannot (a hand-made lock's
// waits, a goroutine's priority, a note for the report), each a no-op
// without weft's controller. Every other name of sched (Go, Chan, NewChan,
// Select, Case, Default, After, Sleep, Yield, Now, Timer, Ticker, ...) is a
// shim of something plain Go writes itself, which the rewrite brings under
// control.
var schedAnnotations = map[string]bool{
	"Waiting": true, "Acquired": true, "Released": true,
	"Kind": true, "MutexLock": true, "RWLock": true, "RLock": true,
	"SetPriority": true, "ClearPriority": true,
	"Note": true,
}

// TestImpls_ArePlainGo: the structures of impls/ are written in plain Go
// (sync, sync/atomic, go, channels, select, time) and checked through the
// rewrite; none uses a shim, which would check code nobody writes.
func TestImpls_ArePlainGo(t *testing.T) {
	uses, err := shimUses(filepath.Join("..", "..", "impls"))
	require.NoError(t, err)
	assert.Empty(t, uses, "impls/ must be plain Go: use the standard construct, which the rewrite maps to the shim")
}

func TestShimUses_FindsEveryShim(t *testing.T) {
	dir := t.TempDir()
	src := `package p

import (
	"time"

	s "github.com/weftlab/weft/checks/sched"
	"github.com/weftlab/weft/checks/sched/atomic"
	. "github.com/weftlab/weft/checks/sched/sync"
)

var n atomic.Int64
var mu Mutex

func f(c *s.Chan[int]) {
	s.Go(func() {})
	s.Sleep(time.Millisecond)
	s.Waiting(s.MutexLock, &mu) // an annotation: allowed
	s.Note("fine")
}
`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644))
	// Test files may use anything: they are not the structures checked.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "p_test.go"), []byte("package p\n\nimport _ \"github.com/weftlab/weft/checks/sched/sync\"\n"), 0o644))
	uses, err := shimUses(dir)
	require.NoError(t, err)
	file := filepath.Join(dir, "p.go")
	assert.Equal(t, []string{
		file + ":7: imports the shim package github.com/weftlab/weft/checks/sched/atomic",
		file + ":8: imports the shim package github.com/weftlab/weft/checks/sched/sync",
		file + ":14: uses the shim sched.Chan",
		file + ":15: uses the shim sched.Go",
		file + ":16: uses the shim sched.Sleep",
	}, uses)
}

// shimUses returns, for every non-test Go file under root, each import of
// a shim package (checks/sched's subpackages) and each use of a name of
// checks/sched that is not an annotation, as "file:line: what".
func shimUses(root string) ([]string, error) {
	var uses []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		report := func(pos token.Pos, format string, args ...any) {
			uses = append(uses, fmt.Sprintf("%s:%d: ", path, fset.Position(pos).Line)+fmt.Sprintf(format, args...))
		}
		sched := "" // the local name of checks/sched in f
		for _, spec := range f.Imports {
			p, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return err
			}
			switch {
			case strings.HasPrefix(p, schedPath+"/"):
				report(spec.Pos(), "imports the shim package %s", p)
			case p == schedPath && spec.Name != nil && spec.Name.Name == ".":
				report(spec.Pos(), "dot-imports %s: qualify its annotations", p)
			case p == schedPath && spec.Name != nil:
				sched = spec.Name.Name
			case p == schedPath:
				sched = "sched"
			}
		}
		if sched == "" {
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == sched && !schedAnnotations[sel.Sel.Name] {
					report(sel.Pos(), "uses the shim sched.%s", sel.Sel.Name)
				}
			}
			return true
		})
		return nil
	})
	return uses, err
}
