package main

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// projects are the kernels weft is measured on. GoKer's other projects are
// kept for an evaluation by others: the driver never runs them.
var projects = []string{"cockroach", "istio", "moby", "serving"}

// A kernel is one GoKer bug: a test file and its README.
type kernel struct {
	name     string // such as "cockroach1055"
	blocking bool
	dir      string // in the GoBench folder
	file     string // the test file's base name
	pkg      string // its package name
	pkgLine  int    // the line of its package clause
	test     string // its test function
	class    string // GoKer's subtype and sub-subtype
	src      []string
	funcs    []funcRange
	types    kernelTypes // what its variables and calls are, for the cause check
	cause    cause
	hazard   string // why it may not run as written, if a construct says so
	fix      string // a patch that fixes it (-fixed), if any
	modern   bool   // run with Go 1.22's loop variables, which its rewrite needs
}

// A funcRange is the lines of a function declaration of the kernel.
type funcRange struct {
	name       string // as funcName names it in a stack
	start, end int
}

// kernels lists the kernels of projects under root, a clone of
// github.com/timmyyuan/gobench, blocking ones first.
func kernels(root string) ([]*kernel, error) {
	base := filepath.Join(root, "gobench", "goker")
	if _, err := os.Stat(base); err != nil {
		return nil, fmt.Errorf("%s is not a clone of github.com/timmyyuan/gobench: it has no gobench/goker folder", root)
	}
	var ks []*kernel
	imp := importer.Default() // one for all, so that each package is imported once
	for _, kind := range []string{"blocking", "nonblocking"} {
		for _, p := range projects {
			dirs, err := filepath.Glob(filepath.Join(base, kind, p, "*"))
			if err != nil {
				return nil, err
			}
			sort.Strings(dirs)
			for _, dir := range dirs {
				k, err := loadKernel(dir, kind == "blocking", imp)
				if err != nil {
					return nil, err
				}
				ks = append(ks, k)
			}
		}
	}
	if len(ks) == 0 {
		return nil, fmt.Errorf("no kernel of %v under %s", projects, base)
	}
	return ks, nil
}

var tableRow = regexp.MustCompile(`(?m)^\|\[[^\]]+\]\|.*\|\s*(?:Blocking|NonBlocking)\s*\|\s*([^|]*?)\s*\|\s*([^|]*?)\s*\|`)

func loadKernel(dir string, blocking bool, imp types.Importer) (*kernel, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil || len(files) != 1 {
		return nil, fmt.Errorf("%s: want one _test.go file, found %d", dir, len(files))
	}
	k := &kernel{dir: dir, blocking: blocking, file: filepath.Base(files[0])}
	k.name = strings.TrimSuffix(k.file, "_test.go")
	data, err := os.ReadFile(files[0])
	if err != nil {
		return nil, err
	}
	k.src = strings.Split(string(data), "\n")
	if err := k.parse(files[0], data, imp); err != nil {
		return nil, err
	}
	readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		return nil, err
	}
	if m := tableRow.FindStringSubmatch(string(readme)); m != nil {
		k.class = m[1] + " / " + m[2]
	}
	k.cause = parseCause(string(readme), k)
	return k, nil
}

// parse finds the package, the test and the functions' lines, type-checks
// the file with imp, and notes a construct that keeps the test from
// running under weft as written.
func (k *kernel) parse(name string, data []byte, imp types.Importer) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, data, 0)
	if err != nil {
		return err
	}
	k.pkg = f.Name.Name
	k.pkgLine = fset.Position(f.Package).Line
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		n := fd.Name.Name
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			switch t := fd.Recv.List[0].Type.(type) {
			case *ast.StarExpr:
				if id, ok := t.X.(*ast.Ident); ok {
					n = "(*" + id.Name + ")." + n
				}
			case *ast.Ident:
				n = t.Name + "." + n
			}
		}
		k.funcs = append(k.funcs, funcRange{n, fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line})
		if fd.Recv == nil && strings.HasPrefix(n, "Test") && k.test == "" {
			k.test = n
		}
	}
	if k.test == "" {
		return fmt.Errorf("%s: no test function", name)
	}
	k.types = typeCheck(fset, f, imp)
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Run" {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "t" {
				k.hazard = "t.Run: the subtest runs on a goroutine of package testing, outside weft's control"
			}
		}
		return true
	})
	return nil
}

// funcAt names the function declaration that holds line.
func (k *kernel) funcAt(line int) string {
	for _, f := range k.funcs {
		if f.start <= line && line <= f.end {
			return f.name
		}
	}
	return ""
}

// line is the source text of a line, empty out of range.
func (k *kernel) line(n int) string {
	if n < 1 || n > len(k.src) {
		return ""
	}
	return k.src[n-1]
}

// canonical is the declared function a frame's function is written in:
// closures dropped, and, where the compiler names a function inlined into
// another after both ("outer.(*T).inner.func1"), the declared one it
// ends with.
func (k *kernel) canonical(fn string) string {
	fn = enclosing(fn)
	for i := 0; i < len(fn); i++ {
		if (i == 0 || fn[i-1] == '.') && slices.ContainsFunc(k.funcs, func(f funcRange) bool { return f.name == fn[i:] }) {
			return fn[i:]
		}
	}
	return fn
}

// statement is the source text of line, or, where the line opens a
// select (whose goroutine stands at the select, not at one of its cases),
// of the whole select.
func (k *kernel) statement(n int) string {
	end := k.statementEnd(n)
	if end == n {
		return k.line(n)
	}
	text := ""
	for i := n; i <= end; i++ {
		text += k.line(i) + "\n"
	}
	return text
}

// statementEnd is the last line of the statement at line n: n, or the
// closing line of the select it opens.
func (k *kernel) statementEnd(n int) int {
	if !strings.HasPrefix(strings.TrimSpace(k.line(n)), "select {") {
		return n
	}
	depth := 0
	for i := n; i <= len(k.src); i++ {
		depth += strings.Count(k.line(i), "{") - strings.Count(k.line(i), "}")
		if depth <= 0 {
			return i
		}
	}
	return len(k.src)
}
