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
		{"named channel type with methods", "package p\n\ntype C chan int\n\nfunc (c C) Len() int { return len(c) }\n",
			"p.go:3:6: named channel type C has methods"},
		{"channel constraint", "package p\n\nfunc g[C ~chan int](c C) {}\n",
			"p.go:3:11: channel type in a type constraint"},
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
