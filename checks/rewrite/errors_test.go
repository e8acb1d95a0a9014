package rewrite

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What cannot be rewritten fails, naming the construct and its line,
// rather than leaving code outside control.
func TestRewrite_RefusesWhatItCannotControl(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"named channel type with methods declared from a named type", "package p\n\ntype D chan int\n\ntype C D\n\nfunc (c C) Len() int { return len(c) }\n",
			"p.go:5:6: named channel type C has methods and is declared as D"},
		{"named channel type declared from one with methods", "package p\n\ntype C chan int\n\nfunc (c C) Len() int { return len(c) }\n\ntype D C\n",
			"p.go:7:6: named channel type D is declared as C, which has methods"},
		{"method named as the field", "package p\n\ntype C chan int\n\nfunc (c C) WeftChan() {}\n",
			"p.go:5:12: method WeftChan of named channel type C"},
		{"nil of a named channel type shadowed", "package p\n\ntype C chan int\n\nfunc (C) M() {}\n\nfunc h(c C) {\n\ttype C int\n\tc = nil\n\t_ = c\n}\n",
			"p.go:9:6: nil of named channel type C, which the rewrite makes a struct and cannot name here"},
		{"nil of a generic named channel type of a channel", "package p\n\ntype G[T any] chan T\n\nfunc (G[T]) M() {}\n\nvar g G[chan int] = nil\n",
			"p.go:7:21: nil of named channel type G[chan int]"},
		{"channel constraint", "package p\n\nfunc g[C ~chan int](c C) {}\n",
			"p.go:3:11: channel type in a type constraint"},
		{"named channel type with methods in a type constraint", "package p\n\ntype C chan int\n\nfunc (C) M() {}\n\nfunc g[P interface{ C }](p P) { p <- 1 }\n",
			"p.go:7:8: type parameter P: its constraint holds C, a named channel type with methods"},
		{"named channel type with methods in a constraint declared elsewhere", "package p\n\ntype C chan int\n\nfunc (C) M() {}\n\ntype Cs interface{ C | chan string }\n\nfunc g[Q any, P Cs](p P) {}\n",
			"p.go:9:15: type parameter P: its constraint holds C"},
		{"unsafe view of a channel", "package p\n\nimport \"unsafe\"\n\nvar ch chan int\nvar _ = unsafe.Pointer(&ch)\n",
			"p.go:6:9: unsafe.Pointer view of a channel"},
		{"context of a package not rewritten", "package p\n\nimport \"testing\"\n\nfunc h(t *testing.T) {\n\t_ = t.Context()\n}\n",
			"p.go:6:8: testing.Context takes or gives a real channel or context of the standard library"},
		{"context function not rewritten yet", "package p\n\nimport \"context\"\n\nvar _ = context.WithoutCancel(context.Background())\n",
			"p.go:5:9: context.WithoutCancel is not rewritten yet"},
		{"channel parameter of a package not rewritten", "package p\n\nimport (\n\t\"os\"\n\t\"os/signal\"\n)\n\nfunc h() {\n\tc := make(chan os.Signal, 1)\n\tsignal.Notify(c)\n}\n",
			"p.go:10:9: os/signal.Notify takes or gives a real channel"},
		{"named channel type of a package not rewritten", "package p\n\nimport \"example.com/q\"\n\nvar _ q.C\n",
			"p.go:5:9: example.com/q.C takes or gives a real channel or context of a package that is not rewritten: add example.com/q to the packages to rewrite"},
		{"dot import", "package p\n\nimport . \"sync\"\n\nvar _ Mutex\n",
			"p.go:3:8: dot import of \"sync\" cannot be rewritten"},
		{"go on a built-in", "package p\n\nfunc h(ch chan int) {\n\tgo close(ch)\n}\n",
			"p.go:4:2: go statement calling the built-in close"},
		{"range over a channel before go 1.23", "//go:build go1.22\n\npackage p\n\nfunc h(ch chan int) {\n\tfor range ch {\n\t}\n}\n",
			"p.go:6:2: range over a channel is rewritten as a range over a function, which needs go 1.23"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := rewriteSnippet(t, c.src)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// Go converts between a named channel type and an unnamed one implicitly;
// the rewrite makes the one with methods a struct and the other a pointer,
// so each place where that happens is refused, naming its line. Each case
// is a body of h.
func TestRewrite_RefusesImplicitNamedChannelConversions(t *testing.T) {
	const prelude = "package p\n\ntype C chan int\n\nfunc (C) M() {}\n\nfunc take(C)          {}\nfunc many(...C)       {}\nfunc two() (C, C)     { return nil, nil }\nfunc none()           {}\n\ntype S struct{ c C }\n\nfunc h(c C, ch chan int, cc chan C, m map[C]int, cs []C) {\n\t"
	const want = "implicit conversion between C and chan int"
	cases := []struct{ name, body, at string }{
		{"assignment", "c = ch", "p.go:15:6"},
		{"assignment of a channel to an unnamed one", "ch = c", "p.go:15:7"},
		{"declaration", "var d C = ch; _ = d", "p.go:15:12"},
		{"several results", "var x, y chan int = two(); _, _ = x, y", "p.go:15:22"},
		{"argument", "take(ch)", "p.go:15:7"},
		{"variadic argument", "many(c, ch)", "p.go:15:10"},
		{"append", "cs = append(cs, ch)", "p.go:15:18"},
		{"return", "_ = func() C { return ch }", "p.go:15:24"},
		{"return of a named one", "_ = func() chan int { return c }", "p.go:15:31"},
		{"composite literal", "_ = S{c: ch}; _ = []C{ch}", "p.go:15:11"},
		{"send", "cc <- ch", "p.go:15:8"},
		{"map key", "_ = m[ch]", "p.go:15:8"},
		{"comparison", "_ = c == ch", "p.go:15:11"},
		{"switch case", "switch c {\n\tcase ch:\n\t}", "p.go:16:7"},
		{"range assignment", "var v chan int\n\tfor v = range cc {\n\t}\n\t_ = v", "p.go:16:6"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := rewriteSnippet(t, prelude+c.body+"\n}\n")
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.at+": "+want)
		})
	}
}
