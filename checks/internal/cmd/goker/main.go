// Command goker measures weft on GoKer, the kernels of real concurrency
// bugs of GoBench (Yuan et al., CGO 2021; github.com/timmyyuan/gobench,
// MIT): those of cockroach, istio, moby and serving, 35 blocking and 15
// non-blocking. The other projects' kernels are left for an evaluation by
// others, and never run.
//
//	git clone https://github.com/timmyyuan/gobench /tmp/gobench
//	make goker GOKER=/tmp/gobench            # or: go run ./checks/internal/cmd/goker /tmp/gobench
//	make goker GOKER=/tmp/gobench GOKER_FLAGS='-budget 40s -run moby'
//
// Nothing of GoKer enters the repository. The command copies each kernel,
// unchanged, into a scratch module in the temporary directory (removed at
// the end unless -keep), adds a test that runs the kernel's test function
// as a [checks.Program] under the strategies stress, random, pct and
// bounded (and stress+race, in a binary built with -race, for the
// non-blocking ones), rewrites it to weft's scheduling points with
// package rewrite, and runs go test -overlay on it, a few kernels at a
// time (-p, default the number of cores). Each kernel has a fixed budget
// (-budget, default 20s), shared equally by its strategies; a strategy
// that reports stops early. An execution that runs longer than -hang
// (default 3s) is a hang: under stress, the sign of a blocked program;
// under control, a shorter watchdog on a busy machine can cut a long
// last phase (timers fired until none is pending) and report a hang that
// a replay does not show. The seed is fixed, so a run repeats. The
// kernels were written for Go before 1.22, and some of their bugs are
// goroutines sharing a loop's variable: each copy keeps that meaning with
// a //go:build go1.21 line, and its line numbers with a //line directive.
//
// It prints a line per kernel as it ends, then the table:
//
//   - KERNEL, CLASS: the kernel and its bug class, GoKer's subtype and
//     sub-subtype from the README.
//   - VERDICT, BY, EXECS: weft's verdict, the strategy credited with it and
//     the executions it ran before the report; "ok" when no strategy
//     reported. The strategy credited is the first, in the order above,
//     whose report names the documented cause, else the first to report.
//   - CAUSE: whether the report names the documented cause, checked: the
//     goroutines the report shows blocked (a deadlock's waiting goroutines,
//     a leak's, a hang's stacks) or racing (a data race's two accesses), or
//     the panicking one, each at the innermost frame of its stack in the
//     kernel's file, are compared with the goroutines the README documents,
//     from its backtrace (a line each), else its interleaving diagram (the
//     operation each blocked goroutine wrote last, found in the source line
//     weft reports), else its text (lines it names, with their functions,
//     and calls it names). A call named X.M() is also found in a statement
//     that calls Y.M() where X and Y have the same type declared in the
//     kernel, pointer or not, as the type-checked file says: a README names
//     the receiver by the variable of the function it describes, a report
//     by the variable of the goroutine blocked there. A type of the standard
//     library (sync.Mutex) never counts, as a lock of it is everywhere.
//     "yes n/n" is every documented goroutine found, "partial k/n" some,
//     "no 0/n" a report elsewhere, which is not a detection; "unchecked" a
//     README that names no place.
//   - REPORTED BY: every strategy that reported something.
//   - FIXED: with -fixed DIR, the outcome of the kernel with its fix
//     applied (DIR/KERNEL.patch, a patch -p1 of the kernel's folder, kept
//     outside the repository like the kernels): "clean" when no strategy
//     reported, else the verdict, a false alarm unless the fix is wrong.
//   - NOTE: why a kernel did not run (a construct the rewrite refuses, a
//     build failure), or a construct that keeps it from running as written
//     (t.Run).
//
// The summary counts, for blocking and non-blocking kernels apart, those
// detected with the documented cause, partly, elsewhere, unchecked, not
// detected and not run, and the reports on the fixed versions. Flag -causes prints what each README documents
// and exits, to see what the check compares with; -keep keeps the scratch
// module with every strategy's outcome and report (out/KERNEL/*.json), and
// -reuse DIR prints the table of such a module again without running.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"time"
)

func main() {
	budget := flag.Duration("budget", 20*time.Second, "time for each kernel, shared by its strategies")
	flag.DurationVar(&hangTimeout, "hang", hangTimeout, "how long an execution may run before it is a hang")
	par := flag.Int("p", runtime.NumCPU(), "kernels checked at once")
	run := flag.String("run", "", "check only the kernels whose name matches `regexp`")
	keep := flag.Bool("keep", false, "keep the scratch module, with each strategy's report (out/KERNEL/*.json)")
	causes := flag.Bool("causes", false, "print each kernel's documented cause and exit")
	why := flag.Bool("why", false, "after the table, print for each report that does not name the whole cause where the README and weft place the goroutines")
	fixed := flag.String("fixed", "", "check too, for each KERNEL.patch in `dir`, the kernel with that fix applied, expecting no report")
	reuse := flag.String("reuse", "", "print the table of the outcomes a scratch module kept by -keep holds, in `dir`, without running")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: goker [flags] GOBENCH\n\n"+
			"GOBENCH is a clone of github.com/timmyyuan/gobench, outside this repository:\n"+
			"  git clone https://github.com/timmyyuan/gobench /tmp/gobench\n"+
			"  make goker GOKER=/tmp/gobench\n\nflags:")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := goker(flag.Arg(0), *budget, *par, *run, *keep, *causes, *why, *reuse, *fixed); err != nil {
		fmt.Fprintln(os.Stderr, "goker:", err)
		os.Exit(1)
	}
}

func goker(gobench string, budget time.Duration, par int, run string, keep, causes, why bool, reuse, fixed string) error {
	ks, err := kernels(gobench)
	if err != nil {
		return err
	}
	if run != "" {
		re, err := regexp.Compile(run)
		if err != nil {
			return fmt.Errorf("-run: %w", err)
		}
		var sel []*kernel
		for _, k := range ks {
			if re.MatchString(k.name) {
				sel = append(sel, k)
			}
		}
		ks = sel
	}
	if fixed != "" {
		for _, k := range ks {
			p, err := filepath.Abs(filepath.Join(fixed, k.name+".patch"))
			if err != nil {
				return err
			}
			if _, err := os.Stat(p); err == nil {
				k.fix = p
			}
		}
	}
	if causes {
		for _, k := range ks {
			fmt.Printf("%s (%s): from %s\n", k.name, k.class, orNone(k.cause.from))
			for _, g := range k.cause.gs {
				fmt.Printf("  %v\n", g)
			}
		}
		return nil
	}
	dir := reuse
	if dir == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		if dir, err = os.MkdirTemp("", "weft-goker-"); err != nil {
			return err
		}
		if keep {
			fmt.Printf("scratch module: %s\n", dir)
		} else {
			defer os.RemoveAll(dir)
		}
		if err := scratch(dir, root, ks); err != nil {
			return err
		}
	}
	start := time.Now()
	var mu sync.Mutex
	rows := runAll(dir, ks, budget, max(par, 1), reuse != "", func(line string) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Println(line)
	})
	fmt.Println()
	printTable(os.Stdout, rows)
	fmt.Println()
	printSummary(os.Stdout, rows, time.Since(start))
	if why {
		fmt.Println()
		printWhy(os.Stdout, rows)
	}
	return nil
}

// moduleRoot is the folder of weft's go.mod, which the scratch module
// takes weft from.
func moduleRoot() (string, error) {
	out, err := goCmd(".", nil, "env", "GOMOD")
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v: %s", err, out)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("run from weft's repository: no go.mod here")
	}
	return filepath.Dir(gomod), nil
}

func orNone(s string) string {
	if s == "" {
		return "nothing (no backtrace, diagram, line or call)"
	}
	return s
}
