package rewrite

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
)

// The import paths the rewritten code uses.
const (
	schedPath   = "github.com/weftlab/weft/checks/sched"
	syncPath    = "github.com/weftlab/weft/checks/sched/sync"
	atomicPath  = "github.com/weftlab/weft/checks/sched/atomic"
	rtPath      = "github.com/weftlab/weft/checks/rewrite/rt"
	contextPath = "github.com/weftlab/weft/checks/sched/context"
)

// An Error is a construct the rewrite cannot bring under weft's control.
// Leaving it as it is would let the code escape control silently, so the
// rewrite fails instead.
type Error struct {
	Pos  token.Position
	What string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Pos, e.What) }

// A file is the rewrite of one Go file of a package in the rewrite set.
type file struct {
	fset  *token.FileSet
	tf    *token.File
	syn   *ast.File
	info  *types.Info
	pkg   *types.Package
	inSet func(path string) bool // whether a package is rewritten too
	ed    editor
	errs  []error

	names   map[string]bool   // identifiers of the file: temporaries avoid them
	aliases map[string]string // import path -> local name of the imports added
	tmp     int

	// Receives and sends that a select or a comma-ok assignment rewrites
	// as a whole, and the comma-ok receives.
	inSelect map[ast.Node]bool
	commaOK  map[*ast.UnaryExpr]bool
	// Channel types converted to, as chan T(x): the rewritten type, a
	// pointer, needs parentheses there.
	convTo map[*ast.ChanType]bool
	// Uses of the standard packages the rewrite maps, by import, and how
	// many of them it replaced: an import left with none is blanked.
	stdUses, stdDone map[*types.PkgName]int
}

// rewriteFile returns the rewritten text of syn, whose original text is src
// and whose name in the output's line directives is path. It returns nil
// text when nothing in the file needs rewriting.
func rewriteFile(fset *token.FileSet, syn *ast.File, src []byte, path string, info *types.Info, pkg *types.Package, inSet func(string) bool) ([]byte, error) {
	f := &file{
		fset: fset, tf: fset.File(syn.Pos()), syn: syn, info: info, pkg: pkg, inSet: inSet,
		ed:       editor{src: src},
		names:    map[string]bool{},
		aliases:  map[string]string{},
		inSelect: map[ast.Node]bool{},
		commaOK:  map[*ast.UnaryExpr]bool{},
		convTo:   map[*ast.ChanType]bool{},
		stdUses:  map[*types.PkgName]int{},
		stdDone:  map[*types.PkgName]int{},
	}
	f.prepare()
	f.implicit()
	f.walk()
	f.finishImports()
	if len(f.errs) > 0 {
		return nil, errors.Join(f.errs...)
	}
	if len(f.ed.edits) == 0 {
		return nil, nil
	}
	return f.ed.output(path), nil
}

// prepare marks what is rewritten as a whole by an enclosing construct,
// and collects the names of the file.
func (f *file) prepare() {
	ast.Inspect(f.syn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			f.names[n.Name] = true
			if pn, ok := f.info.Uses[n].(*types.PkgName); ok && mappedPath(pn.Imported().Path()) {
				f.stdUses[pn]++
			}
		case *ast.SelectStmt:
			for _, c := range n.Body.List {
				switch comm := c.(*ast.CommClause).Comm.(type) {
				case *ast.SendStmt:
					f.inSelect[comm] = true
				case *ast.ExprStmt:
					f.inSelect[unparen(comm.X)] = true
				case *ast.AssignStmt:
					f.inSelect[unparen(comm.Rhs[0])] = true
				}
			}
		case *ast.CallExpr:
			if ct, ok := n.Fun.(*ast.ChanType); ok {
				f.convTo[ct] = true
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
				f.markCommaOK(n.Rhs[0])
			}
		case *ast.ValueSpec:
			if len(n.Names) == 2 && len(n.Values) == 1 {
				f.markCommaOK(n.Values[0])
			}
		}
		return true
	})
}

func (f *file) markCommaOK(e ast.Expr) {
	if u, ok := unparen(e).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		f.commaOK[u] = true
	}
}

// walk rewrites the constructs of the file, each after the ones it
// contains.
func (f *file) walk() {
	var stack []ast.Node
	ast.Inspect(f.syn, func(n ast.Node) bool {
		if n != nil {
			f.check(n)
			stack = append(stack, n)
			return true
		}
		n, stack = stack[len(stack)-1], stack[:len(stack)-1]
		f.visit(n)
		return true
	})
}

func (f *file) visit(n ast.Node) {
	switch n := n.(type) {
	case *ast.SelectorExpr:
		f.qualified(n)
	case *ast.ChanType:
		f.chanType(n)
	case *ast.UnaryExpr:
		if n.Op == token.ARROW && !f.inSelect[n] {
			f.recv(n)
		}
	case *ast.SendStmt:
		if !f.inSelect[n] {
			f.send(n)
		}
	case *ast.CallExpr:
		f.conversion(n)
		f.builtin(n)
	case *ast.TypeSpec:
		f.typeSpec(n)
	case *ast.RangeStmt:
		f.rangeChan(n)
	case *ast.GoStmt:
		f.goStmt(n)
	case *ast.SelectStmt:
		f.selectStmt(n)
	}
}

// fail records a construct the rewrite cannot bring under control.
func (f *file) fail(pos token.Pos, format string, args ...any) {
	f.errs = append(f.errs, &Error{Pos: f.fset.Position(pos), What: fmt.Sprintf(format, args...)})
}

func (f *file) off(p token.Pos) int { return f.tf.Offset(p) }

// src returns the rewritten text of n.
func (f *file) src(n ast.Node) string { return f.ed.text(f.off(n.Pos()), f.off(n.End())) }

func (f *file) replace(n ast.Node, text string) {
	f.ed.replace(f.off(n.Pos()), f.off(n.End()), text)
}

// use returns the local name of the import of path, adding it.
func (f *file) use(path string) string {
	if name, ok := f.aliases[path]; ok {
		return name
	}
	base := "weft" + path[strings.LastIndexByte(path, '/')+1:]
	name := base
	// An import name may not be declared in the package block either, by
	// any of its files.
	for i := 2; f.names[name] || f.pkg.Scope().Lookup(name) != nil; i++ {
		name = base + strconv.Itoa(i)
	}
	f.names[name] = true
	f.aliases[path] = name
	return name
}

// temp returns a fresh name for a temporary, of the given role.
func (f *file) temp(role string) string {
	for {
		name := "weft" + role + strconv.Itoa(f.tmp)
		f.tmp++
		if !f.names[name] {
			f.names[name] = true
			return name
		}
	}
}

// finishImports adds the imports the rewritten code uses, on the line of
// the package clause so that no line moves, and blanks the imports of the
// standard packages whose every use was replaced.
func (f *file) finishImports() {
	for _, spec := range f.syn.Imports {
		pn, ok := f.info.Implicits[spec].(*types.PkgName)
		if !ok {
			pn, _ = f.info.Defs[spec.Name].(*types.PkgName)
		}
		if pn != nil && f.stdUses[pn] > 0 && f.stdDone[pn] == f.stdUses[pn] {
			f.replace(spec, "_ "+spec.Path.Value)
		}
	}
	if len(f.aliases) == 0 {
		return
	}
	paths := make([]string, 0, len(f.aliases))
	for p := range f.aliases {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var b strings.Builder
	b.WriteString(f.syn.Name.Name + "; import (")
	for i, p := range paths {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s %q", f.aliases[p], p)
	}
	b.WriteString(")")
	f.replace(f.syn.Name, b.String())
}

func unparen(e ast.Expr) ast.Expr { return ast.Unparen(e) }
