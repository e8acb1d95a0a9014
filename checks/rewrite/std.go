package rewrite

import (
	"go/ast"
	"go/types"
	"strings"
)

// A target is what a name of a standard package becomes: name in the
// package at path, or, with path empty, an error saying why it cannot.
type target struct{ path, name string }

// stdNames maps the names of the standard packages that synchronize, block
// or read the clock to weft's. A name of these packages that is absent
// stays standard: it neither blocks nor synchronizes goroutines in a way a
// schedule could change (time.Duration, sync.Pool, sync.Map, whose lock is
// never held across a point).
var stdNames = map[string]map[string]target{
	"sync": {
		"Mutex": {syncPath, "Mutex"}, "RWMutex": {syncPath, "RWMutex"},
		"Cond": {syncPath, "Cond"}, "NewCond": {syncPath, "NewCond"},
		"WaitGroup": {syncPath, "WaitGroup"}, "Once": {syncPath, "Once"},
		"Locker":   {syncPath, "Locker"},
		"OnceFunc": {rtPath, "OnceFunc"}, "OnceValue": {rtPath, "OnceValue"},
		"OnceValues": {rtPath, "OnceValues"},
	},
	"sync/atomic": atomicNames(),
	"time": {
		"Sleep": {schedPath, "Sleep"}, "After": {schedPath, "After"},
		"NewTimer": {schedPath, "NewTimer"}, "NewTicker": {schedPath, "NewTicker"},
		"Timer": {schedPath, "Timer"}, "Ticker": {schedPath, "Ticker"},
		"Now": {schedPath, "Now"}, "Since": {rtPath, "Since"}, "Until": {rtPath, "Until"},
		"Tick":      {rtPath, "Tick"},
		"AfterFunc": {rtPath, "AfterFunc"},
	},
	"runtime": {"Gosched": {schedPath, "Yield"}},
	// iter.Pull's coroutine switches goroutines inside the runtime,
	// unseen by the controller; rt.Pull hands over through weft's channels.
	"iter": {"Pull": {rtPath, "Pull"}, "Pull2": {rtPath, "Pull2"}},
	"context": {
		"Context": {contextPath, "Context"}, "CancelFunc": {contextPath, "CancelFunc"},
		"Background": {contextPath, "Background"}, "TODO": {contextPath, "TODO"},
		"WithCancel": {contextPath, "WithCancel"}, "WithDeadline": {contextPath, "WithDeadline"},
		"WithTimeout": {contextPath, "WithTimeout"}, "WithValue": {contextPath, "WithValue"},
		"Canceled": {contextPath, "Canceled"}, "DeadlineExceeded": {contextPath, "DeadlineExceeded"},
		"AfterFunc":         {"", "context.AfterFunc is not rewritten yet"},
		"Cause":             {contextPath, "Cause"},
		"CancelCauseFunc":   {contextPath, "CancelCauseFunc"},
		"WithCancelCause":   {contextPath, "WithCancelCause"},
		"WithDeadlineCause": {contextPath, "WithDeadlineCause"},
		"WithTimeoutCause":  {contextPath, "WithTimeoutCause"},
		"WithoutCancel":     {"", "context.WithoutCancel is not rewritten yet"},
	},
}

// atomicNames maps every exported name of sync/atomic, types and functions,
// to the same name in weft's atomic package.
func atomicNames() map[string]target {
	m := map[string]target{}
	for _, t := range []string{"Bool", "Int32", "Int64", "Pointer", "Uint32", "Uint64", "Uintptr", "Value"} {
		m[t] = target{atomicPath, t}
	}
	for _, op := range []string{"Add", "And", "Or", "CompareAndSwap", "Load", "Store", "Swap"} {
		for _, w := range []string{"Int32", "Int64", "Uint32", "Uint64", "Uintptr", "Pointer"} {
			if w == "Pointer" && (op == "Add" || op == "And" || op == "Or") {
				continue
			}
			m[op+w] = target{atomicPath, op + w}
		}
	}
	return m
}

func mappedPath(path string) bool { return stdNames[path] != nil }

// qualified rewrites a name of a mapped standard package.
func (f *file) qualified(sel *ast.SelectorExpr) {
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	pn, ok := f.info.Uses[id].(*types.PkgName)
	if !ok {
		return
	}
	t, ok := stdNames[pn.Imported().Path()][sel.Sel.Name]
	if !ok {
		return
	}
	if t.path == "" {
		f.fail(sel.Pos(), "%s", t.name)
		return
	}
	f.stdDone[pn]++
	f.replace(sel, f.use(t.path)+"."+t.name)
}

// check fails on what the rewrite cannot bring under control: channels
// that come from packages outside the rewrite set (their operations would
// stay real ones), named channel types with methods the rewrite cannot
// make structs (see chanField), channel constraints,
// cgo, dot imports of mapped packages, and unsafe views of channels.
func (f *file) check(n ast.Node) {
	switch n := n.(type) {
	case *ast.ImportSpec:
		path := n.Path.Value[1 : len(n.Path.Value)-1]
		if path == "C" {
			f.fail(n.Pos(), "cgo (import \"C\") cannot be rewritten")
		}
		if mappedPath(path) && n.Name != nil && n.Name.Name == "." {
			f.fail(n.Pos(), "dot import of %q cannot be rewritten: qualify its names", path)
		}
	case *ast.Ident:
		f.checkForeign(n)
	case *ast.TypeSpec:
		f.checkNamedChan(n)
		if n.TypeParams != nil {
			f.checkConstraints(n.TypeParams)
		}
	case *ast.FuncType:
		if n.TypeParams != nil {
			f.checkConstraints(n.TypeParams)
		}
	case *ast.CallExpr:
		if tv, ok := f.info.Types[n.Fun]; ok && tv.IsType() && len(n.Args) == 1 {
			if b, ok := tv.Type.(*types.Basic); ok && b.Kind() == types.UnsafePointer && hasChan(f.info.TypeOf(n.Args[0])) {
				f.fail(n.Pos(), "unsafe.Pointer view of a channel cannot be rewritten")
			}
		}
	}
}

// checkConstraints fails on a type parameter whose constraint holds a
// channel type written there (~chan T), or a named channel type with
// methods, which the rewrite makes a struct (interface{ C }, or a
// constraint declared elsewhere that holds C): the parameter's channel
// operations would need a channel.
func (f *file) checkConstraints(l *ast.FieldList) {
	for _, fld := range l.List {
		ast.Inspect(fld.Type, func(n ast.Node) bool {
			if _, ok := n.(*ast.ChanType); ok {
				f.fail(n.Pos(), "channel type in a type constraint cannot be rewritten")
				return false
			}
			return true
		})
		for _, name := range fld.Names {
			tn, ok := f.info.Defs[name].(*types.TypeName)
			if !ok {
				continue
			}
			if tp, ok := tn.Type().(*types.TypeParam); ok {
				if n, ok := wrappedTerm(tp.Constraint(), 0); ok {
					f.fail(name.Pos(), "type parameter %s: its constraint holds %s, a named channel type with methods, which the rewrite makes a struct", name.Name, f.typeString(n))
				}
			}
		}
	}
}

// wrappedTerm returns a named channel type with methods among the terms
// of constraint t.
func wrappedTerm(t types.Type, depth int) (*types.Named, bool) {
	if depth > 8 {
		return nil, false // constraints nest only so deep in practice
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		for e := range u.EmbeddedTypes() {
			if n, ok := wrappedTerm(e, depth+1); ok {
				return n, true
			}
		}
	case *types.Union:
		for term := range u.Terms() {
			if n, ok := wrappedTerm(term.Type(), depth+1); ok {
				return n, true
			}
		}
	default:
		return wrapped(t)
	}
	return nil, false
}

// checkForeign fails on a use of a variable, field or function of a
// package outside the rewrite set whose type carries a channel or a
// context: it would stay a real one, outside control, and mix with
// rewritten ones.
func (f *file) checkForeign(id *ast.Ident) {
	obj := f.info.Uses[id]
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == f.pkg || f.inSet(obj.Pkg().Path()) {
		return
	}
	switch obj.(type) {
	case *types.Var, *types.Func:
		if !hasChan(obj.Type()) {
			return
		}
	case *types.TypeName:
		if !isChan(obj.Type()) {
			return // a struct's channels are checked at its fields
		}
	default:
		return
	}
	path := obj.Pkg().Path()
	if _, ok := stdNames[path][obj.Name()]; ok && obj.Parent() == obj.Pkg().Scope() {
		return // rewritten by qualified
	}
	if v, ok := obj.(*types.Var); ok && v.IsField() && path == "time" && v.Name() == "C" {
		return // the channel of a Timer or Ticker, both rewritten
	}
	if fn, ok := obj.(*types.Func); ok && path == "context" && fn.Name() == "Done" {
		return // a method of context.Context, which is rewritten
	}
	if !strings.Contains(strings.SplitN(path, "/", 2)[0], ".") {
		f.fail(id.Pos(), "%s.%s takes or gives a real channel or context of the standard library, which the rewrite does not replace: its operations would escape control", path, obj.Name())
		return
	}
	f.fail(id.Pos(), "%s.%s takes or gives a real channel or context of a package that is not rewritten: add %s to the packages to rewrite", path, obj.Name(), path)
}

// hasChan reports whether t is a channel or a context.Context, the types
// the rewrite replaces by weft's, or is built of one without a name in
// between: a named type's channels are checked where its fields or methods
// are used.
func hasChan(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Chan:
		return true
	case *types.Pointer:
		return hasChan(t.Elem())
	case *types.Slice:
		return hasChan(t.Elem())
	case *types.Array:
		return hasChan(t.Elem())
	case *types.Map:
		return hasChan(t.Key()) || hasChan(t.Elem())
	case *types.Signature:
		return hasChan(t.Params()) || hasChan(t.Results())
	case *types.Tuple:
		for v := range t.Variables() {
			if hasChan(v.Type()) {
				return true
			}
		}
	case *types.Struct:
		for v := range t.Fields() {
			if hasChan(v.Type()) {
				return true
			}
		}
	case *types.Named:
		if obj := t.Obj(); obj.Pkg() != nil && obj.Pkg().Path() == "context" && obj.Name() == "Context" {
			return true
		}
		if _, ok := t.Underlying().(*types.Chan); ok {
			return true
		}
	}
	return false
}
