package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/weftlab/weft/checks/rewrite"
	"github.com/weftlab/weft/internal/repro"
)

// The strategies every kernel runs under, in the order the table credits
// them; a non-blocking kernel also runs stress+race, in a test binary
// built with -race (where the race detector watches the stress
// executions themselves).
var (
	strategies     = []string{"stress", "random", "pct", "bounded"}
	raceStrategies = []string{"stress+race"}
)

// hangTimeout is the watchdog of each execution (-hang): a stress
// execution that runs longer is a hang, and so is a controlled one, whose
// last phase (timers fired until none is pending) can take long on a busy
// machine.
var hangTimeout = 3 * time.Second

// An outcome is one strategy's check of a kernel.
type outcome struct {
	Strategy   string
	Verdict    string
	Executions int
	Elapsed    float64 // seconds
	Report     string
	sites      []site
	found      int // documented goroutines some reported site matches
}

// A row is a kernel's line of the table.
type row struct {
	k        *kernel
	refused  string // why it could not run, if it could not
	outcomes []outcome
	// fixed are the outcomes of the kernel with its fix applied, if one
	// was given (-fixed), and fixRefused why it could not run.
	fixed      []outcome
	fixRefused string
	wall       time.Duration
}

// runAll checks the kernels, par at a time.
// With reuse, it reads the outcomes a kept scratch module holds instead.
func runAll(dir string, ks []*kernel, budget time.Duration, par int, reuse bool, log func(string)) []*row {
	rows := make([]*row, len(ks))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < par; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				rows[i] = runKernel(dir, ks[i], budget, reuse)
				log(rows[i].progress())
			}
		}()
	}
	for i := range ks {
		next <- i
	}
	close(next)
	wg.Wait()
	return rows
}

func runKernel(dir string, k *kernel, budget time.Duration, reuse bool) *row {
	start := time.Now()
	r := &row{k: k}
	defer func() { r.wall = time.Since(start) }()
	r.outcomes, r.refused = check(dir, k, k.name, budget, reuse)
	if k.fix != "" {
		r.fixed, r.fixRefused = check(dir, k, k.name+"_fixed", budget, reuse)
	}
	return r
}

// check runs the kernel k in folder name of the scratch module under
// every strategy, or reads the outcomes kept there, and says why it could
// not run if it could not.
func check(dir string, k *kernel, name string, budget time.Duration, reuse bool) ([]outcome, string) {
	out := filepath.Join(dir, "out", name)
	if reuse {
		got, _ := collect(k, out, append(strategies, raceStrategies...), nil, nil)
		if len(got) == 0 {
			return nil, "no result kept"
		}
		return got, ""
	}
	res, err := rewrite.Overlay(rewrite.Config{Dir: dir}, "./"+name)
	if err != nil && strings.Contains(err.Error(), "needs go 1.23") {
		if err := dropLegacy(filepath.Join(dir, name, k.file)); err != nil {
			return nil, err.Error()
		}
		k.modern = true
		res, err = rewrite.Overlay(rewrite.Config{Dir: dir}, "./"+name)
	}
	if err != nil {
		return nil, "rewrite: " + firstLine(err.Error())
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err.Error()
	}
	runs := [][]string{strategies}
	if !k.blocking {
		runs = append(runs, raceStrategies)
	}
	share := budget / time.Duration(len(strategies)+len(raceStrategies))
	if k.blocking {
		share = budget / time.Duration(len(strategies))
	}
	var outcomes []outcome
	var failures []string
	for _, ss := range runs {
		args := []string{"test", "-count=1", "-overlay=" + res.Overlay, "-run=^TestWeftGoker$",
			fmt.Sprintf("-timeout=%v", time.Duration(len(ss))*(share+time.Minute)), "./" + name}
		if ss[0] == "stress+race" {
			args = append([]string{"test", "-race"}, args[1:]...)
		}
		// The overlay and the rewritten package go into each failure's
		// history file and reproduction command, so that `weft repro`
		// rebuilds the rewrite instead of replaying the kernel unrewritten.
		msg, err := goCmd(dir, []string{"WEFT_GOKER_OUT=" + out, "WEFT_GOKER_BUDGET=" + share.String(), "WEFT_GOKER_HANG=" + hangTimeout.String(),
			"WEFT_GOKER_STRATEGIES=" + strings.Join(ss, ","),
			repro.OverlayEnv + "=" + res.Overlay, repro.RewriteEnv + "=goker/" + name}, args...)
		got, fs := collect(k, out, ss, msg, err)
		outcomes, failures = append(outcomes, got...), append(failures, fs...)
	}
	if len(outcomes) == 0 && len(failures) > 0 {
		return nil, failures[0]
	}
	return outcomes, ""
}

// collect reads the outcomes of strategies ss from out, checking each
// report against k's documented cause, and says what went wrong with
// those that left none; msg and err are those of their go test, nil when
// reading a kept run.
func collect(k *kernel, out string, ss []string, msg []byte, err error) (outcomes []outcome, failures []string) {
	for _, s := range ss {
		o, ok := readOutcome(filepath.Join(out, s+".json"))
		if !ok {
			if msg == nil {
				continue // kept: a strategy the kernel did not run
			}
			if err == nil {
				err = errors.New("no result")
			}
			failures = append(failures, fmt.Sprintf("%s: %v: %s", s, err, lastLines(string(msg), 3)))
			continue
		}
		o.sites = stackSites(o.Report, k.file)
		o.found = k.cause.check(o.sites, k)
		outcomes = append(outcomes, o)
	}
	return outcomes, failures
}

func readOutcome(name string) (outcome, bool) {
	data, err := os.ReadFile(name)
	if err != nil {
		return outcome{}, false
	}
	var o outcome
	return o, json.Unmarshal(data, &o) == nil
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}

func lastLines(s string, n int) string {
	ls := strings.Split(strings.TrimSpace(s), "\n")
	if len(ls) > n {
		ls = ls[len(ls)-n:]
	}
	return strings.Join(ls, " | ")
}
