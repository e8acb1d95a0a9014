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

var (
	goroutineID = regexp.MustCompile(`goroutine \d+`)
	// stackWord is an argument word or an address in a stack frame, such
	// as 0xc000012345: a replay allocates elsewhere.
	stackWord = regexp.MustCompile(`0x[0-9a-f]+`)
)

// Replayable is a report without what a replay cannot know: which execution
// of its scenario failed first (the header of a scenario or a program), how its schedule was minimized, and the
// runtime's goroutine ids and argument words in stacks. Two exact replays
// of a failure have the same Replayable report.
func Replayable(report string) string {
	report = goroutineID.ReplaceAllString(report, "goroutine N")
	report = stackWord.ReplaceAllString(report, "0x…")
	var keep []string
	for _, line := range strings.Split(report, "\n") {
		header := strings.HasPrefix(line, "Scenario (") || strings.HasPrefix(line, "Program ") && strings.Contains(line, " (seed ")
		if !header && !strings.HasPrefix(line, "  (minimized from") {
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
