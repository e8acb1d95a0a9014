package rewrite

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// namedPrelude declares named channel types with methods, of each
// direction, with value and pointer receivers, which the rewrite makes
// structs; each case of TestRewrite_NamedChannelTypes is a body of a
// function using them.
const namedPrelude = `package p

type Out chan<- int

func (o Out) Put(v int) { o <- v }

type In <-chan int

func (i In) Get() (int, bool) { v, ok := <-i; return v, ok }

type Both chan int

func (b Both) N() int { return len(b) + cap(b) }
func (b *Both) Reset() { *b = nil }

type Plain chan int

type G[T any] chan T

func (g G[T]) Put(v T) { g <- v }

func take(Both) {}

func body(ch chan int, o Out, b Both, in In, p Plain, bs []Both, m map[Both]int) {
`

func TestRewrite_NamedChannelTypes(t *testing.T) {
	got, err := rewriteSnippet(t, namedPrelude+"}\n")
	require.NoError(t, err)
	for _, decl := range []string{
		"type Out struct{ WeftChan *weftsched.Chan[int] }\n\nfunc (o Out) Put(v int) { weftrt.Send(o.WeftChan, v) }",
		"type In struct{ WeftChan *weftsched.Chan[int] }\n\nfunc (i In) Get() (int, bool) { v, ok := weftrt.RecvOK(i.WeftChan); return v, ok }",
		"func (b Both) N() int { return weftrt.Len(b.WeftChan) + weftrt.Cap(b.WeftChan) }\nfunc (b *Both) Reset() { *b = (Both{}) }",
		"type Plain *weftsched.Chan[int]",
		"type G[T any] struct{ WeftChan *weftsched.Chan[T] }\n\nfunc (g G[T]) Put(v T) { weftrt.Send(g.WeftChan, v) }",
	} {
		assert.Contains(t, got, decl)
	}

	cases := []struct{ name, in, out string }{
		{"make", `b = make(Both, 1); b = make(Both); g := make(G[string], int64(2)); _ = g`,
			`b = (Both{WeftChan: weftrt.MakeOf(Both{}.WeftChan, 1)}); b = (Both{WeftChan: weftrt.MakeOf(Both{}.WeftChan, 0)}); g := (G[string]{WeftChan: weftrt.MakeOf(G[string]{}.WeftChan, int(int64(2)))}); _ = g`},
		{"conversion from a channel", `o = Out(ch); in = In(ch); b = (Both)(p)`,
			`o = (Out{WeftChan: ch}); in = (In{WeftChan: ch}); b = (Both{WeftChan: p})`},
		{"conversion to a channel", `var r <-chan int = (<-chan int)(b); _ = chan int(b); p = Plain(b); _ = r`,
			`var r *weftsched.Chan[int] = (*weftsched.Chan[int])(b.WeftChan); _ = (*weftsched.Chan[int])(b.WeftChan); p = Plain(b.WeftChan); _ = r`},
		{"conversion of nil", `b = Both(nil); _ = G[int](nil)`, `b = (Both{}); _ = (G[int]{})`},
		{"nil where it is a named type", `b = nil; var c Both = nil; bs = append(bs, nil); m[nil] = 1; take(nil); _ = []Both{nil}; _ = c`,
			`b = (Both{}); var c Both = (Both{}); bs = append(bs, (Both{})); m[(Both{})] = 1; take((Both{})); _ = []Both{(Both{})}; _ = c`},
		{"comparison with nil", "if b == nil || nil != b {\n\t}\n\tswitch b {\n\tcase nil:\n\t}",
			"if b == (Both{}) || (Both{}) != b {\n\t}\n\tswitch b {\n\tcase (Both{}):\n\t}"},
		{"send receive close", `b <- <-in; v, ok := <-b; close(b); _, _ = v, ok`,
			`weftrt.Send(b.WeftChan, weftrt.Recv(in.WeftChan)); v, ok := weftrt.RecvOK(b.WeftChan); weftrt.Close(b.WeftChan); _, _ = v, ok`},
		{"operand that needs parentheses", `<-bs[0]; close(*&b); _ = len(Both(ch))`,
			`weftrt.Recv(bs[0].WeftChan); weftrt.Close((*&b).WeftChan); _ = weftrt.Len((Both{WeftChan: ch}).WeftChan)`},
		{"range", "for v := range in {\n\t\t_ = v\n\t}", "for v := range weftrt.All(in.WeftChan) {\n\t\t_ = v\n\t}"},
		{"select", "select {\n\tcase v := <-in:\n\t\t_ = v\n\tcase o <- 1:\n\tcase b <- 2:\n\t}",
			"switch weftS0, weftS1, weftS2 := weftrt.OnRecv(in.WeftChan), weftrt.OnSend(o.WeftChan, 1), weftrt.OnSend(b.WeftChan, 2); weftsched.Select(weftS0.Case, weftS1, weftS2) {\n\tcase 0: v := weftS0.V;\n\t\t_ = v\n\tcase 1:\n\tdefault:\n\t}"},
		{"values and methods stay", `b.Reset(); _ = b.N(); var x any = b; _ = x.(Both) == b`,
			`b.Reset(); _ = b.N(); var x any = b; _ = x.(Both) == b`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := rewriteSnippet(t, namedPrelude+"\t"+c.in+"\n}\n")
			require.NoError(t, err)
			_, body, ok := strings.Cut(got, "m map[Both]int) {\n\t")
			require.True(t, ok, "the signature of body is lost in\n%s", got)
			assert.Equal(t, c.out+"\n}\n", body)
		})
	}
}

// TestOverlay_NamedChannelTypes rewrites testdata/namedchan, named channel
// types with methods of every direction (the shapes of moby's chanOutput
// and x/sync's semChan among them, and one of another package), and runs
// its tests through the overlay:
// the rewritten code must build, be marked rewritten with the types made
// structs, and behave as the original.
func TestOverlay_NamedChannelTypes(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the end-to-end test runs the go command, which is not on PATH")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "namedchan"))
	require.NoError(t, err)
	res, err := Overlay(Config{Dir: dir, CacheDir: t.TempDir()}, "./...")
	require.NoError(t, err)
	require.Contains(t, res.Files, filepath.Join(dir, "named.go"))
	require.Contains(t, res.Files, filepath.Join(dir, "progress", "progress.go"))
	cmd := exec.Command(goTool, "test", "-count=1", "-v", "-overlay="+res.Overlay, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "WEFT_E2E_NAMEDCHAN=1")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	for _, test := range []string{"TestRewritten", "TestRelay", "TestSem", "TestSource", "TestPipe", "TestForward"} {
		assert.Contains(t, string(out), "--- PASS: "+test+" ", "%s", out)
	}
}
