package checks

import (
	"strings"
	"time"

	"github.com/anishathalye/porcupine"

	"github.com/weftlab/weft/checks/internal/engine"
)

// A property is one verdict as a unit: how an execution is found to fail
// it, how the report explains it, what the report shows of it and, for a
// progress property, the bound past which waiting counts as a failure.
// Each lives in a file of its own (prop_*.go); adding one is that file and
// its place in properties.
type property struct {
	verdict Verdict
	// explain is the report's second line: what the verdict means.
	explain string
	// detect reports whether execution j.e fails the property. Without it,
	// the property fails when collect found something.
	detect func(j *judgement) bool
	// collect takes what the property's detector in the engine found in a
	// controlled execution, or nil when it found nothing.
	collect func(ctl *engine.Controller, ch engine.Chooser, cfg *config) any
	// section writes what the report shows of the property, when the
	// failure has something of it to show (whatever its verdict).
	section func(b *strings.Builder, r *runner, f *failure)
	// focus is the step of the trace a finding of the property happened
	// at, which the report's window of the interleaving shows.
	focus func(found any) int
	// bound, when set, is the property's bound option.
	bound *bound
}

// properties is every verdict but Ok in order of precedence: an execution
// that fails several gets the first. Linearizability comes first (after a
// data race, which makes any history possible), since a history that no
// order explains is the strongest finding, and explains what followed it;
// Unknown last, since it only says that the checker ran
// out of time on an execution nothing else was wrong with.
var properties = []*property{
	dataRace,
	notLinearizable,
	violated,
	panicked,
	deadlock,
	livelock,
	hang,
	leak,
	starvation,
	priorityInversion,
	notObstructionFree,
	lockOrder,
	unknown,
}

// A bound is the option of a progress property: how much waiting it allows.
type bound struct {
	// name is the flag (-weft.<name>), the variable (WEFT_<NAME>) and the
	// key of Options.Bounds and Result.Bounds.
	name, usage string
	def         int
	// set gives the bound to the controller of an execution; reached reads
	// how close the execution came to it.
	set     func(ctl *engine.Controller, n int)
	reached func(ctl *engine.Controller) int
}

func boundNames() []string {
	var names []string
	for _, b := range bounds() {
		names = append(names, b.name)
	}
	return names
}

// A judgement is the judging of one execution. The linearizability check
// runs once, on demand.
type judgement struct {
	tg      *target
	e       *execution
	timeout time.Duration
	checked bool
	lin     porcupine.CheckResult
}

// linearizable is porcupine's verdict on the history, or Ok when it cannot
// be checked: a call that did not return is a wildcard only for a model
// that can say what such a call did.
func (j *judgement) linearizable() porcupine.CheckResult {
	if !j.checked {
		j.checked, j.lin = true, porcupine.Ok
		if !j.e.failedOps() || j.tg.model.apply != nil {
			j.lin = porcupine.CheckOperationsTimeout(j.tg.checker, j.tg.operations(j.e), j.timeout)
		}
	}
	return j.lin
}

// judge decides the verdict of an execution: the first property it fails.
func (tg *target) judge(e *execution, timeout time.Duration) Verdict {
	j := &judgement{tg: tg, e: e, timeout: timeout}
	for _, p := range properties {
		if p.fails(j) {
			return p.verdict
		}
	}
	return Ok
}

func (p *property) fails(j *judgement) bool {
	if p.detect != nil {
		return p.detect(j)
	}
	return j.e.control != nil && j.e.control.found[p.verdict] != nil
}

// propertyOf returns the property of v, or nil for Ok.
func propertyOf(v Verdict) *property {
	for _, p := range properties {
		if p.verdict == v {
			return p
		}
	}
	return nil
}

func verdictExplanation(v Verdict) string {
	if p := propertyOf(v); p != nil {
		return p.explain
	}
	return ""
}

// writeSections writes what each property has to show of f, in order of
// precedence.
func (r *runner) writeSections(b *strings.Builder, f *failure) {
	for _, p := range properties {
		if p.section != nil {
			p.section(b, r, f)
		}
	}
}

// bounds returns the bound options, in order of precedence.
func bounds() []*bound {
	var out []*bound
	for _, p := range properties {
		if p.bound != nil {
			out = append(out, p.bound)
		}
	}
	return out
}

// collect records in c what every property's detector found, and how close
// the execution came to every bound.
func (c *controlInfo) collect(ctl *engine.Controller, ch engine.Chooser, cfg *config) {
	c.found, c.reached = map[Verdict]any{}, map[string]int{}
	for _, p := range properties {
		if p.collect != nil {
			if v := p.collect(ctl, ch, cfg); v != nil {
				c.found[p.verdict] = v
			}
		}
		if p.bound != nil {
			c.reached[p.bound.name] = p.bound.reached(ctl)
		}
	}
}

// setBounds gives every bound of cfg to ctl.
func setBounds(ctl *engine.Controller, cfg *config) {
	for _, b := range bounds() {
		b.set(ctl, cfg.bounds[b.name])
	}
}

// found is what the detector of v's property found in f's execution, or
// nil.
func (f *failure) found(v Verdict) any {
	if f.exec.control == nil {
		return nil
	}
	return f.exec.control.found[v]
}

// found is p as a finding: nil when p is nil, whatever its type.
func found[T any](p *T) any {
	if p == nil {
		return nil
	}
	return p
}

// Reach is how close a check came to the bound of a progress property.
type Reach struct {
	// Most is the most of what the bound counts in one execution, over the
	// controlled executions of the search.
	Most int `json:"most"`
	// Bound is the bound in force: Most above it is a failure.
	Bound int `json:"bound"`
}

// reach accumulates how close executions came to the bounds of cfg.
type reach map[string]Reach

func (m reach) add(reached map[string]int, cfg *config) {
	for name, n := range reached {
		m[name] = Reach{Most: max(m[name].Most, n), Bound: cfg.bounds[name]}
	}
}

// merge adds what another process reached.
func (m reach) merge(other map[string]Reach) {
	for name, r := range other {
		m[name] = Reach{Most: max(m[name].Most, r.Most), Bound: r.Bound}
	}
}

// result is m for a Result: nil when no controlled execution ran.
func (m reach) result() map[string]Reach {
	if len(m) == 0 {
		return nil
	}
	return m
}
