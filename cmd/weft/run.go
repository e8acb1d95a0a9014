package main

import (
	"golang.org/x/mod/modfile"

	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/checks/catalog"
	"github.com/weftlab/weft/checks/rewrite"
	"github.com/weftlab/weft/internal/repro"
	"github.com/weftlab/weft/internal/tools"
)

const runUsage = `usage: weft run [-strategy s] [-budget d] [-seed n] [-v] NAME...

Checks entries of weft's catalog (see "weft catalog") by name: a variant
such as counter/racy, or a structure such as counter for all its variants.
Each must reach its expected verdict: ok for a correct version, its bug's
verdict for a broken one. The catalog's structures are plain Go, checked
through weft's rewrite, as make check does:

  go test -overlay=OVERLAY -run '^TestCatalog$/^group$/^variant$' ./checks/catalog

So weft run checks weft's own catalog, built from its source: that of
the checkout of github.com/weftlab/weft it is run in, from any of its
directories; elsewhere, for a weft installed with go install ...@VERSION,
a copy of that version's source, which go install left in the module
cache, made once in the user's cache directory (weft/source). On a
terminal a live line shows the check running: its scenarios, executions
per second and elapsed time against its budget (from the progress file,
-weft.progress, the check writes); elsewhere only the verdicts are
printed, one line per entry.

Flags:
  -strategy s  stress, stress-plain, stress+race, random, pct, bounded or
               portfolio (default: stress, or portfolio for an entry only a
               controlled strategy can catch)
  -budget d    time to search, per entry (default: 15s for a correct
               version; for a broken one, up to a minute, stopping at the
               bug)
  -seed n      seed of scenarios and perturbation (default random)
  -v           show go test's whole output (the reports of the bugs caught)

Exit status: 0 every entry reached its expected verdict; 1 one did not
(its output follows the verdicts); 2 bad usage, a name not in the catalog
(the names close to it are listed), no source of weft to check (outside
a checkout, a weft built from a checkout), or a build that failed.
`

// weftModule is the module whose catalog weft run checks.
const weftModule = "github.com/weftlab/weft"

// correctBudget is a correct entry's budget when -budget is not given: a
// check's default (README's options table).
const correctBudget = 15 * time.Second

func runMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("weft run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	strategy := fs.String("strategy", "", "")
	budget := fs.Duration("budget", 0, "")
	seed := fs.Uint64("seed", 0, "")
	verbose := fs.Bool("v", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, runUsage)
			return 0
		}
		fmt.Fprint(stderr, runUsage)
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(stderr, "weft run: no entry named\n\n%s", runUsage)
		return 2
	}
	if *budget < 0 {
		fmt.Fprintf(stderr, "weft run: -budget %v: want a positive duration\n", *budget)
		return 2
	}
	if *strategy != "" {
		if _, _, err := tools.StrategyOf(*strategy); err != nil {
			fmt.Fprintf(stderr, "weft run: -strategy: %v\n", err)
			return 2
		}
	}
	entries, err := matchEntries(catalogEntries(), fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "weft run: %v\n", err)
		return 2
	}
	batches, err := planRun(entries, *strategy)
	if err != nil {
		fmt.Fprintf(stderr, "weft run: %v\n", err)
		return 2
	}
	root, note, err := weftSource()
	if err != nil {
		fmt.Fprintf(stderr, "weft run: %v\n", err)
		return 2
	}
	if note != "" {
		fmt.Fprintln(stderr, note)
	}
	r := &catalogRun{root: root, budget: *budget, seed: *seed, verbose: *verbose, stdout: stdout, stderr: stderr,
		line: newLiveLine(stdout, isTerminal(stdout), time.Now)}
	return r.run(batches)
}

// weftRoot returns the root of the checkout of weft that dir (empty: the
// current directory) is in, or says that weft run needs one.
func weftRoot(dir string) (string, error) {
	cmd := exec.Command("go", "env", "GOMOD")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod != "" && gomod != os.DevNull {
		if data, err := os.ReadFile(gomod); err == nil && modulePath(string(data)) == weftModule {
			return filepath.Dir(gomod), nil
		}
	}
	return "", fmt.Errorf("this directory is in no checkout of %s: weft run checks weft's own catalog, built from its source through the rewrite, so run it in a checkout (git clone https://%s), from any of its directories", weftModule, weftModule)
}

// modulePath is the path of the module statement of a go.mod file.
func modulePath(gomod string) string { return modfile.ModulePath([]byte(gomod)) }

// catalogRun runs batches of entries and prints their verdicts.
type catalogRun struct {
	root           string
	budget         time.Duration
	seed           uint64
	verbose        bool
	stdout, stderr io.Writer
	line           *liveLine
}

// An entryOutcome is an entry's: go test's pass or fail of its subtest, the row
// its check appended to the summary, and the subtest's output.
type entryOutcome struct {
	action string
	row    *tools.SummaryRow
	output strings.Builder
}

func (r *catalogRun) run(batches []batch) int {
	r.line.setLabel("rewriting the catalog's structures")
	res, err := rewrite.Overlay(rewrite.Config{Dir: r.root}, catalog.RewritePatterns...)
	if err != nil {
		r.line.clear()
		fmt.Fprintf(r.stderr, "weft run: rewriting the catalog: %v\n", err)
		return 2
	}
	dir, err := os.MkdirTemp("", "weft-run-")
	if err != nil {
		r.line.clear()
		fmt.Fprintf(r.stderr, "weft run: %v\n", err)
		return 2
	}
	defer os.RemoveAll(dir)
	status := 0
	for i, b := range batches {
		st := r.runBatch(b, res.Overlay, filepath.Join(dir, strconv.Itoa(i)))
		status = max(status, st)
	}
	return status
}

// runBatch checks b's entries with one go test and prints a verdict per
// entry; files is the prefix of its summary and progress files.
func (r *catalogRun) runBatch(b batch, overlay, files string) int {
	summary, progress := files+".summary.jsonl", files+".progress.jsonl"
	timeout := 10 * time.Minute
	for range b.entries {
		timeout += max(r.budget, time.Minute) + 2*time.Minute // the search, shrinking, the report
	}
	cmd := exec.Command("go", "test", "-json", "-count=1", "-overlay="+overlay, "-timeout="+timeout.String(),
		"-run="+runPattern(b.entries), "./checks/catalog")
	cmd.Dir = r.root
	cmd.Env = r.env(os.Environ(), b.strategy, overlay, summary, progress)
	cmd.Stderr = r.stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintf(r.stderr, "weft run: %v\n", err)
		return 2
	}
	r.line.setLabel(fmt.Sprintf("building the catalog and checking %s under %s", count(len(b.entries), "entry"), b.strategy))
	if err := cmd.Start(); err != nil {
		r.line.clear()
		fmt.Fprintf(r.stderr, "weft run: %v\n", err)
		return 2
	}
	stop, done := make(chan struct{}), make(chan struct{})
	go follow(&progressTail{path: progress}, r.line, 200*time.Millisecond, stop, done)
	outcomes, buildOutput := r.readEvents(out)
	waitErr := cmd.Wait()
	close(stop)
	<-done
	r.line.clear()
	var exit *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &exit) {
		fmt.Fprintf(r.stderr, "weft run: %v\n", waitErr)
		return 2
	}
	if buildOutput != "" && len(outcomes) == 0 {
		fmt.Fprintf(r.stderr, "weft run: the catalog did not build through the rewrite:\n%s", buildOutput)
		return 2
	}
	if buildOutput != "" {
		fmt.Fprint(r.stderr, buildOutput) // the go command's warnings: the checks ran
	}
	rows, err := readSummary(summary)
	if err != nil {
		fmt.Fprintf(r.stderr, "weft run: %v\n", err)
	}
	for name, row := range rows {
		if o := outcomes[name]; o != nil {
			o.row = &row
		}
	}
	return r.report(b, outcomes)
}

// env is the environment of the go test of a batch under strategy: base
// with weft's settings that weft run decides replaced by its own, the other
// WEFT_ variables (WEFT_CLIENTS, WEFT_OUT...) kept.
func (r *catalogRun) env(base []string, strategy, overlay, summary, progress string) []string {
	env := base
	for _, k := range []string{"WEFT_STRATEGY", "WEFT_BUDGET", "WEFT_TOTAL", "WEFT_SEED", "WEFT_SUMMARY", "WEFT_PROGRESS",
		repro.OverlayEnv, repro.RewriteEnv} {
		env = withoutEnv(env, k)
	}
	env = append(env, "WEFT_STRATEGY="+strategy, "WEFT_SUMMARY="+summary, "WEFT_PROGRESS="+progress,
		// stress+race builds its -race child with the overlay, and a
		// report's repro command names it: without it the child would
		// rebuild itself through the rewrite at every start (TestMain).
		// No RewriteEnv: that is weft test's, whose generated tests
		// weft repro would look for.
		repro.OverlayEnv+"="+overlay,
		// Each correct entry gets correctBudget of the pass's total.
		"WEFT_TOTAL="+(correctBudget*time.Duration(correctCount())).String())
	if r.budget > 0 {
		env = append(env, "WEFT_BUDGET="+r.budget.String())
	}
	if r.seed != 0 {
		env = append(env, "WEFT_SEED="+strconv.FormatUint(r.seed, 10))
	}
	return env
}

// readEvents reads go test -json's events: each entry's outcome and
// output, keyed by its test name, and the build's output, if it failed.
func (r *catalogRun) readEvents(rd io.Reader) (map[string]*entryOutcome, string) {
	outcomes := map[string]*entryOutcome{}
	var build strings.Builder
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var e testEvent
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			build.WriteString(sc.Text() + "\n") // not an event: go's own message
			continue
		}
		if e.Action == "build-output" {
			build.WriteString(e.Output)
			continue
		}
		if r.verbose && e.Output != "" {
			r.line.print(e.Output)
		}
		if strings.Count(e.Test, "/") != 2 {
			continue
		}
		o := outcomes[e.Test]
		if o == nil {
			o = &entryOutcome{}
			outcomes[e.Test] = o
		}
		o.output.WriteString(e.Output)
		if e.Action == "pass" || e.Action == "fail" || e.Action == "skip" {
			o.action = e.Action
		}
	}
	return outcomes, build.String()
}

// readSummary reads the summary rows of the checks, by test name.
func readSummary(path string) (map[string]tools.SummaryRow, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil // no check ran
	}
	if err != nil {
		return nil, err
	}
	rows := map[string]tools.SummaryRow{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var row tools.SummaryRow
		if json.Unmarshal([]byte(line), &row) == nil {
			rows[row.Test] = row
		}
	}
	return rows, nil
}

// report prints a verdict line per entry of b, then the output of those
// that did not reach their expected verdict, and returns the exit status.
// An entry is as expected only if its test passed and its check recorded a
// verdict: a test that passed without one (skipped, not run) is not.
func (r *catalogRun) report(b batch, outcomes map[string]*entryOutcome) int {
	status, notRun := 0, 0
	var failed []string
	for _, e := range b.entries {
		name := "TestCatalog/" + e.Name
		o := outcomes[name]
		line, ok := entryVerdict(e, b.strategy, o)
		if !ok {
			status = 1
			if o != nil {
				failed = append(failed, name)
			} else {
				notRun++
			}
		}
		fmt.Fprintln(r.stdout, line)
	}
	for _, name := range failed {
		fmt.Fprintf(r.stdout, "\n--- %s\n%s", name, onceEach(outcomes[name].output.String()))
	}
	if notRun > 0 {
		fmt.Fprintf(r.stdout, "weft run: %s did not run: go test stopped before (see its output), or the source checked (%s) is of another version of weft than this command, and its catalog lacks them (go run ./cmd/weft in it runs its own)\n",
			count(notRun, "entry"), r.root)
	}
	return status
}

// entryVerdict is the line of entry e checked under strategy: its verdict,
// whether it is the one expected, and what the check did; ok reports that
// it is.
func entryVerdict(e catalogEntry, strategy string, o *entryOutcome) (line string, ok bool) {
	switch {
	case o == nil || o.action == "":
		return fmt.Sprintf("%s: not run (expected %s under %s)", e.Name, e.Expect, strategy), false
	case o.row == nil:
		return fmt.Sprintf("%s: %s without a verdict (expected %s under %s)", e.Name, o.action, e.Expect, strategy), false
	}
	row := o.row
	if row.Actual == "skipped" {
		return fmt.Sprintf("%s: skipped under %s (%s), expected %s", e.Name, row.Mode, row.Note, row.Expected), false
	}
	counts := fmt.Sprintf("%s, %s, %s, %s", count(row.Scenarios, "scenario"), count(row.Executions, "execution"), seconds(row.Seconds), row.Mode)
	if o.action == "pass" && checks.Verdict(row.Actual).Satisfies(checks.Verdict(row.Expected)) {
		return fmt.Sprintf("%s: %s as expected (%s)", e.Name, row.Actual, counts), true
	}
	return fmt.Sprintf("%s: %s, UNEXPECTED: expected %s (%s)", e.Name, row.Actual, row.Expected, counts), false
}

// correctCount counts the catalog's correct entries, among which
// TestCatalog shares WEFT_TOTAL.
func correctCount() int {
	n := 0
	for _, e := range catalogEntries() {
		if e.Expect == string(checks.Ok) {
			n++
		}
	}
	return n
}
