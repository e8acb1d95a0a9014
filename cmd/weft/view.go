package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/internal/history"
	"github.com/weftlab/weft/internal/view"
)

const viewUsage = `usage: weft view [-o OUT.html] [-timeout d] FILE

Writes weft's view of the history in FILE as one self-contained HTML page
(nothing is fetched from the network: open it anywhere) and prints its
path. The page shows one column per client with each call's interval on a
shared time axis, the order of the calls the checker found with the model
state after each one, and, for a history that is not linearizable, where
every order gets stuck with what the model expected instead; for a failure
weft found under its controlled scheduler, the interleaving step by step.

FILE is a history in one of the formats weft reads: %s. A weft history
of a structure outside weft's catalog is drawn by the test that wrote it,
which alone has its model: run from a directory of its module, view runs
that test with -weft.judge=FILE (go test, a few seconds), which writes the
page, and copies it to OUT.html.

Flags:
  -o OUT.html   the page to write (default: FILE's base name, its extension
                replaced by .html, in the current directory)
  -timeout d    how long the linearizability checker may run (default 30s);
                a check that runs out of time is shown as unknown, never as
                a pass

Exit status: 0 the page is written and the history is linearizable; 1 the
page is written and the history is not linearizable, or its check ran out
of time, or it cannot be judged; 2 bad usage, a file that cannot be read
as a history, or a page that cannot be written, or, of a structure outside
the catalog, no test of its module drew it (no module here, a test or
structure renamed since, a package that does not build).
`

func viewMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("weft view", flag.ContinueOnError)
	fs.SetOutput(stderr)
	usage := func(w io.Writer) { fmt.Fprintf(w, viewUsage, strings.Join(history.Formats(), ", ")) }
	fs.Usage = func() {} // Parse's error says what is wrong; the usage follows it below
	out := fs.String("o", "", "")
	timeout := fs.Duration("timeout", 30*time.Second, "")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			usage(stdout)
			return 0
		}
		usage(stderr)
		return 2
	}
	if fs.NArg() != 1 {
		usage(stderr)
		return 2
	}
	file := fs.Arg(0)
	if *timeout <= 0 {
		fmt.Fprintf(stderr, "weft view: -timeout must be positive, not %v\n", *timeout)
		return 2
	}
	if *out == "" {
		base := filepath.Base(file)
		*out = strings.TrimSuffix(base, filepath.Ext(base)) + ".html"
	}
	h, err := history.Read(file)
	if outsideStructure(err) {
		return viewOutside(file, *out, *timeout, stdout, stderr)
	}
	if err != nil {
		fmt.Fprintf(stderr, "weft view: %v\n", err)
		return 2
	}
	a := view.Check(h, *timeout)
	if err := view.WriteFile(*out, h, a, view.Options{}); err != nil {
		fmt.Fprintf(stderr, "weft view: %v\n", err)
		return 2
	}
	fmt.Fprintln(stdout, *out)
	if a.Unjudgeable == "" && a.Result == porcupine.Ok {
		return 0
	}
	fmt.Fprintf(stderr, "weft view: %s: %s\n", file, a.Verdict())
	return 1
}

// viewOutside is view for a weft history of a structure outside the
// catalog: its own test binary draws the page (judge.go).
func viewOutside(file, out string, timeout time.Duration, stdout, stderr io.Writer) int {
	o, err := judgeOutside(file, timeout)
	if err != nil {
		fmt.Fprintf(stderr, "weft view: %v\n", err)
		return 2
	}
	defer os.RemoveAll(o.dir)
	fmt.Fprintln(stderr, o.judgedBy())
	if err := o.copyView(out); err != nil {
		fmt.Fprintf(stderr, "weft view: %s: %v\n", file, err)
		return 2
	}
	fmt.Fprintln(stdout, out)
	if o.ViewOK {
		return 0
	}
	fmt.Fprintf(stderr, "weft view: %s: %s\n", file, o.ViewVerdict)
	return 1
}
