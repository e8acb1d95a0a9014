// Package testmain lets a plain `go test` check plain Go under weft. A
// package whose tests check plain-Go code calls [Main] from its TestMain:
//
//	func TestMain(m *testing.M) { testmain.Main(m, "./mypkg") }
//
// Built through weft's rewrite (go test -overlay=..., as weft-overlay
// prints it), the binary just runs its tests. Built without it, its locks,
// goroutines, channels and clocks are the runtime's, which a controller
// cannot see and stress cannot perturb: rather than check them, it rebuilds
// itself through the rewrite of the patterns and runs that binary in its
// place, with the same arguments, and exits with its status.
//
// It links nothing of the rewrite itself (the rewrite runs as `go run
// github.com/weftlab/weft/checks/rewrite/cmd/weft-overlay`), so that a
// binary whose overlay rewrites a dependency such as errgroup does not
// also link golang.org/x/tools, which would call that dependency unrewritten.
package testmain

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/weftlab/weft/checks/internal/israce"
	"github.com/weftlab/weft/checks/rewrite/rt"
)

// rebuiltVar is set in the environment of a binary Main rebuilt, so that
// it never rebuilds again.
const rebuiltVar = "WEFT_TESTMAIN_REBUILT"

// Main runs m's tests rewritten, then exits. patterns are what the rewrite
// covers, as weft-overlay takes them: paths relative to the module's root
// (./mypkg, ./...) or import paths (golang.org/x/sync/errgroup). They must
// include the calling package. The rebuild keeps -race; other build flags
// (-tags, -cover) are not carried over.
func Main(m *testing.M, patterns ...string) {
	os.Exit(MainFor(m, callerPackage(2), nil, patterns...))
}

// MainFor is Main for the tests of package pkg, which must hold pkg and
// every package of also rewritten; it returns the exit status.
func MainFor(m *testing.M, pkg string, also []string, patterns ...string) int {
	var missing []string
	for _, p := range append([]string{pkg}, also...) {
		if !rt.Rewritten(p) {
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 {
		return m.Run()
	}
	if os.Getenv(rebuiltVar) != "" {
		fmt.Fprintf(os.Stderr, "weft: this test binary was rebuilt through the rewrite of %v, yet %s are not rewritten: are they among the patterns?\n",
			patterns, strings.Join(missing, ", "))
		return 2
	}
	fmt.Fprintf(os.Stderr, "weft: this test binary was built without weft's rewrite (%s not rewritten): rebuilding it through the rewrite of %v.\n",
		missing[0], patterns)
	bin, err := build(pkg, patterns)
	if err != nil {
		fmt.Fprintln(os.Stderr, "weft:", err)
		return 2
	}
	defer os.RemoveAll(filepath.Dir(bin))
	cmd := exec.Command(bin, os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), rebuiltVar+"=1")
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "weft: running the rewritten tests:", err)
		return 2
	}
	return 0
}

// build builds the test binary of pkg through the rewrite of patterns,
// under the race detector if this binary is, in a new directory.
func build(pkg string, patterns []string) (string, error) {
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("finding the module: go env GOMOD: %w", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(gomod)))
	rewriter := exec.Command("go", append([]string{"run", "github.com/weftlab/weft/checks/rewrite/cmd/weft-overlay"}, patterns...)...)
	rewriter.Dir, rewriter.Stderr = root, os.Stderr
	overlay, err := rewriter.Output()
	if err != nil {
		return "", fmt.Errorf("rewriting %v: %w", patterns, err)
	}
	dir, err := os.MkdirTemp("", "weft-test-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "rewritten.test")
	args := []string{"test", "-c", "-o", bin, "-overlay=" + strings.TrimSpace(string(overlay))}
	if israce.Enabled {
		args = append(args, "-race")
	}
	args = append(args, pkg)
	compile := exec.Command("go", args...)
	compile.Dir = root
	if out, err := compile.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("building the tests through the rewrite (go %s): %v\n%s", strings.Join(args, " "), err, out)
	}
	return bin, nil
}

// callerPackage is the import path of the package of the function skip
// frames up (0: callerPackage itself), without the _test of an external
// test package.
func callerPackage(skip int) string {
	pc, _, _, ok := runtime.Caller(skip)
	if !ok {
		return ""
	}
	name := runtime.FuncForPC(pc).Name() // such as example.com/x/hits_test.TestMain
	slash := strings.LastIndex(name, "/")
	if dot := strings.Index(name[slash+1:], "."); dot >= 0 {
		name = name[:slash+1+dot]
	}
	return strings.TrimSuffix(name, "_test")
}
