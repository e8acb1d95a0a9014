package checks

import (
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/weftlab/weft/checks/internal/engine"
)

// maxTraceLines bounds the interleaving a report prints; the steps that
// lead to the failure are at the end, so the oldest are dropped, unless the
// failure happened at a known step (a priority inversion), which the window
// then ends shortly after.
const maxTraceLines = 120

// linesAfterFocus is how much of what follows the failure's step a window
// around it shows.
const linesAfterFocus = 15

// writeInterleaving shows the trace of a controlled execution with one
// column per goroutine: each line is one step, a goroutine runs until
// another column continues, and the line where control leaves a goroutine
// says why (preempted before a point, blocked, ended). Steps of main
// before the clients start (New and init) are summed up, and a run of
// identical steps (a spin loop) is one line. A program's main is the
// program itself: its steps are all shown.
func writeInterleaving(b *strings.Builder, c *controlInfo, program bool) {
	steps := c.trace
	first := slices.IndexFunc(steps, func(s engine.Step) bool { return s.G > 0 })
	if first > 0 && !program {
		fmt.Fprintf(b, "  (%s of main before: New and init)\n", plural(first, "step"))
		steps = steps[first:]
	}
	type line struct {
		g    int
		text string
		at   int // index in steps of its first step
	}
	var lines []line
	for i := 0; i < len(steps); {
		s := steps[i]
		j := i + 1
		for j < len(steps) && steps[j] == s {
			j++
		}
		text := stepText(s)
		if j-i > 1 {
			text += fmt.Sprintf(" ×%d", j-i)
		}
		if j < len(steps) && steps[j].G != s.G && s.G >= 0 {
			switch s.Event {
			case engine.EventPoint:
				// A point is reached before its operation takes effect: the
				// goroutine was preempted before it, not after. The go
				// point is the exception: it follows the start.
				if s.Kind == engine.GoStart {
					text += "  ⇢ preempted after it"
				} else {
					text = "⇢ preempted before " + text
				}
			case engine.EventNote:
				text += "  ⇢ preempted"
			case engine.EventBlock:
				text += "  ⇢ switch"
			}
		}
		lines = append(lines, line{g: s.G, text: text, at: i})
		i = j
	}
	later := 0
	if focus := c.focus(); focus > 0 && len(lines) > maxTraceLines {
		f := slices.IndexFunc(lines, func(l line) bool { return l.at+first >= focus })
		if end := f + linesAfterFocus; f >= 0 && end < len(lines) {
			later = len(lines) - end
			lines = lines[:end]
		}
	}
	if len(lines) > maxTraceLines {
		fmt.Fprintf(b, "  (… %d earlier steps omitted)\n", len(lines)-maxTraceLines)
		lines = lines[len(lines)-maxTraceLines:]
	}
	cols := map[int]bool{}
	for _, l := range lines {
		if l.g >= 0 {
			cols[l.g] = true
		}
	}
	order := make([]int, 0, len(cols))
	for g := range cols {
		order = append(order, g)
	}
	slices.Sort(order)
	col := map[int]int{}
	var table strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "  \t")
	var legend []string
	for i, g := range order {
		col[g] = i
		name := c.goroutines[g]
		if short, _, ok := strings.Cut(name, " (started by"); ok {
			legend = append(legend, fmt.Sprintf("g%d = %s", g, name))
			name = "g" + strings.TrimPrefix(short, "goroutine ")
		}
		fmt.Fprintf(tw, "%s\t", name)
	}
	fmt.Fprintln(tw)
	for i, l := range lines {
		fmt.Fprintf(tw, "  %d\t", i+1)
		if l.g < 0 {
			fmt.Fprintf(tw, "%s\t\n", l.text)
			continue
		}
		// Every line has a cell for every column: tabwriter aligns a
		// column only over consecutive lines that have it.
		fmt.Fprint(tw, strings.Repeat("\t", col[l.g]))
		fmt.Fprintf(tw, "%s\t%s\n", l.text, strings.Repeat("\t", len(order)-col[l.g]-1))
	}
	tw.Flush()
	for row := range strings.Lines(table.String()) {
		b.WriteString(strings.TrimRight(row, " \n"))
		b.WriteString("\n")
	}
	if later > 0 {
		fmt.Fprintf(b, "  (… %d later steps omitted)\n", later)
	}
	for _, l := range legend {
		fmt.Fprintf(b, "  %s\n", l)
	}
}

// stepText describes one step, such as "atomic-cas atomic#1 → failed".
func stepText(s engine.Step) string {
	what := s.What()
	switch s.Event {
	case engine.EventBlock:
		return "waits: " + what
	case engine.EventEnd:
		return "ends"
	case engine.EventNote:
		return s.Note
	case engine.EventTime:
		return "— no goroutine can run: virtual time jumps to +" + s.Note + " —"
	}
	if s.Note != "" {
		what += " → " + s.Note
	}
	return what
}

// repeatingTail finds the shortest cycle of steps that the end of a trace
// repeats at least three times: what a livelocked execution keeps doing.
func repeatingTail(trace []engine.Step) (cycle []engine.Step, times int) {
	n := len(trace)
	// Virtual time keeps advancing in a livelock that sleeps: a time step
	// matches another whatever time it shows, and a sleep another whatever
	// its timer.
	same := func(a, b engine.Step) bool {
		if a.Event == engine.EventTime && b.Event == engine.EventTime {
			return true
		}
		if a.Kind == engine.TimeSleep && b.Kind == engine.TimeSleep {
			a.Object, b.Object = "", ""
		}
		return a == b
	}
	for p := 1; p <= 200 && 3*p <= n; p++ {
		k := 1
		for (k+1)*p <= n && slices.EqualFunc(trace[n-(k+1)*p:n-k*p], trace[n-p:], same) {
			k++
		}
		if k >= 3 {
			return trace[n-p:], k
		}
	}
	return nil, 0
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// trimStack drops the frames of weft's scheduler (and of the rewrite's
// runtime, which stands for a channel operation) from a goroutine's stack,
// so that it starts where the program's own code waits.
func trimStack(stack string) string {
	lines := strings.Split(strings.TrimRight(stack, "\n"), "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		internal := strings.HasPrefix(l, "github.com/weftlab/weft/checks/sched.") ||
			strings.HasPrefix(l, "github.com/weftlab/weft/checks/internal/engine.") ||
			strings.HasPrefix(l, "github.com/weftlab/weft/checks/rewrite/rt.") ||
			strings.HasPrefix(l, "runtime/debug.Stack(")
		if internal && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\t") {
			i++ // and its file:line
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
