// Package reporttest holds what weft's own tests share to check reports:
// what two replays must agree on, and what stopped a check.
package reporttest

import (
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

var goroutineID = regexp.MustCompile(`goroutine \d+`)

// frameArgs matches the argument words that a stack frame prints after its
// function, such as "(0xc000012345, {0xa1b2c3?, 0x4})" or "(...)": addresses
// of this process, which a replay in another allocates elsewhere.
var frameArgs = regexp.MustCompile(`(?m)\((?:0x|\{0x|\.\.\.)[^()]*\)$`)

// Replayable is a report without what a replay cannot know: which execution
// of its scenario (or, for a program, of its seed) failed first, how its
// schedule was minimized, and the runtime's goroutine ids and argument words
// in stacks. Two exact replays of a failure have the same Replayable report.
func Replayable(report string) string {
	report = goroutineID.ReplaceAllString(report, "goroutine N")
	report = frameArgs.ReplaceAllString(report, "(…)")
	var keep []string
	for _, line := range strings.Split(report, "\n") {
		if !strings.HasPrefix(line, "Scenario (") && !strings.HasPrefix(line, "Program ") &&
			!strings.HasPrefix(line, "  (minimized from") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

// FatalOf runs fn with a test that records the message of its Fatalf and
// ends fn's goroutine, as testing.T does, and returns that message ("" if
// fn did not stop): how a test checks what stops a check.
func FatalOf(t testing.TB, fn func(tb testing.TB)) string {
	rec := &fatalRecorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(rec)
	}()
	<-done
	return rec.fatal
}

type fatalRecorder struct {
	testing.TB
	fatal string
}

func (r *fatalRecorder) Helper() {}
func (r *fatalRecorder) Fatalf(format string, args ...any) {
	r.fatal = fmt.Sprintf(format, args...)
	runtime.Goexit()
}
