// Package reporttest holds what weft's tests compare reports with.
package reporttest

import (
	"regexp"
	"strings"
)

var goroutineID = regexp.MustCompile(`goroutine \d+`)

// Replayable is a report without what a replay cannot know: which execution
// of its scenario failed first, how its schedule was minimized, and the
// runtime's goroutine ids in stacks. Two exact replays of a failure have the
// same Replayable report.
func Replayable(report string) string {
	report = goroutineID.ReplaceAllString(report, "goroutine N")
	var keep []string
	for _, line := range strings.Split(report, "\n") {
		if !strings.HasPrefix(line, "Scenario (") && !strings.HasPrefix(line, "  (minimized from") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}
