package catalog_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/weftlab/weft/checks/catalog"
	"github.com/weftlab/weft/checks/internal/israce"
	"github.com/weftlab/weft/checks/rewrite/rt"
)

// rebuiltVar is set in the environment of a binary this TestMain rebuilt,
// so that it never rebuilds again.
const rebuiltVar = "WEFT_CATALOG_REBUILT"

// TestMain makes sure the structures run as weft sees them. They are plain
// Go: only the rewrite makes their locks, goroutines, channels and clocks
// scheduling points. Built without it (a plain go test), this binary would
// check real locks under a controller that cannot see them; so it
// rebuilds itself through the rewrite and runs that binary, with the same
// arguments, in its place. make test and make check pass the overlay and
// never take this path.
func TestMain(m *testing.M) {
	if missing := unrewritten(); len(missing) > 0 {
		os.Exit(runRewritten(missing))
	}
	os.Exit(m.Run())
}

// unrewritten lists the packages of the catalog's entries, and the
// catalog's own, that this binary holds unrewritten.
func unrewritten() []string {
	var missing []string
	for _, e := range catalog.All() {
		missing = append(missing, e.Package)
	}
	missing = append(missing, "github.com/weftlab/weft/checks/catalog")
	slices.Sort(missing)
	missing = slices.Compact(missing)
	return slices.DeleteFunc(missing, rt.Rewritten)
}

func runRewritten(missing []string) int {
	if os.Getenv(rebuiltVar) != "" {
		fmt.Fprintf(os.Stderr, "weft: this catalog binary was rebuilt through the rewrite, yet %s are not rewritten: was a package added outside %v?\n",
			strings.Join(missing, ", "), catalog.RewritePatterns)
		return 2
	}
	fmt.Fprintf(os.Stderr, "weft: the catalog's structures are plain Go, and this test binary was built without weft's rewrite (%d packages unrewritten, %s among them): rebuilding it through the rewrite, as make test and make check do.\n",
		len(missing), missing[0])
	bin, err := buildRewritten()
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
		fmt.Fprintln(os.Stderr, "weft: running the rewritten catalog:", err)
		return 2
	}
	return 0
}

// buildRewritten builds the catalog's test binary through the rewrite's
// overlay, under the race detector if this one is, in a new directory.
func buildRewritten() (string, error) {
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("finding the module: go env GOMOD: %w", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(gomod)))
	// The overlay comes from weft-overlay rather than package rewrite:
	// this binary must not link golang.org/x/tools, whose go/packages
	// imports errgroup, which the overlay replaces with its rewrite.
	rewriter := exec.Command("go", append([]string{"run", "./checks/rewrite/cmd/weft-overlay"}, catalog.RewritePatterns...)...)
	rewriter.Dir, rewriter.Stderr = root, os.Stderr
	overlay, err := rewriter.Output()
	if err != nil {
		return "", fmt.Errorf("rewriting %v: %w", catalog.RewritePatterns, err)
	}
	dir, err := os.MkdirTemp("", "weft-catalog-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "catalog.test")
	args := []string{"test", "-c", "-o", bin, "-overlay=" + strings.TrimSpace(string(overlay))}
	if israce.Enabled {
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, "./checks/catalog")...)
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("building the catalog through the rewrite (go %s): %v\n%s", strings.Join(args, " "), err, out)
	}
	return bin, nil
}
