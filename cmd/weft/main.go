// Command weft checks plain Go packages' tests under weft and replays the
// failures weft's checks record.
//
// Usage:
//
//	go run github.com/weftlab/weft/cmd/weft <command> [arguments]
//
// The commands are:
//
//	check [-timeout d] [-agree] FILE...
//	    Judge whether the history in each FILE (weft's history files,
//	    porcupine's Jepsen etcd and key-value logs) is linearizable, and
//	    compare the verdict with the one the file records. `weft check -h`
//	    lists the formats and the exit status.
//
//	explain [-brief] [-timeout d] FILE
//	    Explain why the history in FILE is or is not linearizable: the
//	    longest legal order found and why the model rejects each call that
//	    could come next, or a legal order with each call's linearization
//	    point. With -brief, only where linearization gets stuck: the last
//	    calls of the order found, the stuck point, the other parts counted.
//	    Exit status: 0 linearizable, 1 not or unknown, 2 bad input.
//
//	repro FILE [go test flags]
//	    Replay the failure recorded in the history file FILE (the command a
//	    failure's report prints). Run it from any directory of the module
//	    whose test wrote FILE: it runs that test, from the module root, with
//	    -weft.replay=FILE, shows its output, the report included (also when
//	    the test expected the failure and passes), and ends with a line that
//	    compares the verdict with the recorded one.
//
//	view [-o OUT.html] FILE
//	    Write weft's self-contained HTML view of the history in FILE and
//	    print its path; `weft view -h` details the page and its exit status.
//
//	test [-strategy list] [-budget d] [-run regexp] [-v] packages
//	    Check plain Go packages' own tests under weft, unmodified: rewrite
//	    the packages (package checks/rewrite), run each TestXxx as a weft
//	    program under each strategy (stress then portfolio by default), and
//	    print a verdict per test and strategy, then the failures' reports.
//	    `weft test -h` details how a test's *testing.T behaves.
//
//	catalog [-json] [-v]
//	    List weft's catalog: the guide's structures, each variant with the
//	    verdict weft must reach on it, by section of the guide.
//
//	run [-strategy s] [-budget d] [-seed n] [-v] NAME...
//	    Check catalog entries by name (counter/racy, or counter for all its
//	    variants) through the rewrite, from a checkout of weft, with a live
//	    progress line on a terminal and a verdict line per entry.
//
// A weft history file of a structure outside weft's catalog (one of your
// own) names a model that only the test binary of its module has: check,
// explain and view, run from a directory of that module, find the file's
// package and test as repro does and run
//
//	go test PACKAGE -run TEST -count=1 -weft.judge=FILE -weft.judgeout=DIR -weft.checktimeout=d
//
// under which no check searches: the check of the file's structure judges
// it with its model and writes the verdict, the explanation and the page to
// DIR (package internal/judging), which the command shows as for a
// structure of the catalog, with the same exit status. What prevents it (no
// module, a test that does not build or no longer exists, no check of the
// file's structure in it) is exit status 2, with the reason.
//
// Exit status of check: 0 every history is linearizable (with -agree: every
// verdict agrees with the one its file records); 1 some history is not
// linearizable, unknown (the check ran out of time) or not judged; 2 bad
// usage, or a file that cannot be read.
//
// Exit status of test: 0 every test passed under every strategy; 1 a test
// failed or could not be run; 2 bad usage, or the packages could not be
// rewritten or built.
//
// Exit status of catalog: 0 listed; 2 bad usage.
//
// Exit status of run: 0 every entry reached its expected verdict; 1 one did
// not; 2 bad usage, a name not in the catalog, no checkout of weft, or a
// catalog that did not build.
//
// Exit status of view: 0 the page is written and the history is
// linearizable; 1 it is written and the history is not linearizable, its
// check ran out of time, or it cannot be judged; 2 bad usage, a file that
// cannot be read as a history, or a page that cannot be written.
//
// Exit status of repro: 0 if the replay did not fail (the bug is fixed, or,
// for a failure found on real cores, did not show within the budget); 1 if
// it failed (the last line says whether with the recorded verdict); 2 if it
// could not replay: bad usage, a file that is not a weft history, a test
// that does not build, or no check that replayed the file (the test or the
// structure was renamed, or FILE belongs to another module). `go run`
// prints a program's non-zero status as "exit status N" and exits 1 itself;
// a binary from `go install github.com/weftlab/weft/cmd/weft` exits with it.
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `usage: weft <command> [arguments]

Commands:
  check [flags] FILE...        judge whether the histories in the FILEs are linearizable
  explain [flags] FILE         why the history in FILE is or is not linearizable
  repro FILE [go test flags]   replay the failure recorded in the history file FILE
  test [flags] packages        check plain Go packages' own tests under weft
  catalog [-json] [-v]         list the guide's structures and the verdict each must get
  run [flags] NAME...          check catalog entries by name, with a live progress line
  view [-o OUT.html] FILE      write the HTML view of the history in FILE and print its path

Run "weft <command> -h" for a command's details.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command of args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "check":
		return checkMain(args[1:], stdout, stderr)
	case "explain":
		return explainMain(args[1:], stdout, stderr)
	case "repro":
		return reproMain(args[1:], stdout, stderr)
	case "test":
		return testMain(args[1:], stdout, stderr)
	case "catalog":
		return catalogMain(args[1:], stdout, stderr)
	case "run":
		return runMain(args[1:], stdout, stderr)
	case "view":
		return viewMain(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "weft: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}
