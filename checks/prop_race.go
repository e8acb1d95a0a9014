package checks

import (
	"fmt"
	"strings"
)

// DataRace: under the stress+race strategy, the race detector saw two
// goroutines access the same memory, at least one of them writing, with
// nothing ordering the accesses. The stress executions run in a child
// process built with -race (racechild.go), so the report, with both
// accesses' stacks and the scenario that produced them, reaches weft
// instead of ending the test binary.
const DataRace Verdict = "data race"

// dataRace comes first: under the Go memory model a racy program's
// behaviour is undefined, so whatever the history shows follows from the
// race.
var dataRace = &property{
	verdict: DataRace,
	explain: "Two goroutines accessed the same memory, at least one of them writing, and nothing ordered the accesses: the race detector saw it happen.",
	detect:  func(j *judgement) bool { return j.e.race != nil },
	section: func(b *strings.Builder, _ *runner, f *failure) {
		r := f.exec.race
		if r == nil {
			return
		}
		b.WriteString("\nData race, as the race detector reported it in the child process that ran the execution")
		if r.reports > 1 {
			fmt.Fprintf(b, " (the first of %d reports)", r.reports)
		}
		b.WriteString(":\n")
		for _, a := range r.accesses {
			fmt.Fprintf(b, "  %s\n%s", a.header, indent(a.stack))
		}
		if !r.completed {
			b.WriteString("  The child process died after the report: the calls show no results.\n")
		}
	},
}

// raceInfo is the first report of the race detector in an execution.
type raceInfo struct {
	accesses  []raceAccess // the access that raced, then the previous one
	reports   int          // reports in the execution
	raw       string       // the report as the detector printed it
	completed bool         // the execution ran to its end after the report
}

// raceAccess is one of the two accesses of a race: "Write at 0x… by
// goroutine 9:" and its stack, without weft's own frames.
type raceAccess struct {
	header, stack string
}

const (
	raceBanner  = "WARNING: DATA RACE"
	raceDivider = "=================="
)

// parseRace finds the race detector's reports in out, the output of an
// execution; nil when there are none.
func parseRace(out string) *raceInfo {
	n := strings.Count(out, raceBanner)
	if n == 0 {
		return nil
	}
	report := out[strings.Index(out, raceBanner):]
	if end := strings.Index(report, raceDivider); end >= 0 {
		report = report[:end]
	}
	r := &raceInfo{reports: n, raw: strings.TrimSpace(report)}
	// Blocks are separated by blank lines: the two accesses first, then
	// where each goroutine was created, which is weft's harness.
	for _, block := range strings.Split(report, "\n\n") {
		header, stack, _ := strings.Cut(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(block), raceBanner)), "\n")
		if header == "" || strings.HasPrefix(header, "Goroutine ") {
			continue
		}
		r.accesses = append(r.accesses, raceAccess{header: header, stack: ownFrames(stack)})
	}
	return r
}

// ownFrames drops weft's harness frames from a race detector stack: what
// remains is the structure's code and the op that called it.
func ownFrames(stack string) string {
	lines := strings.Split(strings.TrimRight(stack, "\n"), "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		fn := strings.TrimSpace(lines[i])
		harness := strings.HasPrefix(fn, "github.com/weftlab/weft/checks.") ||
			strings.HasPrefix(fn, "github.com/weftlab/weft/checks/sched.")
		if harness && i+1 < len(lines) {
			i++ // and its file:line
			continue
		}
		out = append(out, fn)
		if i+1 < len(lines) {
			i++
			out = append(out, "    "+strings.TrimSpace(lines[i]))
		}
	}
	if len(out) == 0 {
		return strings.TrimSpace(stack) + "\n"
	}
	return strings.Join(out, "\n") + "\n"
}
