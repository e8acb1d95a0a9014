package main

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strings"
)

// A README names a call by the variable of the function it describes
// ("devices.Lock()" in (*DeviceSet).cleanupDeletedDevices), a report by
// the variable of the goroutine that stands there ("ds.Lock()" in the
// test's closure): the same lock, other words. kernelTypes lets the cause
// check see through the words to the types: a call X.M() the README names
// matches a statement calling Y.M() when X and Y have the same named type
// declared in the kernel, pointer or not.
//
// Only types the kernel declares count. A lock of the standard library
// (sync.Mutex) is everywhere: matching any X.Lock() of it with any
// Y.Lock() of it would count a goroutine blocked on some other lock as the
// documented one, which is not a detection.
type kernelTypes struct {
	// names holds, for each identifier name, the kernel's named types of
	// the variables it declares: receivers, parameters, results, locals
	// and fields.
	names map[string][]*types.TypeName
	// calls holds, for each line, the method calls written on it whose
	// receiver has a named type of the kernel.
	calls map[int][]typedCall
}

// A typedCall is a call recv.method() whose receiver's type is recv.
type typedCall struct {
	method string
	recv   *types.TypeName
}

// typeCheck type-checks the kernel's file f, tolerating errors (an
// import that does not resolve leaves its uses untyped, not the rest),
// and keeps what kernelTypes needs. When nothing type-checks, the maps stay
// empty and the cause check compares text alone, as it did.
func typeCheck(fset *token.FileSet, f *ast.File, imp types.Importer) kernelTypes {
	kt := kernelTypes{names: map[string][]*types.TypeName{}, calls: map[int][]typedCall{}}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: imp, Error: func(error) {}}
	pkg, _ := conf.Check(f.Name.Name, fset, []*ast.File{f}, info)
	if pkg == nil {
		return kt
	}
	// own is the kernel's named type of t, itself or pointed to; nil for
	// any other type.
	own := func(t types.Type) *types.TypeName {
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Pkg() != pkg {
			return nil
		}
		return n.Obj()
	}
	for id, obj := range info.Defs {
		v, ok := obj.(*types.Var)
		if !ok {
			continue
		}
		if tn := own(v.Type()); tn != nil && !slices.Contains(kt.names[id.Name], tn) {
			kt.names[id.Name] = append(kt.names[id.Name], tn)
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if tv, ok := info.Types[sel.X]; ok {
			if tn := own(tv.Type); tn != nil {
				line := fset.Position(sel.Sel.Pos()).Line
				kt.calls[line] = append(kt.calls[line], typedCall{sel.Sel.Name, tn})
			}
		}
		return true
	})
	return kt
}

// namedCall is a README's call written as a receiver and a method,
// "devices.Lock()" or "s.mu.Lock()": its last receiver name and method.
var namedCall = regexp.MustCompile(`^(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\(\)$`)

// sameTypeCall reports whether a statement on lines from..to calls the
// method of op, a call the README names, on a receiver of a type of the
// kernel that op's receiver name declares.
func (kt kernelTypes) sameTypeCall(op string, from, to int) bool {
	m := namedCall.FindStringSubmatch(strings.TrimSpace(op))
	if m == nil {
		return false
	}
	recv, method := m[1], m[2]
	for line := from; line <= to; line++ {
		for _, c := range kt.calls[line] {
			if c.method == method && slices.Contains(kt.names[recv], c.recv) {
				return true
			}
		}
	}
	return false
}
