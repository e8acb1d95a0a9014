package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/weftlab/weft/internal/explain"
	"github.com/weftlab/weft/internal/history"
)

const explainUsage = `usage: weft explain [-brief] [-timeout d] FILE

Explains why the history in FILE is or is not linearizable: a history is
when its calls have a legal order, one that keeps each call after every
call that returned before it was called, where each call's result is the
one the model gives in the state the calls before it leave.

For a history that is not linearizable it shows the longest legal order
found, with the model's state after each call, then, for each call that
could come next, why the model rejects it, and which calls cannot come
next yet. For a linearizable history it shows one legal order of all the
calls, each at a linearization point inside its interval. A model that
splits the history into independent parts (a key-value store, by key)
is explained part by part, the failing parts first.

FILE is a history in one of the formats weft reads:
  %s
(histories/teaching describes the line format, which a student writes by
hand). A weft history of a structure outside weft's catalog is explained
by the test that wrote it, which alone has its model: run from a directory
of its module, explain runs that test with -weft.judge=FILE (go test, a few
seconds), which writes the explanation, and prints it. The calls are
numbered #1, #2... as they come in FILE, with its clients and times. Each
claim of the explanation is checked against the model before it is
printed.

Flags:
  -brief       only where linearization gets stuck: for each part that is
               not linearizable, how many calls the longest legal order
               found places, its last 3 calls, and the stuck point (each
               call that could come next and why the model rejects it, the
               calls that cannot yet, grouped by the call that must come
               first); the other parts are counted, not shown. For a
               linearizable history, how many calls and parts have a legal
               order, not the order. It selects from the full text's checked
               claims, and adds none. Of a structure outside the catalog,
               the test writes both texts (one built with a weft older than
               -brief writes no brief text: exit 2, never the full text)
  -timeout d   time for the search, all parts together (default 10s); a
               search that does not finish says "unknown"

Exit status: 0 linearizable; 1 not linearizable, or unknown (the search did
not finish, or the history cannot be judged); 2 bad usage, FILE cannot be
read as a history, or its explanation failed that check (a bug of weft's
or of the model's, such as a Step that is not a function), or, of a
structure outside the catalog, no test of its module judged it (no module
here, a test or structure renamed since, a package that does not build)
or, with -brief, its test wrote no brief text.
`

func explainMain(args []string, stdout, stderr io.Writer) int {
	usage := fmt.Sprintf(explainUsage, strings.Join(history.Formats(), ", "))
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	timeout := fs.Duration("timeout", 10*time.Second, "")
	brief := fs.Bool("brief", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "weft explain: %v\n\n%s", err, usage)
		return 2
	}
	if fs.NArg() != 1 || *timeout <= 0 {
		problem := "one FILE, please"
		if *timeout <= 0 {
			problem = "the timeout must be positive"
		}
		fmt.Fprintf(stderr, "weft explain: %s\n\n%s", problem, usage)
		return 2
	}
	h, err := history.Read(fs.Arg(0))
	if outsideStructure(err) {
		return explainOutside(fs.Arg(0), *timeout, *brief, stdout, stderr)
	}
	if err != nil {
		fmt.Fprintf(stderr, "weft explain: %v\n", err)
		return 2
	}
	e, err := explain.Explain(h, *timeout)
	if err == nil {
		// An explanation that does not hold is worse than none.
		err = e.Verify()
	}
	if err != nil {
		fmt.Fprintf(stderr, "weft explain: %s: %v\n", fs.Arg(0), err)
		return 2
	}
	write := e.WriteText // each writes its text in one write
	if *brief {
		write = e.WriteBrief
	}
	if err := write(stdout); err != nil {
		return 2
	}
	if e.Verdict == explain.Linearizable {
		return 0
	}
	return 1
}

// explainOutside is explain for a weft history of a structure outside the
// catalog: its own test binary explains it (judge.go), brief or not.
func explainOutside(file string, timeout time.Duration, brief bool, stdout, stderr io.Writer) int {
	o, err := judgeOutside(file, timeout)
	if err != nil {
		fmt.Fprintf(stderr, "weft explain: %v\n", err)
		return 2
	}
	defer os.RemoveAll(o.dir)
	fmt.Fprintln(stderr, o.judgedBy())
	text, err := o.explanation(brief)
	if err != nil {
		fmt.Fprintf(stderr, "weft explain: %s: %v\n", file, err)
		return 2
	}
	if _, err := io.WriteString(stdout, text); err != nil {
		return 2
	}
	if o.Explained == explain.Linearizable {
		return 0
	}
	return 1
}
