package rewrite

import (
	"go/ast"
	"go/types"
	"strings"
)

// goStmt rewrites go f(x, y) into
//
//	{ weftF0, weftA1, weftA2 := f, x, y; sched.Go(func() { weftF0(weftA1, weftA2) }) }
//
// on one line: the function value and the arguments are evaluated in the
// calling goroutine, before it starts the new one, as the spec says. What
// evaluating cannot change is used as it is: a function declared at
// package level, a function literal (a closure captures variables, not
// values, in both forms), constants and nil, which as temporaries would
// take their default type instead of the parameter's.
func (f *file) goStmt(g *ast.GoStmt) {
	call := g.Call
	fun := unparen(call.Fun)
	if id, ok := fun.(*ast.Ident); ok {
		if _, ok := f.info.Uses[id].(*types.Builtin); ok {
			f.fail(g.Pos(), "go statement calling the built-in %s: wrap it in a function literal", id.Name)
			return
		}
	}
	if _, ok := fun.(*ast.FuncLit); ok && len(call.Args) == 0 {
		f.replace(g, f.use(schedPath)+".Go("+f.src(call.Fun)+")")
		return
	}
	var names, vals, args []string
	fn := f.src(call.Fun)
	if !f.stable(fun) {
		name := f.temp("F")
		names, vals = append(names, name), append(vals, fn)
		fn = name
	}
	for i, a := range call.Args {
		text := f.src(a)
		tv := f.info.Types[a]
		if tv.Value == nil && !tv.IsNil() {
			if t := f.info.TypeOf(a); isUntypedBool(a, t) {
				s, ok := f.typeName(t)
				if !ok {
					f.fail(a.Pos(), "argument of a go statement has a type the file cannot name: convert it explicitly")
					return
				}
				text = s + "(" + text + ")"
			}
			name := f.temp("A")
			names, vals = append(names, name), append(vals, text)
			text = name
		}
		if i == len(call.Args)-1 && call.Ellipsis.IsValid() {
			text += "..."
		}
		args = append(args, text)
	}
	start := f.use(schedPath) + ".Go(func() { " + fn + "(" + strings.Join(args, ", ") + ") })"
	if len(names) > 0 {
		start = "{ " + strings.Join(names, ", ") + " := " + strings.Join(vals, ", ") + "; " + start + " }"
	}
	f.replace(g, start)
}

// stable reports whether evaluating the function expression e now or in
// the new goroutine is the same.
func (f *file) stable(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.FuncLit:
		return true
	case *ast.IndexExpr:
		return f.stable(unparen(e.X))
	case *ast.IndexListExpr:
		return f.stable(unparen(e.X))
	case *ast.Ident:
		return isFunc(f.info.Uses[e])
	case *ast.SelectorExpr:
		if id, ok := e.X.(*ast.Ident); ok {
			if _, ok := f.info.Uses[id].(*types.PkgName); ok {
				return isFunc(f.info.Uses[e.Sel])
			}
		}
	}
	return false
}

// isFunc reports whether obj is a function declared at package level (not
// a method, whose receiver is evaluated with it).
func isFunc(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	return ok && fn.Signature().Recv() == nil
}

// isUntypedBool reports whether e is a comparison or a logical operation
// whose type comes from its context rather than its operands, such as
// a == b passed as a named boolean type: := would give it type bool.
func isUntypedBool(e ast.Expr, t types.Type) bool {
	if t == types.Typ[types.Bool] {
		return false
	}
	switch e := unparen(e).(type) {
	case *ast.BinaryExpr:
		switch e.Op.String() {
		case "==", "!=", "<", "<=", ">", ">=", "&&", "||":
			return true
		}
	case *ast.UnaryExpr:
		return e.Op.String() == "!"
	}
	return false
}

// typeName returns how the file names t, false when it cannot: t or part
// of it comes from a package the file does not import.
func (f *file) typeName(t types.Type) (string, bool) {
	ok := true
	s := types.TypeString(t, func(p *types.Package) string {
		if p == f.pkg {
			return ""
		}
		for _, spec := range f.syn.Imports {
			if spec.Path.Value[1:len(spec.Path.Value)-1] == p.Path() {
				if spec.Name != nil {
					return spec.Name.Name
				}
				return p.Name()
			}
		}
		ok = false
		return p.Name()
	})
	return s, ok
}
