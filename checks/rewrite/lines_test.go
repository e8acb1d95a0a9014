package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every identifier of the rewritten file that the original has too must
// read, through the line directives, at its original line: replacements
// that gather lines (a select's operands into its header, a go statement's
// arguments into its temporaries) must not move what follows them.
func TestRewrite_KeepsLines(t *testing.T) {
	src := `package p

func f(a, b int) {}

func g(ch chan int, x int) {
	go f(x,
		x+1)
	mark1 := 1
	select {
	case v := <-func(
		c chan int) chan int { return c }(ch):
		mark2 := v
		_ = mark2
	case ch <- (x +
		1):
	}
	ch <- x +
		2
	mark3 := <-ch
	_, _ = mark1, mark3
}
`
	out, err := rewriteSnippet(t, src)
	require.NoError(t, err)
	assert.NotEqual(t, strings.Count(src, "\n"), strings.Count(out, "\n"), "the case must exercise a replacement that changes the number of lines")

	want := map[string]int{}
	for i, line := range strings.Split(src, "\n") {
		for _, m := range []string{"mark1", "mark2", "mark3"} {
			if strings.Contains(line, m+" :=") {
				want[m] = i + 1
			}
		}
	}
	require.Len(t, want, 3)

	fset := token.NewFileSet()
	syn, err := parser.ParseFile(fset, "out.go", "//line /src/p/p.go:1\n"+out, parser.ParseComments)
	require.NoError(t, err, "the rewrite must parse:\n%s", out)
	got := map[string]int{}
	ast.Inspect(syn, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && want[id.Name] > 0 && got[id.Name] == 0 {
			pos := fset.Position(id.Pos())
			assert.Equal(t, "/src/p/p.go", pos.Filename)
			got[id.Name] = pos.Line
		}
		return true
	})
	assert.Equal(t, want, got, "rewritten:\n%s", out)
}
