package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// implicit visits the places where Go gives a value the type of what it is
// assigned or compared to, which go/types does not record: assignments,
// declarations with a type, arguments (variadic ones and append's
// included), returns, composite literal elements, sends, map keys, and
// comparisons (switch cases included). There, a nil that becomes a named
// channel type with methods is rewritten as its zero value, and a value
// that moves between such a type and another channel type, which the
// rewrite turns into a struct and a pointer, is refused (see chanField).
// Anywhere else the compiler would reject the rewritten code: a mix missed
// here fails the build, it cannot run.
func (f *file) implicit() {
	var stack []ast.Node
	ast.Inspect(f.syn, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.ReturnStmt:
			if sig := enclosingSignature(f.info, stack); sig != nil && len(n.Results) > 0 {
				f.assignAll(n.Results, tupleTypes(sig.Results()))
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				targets := make([]types.Type, len(n.Lhs))
				for i, e := range n.Lhs {
					targets[i] = f.lhsType(e)
				}
				f.assignAll(n.Rhs, targets)
			}
		case *ast.ValueSpec:
			if n.Type != nil && len(n.Values) > 0 {
				targets := make([]types.Type, len(n.Names))
				for i := range targets {
					targets[i] = f.info.TypeOf(n.Type)
				}
				f.assignAll(n.Values, targets)
			}
		case *ast.CallExpr:
			f.implicitArgs(n)
		case *ast.CompositeLit:
			f.implicitElems(n)
		case *ast.SendStmt:
			if ch, ok := under(f.info.TypeOf(n.Chan)).(*types.Chan); ok {
				f.assign(n.Value, ch.Elem())
			}
		case *ast.IndexExpr:
			if m, ok := under(f.info.TypeOf(n.X)).(*types.Map); ok {
				f.assign(n.Index, m.Key())
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				f.compare(n.X, n.Y)
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, c := range n.Body.List {
					for _, e := range c.(*ast.CaseClause).List {
						f.compare(n.Tag, e)
					}
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				f.implicitRange(n)
			}
		}
		return true
	})
}

// enclosingSignature returns the signature of the innermost function on
// stack, a path from the file down: what a return statement there returns.
func enclosingSignature(info *types.Info, stack []ast.Node) *types.Signature {
	for i := len(stack) - 1; i >= 0; i-- {
		switch fn := stack[i].(type) {
		case *ast.FuncDecl:
			if obj, ok := info.Defs[fn.Name].(*types.Func); ok {
				return obj.Signature()
			}
			return nil
		case *ast.FuncLit:
			sig, _ := info.TypeOf(fn).(*types.Signature)
			return sig
		}
	}
	return nil
}

// lhsType returns the type of what e assigns to, nil for the blank
// identifier.
func (f *file) lhsType(e ast.Expr) types.Type {
	if id, ok := unparen(e).(*ast.Ident); ok {
		if obj := f.info.ObjectOf(id); obj != nil {
			return obj.Type()
		}
		return nil
	}
	return f.info.TypeOf(e)
}

// assignAll assigns values to targets, one to one or, for a single value
// of several results, element by element.
func (f *file) assignAll(values []ast.Expr, targets []types.Type) {
	if len(values) == len(targets) {
		for i, v := range values {
			f.assign(v, targets[i])
		}
		return
	}
	if len(values) != 1 {
		return
	}
	if tuple, ok := f.info.TypeOf(values[0]).(*types.Tuple); ok {
		for i, t := range tupleTypes(tuple) {
			if i < len(targets) {
				f.mix(values[0].Pos(), t, targets[i])
			}
		}
	}
}

// assign handles the value e given to a variable of type target.
func (f *file) assign(e ast.Expr, target types.Type) {
	if target == nil {
		return
	}
	if f.info.Types[e].IsNil() {
		if n, ok := wrapped(target); ok {
			f.zeroOf(e, n)
		}
		return
	}
	f.mix(e.Pos(), f.info.TypeOf(e), target)
}

// compare handles x == y: a nil compared to a named channel type with
// methods is its zero value, and a channel of another type may not meet
// it.
func (f *file) compare(x, y ast.Expr) {
	if f.info.Types[x].IsNil() {
		x, y = y, x
	}
	if f.info.Types[y].IsNil() {
		if n, ok := wrapped(f.info.TypeOf(x)); ok {
			f.zeroOf(y, n)
		}
		return
	}
	f.mix(y.Pos(), f.info.TypeOf(y), f.info.TypeOf(x))
}

// mix refuses a value of a channel type given to another channel type when
// exactly one of them has methods.
func (f *file) mix(pos token.Pos, from, to types.Type) {
	if from == nil || to == nil || !isChan(from) || !isChan(to) {
		return
	}
	_, a := wrapped(from)
	_, b := wrapped(to)
	if a == b {
		return
	}
	named, other := from, to
	if b {
		named, other = to, from
	}
	f.fail(pos, "implicit conversion between %s and %s: a named channel type with methods is rewritten as a struct, %s as a pointer; write the conversion, %s(...)",
		f.typeString(named), f.typeString(other), f.typeString(other), f.typeString(to))
}

// implicitArgs handles the arguments of a call, of append's elements
// too; conversions are rewritten by conversion.
func (f *file) implicitArgs(call *ast.CallExpr) {
	tv := f.info.Types[call.Fun]
	if tv.IsType() {
		return
	}
	if id, ok := unparen(call.Fun).(*ast.Ident); ok {
		if _, ok := f.info.Uses[id].(*types.Builtin); ok {
			f.builtinArgs(id.Name, call)
			return
		}
	}
	sig, ok := under(tv.Type).(*types.Signature)
	if !ok {
		return
	}
	params := tupleTypes(sig.Params())
	n := len(call.Args)
	if n == 1 && len(params) > 1 {
		n = len(params) // f(g()), g's results for f's parameters
	}
	targets := make([]types.Type, n)
	for i := range targets {
		switch last := len(params) - 1; {
		case !sig.Variadic() || i < last:
			if i < len(params) {
				targets[i] = params[i]
			}
		case call.Ellipsis.IsValid():
			targets[i] = params[last]
		default:
			targets[i] = params[last].(*types.Slice).Elem()
		}
	}
	f.assignAll(call.Args, targets)
}

func (f *file) builtinArgs(name string, call *ast.CallExpr) {
	switch name {
	case "append":
		if s, ok := under(f.info.TypeOf(call)).(*types.Slice); ok && !call.Ellipsis.IsValid() {
			for _, e := range call.Args[1:] {
				f.assign(e, s.Elem())
			}
		}
	case "delete":
		if m, ok := under(f.info.TypeOf(call.Args[0])).(*types.Map); ok && len(call.Args) == 2 {
			f.assign(call.Args[1], m.Key())
		}
	}
}

// implicitElems handles the elements of a composite literal.
func (f *file) implicitElems(lit *ast.CompositeLit) {
	t := under(f.info.TypeOf(lit))
	if p, ok := t.(*types.Pointer); ok {
		t = under(p.Elem()) // an element &T{...} written {...}
	}
	for i, e := range lit.Elts {
		kv, keyed := e.(*ast.KeyValueExpr)
		switch t := t.(type) {
		case *types.Struct:
			if !keyed {
				if i < t.NumFields() {
					f.assign(e, t.Field(i).Type())
				}
				continue
			}
			if key, ok := kv.Key.(*ast.Ident); ok {
				for fld := range t.Fields() {
					if fld.Name() == key.Name {
						f.assign(kv.Value, fld.Type())
					}
				}
			}
		case *types.Map:
			if keyed {
				f.assign(kv.Key, t.Key())
				f.assign(kv.Value, t.Elem())
			}
		case *types.Slice:
			f.assign(valueOf(e), t.Elem())
		case *types.Array:
			f.assign(valueOf(e), t.Elem())
		}
	}
}

// implicitRange handles for k, v = range x, which assigns to variables
// declared before.
func (f *file) implicitRange(r *ast.RangeStmt) {
	var key, value types.Type
	switch t := under(f.info.TypeOf(r.X)).(type) {
	case *types.Chan:
		key = t.Elem()
	case *types.Map:
		key, value = t.Key(), t.Elem()
	case *types.Slice:
		value = t.Elem()
	case *types.Array:
		value = t.Elem()
	case *types.Pointer:
		if a, ok := under(t.Elem()).(*types.Array); ok {
			value = a.Elem()
		}
	}
	if r.Key != nil && key != nil {
		f.mix(r.Key.Pos(), key, f.lhsType(r.Key))
	}
	if r.Value != nil && value != nil {
		f.mix(r.Value.Pos(), value, f.lhsType(r.Value))
	}
}

func valueOf(e ast.Expr) ast.Expr {
	if kv, ok := e.(*ast.KeyValueExpr); ok {
		return kv.Value
	}
	return e
}

func under(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

func tupleTypes(t *types.Tuple) []types.Type {
	var ts []types.Type
	for v := range t.Variables() {
		ts = append(ts, v.Type())
	}
	return ts
}
