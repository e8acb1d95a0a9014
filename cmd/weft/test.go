package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/weftlab/weft/checks/rewrite/plaintest"
)

const testUsage = `usage: weft test [-strategy list] [-budget d] [-run regexp] [-v] packages

Checks the plain Go packages' own tests under weft, unmodified: it rewrites
the packages to weft's scheduling points (package checks/rewrite), adds a
generated test file per test package that runs each TestXxx as a weft
program (checks.Program) under each strategy, and runs

  go test -overlay=OVERLAY -run '^TestWeft_' packages

It prints a table, a verdict per test and strategy, then the reports of the
failures, each with the command that replays it. The module of the
packages must require github.com/weftlab/weft, and the packages must not be
in the module cache (go -overlay cannot replace those files: use a local
copy, through a replace directive). A test is run with its subtest's
*testing.T: t.Error and t.Fatal fail the execution (a panic verdict naming
the test, its messages in the log), t.Parallel is removed, and a test that
calls t.Run cannot be run and fails: "not run" when weft test sees the call,
"t.Run" when go test's output shows subtests started through a helper (see
package checks/rewrite/plaintest).

Flags:
  -strategy list  strategies, separated by commas (default stress,portfolio;
                  "all" is stress,stress+race,random,pct,bounded,portfolio)
  -budget d       time to search for a failure, per test and strategy
                  (default 3s); shrinking a failure takes up to 3s more
  -run regexp     check only the tests whose names match
  -v              show go test's whole output

Exit status: 0 every test passed under every strategy; 1 a test failed, or
could not be run; 2 bad usage, or the packages could not be rewritten or
built.
`

const allStrategies = "stress,stress+race,random,pct,bounded,portfolio"

func testMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("weft test", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // -h prints the usage on stdout, below
	strategies := fs.String("strategy", "stress,portfolio", "")
	budget := fs.Duration("budget", 3*time.Second, "")
	runFlag := fs.String("run", "", "")
	verbose := fs.Bool("v", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, testUsage)
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, testUsage)
		return 2
	}
	if *strategies == "all" {
		*strategies = allStrategies
	}
	var run *regexp.Regexp
	if *runFlag != "" {
		var err error
		if run, err = regexp.Compile(*runFlag); err != nil {
			fmt.Fprintf(stderr, "weft test: -run: %v\n", err)
			return 2
		}
	}
	start := time.Now()
	overlay, pkgs, leftOut, err := weftOverlay("", fs.Args(), run)
	if err != nil {
		fmt.Fprintf(stderr, "weft test: %v\n", err)
		return 2
	}
	for _, f := range leftOut {
		fmt.Fprintf(stdout, "weft test: left out %s: it has no test to run, and a construct the rewrite refuses\n", f)
	}
	var paths []string
	tests := 0
	for _, p := range pkgs {
		if len(p.tests) > 0 {
			paths = append(paths, p.ImportPath)
			tests += len(p.tests)
		}
	}
	if tests == 0 {
		fmt.Fprintf(stderr, "weft test: no test to check in %s\n", strings.Join(fs.Args(), " "))
		return 2
	}
	fmt.Fprintf(stdout, "weft test: %s in %s rewritten in %v; checking under %s, %v each\n",
		count(tests, "test"), count(len(paths), "package"), time.Since(start).Round(time.Millisecond), *strategies, *budget)

	n := len(strings.Split(*strategies, ","))
	timeout := max(10*time.Minute, time.Duration(tests*n)*(3**budget+time.Minute))
	goArgs := append([]string{"test", "-json", "-count=1", "-overlay=" + overlay, "-run=^TestWeft_",
		"-timeout=" + timeout.String()}, paths...)
	cmd := exec.Command("go", goArgs...)
	cmd.Env = append(withoutEnv(os.Environ(), "WEFT_STRATEGY"),
		plaintest.StrategiesEnv+"="+*strategies, "WEFT_BUDGET="+budget.String(),
		"WEFT_OVERLAY="+overlay, "WEFT_REWRITE="+strings.Join(paths, " "))
	// go test's stderr and the progress lines share stderr, from two
	// goroutines.
	stderr = &lockedWriter{w: stderr}
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintf(stderr, "weft test: %v\n", err)
		return 2
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "weft test: %v\n", err)
		return 2
	}
	results := readTestEvents(out, stdout, stderr, *verbose)
	err = cmd.Wait()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintf(stderr, "weft test: %v\n", err)
		return 2
	}
	return results.print(stdout, pkgs, strings.Split(*strategies, ","), time.Since(start))
}

// lockedWriter serializes the writes to w.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// count is n things, such as "1 test" or "2 tests".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// withoutEnv is env without the variable key.
func withoutEnv(env []string, key string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, key+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// testEvent is a line of go test -json.
type testEvent struct {
	Action, Package, Test, Output string
}

// testResults are go test's outcomes, by package and test name (as go
// test names it: TestWeft_Xxx/strategy), with their output.
type testResults struct {
	action map[string]string
	output map[string]*strings.Builder
	// buildFailed holds the output of packages that did not build.
	buildFailed map[string]*strings.Builder
	// subtests holds the checks (package TestWeft_Xxx/strategy) whose test
	// ran subtests through a helper, which weft test did not see: their
	// bodies ran outside weft's control.
	subtests map[string]bool
}

// readTestEvents reads go test -json's events from r, showing their output
// on verbose when show is set, and each check's outcome on progress as it
// comes (a run can take minutes).
func readTestEvents(r io.Reader, verbose, progress io.Writer, show bool) *testResults {
	res := &testResults{action: map[string]string{}, output: map[string]*strings.Builder{},
		buildFailed: map[string]*strings.Builder{}, subtests: map[string]bool{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var e testEvent
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			fmt.Fprintln(verbose, sc.Text()) // not an event: go test's own message
			continue
		}
		if show && e.Output != "" {
			fmt.Fprint(verbose, e.Output)
		}
		if parts := strings.SplitN(e.Test, "/", 3); len(parts) == 3 {
			res.subtests[e.Package+" "+parts[0]+"/"+parts[1]] = true
			continue
		}
		key := e.Package + " " + e.Test
		if res.output[key] == nil {
			res.output[key] = &strings.Builder{}
		}
		res.output[key].WriteString(e.Output)
		switch e.Action {
		case "pass", "fail", "skip":
			res.action[key] = e.Action
			if strings.Contains(e.Test, "/") && !show {
				fmt.Fprintf(progress, "weft test: %s %s: %s\n", e.Package, e.Test, e.Action)
			}
		case "build-output":
			// go test -json reports build errors as their own events.
			if res.buildFailed[e.Package] == nil {
				res.buildFailed[e.Package] = &strings.Builder{}
			}
			res.buildFailed[e.Package].WriteString(e.Output)
		}
	}
	return res
}

// testLogLine is a line a test logged (t.Log, t.Error): file:line: text.
var testLogLine = regexp.MustCompile(`^    [^ ]+\.go:\d+: `)

// onceEach keeps the first of equal lines the test logged: every execution
// of a check logs to the same *testing.T, thousands of times.
func onceEach(out string) string {
	var b strings.Builder
	seen := map[string]bool{}
	dropped := 0
	for _, line := range strings.SplitAfter(out, "\n") {
		if testLogLine.MatchString(line) {
			if seen[line] {
				dropped++
				continue
			}
			seen[line] = true
		}
		b.WriteString(line)
	}
	if dropped > 0 {
		fmt.Fprintf(&b, "(%d repeated log lines of the test left out: every execution logs to the same *testing.T)\n", dropped)
	}
	return b.String()
}

var verdictLine = regexp.MustCompile(`(?m)\bweft: ([a-z][a-z +-]*[a-z]): `)

// print writes the table and the failures' reports, and returns the exit
// status.
func (res *testResults) print(w io.Writer, pkgs []*testPackage, strategies []string, took time.Duration) int {
	status := 0
	var reports bytes.Buffer
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "\nPACKAGE\tTEST\t%s\n", strings.Join(strategies, "\t"))
	for _, p := range pkgs {
		if b := res.buildFailed[p.ImportPath]; b != nil && len(p.tests) > 0 {
			fmt.Fprintf(&reports, "\n%s did not build:\n%s", p.ImportPath, b)
			status = 2
		}
		for _, t := range p.tests {
			test := weftName(t.name)
			row := []string{p.ImportPath, t.name}
			for _, s := range strategies {
				key := p.ImportPath + " " + test + "/" + s
				cell := res.action[key]
				switch {
				case t.notRun != "":
					cell = "not run"
				case res.subtests[key]:
					cell = "t.Run"
					fmt.Fprintf(&reports, "\n--- %s %s, strategy %s: not checked: it ran subtests (t.Run, through a helper), "+
						"which package testing starts on goroutines outside weft's control\n", p.ImportPath, t.name, s)
				case cell == "":
					cell = "no result"
				case cell == "fail":
					cell = "fail"
					if m := verdictLine.FindStringSubmatch(res.output[key].String()); m != nil {
						cell = m[1]
					}
					fmt.Fprintf(&reports, "\n--- %s %s, strategy %s:\n%s", p.ImportPath, t.name, s, onceEach(res.output[key].String()))
				}
				if cell != "pass" && cell != "skip" && status == 0 {
					status = 1
				}
				row = append(row, cell)
			}
			if t.notRun != "" {
				fmt.Fprintf(&reports, "\n--- %s %s not run: %s\n", p.ImportPath, t.name, t.notRun)
			}
			fmt.Fprintln(tw, strings.Join(row, "\t"))
		}
	}
	tw.Flush()
	w.Write(reports.Bytes())
	fmt.Fprintf(w, "\nweft test: %v\n", took.Round(time.Second))
	return status
}
