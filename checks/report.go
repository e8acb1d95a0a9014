package checks

import (
	"fmt"
	"github.com/weftlab/weft/checks/internal/engine"
	"github.com/weftlab/weft/internal/repro"
	"strings"
	"text/tabwriter"
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

// report renders f for people. Its first line names the verdict.
func (r *runner) report(f *failure) string {
	var b strings.Builder
	fmt.Fprintf(&b, "weft: %s: %s\n", f.verdict, r.t.name)
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
	fmt.Fprintf(&b, "Scenario (%d calls; seed %d, execution %d of this scenario, strategy %s):\n",
		f.sc.size(), r.cfg.seed, f.execIndex+1, strategy)
	r.writeScenario(&b, f)
	if c := f.exec.control; c != nil {
		writeControl(&b, f, &r.cfg)
	}

	if f.stuck != nil {
		r.writeStuck(&b, f)
	}
	for _, p := range f.exec.panics {
		fmt.Fprintf(&b, "\nPanic in %s: %s\n%s", p.Where, p.Value, indent(p.Stack))
	}
	for i := range f.exec.history {
		if p := f.exec.history[i].panic; p != nil {
			fmt.Fprintf(&b, "\nPanic in %s: %s\n%s", r.callName(&f.exec.history[i]), p.Value, indent(p.Stack))
		}
	}
	if h := f.stressHang; h != nil {
		b.WriteString(h.graph)
		fmt.Fprintf(&b, "\nEvery goroutine when the stress execution hung:\n%s", indent(h.stacks))
	}
	for _, l := range f.exec.leaks {
		where := ""
		if l.Where != "" {
			where = ", waiting at " + l.Where
		}
		fmt.Fprintf(&b, "\nLeak: %s was still alive after the execution ended%s:\n%s", l.Goroutine, where, indent(l.Stack))
	}
	if h := f.exec.hang; h != nil && h.outside != nil {
		fmt.Fprintf(&b, "\nBlocked outside control: %s.\n", h.outside)
		fmt.Fprintf(&b, "Under control one goroutine runs at a time, and the others wait for it to reach a scheduling point; "+
			"so the %s phase stopped at once. Synchronize through weft's shims (checks/sched/sync, sched.Chan, sched.Select), "+
			"or check the structure under stress only (-weft.strategy=stress). Its stack:\n%s", h.phase, indent(h.stacks))
	} else if h != nil {
		fmt.Fprintf(&b, "\nHang: the %s phase did not finish within %v; the watchdog stopped it.\n", h.phase, r.cfg.hang)
		b.WriteString(h.graph)
		fmt.Fprintf(&b, "Every other goroutine at that moment (goroutines stuck in earlier checks of this test binary appear too):\n%s", indent(h.stacks))
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

func verdictExplanation(v Verdict) string {
	switch v {
	case NotLinearizable:
		return "No order of these calls that respects which call returned before which other one started is legal in the model."
	case Panic:
		return "A call, the constructor, Stop or a goroutine of the structure panicked."
	case Hang:
		return "Calls did not return in time. The model says this scenario cannot wait forever, so something is stuck."
	case Deadlock:
		return "No goroutine could go on and no timer was pending, yet calls had not returned: every goroutine waits for another."
	case Livelock:
		return "The execution kept taking steps without ending, past the step cap: goroutines run but make no progress."
	case Leak:
		return "Goroutines the structure started were still alive after every call returned and Stop was done: they outlive their scope."
	case Starvation:
		return "A goroutine waiting for a lock was passed over again and again while others took it: the lock does not bound how long a waiter waits."
	case PriorityInversion:
		return "An urgent goroutine waited for a lock while less urgent work that could not help release it ran instead: its wait was bounded by that work, not by the lock's critical section."
	case NotObstructionFree:
		return "An operation run alone, with every other goroutine frozen, could not finish: it depends on another goroutine to make progress."
	case PotentialDeadlock:
		return "Locks were taken in inconsistent orders: this execution went through, but another interleaving of the same calls can deadlock."
	case Unknown:
		return "The linearizability checker ran out of time: this is not a pass."
	}
	return ""
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
	m := r.t.inner
	switch {
	case rec.panic != nil:
		return m.describeInput(rec.input) + " ✗ panicked"
	case rec.pending:
		return m.describeInput(rec.input) + " … never returned"
	case r.t.ops[rec.op].async:
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
			return r.t.inner.describeInput(c.input) + " (not run)"
		}
		ret := "–"
		if rec.returned() && !r.t.ops[rec.op].async {
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

func (r *runner) writeStuck(b *strings.Builder, f *failure) {
	s := f.stuck
	where := ""
	if s.key != "" {
		where = fmt.Sprintf(" (calls on key %q; other keys are independent)", s.key)
	}
	fmt.Fprintf(b, "\nWhere linearization gets stuck%s:\n", where)
	fmt.Fprintf(b, "  The longest legal order covers %d of %d calls:\n", len(s.order), s.total)
	for i, idx := range s.order {
		fmt.Fprintf(b, "    %d. %s\n", i+1, r.callName(&f.exec.history[idx]))
	}
	fmt.Fprintf(b, "  Model state after them: %s\n", s.state)
	if len(s.next) > 0 {
		b.WriteString("  None of the calls that could come next fits:\n")
		for _, c := range s.next {
			fmt.Fprintf(b, "    %s: %s\n", r.callName(&f.exec.history[c.rec]), c.why)
		}
	}
}

// heldBy says who holds the lock w waits for and why it does not let go,
// such as "held by client 1, which returned without unlocking it".
func heldBy(w engine.Blocked) string {
	switch {
	case w.Holder == w.Goroutine:
		return "held by itself: it locks a lock it already holds"
	case w.HolderAt != "":
		return fmt.Sprintf("held by %s, which waits at %s", w.Holder, w.HolderAt)
	case strings.HasPrefix(w.Holder, "client "):
		return fmt.Sprintf("held by %s, which returned without unlocking it", w.Holder)
	}
	return fmt.Sprintf("held by %s, which ended without unlocking it", w.Holder)
}

func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	return "    " + strings.ReplaceAll(s, "\n", "\n    ") + "\n"
}

// writeControl shows what only a controlled execution knows: the schedule,
// who waits for what after a deadlock, the steps a livelock repeats, and
// the interleaving.
func writeControl(b *strings.Builder, f *failure, cfg *config) {
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
	if len(c.blocked) > 0 {
		b.WriteString("\nDeadlock: no goroutine can run and no timer is pending.\n")
		for _, w := range c.blocked {
			fmt.Fprintf(b, "  %s waits at %s", w.Goroutine, w.Point)
			if w.Holder != "" {
				fmt.Fprintf(b, " (%s)", heldBy(w))
			}
			if len(w.Holds) > 0 {
				fmt.Fprintf(b, " while holding %s", strings.Join(w.Holds, ", "))
			}
			b.WriteString("\n")
		}
		if len(c.waitCycle) > 0 {
			fmt.Fprintf(b, "  The cycle: %s (each waits for a lock the next one holds).\n", strings.Join(c.waitCycle, " → "))
		}
	}
	if s := c.starved; s != nil {
		fmt.Fprintf(b, "\nStarvation: %s waited for %s while %s took it %d times (%d acquisitions by others in all, over %d steps); the bound is %d bypasses by one goroutine (-weft.bypass).\n",
			s.Waiter, s.Lock, s.By, s.Times, s.Total, s.Steps, cfg.bypass)
	}
	if v := c.inversion; v != nil {
		fmt.Fprintf(b, "\nPriority inversion: %s (priority %d) waited for %s, held by %s (priority %d), while %s (priority %d), which could not help release it, took %d steps (%d steps by lower-priority goroutines in all, %d steps since the wait began); the bound is %d steps by one goroutine (-weft.inversion). Priority inheritance, the holder running at its most urgent waiter's priority, keeps such work off the processor until the lock is free.\n",
			v.Waiter, v.WaiterPriority, v.Lock, v.Holder, v.HolderPriority, v.By, v.ByPriority, v.Steps, v.Total, v.Waited, cfg.inversion)
	}
	if c.obstruction != "" {
		fmt.Fprintf(b, "\nNot obstruction-free: %s\n", c.obstruction)
	}
	if len(c.lockCycle) > 0 && c.outcome != engine.Deadlock {
		fmt.Fprintf(b, "\nPotential deadlock: the locks were taken in orders that form a cycle of %d. This execution went through, but goroutines that reach these acquisitions together each hold a lock the next one waits for:\n", len(c.lockCycle))
		for _, e := range c.lockCycle {
			fmt.Fprintf(b, "  %s took %s at %s\n    while holding %s, taken at %s\n", e.Goroutine, e.To, e.ToSite, e.From, e.FromSite)
		}
	}
	if c.outcome == engine.StepCap {
		if cycle, times := repeatingTail(c.trace); cycle != nil {
			fmt.Fprintf(b, "\nLivelock: the execution ends by repeating these %d steps, %d times over:\n", len(cycle), times)
			for _, s := range cycle {
				who := "(clock)"
				if s.G >= 0 {
					who = c.goroutines[s.G]
				}
				fmt.Fprintf(b, "  %s: %s\n", who, stepText(s))
			}
		} else {
			fmt.Fprintf(b, "\nLivelock: %d steps without ending (no short cycle repeats; see the interleaving).\n", c.steps)
		}
	}
	b.WriteString("\nInterleaving (one line per step; ⇢ marks where control left a goroutine):\n")
	writeInterleaving(b, c)
}
