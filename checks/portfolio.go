package checks

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/weftlab/weft/internal/repro"
)

// The portfolio runs independent controlled searches on every core at once.
// A controller is installed for the whole process (the shims find it
// through a global: Go has no goroutine-local state), so one process runs
// one controlled execution at a time; the portfolio therefore starts one
// worker process per core, each the test binary itself running the same
// test with its own strategy and seed. The first worker to find a failure
// wins: the others are stopped, and its report (already shrunk, with its
// exact schedule) becomes the check's.

// portfolioStrategy's workers run its members in turn.
var portfolioStrategy = &strategyDesc{
	name: "portfolio", about: "controlled, one worker process per core", controlled: true,
	perScenario: executionsPerScenario,
	members:     []*strategyDesc{pctStrategy, randomStrategy, boundedStrategy},
}

// portfolioResultEnv names the file a worker appends its results to; its
// presence makes a process a worker.
const portfolioResultEnv = "WEFT_PORTFOLIO_RESULT"

// workerResult is what a worker reports of one check.
type workerResult struct {
	Strategy    string           `json:"strategy"`
	Verdict     Verdict          `json:"verdict"`
	Scenarios   int              `json:"scenarios"`
	Executions  int              `json:"executions"`
	Exhausted   int              `json:"exhausted"`
	Unknowns    int              `json:"unknowns"`
	Bounds      map[string]Reach `json:"bounds,omitempty"`
	Report      string           `json:"report,omitempty"`
	HistoryFile string           `json:"historyFile,omitempty"`
	ViewFile    string           `json:"viewFile,omitempty"`
	Repro       string           `json:"repro,omitempty"`
}

// reportToPortfolio appends res to the result file when this process is a
// portfolio worker.
func reportToPortfolio(res Result, strategy string) error {
	path := os.Getenv(portfolioResultEnv)
	if path == "" {
		return nil
	}
	wr := workerResult{Strategy: strategy, Verdict: res.Verdict, Scenarios: res.Scenarios,
		Executions: res.Executions, Exhausted: res.Exhausted, Unknowns: res.Unknowns, Bounds: res.Bounds}
	if f := res.Failure; f != nil {
		wr.Report, wr.HistoryFile, wr.ViewFile, wr.Repro = f.Report, f.HistoryFile, f.ViewFile, f.Repro
	}
	data, err := json.Marshal(wr)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(append(data, '\n'))
	return errors.Join(err, f.Close())
}

// worker is one running worker process.
type worker struct {
	strategy string
	cmd      *exec.Cmd
	out      bytes.Buffer
	results  string // its result file
}

// runPortfolio runs the check in one worker process per core and returns
// the first failure, or the sum of what the workers ran.
func runPortfolio(tb testing.TB, tg *target, cfg config, expect Verdict) (Result, error) {
	if !testing.Testing() {
		return Result{}, errors.New("the portfolio strategy needs a test binary to run workers")
	}
	dir, err := os.MkdirTemp("", "weft-portfolio-")
	if err != nil {
		return Result{}, err
	}
	defer os.RemoveAll(dir)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := max(runtime.NumCPU(), 2)
	workers := make([]*worker, n)
	exited := make(chan int, n)
	members := cfg.desc().members
	for i := range workers {
		w := &worker{strategy: members[i%len(members)].name, results: filepath.Join(dir, fmt.Sprintf("worker-%d.jsonl", i))}
		w.cmd = exec.CommandContext(ctx, os.Args[0], workerArgs(tb.Name(), w.strategy, splitmix(cfg.seed+uint64(i)))...)
		w.cmd.Env = append(os.Environ(), portfolioResultEnv+"="+w.results, "WEFT_SUMMARY=")
		w.cmd.Stdout, w.cmd.Stderr = &w.out, &w.out
		if err := w.cmd.Start(); err != nil {
			return Result{}, fmt.Errorf("starting portfolio worker %d: %w", i, err)
		}
		workers[i] = w
		go func() { _ = w.cmd.Wait(); exited <- i }()
	}

	res := Result{Structure: tg.name, Verdict: Ok, Seed: cfg.seed}
	reached := reach{}
	var errs []error
	deadline := time.NewTimer(cfg.budget + cfg.shrinkTime + 2*cfg.hang + time.Minute)
	defer deadline.Stop()
	for running := n; running > 0; running-- {
		var i int
		select {
		case i = <-exited:
		case <-deadline.C:
			cancel()
			return res, fmt.Errorf("portfolio workers did not finish within the budget, the shrink time and a minute; output of worker 0:\n%s", tail(workers[0].out.String()))
		}
		w := workers[i]
		if ctx.Err() != nil {
			continue // stopped after another worker's failure
		}
		results, err := readWorkerResults(w.results)
		if err != nil || len(results) == 0 {
			errs = append(errs, fmt.Errorf("portfolio worker %d (%s) ended without a result (%v):\n%s", i, w.strategy, err, tail(w.out.String())))
			continue
		}
		for _, wr := range results {
			res.Scenarios += wr.Scenarios
			res.Executions += wr.Executions
			res.Exhausted += wr.Exhausted
			res.Unknowns += wr.Unknowns
			reached.merge(wr.Bounds)
			if wr.Report != "" && res.Failure == nil {
				res.Verdict = wr.Verdict
				res.Failure = &Failure{Report: wr.Report, HistoryFile: wr.HistoryFile, ViewFile: wr.ViewFile, Repro: wr.Repro}
				cancel() // the first failure wins
			}
		}
		// A worker whose own test failed without a weft failure (a leak, a
		// fatal error) is a failure too, except when an Expect in it missed
		// the bug that another worker may catch.
		if !w.cmd.ProcessState.Success() && res.Failure == nil && !(expect != "" && expect != Ok) {
			errs = append(errs, fmt.Errorf("portfolio worker %d (%s) failed:\n%s", i, w.strategy, tail(w.out.String())))
		}
	}
	if res.Failure == nil && res.Unknowns > 0 {
		res.Verdict = Unknown
	}
	res.Bounds = reached.result()
	return res, errors.Join(errs...)
}

// workerArgs runs exactly test, with the weft flags of this process except
// those the worker gets its own value of.
func workerArgs(test, strategy string, seed uint64) []string {
	args := []string{"-test.run=" + repro.TestPattern(test), "-test.count=1", "-test.timeout=0"}
	if testing.Short() {
		args = append(args, "-test.short")
	}
	for name, v := range commandLineFlags() {
		switch name {
		case "weft.strategy", "weft.seed", "weft.summary", "weft.replay":
			continue
		}
		args = append(args, "-"+name+"="+v)
	}
	return append(args, "-weft.strategy="+strategy, fmt.Sprintf("-weft.seed=%d", seed))
}

func readWorkerResults(path string) ([]workerResult, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []workerResult
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var wr workerResult
		if err := json.Unmarshal([]byte(line), &wr); err != nil {
			return out, fmt.Errorf("bad result line %q: %w", line, err)
		}
		out = append(out, wr)
	}
	return out, nil
}

// tail returns the end of a worker's output, enough to see why it failed.
func tail(s string) string {
	const keep = 4000
	if len(s) > keep {
		s = "…" + s[len(s)-keep:]
	}
	return indent(s)
}
