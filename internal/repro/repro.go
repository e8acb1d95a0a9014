// Package repro knows how a failure that weft recorded in a history file is
// replayed: which go test command reruns it, from which module. Both the
// checks that print the command and `weft repro`, which runs it, use it.
package repro

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// Header is what a history file says about where it comes from: enough to
// replay it. The checks read the whole file, and check it, when they replay.
type Header struct {
	Test      string          `json:"test"`
	Package   string          `json:"package"` // relative to the module root, such as "./checks/catalog"
	Rewrite   string          `json:"rewrite"` // the packages weft test rewrote, by import path, or ""
	Structure string          `json:"structure"`
	Verdict   string          `json:"verdict"`
	Strategy  string          `json:"strategy"`
	Schedule  json.RawMessage `json:"schedule"` // null for a failure found on real cores
}

// ReadHeader reads the header of the history file at path.
func ReadHeader(path string) (Header, error) {
	var h Header
	data, err := os.ReadFile(path)
	if err != nil {
		return h, err
	}
	if err := json.Unmarshal(data, &h); err != nil {
		return h, fmt.Errorf("%s is not a weft history file: %w", path, err)
	}
	if h.Test == "" || h.Package == "" || h.Structure == "" {
		return h, fmt.Errorf("%s is not a weft history file: it names no test, package or structure", path)
	}
	return h, nil
}

// Controlled says whether the failure was found under weft's scheduler,
// whose schedule replays exactly.
func (h Header) Controlled() bool { return len(h.Schedule) > 0 && string(h.Schedule) != "null" }

// GoTestArgs are the arguments of go test, run from the module root, that
// replay file, a history of test in package pkg. A failure found on real
// cores is replayed by executing its scenario again, with strategy when it
// is not "" (the default strategy).
func GoTestArgs(pkg, test, file, strategy string) []string {
	args := []string{"test", pkg, "-run", TestPattern(test), "-count=1", "-weft.replay=" + file}
	if strategy != "" {
		args = append(args, "-weft.strategy="+strategy)
	}
	return args
}

// ShellCommand is go with args as one line for a shell.
func ShellCommand(args []string) string {
	var b strings.Builder
	b.WriteString("go")
	for _, a := range args {
		b.WriteByte(' ')
		if strings.ContainsAny(a, " '\"$*?[]\\|&;<>()") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		b.WriteString(a)
	}
	return b.String()
}

// TestPattern is the -run pattern that selects exactly test.
func TestPattern(test string) string {
	var pattern []string
	for _, part := range strings.Split(test, "/") {
		pattern = append(pattern, "^"+regexp.QuoteMeta(part)+"$")
	}
	return strings.Join(pattern, "/")
}

// UserCommand is the command that replays file from any directory of the
// module whose test wrote it.
func UserCommand(file string) string {
	return "go run github.com/weftlab/weft/cmd/weft repro " + file
}

// OverlayEnv and RewriteEnv name the variables that `weft test` sets for
// the go test it runs: the overlay of its rewrite, which a reproduction
// command and a -race build of the test binary need, and the import paths
// of the packages rewritten (separated by spaces), which a history file
// records so that `weft repro` can rewrite them again.
const (
	OverlayEnv = "WEFT_OVERLAY"
	RewriteEnv = "WEFT_REWRITE"
)

// Marker starts the line a check logs when it replays a file; `weft repro`
// tells by it a replay from a run in which no check replayed the file.
const Marker = "weft: replaying "
