package checks

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/weftlab/weft/checks/internal/engine"
)

// scheduleChooser is the chooser that replays a recorded schedule: the
// values of its decisions, in order. Strictly, it records the first
// decision the execution does not allow (a goroutine that cannot run, or
// a schedule too short): the execution diverged, which means it is not a
// deterministic function of its decisions. Leniently (to minimize a
// schedule), it goes on without preempting instead.
type scheduleChooser struct {
	decisions []int
	i         int
	strict    bool
	diverged  string
}

// replayed is the chooser source of a recorded schedule: every execution
// replays it, so one execution exhausts it.
type replayed struct {
	decisions []int
	strict    bool
	last      *scheduleChooser // the chooser of the last execution
}

func (s *replayed) reset()               { s.last = nil }
func (s *replayed) observe(*controlInfo) {}
func (s *replayed) exhausted() bool      { return s.last != nil }

func (s *replayed) chooser(uint64) engine.Chooser {
	s.last = &scheduleChooser{decisions: s.decisions, strict: s.strict}
	return s.last
}

func (c *scheduleChooser) next(valid func(int) bool, fallback int, what string) int {
	if c.i < len(c.decisions) {
		v := c.decisions[c.i]
		c.i++
		if valid(v) {
			return v
		}
		if c.diverged == "" {
			c.diverged = fmt.Sprintf("decision %d of the schedule is %d, which is not a valid %s here", c.i, v, what)
		}
	} else if c.diverged == "" && c.strict {
		c.diverged = fmt.Sprintf("the execution needs more than the %d decisions of the schedule", len(c.decisions))
	}
	return fallback
}

func (c *scheduleChooser) Pick(d *engine.Decision) int {
	fallback := d.Runnable[0]
	if d.CurRunnable {
		fallback = d.Cur
	}
	return c.next(func(g int) bool { return slices.Contains(d.Runnable, g) }, fallback, "goroutine to run")
}

func (c *scheduleChooser) Choose(n int) int {
	return c.next(func(v int) bool { return v >= 0 && v < n }, 0, "choice")
}

// encodeSchedule writes decisions compactly: values separated by dots, a
// run of one value as value*count, such as "1*3.0.2".
func encodeSchedule(ds []int) string {
	var b strings.Builder
	for i := 0; i < len(ds); {
		j := i
		for j < len(ds) && ds[j] == ds[i] {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(strconv.Itoa(ds[i]))
		if j-i > 1 {
			fmt.Fprintf(&b, "*%d", j-i)
		}
		i = j
	}
	return b.String()
}

// maxScheduleDecisions bounds what decodeSchedule expands a schedule to:
// a history file is input, and a few bytes of counts such as
// "0*1048576.0*1048576..." would otherwise ask for gigabytes. It is far
// above the decisions of any execution weft records (one or two per
// scheduling point, 20000 points by default).
const maxScheduleDecisions = 1 << 22

// decodeSchedule reads what encodeSchedule writes. It reads every count
// before it expands any, so that a schedule over the bound is rejected
// before it allocates anything.
func decodeSchedule(s string) ([]int, error) {
	if s == "" {
		return nil, nil
	}
	type run struct{ value, count int }
	var runs []run
	total := 0
	for _, part := range strings.Split(s, ".") {
		v, n := part, "1"
		if a, b, ok := strings.Cut(part, "*"); ok {
			v, n = a, b
		}
		x, err := strconv.Atoi(v)
		if err != nil || x < 0 {
			return nil, fmt.Errorf("schedule: %q is not a decision (a goroutine id or an option)", v)
		}
		k, err := strconv.Atoi(n)
		if err != nil || k < 1 || k > 1<<20 {
			return nil, fmt.Errorf("schedule: %q is not a repeat count", n)
		}
		if total += k; total > maxScheduleDecisions {
			return nil, fmt.Errorf("schedule: more than %d decisions", maxScheduleDecisions)
		}
		runs = append(runs, run{x, k})
	}
	ds := make([]int, 0, total)
	for _, r := range runs {
		for range r.count {
			ds = append(ds, r.value)
		}
	}
	return ds, nil
}
