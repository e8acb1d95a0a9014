package checks

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/weftlab/weft/internal/repro"
)

// A failure is an execution that failed, with everything needed to report
// and reproduce it.
type failure struct {
	verdict   Verdict
	sc        scenario
	exec      *execution
	execIndex int // which execution of the scenario failed (0-based)
	stuck     *stuckInfo
	files     outputFiles
	repro     string
	replayed  bool // an exact replay of a recorded schedule
	// stressHang is the hang a stress execution showed first, when the
	// verdict comes from running its scenario under control (diagnose.go).
	stressHang *hangInfo
	// minimized says how schedule minimization went, for a controlled
	// failure: preemptions before and after.
	minimized *minimizeInfo
}

// interleavingHeading opens the interleaving's section of a report, which
// ends at the next blank line: interleavingOf finds it there.
const interleavingHeading = "\nInterleaving (one line per step; ⇢ marks where control left a goroutine):\n"

// interleavingOf is the interleaving section of a report without its
// heading, or "" if it has none.
func interleavingOf(report string) string {
	_, rest, ok := strings.Cut(report, interleavingHeading)
	if !ok {
		return ""
	}
	section, _, _ := strings.Cut(rest, "\n\n")
	if section = strings.TrimSuffix(section, "\n"); section == "" {
		return ""
	}
	return section + "\n"
}

// report renders f for people. Its first line names the verdict.
func (r *runner) report(f *failure) string {
	var b strings.Builder
	fmt.Fprintf(&b, "weft: %s: %s\n", f.verdict, r.tg.name)
	fmt.Fprintf(&b, "%s\n", verdictExplanation(f.verdict))
	if h := f.stressHang; h != nil {
		fmt.Fprintf(&b, "Found as a hang under stress (the %s phase did not finish within %v), then run under control, which shows why.\n",
			h.phase, r.cfg.hang)
	}
	if h := f.exec.hang; h != nil && h.outside != nil {
		fmt.Fprintf(&b, "Under control, %s: no other goroutine can run to release it.\n", h.outside)
	}
	b.WriteString("\n")

	strategy := r.cfg.strategy
	if c := f.exec.control; c != nil {
		strategy = c.strategy
	}
	if r.tg.program {
		fmt.Fprintf(&b, "Program %s (seed %d, execution %d of the seed, strategy %s)\n", r.tg.name, r.cfg.seed, f.execIndex+1, strategy)
	} else {
		fmt.Fprintf(&b, "Scenario (%d calls; seed %d, execution %d of this scenario, strategy %s):\n",
			f.sc.size(), r.cfg.seed, f.execIndex+1, strategy)
		r.writeScenario(&b, f)
	}
	if f.exec.control != nil {
		writeSchedule(&b, f)
	}
	r.writeSections(&b, f)
	if c := f.exec.control; c != nil {
		b.WriteString(interleavingHeading)
		writeInterleaving(&b, c, r.tg.program)
	}
	if h := f.stressHang; h != nil {
		b.WriteString(h.graph)
		fmt.Fprintf(&b, "\nEvery goroutine when the stress execution hung:\n%s", indent(h.stacks))
	}

	if f.exec.control != nil {
		b.WriteString("\nReproduce (replays this interleaving exactly):\n")
	} else if h := f.exec.hang; h != nil && h.controlled {
		b.WriteString("\nReproduce (reruns the scenario under control until it hangs again):\n")
	} else {
		b.WriteString("\nReproduce (a stress run repeats the scenario until it fails again):\n")
	}
	fmt.Fprintf(&b, "  %s\n  (from any directory of the module; it runs %s from the module root)\n",
		repro.UserCommand(f.files.history), f.repro)
	if f.files.history != "" {
		fmt.Fprintf(&b, "History: %s\nView:    %s\n", f.files.history, f.files.view)
	}
	if f.files.err != nil {
		fmt.Fprintf(&b, "Could not write the history files: %v\n", f.files.err)
	}
	return b.String()
}

// callName is how reports name the call of rec, such as "client 1, call 2".
func (r *runner) callName(rec *record) string {
	if rec.part == partParallel {
		return fmt.Sprintf("client %d, call %d (%s)", rec.client, rec.index+1, r.describe(rec))
	}
	return fmt.Sprintf("%s call %d (%s)", rec.part, rec.index+1, r.describe(rec))
}

// describe shows a call and its result, such as "get(a) → 3".
func (r *runner) describe(rec *record) string {
	m := r.tg.inner
	switch {
	case rec.panic != nil:
		return m.describeInput(rec.input) + " ✗ panicked"
	case rec.pending:
		return m.describeInput(rec.input) + " … never returned"
	case r.tg.ops[rec.op].async:
		return m.describeOperation(rec.input, rec.output) + " (fire-and-forget)"
	default:
		return m.describeOperation(rec.input, rec.output)
	}
}

// writeScenario shows the init part, the parallel part as a table with one
// column per client, and the post part. Each call shows its result and its
// [call, return] clock ticks: two calls overlap when their intervals do.
func (r *runner) writeScenario(b *strings.Builder, f *failure) {
	byPos := map[[3]int]*record{}
	for i := range f.exec.history {
		rec := &f.exec.history[i]
		byPos[[3]int{int(rec.part), rec.client, rec.index}] = rec
	}
	n := len(f.sc.clients)
	cell := func(p part, client, index int, c call) string {
		rec, ok := byPos[[3]int{int(p), client, index}]
		if !ok {
			return r.tg.inner.describeInput(c.input) + " (not run)"
		}
		ret := "–"
		if rec.returned() && !r.tg.ops[rec.op].async {
			ret = fmt.Sprint(rec.ret)
		}
		return fmt.Sprintf("%s  [%d,%s]", r.describe(rec), rec.call, ret)
	}
	tw := tabwriter.NewWriter(b, 0, 0, 3, ' ', 0)
	for i, c := range f.sc.init {
		fmt.Fprintf(tw, "  init %d\t%s\n", i+1, cell(partInit, n, i, c))
	}
	fmt.Fprint(tw, "  \t")
	for c := range n {
		fmt.Fprintf(tw, "client %d\t", c)
	}
	fmt.Fprintln(tw)
	rows := 0
	for _, cl := range f.sc.clients {
		rows = max(rows, len(cl))
	}
	for i := range rows {
		fmt.Fprintf(tw, "  %d\t", i+1)
		for c, cl := range f.sc.clients {
			if i < len(cl) {
				fmt.Fprint(tw, cell(partParallel, c, i, cl[i]))
			}
			fmt.Fprint(tw, "\t")
		}
		fmt.Fprintln(tw)
	}
	for i, c := range f.sc.post {
		fmt.Fprintf(tw, "  post %d\t%s\n", i+1, cell(partPost, n, i, c))
	}
	tw.Flush()
	b.WriteString("  ([call,return] are logical clock ticks; – means no return, so the call may take effect any time after its call.)\n")
}

func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	return "    " + strings.ReplaceAll(s, "\n", "\n    ") + "\n"
}

// writeSchedule shows the schedule of a controlled execution and how it
// was minimized.
func writeSchedule(b *strings.Builder, f *failure) {
	c := f.exec.control
	fmt.Fprintf(b, "\nSchedule: %d decisions, %d preemptions, %d steps: %s\n",
		len(c.choices), c.preemptions, c.steps, encodeSchedule(c.decisions()))
	if m := f.minimized; m != nil && m.from > c.preemptions {
		fmt.Fprintf(b, "  (minimized from %d preemptions in %d executions", m.from, m.tries)
		if m.fewest {
			b.WriteString(": no schedule with fewer fails")
		}
		b.WriteString(")\n")
	}
}
