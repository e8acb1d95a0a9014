package rewrite

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// rewriteSnippet type-checks src as package p (imports: the standard
// library only) and returns its rewrite without the leading line directive,
// or the error of the rewrite.
func rewriteSnippet(t *testing.T, src string) (string, error) {
	t.Helper()
	fset := token.NewFileSet()
	syn, err := parser.ParseFile(fset, "/src/p/p.go", src, parser.ParseComments)
	require.NoError(t, err)
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{},
		FileVersions: map[*ast.File]string{},
	}
	conf := types.Config{Importer: withQ{importer.Default()}, GoVersion: "go1.26"}
	pkg, err := conf.Check("example.com/p", fset, []*ast.File{syn}, info)
	require.NoError(t, err, "the snippet itself must type-check")
	out, err := rewriteFile(fset, syn, []byte(src), "/src/p/p.go", info, pkg, func(p string) bool { return p == "example.com/p" })
	if err != nil {
		return "", err
	}
	if out == nil {
		return src, nil
	}
	header, rest, _ := strings.Cut(string(out), "\n")
	require.Equal(t, "//line /src/p/p.go:1", header)
	return rest, nil
}

// withQ adds example.com/q, a package outside the rewrite, to the standard
// library's.
type withQ struct{ std types.Importer }

func (w withQ) Import(path string) (*types.Package, error) {
	if path != "example.com/q" {
		return w.std.Import(path)
	}
	fset := token.NewFileSet()
	syn, err := parser.ParseFile(fset, "q.go", "package q\n\ntype C chan int\n", 0)
	if err != nil {
		return nil, err
	}
	return (&types.Config{}).Check(path, fset, []*ast.File{syn}, nil)
}
