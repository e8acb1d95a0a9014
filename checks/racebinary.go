package checks

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/weftlab/weft/checks/internal/israce"
	"github.com/weftlab/weft/internal/repro"
)

// The stress+race strategy runs stress executions in a child process built
// with -race: the test binary itself when it already is (go test -race),
// else the same package's test binary built once per package and process.

// raceBinaries caches the binaries built, by package directory.
var raceBinaries struct {
	sync.Mutex
	built map[string]string
}

// raceBinary returns the test binary under -race of the package the test
// runs in (go test runs a test binary in its package's directory). It is
// built with the go command found on PATH, without the build flags of this
// binary (such as -tags), which it cannot know.
func raceBinary() (string, error) {
	if israce.Enabled {
		return os.Args[0], nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	raceBinaries.Lock()
	defer raceBinaries.Unlock()
	if path, ok := raceBinaries.built[dir]; ok {
		return path, nil
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("stress+race builds the test binary with -race, which needs the go command: %w", err)
	}
	out := filepath.Join(os.TempDir(), fmt.Sprintf("weft-race-%d", os.Getpid()))
	removeStaleRaceBinaries()
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(out, fmt.Sprintf("%d.test", len(raceBinaries.built)))
	args := []string{"test", "-race", "-c", "-o", path}
	if o := os.Getenv(repro.OverlayEnv); o != "" {
		// weft test's rewrite: without it the package would build unrewritten.
		args = append(args, "-overlay="+o)
	}
	cmd := exec.Command(goCmd, append(args, ".")...)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the test binary with -race (go test -race -c in %s): %w\n%s", dir, err, indent(string(msg)))
	}
	if raceBinaries.built == nil {
		raceBinaries.built = map[string]string{}
	}
	raceBinaries.built[dir] = path
	return path, nil
}

// removeStaleRaceBinaries removes the binaries of test processes that have
// ended: a test binary has no hook to remove its own when it exits.
func removeStaleRaceBinaries() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "weft-race-*"))
	for _, dir := range dirs {
		pid, err := strconv.Atoi(strings.TrimPrefix(filepath.Base(dir), "weft-race-"))
		if err != nil || pid == os.Getpid() {
			continue
		}
		if p, err := os.FindProcess(pid); err == nil {
			if err := p.Signal(syscall.Signal(0)); !errors.Is(err, os.ErrProcessDone) {
				continue // alive, or unknown
			}
		}
		_ = os.RemoveAll(dir)
	}
}
