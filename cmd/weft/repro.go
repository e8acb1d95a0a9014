package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/weftlab/weft/checks/rewrite/plaintest"
	"github.com/weftlab/weft/internal/repro"
)

const reproUsage = `usage: weft repro FILE [go test flags]

Replays the failure recorded in the history file FILE, such as
histories/out/NAME.json, as its report printed. Run it from any directory
of the module whose test wrote FILE; a relative FILE is looked up from the
working directory, then from the module root. It runs, from the module root,

  go test PACKAGE -run TEST -count=1 -v -weft.replay=FILE [go test flags]

for the package and test that FILE names, and shows go test's output: the
report of the replayed failure, also when the test expected it and passes.
A controlled failure replays its interleaving exactly; a failure found on
real cores repeats its scenario until it fails again or -weft.budget ends.

Exit status: 0 the replay did not fail; 1 it failed (the last line says
whether with the recorded verdict); 2 it could not replay (bad usage, not a
history file, a test that does not build, or no check replayed FILE: the
test or the structure was renamed, or FILE belongs to another module).
`

func reproMain(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		w := stderr
		if len(args) > 0 {
			w = stdout
		}
		fmt.Fprint(w, reproUsage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	root, file, h, err := historyTest(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "weft repro: %v\n", err)
		return 2
	}
	strategy := ""
	if !h.Controlled() && h.Strategy != "" && h.Strategy != "stress" {
		strategy = h.Strategy
	}
	goArgs, env, err := throughRewrite(root, h, repro.GoTestArgs(h.Package, h.Test, file, strategy))
	if err != nil {
		fmt.Fprintf(stderr, "weft repro: %v\n", err)
		return 2
	}
	// -v: a test that expects the failure passes, and go test shows the
	// logged report of a passing test only in verbose mode.
	goArgs = append(append(goArgs, "-v"), args[1:]...)
	fmt.Fprintf(stdout, "weft repro: %s (in %s)\n", repro.ShellCommand(goArgs), root)

	var out bytes.Buffer
	cmd := exec.Command("go", goArgs...)
	cmd.Dir, cmd.Env = root, env
	cmd.Stdout = io.MultiWriter(stdout, &out)
	cmd.Stderr = io.MultiWriter(stderr, &out)
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintf(stderr, "weft repro: %v\n", err)
		return 2
	}
	status, line := outcome(h, out.String())
	fmt.Fprintf(stdout, "weft repro: %s\n", line)
	return status
}

// historyTest finds the module of the history file arg from the working
// directory, and reads what the file says of the test that wrote it: the
// module root, the file (relative to the root, if it is inside), and the
// file's header. weft repro, and check, explain and view for a structure
// outside the catalog, run that test.
func historyTest(arg string) (root, file string, h repro.Header, err error) {
	root, file, err = locate(arg)
	if err != nil {
		return "", "", h, err
	}
	path := file
	if !filepath.IsAbs(path) {
		path = filepath.Join(root, file)
	}
	h, err = repro.ReadHeader(path)
	return root, file, h, err
}

// throughRewrite returns go's arguments goArgs, a go test of h's test from
// root, and the environment to run them in: the process's own, unless h is
// a failure weft test found. Its test exists only in weft test's overlay,
// which the rewrite of the same packages gives again.
func throughRewrite(root string, h repro.Header, goArgs []string) ([]string, []string, error) {
	env := os.Environ()
	if h.Rewrite == "" {
		return goArgs, env, nil
	}
	overlay, _, _, err := weftOverlay(root, strings.Fields(h.Rewrite), nil)
	if err != nil {
		return nil, nil, fmt.Errorf("rewriting %s again: %w", h.Rewrite, err)
	}
	goArgs = slices.Insert(slices.Clone(goArgs), 1, "-overlay="+overlay)
	env = append(withoutEnv(env, "WEFT_STRATEGY"), repro.OverlayEnv+"="+overlay, repro.RewriteEnv+"="+h.Rewrite,
		plaintest.StrategiesEnv+"="+h.Test[strings.LastIndex(h.Test, "/")+1:]) // the subtest, named after its strategy
	return goArgs, env, nil
}

// locate finds the module root and FILE relative to it.
func locate(arg string) (root, file string, err error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", "", err
	}
	root, err = moduleRoot(wd)
	if err != nil {
		return "", "", err
	}
	path := arg
	if !filepath.IsAbs(path) {
		if _, err := os.Stat(path); err == nil {
			path = filepath.Join(wd, path)
		} else {
			path = filepath.Join(root, path)
		}
	}
	if _, err := os.Stat(path); err != nil {
		return "", "", err
	}
	rel, err := filepath.Rel(root, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return root, path, nil // outside the module: an absolute path
	}
	return root, filepath.ToSlash(rel), nil
}

// moduleRoot is the directory of the nearest go.mod at or above dir.
func moduleRoot(dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%s is not inside a Go module: run weft from the module whose test wrote the file", dir)
		}
	}
}

// outcome reads go test's output: whether a check replayed the file, and
// with which verdict; it returns the exit status and the closing line.
func outcome(h repro.Header, out string) (int, string) {
	if !strings.Contains(out, repro.Marker) {
		return 2, fmt.Sprintf("no check replayed the file: it is a history of test %s, structure %s, in package %s. "+
			"Either go test failed before (above), or no test of that name exists any more (renamed?), "+
			"or the file belongs to another module.", h.Test, h.Structure, h.Package)
	}
	// The report's first line: "weft: VERDICT: STRUCTURE".
	header := regexp.MustCompile(`(?m)\bweft: ([a-z][a-z -]*[a-z]): ` + regexp.QuoteMeta(h.Structure) + `\s*$`)
	m := header.FindStringSubmatch(out)
	switch {
	case m == nil:
		return 0, fmt.Sprintf("the replay did not fail (recorded verdict: %s).", h.Verdict)
	case m[1] == h.Verdict:
		return 1, fmt.Sprintf("the replay failed with the recorded verdict, %s.", h.Verdict)
	default:
		return 1, fmt.Sprintf("the replay failed with verdict %s; the file recorded %s.", m[1], h.Verdict)
	}
}
