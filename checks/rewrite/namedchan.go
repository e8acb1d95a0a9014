package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// A named channel type with methods cannot become a named *sched.Chan[T]
// as other channel types do: Go has no methods on a named pointer type. It
// becomes a struct holding the channel instead,
//
//	type C chan<- T           type C struct{ WeftChan *sched.Chan[T] }
//
// which keeps its methods, its comparability (two values are equal when
// their channels are) and its zero value (a nil channel, which package rt
// blocks on as Go does). Its channel operations reach the field, and what
// the struct changes in the syntax is rewritten where go/types shows it:
//
//	c <- v, <-c, close(c)     weftrt.Send(c.WeftChan, v), ...
//	make(C, n)                (C{WeftChan: weftrt.MakeOf(C{}.WeftChan, n)})
//	C(ch)                     (C{WeftChan: ch})
//	chan T(c)                 (*sched.Chan[T])(c.WeftChan)
//	nil, where it is a C      (C{})
//
// The field is exported so that the rewrite of another package using C
// reaches it too; its name cannot collide with user code, which was
// written for a channel: a method of that name is refused, and no other
// declaration reaches it (a field promoted from an embedded C is shadowed
// by any of the embedding struct's own). Go also converts between C
// and an unnamed channel type implicitly, in an assignment, an argument, a
// return, a composite literal, a send, a map key or a comparison: that
// would mix the struct with a channel, so it is refused, naming the line
// and asking for the conversion written out. A type parameter reaches a
// channel's operations only through its constraint: one that holds C (or
// a channel type written there) is refused (see checkConstraints).
const chanField = "WeftChan"

// wrapped returns t as a named channel type with methods, which the
// rewrite makes a struct.
func wrapped(t types.Type) (*types.Named, bool) {
	if t == nil {
		return nil, false
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.NumMethods() == 0 {
		return nil, false
	}
	return n, isChan(n)
}

// chanOperand returns the rewritten text of the channel operand e: its
// field when e is of a named channel type with methods.
func (f *file) chanOperand(e ast.Expr) string {
	s := f.src(e)
	if _, ok := wrapped(f.info.TypeOf(e)); !ok {
		return s
	}
	switch unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr, *ast.IndexListExpr:
		// A primary expression, or a replacement that is one: a call, or
		// a parenthesized literal.
		return s + "." + chanField
	}
	return "(" + s + ")." + chanField
}

// checkNamedChan refuses the named channel types the struct cannot stand
// for: one with methods declared from another named type (its underlying
// type would not be the struct's), one declared from a type with methods
// (it would be a struct without being rewritten as one), and a method
// named as the field.
func (f *file) checkNamedChan(ts *ast.TypeSpec) {
	tn, ok := f.info.Defs[ts.Name].(*types.TypeName)
	if !ok || tn.IsAlias() || !isChan(tn.Type()) {
		return
	}
	rhs := types.Unalias(f.info.TypeOf(ts.Type))
	n, ok := wrapped(tn.Type())
	if !ok {
		if _, ok := wrapped(rhs); ok {
			f.fail(ts.Pos(), "named channel type %s is declared as %s, which has methods: the rewrite makes that a struct; declare %s with a channel type", ts.Name.Name, f.typeString(rhs), ts.Name.Name)
		}
		return
	}
	if _, ok := rhs.(*types.Chan); !ok {
		f.fail(ts.Pos(), "named channel type %s has methods and is declared as %s: the rewrite makes it a struct holding a channel, which needs a channel type (chan T) in its declaration", ts.Name.Name, f.typeString(rhs))
	}
	for m := range n.Methods() {
		if m.Name() == chanField {
			f.fail(m.Pos(), "method %s of named channel type %s: the rewrite names the channel inside the type so", chanField, ts.Name.Name)
		}
	}
}

// typeSpec rewrites the declaration of a named channel type with methods.
func (f *file) typeSpec(ts *ast.TypeSpec) {
	if tn, ok := f.info.Defs[ts.Name].(*types.TypeName); ok && !tn.IsAlias() {
		if _, ok := wrapped(tn.Type()); ok {
			f.replace(ts.Type, "struct{ "+chanField+" "+f.src(ts.Type)+" }")
		}
	}
}

// conversion rewrites a conversion to or from a named channel type with
// methods. One between two of them is a struct conversion, as it is.
func (f *file) conversion(call *ast.CallExpr) {
	tv, ok := f.info.Types[call.Fun]
	if !ok || !tv.IsType() || len(call.Args) != 1 {
		return
	}
	arg := call.Args[0]
	_, to := wrapped(tv.Type)
	_, from := wrapped(f.info.TypeOf(arg))
	switch {
	case to && f.info.Types[arg].IsNil():
		f.replace(call, "("+f.src(unparen(call.Fun))+"{})")
	case to && !from:
		f.replace(call, "("+f.src(unparen(call.Fun))+"{"+chanField+": "+f.src(arg)+"})")
	case from && !to && isChan(tv.Type):
		f.replace(arg, f.chanOperand(arg))
	}
}

// makeWrapped rewrites make(C, size) of a named channel type with methods.
func (f *file) makeWrapped(call *ast.CallExpr, size string) {
	lit := f.src(unparen(call.Args[0]))
	f.replace(call, "("+lit+"{"+chanField+": "+f.use(rtPath)+".MakeOf("+lit+"{}."+chanField+", "+size+")})")
}

// zeroOf rewrites the nil at e, which Go gives type n, as n's zero value.
func (f *file) zeroOf(e ast.Expr, n *types.Named) {
	name, ok := f.nameOf(n, e.Pos())
	if !ok {
		f.fail(e.Pos(), "nil of named channel type %s, which the rewrite makes a struct and cannot name here: convert it explicitly, %s(nil)", f.typeString(n), f.typeString(n))
		return
	}
	f.replace(e, "("+name+"{})")
}

// nameOf returns how the file names n at pos, false when it cannot: a
// type shadowed at pos, an unexported type of another package, or an
// instance of a generic type with an argument typeText cannot write.
func (f *file) nameOf(n *types.Named, pos token.Pos) (string, bool) {
	obj := n.Obj()
	if obj.Pkg() == nil || mappedPath(obj.Pkg().Path()) {
		return "", false
	}
	name := obj.Name()
	switch {
	case obj.Pkg() == f.pkg:
		if !f.visible(obj, pos) {
			return "", false
		}
	case obj.Exported():
		name = f.importName(obj.Pkg().Path(), pos) + "." + name
	default:
		return "", false
	}
	if n.TypeArgs().Len() == 0 {
		return name, true
	}
	args := make([]string, 0, n.TypeArgs().Len())
	for t := range n.TypeArgs().Types() {
		s, ok := f.typeText(t, pos)
		if !ok {
			return "", false
		}
		args = append(args, s)
	}
	return name + "[" + strings.Join(args, ", ") + "]", true
}

// importName returns the name of the file's import of path that denotes it
// at pos, else adds one.
func (f *file) importName(path string, pos token.Pos) string {
	for _, spec := range f.syn.Imports {
		pn, ok := f.info.Implicits[spec].(*types.PkgName)
		if !ok {
			pn, ok = f.info.Defs[spec.Name].(*types.PkgName)
		}
		if ok && pn.Imported().Path() == path && f.visible(pn, pos) {
			return pn.Name()
		}
	}
	return f.use(path)
}

// typeText returns the rewritten text of a type argument, false unless
// it is built of basic types, type parameters and named types: any other
// would need rewriting (a channel type) or naming more than that.
func (f *file) typeText(t types.Type, pos token.Pos) (string, bool) {
	switch t := types.Unalias(t).(type) {
	case *types.Basic:
		return t.Name(), t.Info()&types.IsUntyped == 0 && t.Kind() != types.UnsafePointer
	case *types.TypeParam:
		return t.Obj().Name(), f.visible(t.Obj(), pos)
	case *types.Named:
		return f.nameOf(t, pos)
	case *types.Pointer:
		s, ok := f.typeText(t.Elem(), pos)
		return "*" + s, ok
	case *types.Slice:
		s, ok := f.typeText(t.Elem(), pos)
		return "[]" + s, ok
	}
	return "", false
}

// visible reports whether obj's name denotes obj at pos.
func (f *file) visible(obj types.Object, pos token.Pos) bool {
	s := f.pkg.Scope().Innermost(pos)
	if s == nil {
		return true // outside any function: the package's names
	}
	_, found := s.LookupParent(obj.Name(), pos)
	return found == obj
}

func (f *file) typeString(t types.Type) string {
	return types.TypeString(t, types.RelativeTo(f.pkg))
}
