package checks

import (
	"fmt"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/weftlab/weft/checks/internal/clock"
	"github.com/weftlab/weft/checks/internal/engine"
)

// controlInfo is what a controlled execution adds to its history: how it
// ended, the schedule that replays it, and the trace the report shows.
type controlInfo struct {
	strategy    string
	outcome     engine.Outcome
	choices     []engine.Choice
	steps       int
	preemptions int
	trace       []engine.Step
	goroutines  []string
	blocked     []engine.Blocked // who waits for what, after a deadlock
	waitCycle   []string         // the goroutines of the deadlock's cycle
	// found is what the detectors of properties found, by verdict, and
	// reached how close the execution came to each bound, by name
	// (property.go).
	found   map[Verdict]any
	reached map[string]int
}

// focus is the index in trace of the step the failure happened at, when it
// has one (0 when not): the report's window shows it.
func (c *controlInfo) focus() int {
	for _, p := range properties {
		if v := c.found[p.verdict]; v != nil && p.focus != nil {
			return p.focus(v)
		}
	}
	return 0
}

// decisions is the schedule of the execution: the values of its choices.
func (c *controlInfo) decisions() []int {
	ds := make([]int, len(c.choices))
	for i, ch := range c.choices {
		ds[i] = ch.Value
	}
	return ds
}

// executeControlled runs sc once under a controller that asks ch for every
// decision. The harness is goroutine 0 ("main"): it creates the instance,
// plays init, spawns one goroutine per client, joins them, plays post and
// stops the instance, all under control, so that an execution is a
// function of the scenario and the decisions.
func (x *executor) executeControlled(sc scenario, seed uint64, strategy string, ch engine.Chooser) *execution {
	e := &execution{seed: seed, clients: len(sc.clients)}
	ctl := engine.NewController(ch, x.cfg.maxSteps)
	if x.tg.program {
		ctl.DrainTimers() // a program's goroutines may still be due to wake when it returns
	}
	setBounds(ctl, &x.cfg)
	uninstall, err := engine.Install(ctl)
	if err != nil {
		panic("weft: " + err.Error()) // runMu makes this impossible
	}
	defer uninstall()

	n := len(sc.clients)
	var (
		c       clock.Clock
		phase   atomic.Pointer[string]
		panics  []panicInfo // written by main only; read after Done
		initLog = newClientLog(partInit, n, sc.init)
		postLog = newClientLog(partPost, n, sc.post)
		logs    = make([]*clientLog, n)
	)
	notes := func(l *clientLog) {
		l.note = func(text string) { ctl.Note(text) }
		l.describe = &x.tg.inner
	}
	notes(initLog)
	notes(postLog)
	ids := make([]int, n)
	tracker, _ := ch.(*solo)
	for i, calls := range sc.clients {
		logs[i] = newClientLog(partParallel, i, calls)
		notes(logs[i])
		if tracker != nil {
			l := logs[i]
			l.onCall = func(r *record) {
				tracker.opStarted(ids[i], fmt.Sprintf("client %d's %s", i, l.describe.describeInput(r.input)))
			}
			l.onReturn = func() { tracker.opEnded(ids[i]) }
		}
	}
	// guard runs one phase on main, recording its panic.
	guard := func(name string, fn func()) (ok bool) {
		phase.Store(&name)
		defer func() {
			if r := recover(); r != nil {
				if engine.IsAbort(r) {
					panic(r)
				}
				panics = append(panics, panicInfo{Where: name, Value: fmt.Sprint(r), Stack: string(debug.Stack())})
				ok = false
			}
		}()
		fn()
		return true
	}
	main := func() {
		var instance any
		if !guard(x.tg.newPhase(), func() { instance = x.tg.newInstance() }) {
			return
		}
		defer func() {
			if x.tg.stop != nil {
				guard("Stop", func() { x.tg.stop(instance) })
			}
		}()
		if !guard("init", func() { initLog.play(x.tg, instance, &c, nil) }) || initLog.failed() {
			return
		}
		phase.Store(ptr("parallel"))
		for i, l := range logs {
			ids[i] = ctl.Spawn(fmt.Sprintf("client %d", i), func() { l.play(x.tg, instance, &c, nil) })
		}
		for _, id := range ids {
			ctl.Join(id)
		}
		for _, l := range logs {
			if l.failed() {
				return
			}
		}
		guard("post", func() { postLog.play(x.tg, instance, &c, nil) })
	}

	ctl.Start(main)
	e.hang = x.awaitControlled(ctl, func() string { return *phase.Load() })
	// The goroutines still parked are unwound; after a hang, the stuck
	// one cannot be, and is left behind as in a stress execution. Abort
	// waits for it in vain: when it is known to be blocked for good, the
	// others are given just the time they need.
	wait := time.Second
	if e.hang != nil && e.hang.outside != nil {
		wait = 200 * time.Millisecond
	}
	ctl.Abort(wait)
	e.strays = ctl.Strays()

	e.history = append(e.history, initLog.snapshot()...)
	for _, l := range logs {
		e.history = append(e.history, l.snapshot()...)
	}
	e.history = append(e.history, postLog.snapshot()...)
	if e.hang != nil {
		return e
	}
	e.panics = append(e.panics, panics...)
	for _, p := range ctl.Panics() {
		e.panics = append(e.panics, panicInfo{Where: p.Goroutine, Value: p.Value, Stack: p.Stack})
	}
	e.control = &controlInfo{
		strategy:    strategy,
		outcome:     ctl.Outcome(),
		choices:     ctl.Choices(),
		steps:       ctl.Steps(),
		preemptions: ctl.Preemptions(),
		trace:       ctl.Trace(),
		goroutines:  ctl.Goroutines(),
		blocked:     ctl.BlockedGoroutines(),
		waitCycle:   ctl.WaitCycle(),
	}
	e.control.collect(ctl, ch, &x.cfg)
	for _, l := range ctl.Leaks() {
		e.leaks = append(e.leaks, leakInfo{Goroutine: l.Goroutine, Where: l.Point, Stack: trimStack(l.Stack)})
	}
	return e
}

func ptr[T any](v T) *T { return &v }
