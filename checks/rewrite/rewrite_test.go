package rewrite

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each case is a function body of package p, which imports sync,
// sync/atomic, time and runtime and declares the names below, with its
// rewrite. Lines must stay where they were.
const prelude = `package p

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

var (
	_ = runtime.NumCPU
	_ = context.TODO
	_ sync.Map
	_ atomic.Bool
	_ = time.Second
)

type B bool

func f(a, b int)      {}
func fb(b B)          {}
func vf(xs ...int)    {}
func ret() func(int)  { return nil }
func get() chan int   { return nil }

type T struct{ ch chan int }

func (T) m(int) {}

func body(t T, x int, ch chan int, out chan<- int, in <-chan int, xs []int) {
`

func TestRewrite_Constructs(t *testing.T) {
	cases := []struct{ name, in, out string }{
		{"mutex", `var mu sync.Mutex; mu.Lock()`, `var mu weftsync.Mutex; mu.Lock()`},
		{"rwmutex and cond", `var rw sync.RWMutex; c := sync.NewCond(&rw); _ = c`,
			`var rw weftsync.RWMutex; c := weftsync.NewCond(&rw); _ = c`},
		{"waitgroup and once", `var wg sync.WaitGroup; var o sync.Once; _, _ = &wg, &o`,
			`var wg weftsync.WaitGroup; var o weftsync.Once; _, _ = &wg, &o`},
		{"OnceFunc", `g := sync.OnceValue(func() int { return x }); _ = g`, `g := weftrt.OnceValue(func() int { return x }); _ = g`},
		{"sync.Map stays", `var m sync.Map; m.Store(1, 2)`, `var m sync.Map; m.Store(1, 2)`},
		{"atomic typed", `var n atomic.Int64; n.Add(1)`, `var n weftatomic.Int64; n.Add(1)`},
		{"atomic functions", `var n int64; atomic.AddInt64(&n, 1); _ = atomic.LoadInt64(&n)`,
			`var n int64; weftatomic.AddInt64(&n, 1); _ = weftatomic.LoadInt64(&n)`},

		{"go with a literal", `go func() { f(1, 2) }()`, `weftsched.Go(func() { f(1, 2) })`},
		{"go evaluates arguments first", `go f(x, 2)`, `{ weftA0 := x; weftsched.Go(func() { f(weftA0, 2) }) }`},
		{"go evaluates the function value first", `go ret()(x)`,
			`{ weftF0, weftA1 := ret(), x; weftsched.Go(func() { weftF0(weftA1) }) }`},
		{"go on a method value", `go t.m(x)`, `{ weftF0, weftA1 := t.m, x; weftsched.Go(func() { weftF0(weftA1) }) }`},
		{"go with a literal and arguments", `go func(v int) { f(v, v) }(x)`,
			`{ weftA0 := x; weftsched.Go(func() { func(v int) { f(v, v) }(weftA0) }) }`},
		{"go keeps a comparison's type", `go fb(x == 1)`, `{ weftA0 := B(x == 1); weftsched.Go(func() { fb(weftA0) }) }`},
		{"go spreads", `go vf(xs...)`, `{ weftA0 := xs; weftsched.Go(func() { vf(weftA0...) }) }`},
		{"go on a rewritten call", `go time.Sleep(time.Second)`, `weftsched.Go(func() { weftsched.Sleep(time.Second) })`},

		{"channel types", `var a chan int; var b <-chan []chan string; var c chan<- struct{}; _, _, _ = a, b, c`,
			`var a *weftsched.Chan[int]; var b *weftsched.Chan[[]*weftsched.Chan[string]]; var c *weftsched.Chan[struct{}]; _, _, _ = a, b, c`},
		{"make", `a := make(chan int); b := make(chan chan int, 3); c := make(chan int, int64(x)); _, _, _ = a, b, c`,
			`a := weftsched.NewChan[int](0); b := weftsched.NewChan[*weftsched.Chan[int]](3); c := weftsched.NewChan[int](int(int64(x))); _, _, _ = a, b, c`},
		{"send and receive", `ch <- <-in; out <- x`, `weftrt.Send(ch, weftrt.Recv(in)); weftrt.Send(out, x)`},
		{"comma ok", `v, ok := <-ch; var w, ok2 = <-in; v, ok = <-t.ch; _, _, _, _ = v, w, ok, ok2`,
			`v, ok := weftrt.RecvOK(ch); var w, ok2 = weftrt.RecvOK(in); v, ok = weftrt.RecvOK(t.ch); _, _, _, _ = v, w, ok, ok2`},
		{"close len cap", `close(ch); _ = len(in) + cap(out) + len(xs)`,
			`weftrt.Close(ch); _ = weftrt.Len(in) + weftrt.Cap(out) + len(xs)`},
		{"range", "for v := range ch {\n\t\t_ = v\n\t}\n\tfor range get() {\n\t}",
			"for v := range weftrt.All(ch) {\n\t\t_ = v\n\t}\n\tfor range weftrt.All(get()) {\n\t}"},

		{"select", "select {\n\tcase v := <-ch:\n\t\t_ = v\n\tcase out <- x:\n\tcase <-get():\n\t}",
			"switch weftS0, weftS1, weftS2 := weftrt.OnRecv(ch), weftrt.OnSend(out, x), weftrt.OnRecv(get()); weftsched.Select(weftS0.Case, weftS1, weftS2.Case) {\n\tcase 0: v := weftS0.V;\n\t\t_ = v\n\tcase 1:\n\tdefault:\n\t}"},
		{"select with default and comma ok", "var v int\n\tvar ok bool\n\tselect {\n\tcase v, ok = <-in:\n\tdefault:\n\t}\n\t_, _ = v, ok",
			"var v int\n\tvar ok bool\n\tswitch weftS0 := weftrt.OnRecv(in); weftsched.Select(weftS0.Case, weftsched.Default()) {\n\tcase 0: v, ok = weftS0.V, weftS0.OK;\n\tdefault:\n\t}\n\t_, _ = v, ok"},
		{"labeled select", "L:\n\tselect {\n\tcase <-in:\n\t\tbreak L\n\t}",
			"L:\n\tswitch weftS0 := weftrt.OnRecv(in); weftsched.Select(weftS0.Case) {\n\tdefault:\n\t\tbreak L\n\t}"},
		{"empty select", `if x > 0 { select {} }`, `if x > 0 { weftsched.Select() }`},

		{"time", `time.Sleep(time.Second); d := time.Since(time.Now()); tm := time.NewTimer(d); tk := time.NewTicker(d); <-tm.C; <-tk.C; <-time.After(d); runtime.Gosched()`,
			`weftsched.Sleep(time.Second); d := weftrt.Since(weftsched.Now()); tm := weftsched.NewTimer(d); tk := weftsched.NewTicker(d); weftrt.Recv(tm.C); weftrt.Recv(tk.C); weftrt.Recv(weftsched.After(d)); weftsched.Yield()`},
		{"context", "ctx, cancel := context.WithTimeout(context.Background(), time.Second)\n\tdefer cancel()\n\t<-ctx.Done()\n\tvar c context.Context = ctx\n\t_ = c.Err() == context.Canceled",
			"ctx, cancel := weftcontext.WithTimeout(weftcontext.Background(), time.Second)\n\tdefer cancel()\n\tweftrt.Recv(ctx.Done())\n\tvar c weftcontext.Context = ctx\n\t_ = c.Err() == weftcontext.Canceled"},
		{"named channel type", `type C chan int; var c C = make(C, 1); c <- 1; close(c)`,
			`type C *weftsched.Chan[int]; var c C = weftrt.Make[C](1); weftrt.Send(c, 1); weftrt.Close(c)`},
		{"conversion to a channel type", `_ = (<-chan int)(ch); _ = chan<- int(ch)`,
			`_ = (*weftsched.Chan[int])(ch); _ = (*weftsched.Chan[int])(ch)`},
		{"defer close", `defer close(ch)`, `defer weftrt.Close(ch)`},
		{"go receives in the caller", `go f(<-in, x)`,
			`{ weftA0, weftA1 := weftrt.Recv(in), x; weftsched.Go(func() { f(weftA0, weftA1) }) }`},
		{"select evaluates a send's value on entry", "select {\n\tcase out <- <-in:\n\t}",
			"switch weftS0 := weftrt.OnSend(out, weftrt.Recv(in)); weftsched.Select(weftS0) {\n\tdefault:\n\t}"},
		{"select that ends a function", "if x > 0 {\n\t\treturn\n\t}\n\tselect {\n\tcase <-in:\n\t\treturn\n\tcase out <- 1:\n\t\tpanic(x)\n\t}",
			"if x > 0 {\n\t\treturn\n\t}\n\tswitch weftS0, weftS1 := weftrt.OnRecv(in), weftrt.OnSend(out, 1); weftsched.Select(weftS0.Case, weftS1) {\n\tcase 0:\n\t\treturn\n\tdefault:\n\t\tpanic(x)\n\t}"},
		{"AfterFunc", `tm := time.AfterFunc(time.Second, func() {}); tm.Stop()`, `tm := weftrt.AfterFunc(time.Second, func() {}); tm.Stop()`},
		{"time types", `var tm *time.Timer; var tk *time.Ticker; _, _ = tm, tk`, `var tm *weftsched.Timer; var tk *weftsched.Ticker; _, _ = tm, tk`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := rewriteSnippet(t, prelude+"\t"+c.in+"\n}\n")
			require.NoError(t, err)
			_, body, ok := strings.Cut(got, "func body(t T, x int, ch chan int, out chan<- int, in <-chan int, xs []int) {\n\t")
			if !ok {
				_, body, ok = strings.Cut(got, "func body(t T, x int, ch *weftsched.Chan[int], out *weftsched.Chan[int], in *weftsched.Chan[int], xs []int) {\n\t")
			}
			require.True(t, ok, "the signature of body is lost in\n%s", got)
			assert.Equal(t, c.out+"\n}\n", body)
		})
	}
}
