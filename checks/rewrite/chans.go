package rewrite

import (
	"go/ast"
	"go/types"
	"go/version"
	"strconv"
	"strings"
)

// Every channel type becomes *sched.Chan[T], whatever its direction:
// sched.Chan has none, so the direction a declaration states is no longer
// checked by the compiler in the rewritten code (it was in the original,
// which compiled), and a conversion from chan T to <-chan T is the
// identity.
func (f *file) chanType(ct *ast.ChanType) {
	t := "*" + f.use(schedPath) + ".Chan[" + f.src(ct.Value) + "]"
	if f.convTo[ct] {
		t = "(" + t + ")"
	}
	f.replace(ct, t)
}

// The operations go through package rt rather than the methods of
// sched.Chan so that a nil channel blocks as Go's does and a named channel
// type, a named pointer type once rewritten, needs no conversion. The
// operand is chanOperand's: the field of a named channel type with methods.

func (f *file) recv(u *ast.UnaryExpr) {
	fn := "Recv"
	if f.commaOK[u] {
		fn = "RecvOK"
	}
	f.replace(u, f.use(rtPath)+"."+fn+"("+f.chanOperand(u.X)+")")
}

func (f *file) send(s *ast.SendStmt) {
	f.replace(s, f.use(rtPath)+".Send("+f.chanOperand(s.Chan)+", "+f.src(s.Value)+")")
}

// builtin rewrites make, close, len and cap of channels.
func (f *file) builtin(call *ast.CallExpr) {
	id, ok := unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) == 0 {
		return
	}
	if _, ok := f.info.Uses[id].(*types.Builtin); !ok {
		return
	}
	arg := call.Args[0]
	if !isChan(f.info.TypeOf(arg)) {
		return
	}
	switch id.Name {
	case "make":
		size := "0"
		if len(call.Args) > 1 {
			size = f.src(call.Args[1])
			if t, ok := f.info.TypeOf(call.Args[1]).(*types.Basic); !ok || t.Kind() != types.Int && t.Info()&types.IsUntyped == 0 {
				size = "int(" + size + ")"
			}
		}
		if _, ok := wrapped(f.info.TypeOf(arg)); ok {
			f.makeWrapped(call, size)
		} else if ct, ok := unparen(arg).(*ast.ChanType); ok {
			f.replace(call, f.use(schedPath)+".NewChan["+f.src(ct.Value)+"]("+size+")")
		} else {
			f.replace(call, f.use(rtPath)+".Make["+f.src(arg)+"]("+size+")")
		}
	case "close", "len", "cap":
		f.replace(call, f.use(rtPath)+"."+strings.ToUpper(id.Name[:1])+id.Name[1:]+"("+f.chanOperand(arg)+")")
	}
}

// rangeChan rewrites for v := range ch into a range over the function
// that receives until the channel is closed, which needs Go 1.23.
func (f *file) rangeChan(r *ast.RangeStmt) {
	if !isChan(f.info.TypeOf(r.X)) {
		return
	}
	if v := f.info.FileVersions[f.syn]; v != "" && version.Compare(v, "go1.23") < 0 {
		f.fail(r.Pos(), "range over a channel is rewritten as a range over a function, which needs go 1.23 (the file is at %s)", v)
		return
	}
	f.replace(r.X, f.use(rtPath)+".All("+f.chanOperand(r.X)+")")
}

// selectStmt rewrites a select statement into a switch on sched.Select:
//
//	select {                  switch weftS0, weftS1 := rt.OnRecv(a), rt.OnSend(b, v); sched.Select(weftS0.Case, weftS1) {
//	case x := <-a:            case 0: x := weftS0.V;
//	case b <- v:              default:
//	}                         }
//
// The arms are built in the switch's init, in source order, which is the
// spec's evaluation of the channel operands and the values to send: once,
// in order, on entering the select. A receive's left-hand side is assigned
// only in its case, as the spec says. break, labels included, means the
// same in a switch as in a select. Without a default arm, the last arm is
// the switch's default: a switch is a terminating statement (a function
// may end with it) only with one, where a select needs none.
func (f *file) selectStmt(s *ast.SelectStmt) {
	sched := f.use(schedPath)
	if len(s.Body.List) == 0 {
		f.replace(s, sched+".Select()")
		return
	}
	var names, inits, arms []string
	hasDefault := false
	for _, c := range s.Body.List {
		hasDefault = hasDefault || c.(*ast.CommClause).Comm == nil
	}
	for i, c := range s.Body.List {
		cc := c.(*ast.CommClause)
		head := "case " + strconv.Itoa(i) + ":"
		if !hasDefault && i == len(s.Body.List)-1 {
			// The switch needs a default to be a terminating statement
			// where the select was one; the last arm is the only index
			// left.
			head = "default:"
		}
		switch comm := cc.Comm.(type) {
		case nil:
			arms = append(arms, sched+".Default()")
			head = "default:"
		case *ast.SendStmt:
			name := f.temp("S")
			names = append(names, name)
			inits = append(inits, f.use(rtPath)+".OnSend("+f.chanOperand(comm.Chan)+", "+f.src(comm.Value)+")")
			arms = append(arms, name)
		case *ast.ExprStmt:
			name := f.recvArm(comm.X, &names, &inits)
			arms = append(arms, name+".Case")
		case *ast.AssignStmt:
			name := f.recvArm(comm.Rhs[0], &names, &inits)
			arms = append(arms, name+".Case")
			lhs := make([]string, len(comm.Lhs))
			for i, e := range comm.Lhs {
				lhs[i] = f.src(e)
			}
			rhs := name + ".V"
			if len(lhs) == 2 {
				rhs += ", " + name + ".OK"
			}
			head += " " + strings.Join(lhs, ", ") + " " + comm.Tok.String() + " " + rhs + ";"
		}
		f.ed.replace(f.off(cc.Case), f.off(cc.Colon)+1, head)
	}
	head := "switch "
	if len(names) > 0 {
		head += strings.Join(names, ", ") + " := " + strings.Join(inits, ", ") + "; "
	}
	head += sched + ".Select(" + strings.Join(arms, ", ") + ") {"
	f.ed.replace(f.off(s.Select), f.off(s.Body.Lbrace)+1, head)
}

func (f *file) recvArm(x ast.Expr, names, inits *[]string) string {
	u := unparen(x).(*ast.UnaryExpr)
	name := f.temp("S")
	*names = append(*names, name)
	*inits = append(*inits, f.use(rtPath)+".OnRecv("+f.chanOperand(u.X)+")")
	return name
}

func isChan(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}
