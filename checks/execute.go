package checks

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/weftlab/weft/checks/internal/clock"
	"github.com/weftlab/weft/checks/internal/engine"
)

// An execution is one run of a scenario on a fresh instance.
type execution struct {
	seed    uint64
	clients int          // clients of the parallel part
	history []record     // the calls that started: init, clients in order, post
	panics  []panicInfo  // in New, Stop or goroutines of the structure
	hang    *hangInfo    // set when the watchdog stopped the execution
	control *controlInfo // set for a controlled execution
	leaks   []leakInfo   // goroutines of the structure alive after Stop
	// strays are goroutines weft did not start that reached a scheduling
	// point of a controlled execution: a mistake, not a verdict.
	strays []engine.Stray
	race   *raceInfo // what the race detector saw, under stress+race
	// lost says why an execution in a child process gave no result: it
	// means nothing, and the check stops with the error.
	lost error
}

// escapedControl is the error that a goroutine escaped control (or that
// the execution was lost in a child process), or nil. Such an execution
// means nothing: the controller took the stray for the goroutine whose
// turn it was.
func (e *execution) escapedControl() error {
	if e.lost != nil {
		return e.lost
	}
	if len(e.strays) == 0 {
		return nil
	}
	s := e.strays[0]
	return fmt.Errorf("a goroutine weft did not start reached a scheduling point (%s) in a controlled execution: "+
		"start the structure's goroutines with sched.Go, not a go statement (or an earlier execution left it stuck "+
		"outside the shims; see its stack). Its stack:\n%s", s.Point, indent(trimStack(s.Stack)))
}

// leakInfo is a goroutine the structure started that outlived its
// execution.
type leakInfo struct {
	Goroutine string `json:"goroutine"`
	Where     string `json:"where,omitempty"` // where it waits, when known
	Stack     string `json:"stack"`
}

// hangInfo says where an execution hung.
type hangInfo struct {
	phase  string // "New", "init", "parallel", "post" or "Stop"
	stacks string // every goroutine's stack when the watchdog fired
	graph  string // the wait-for graph of a stress execution, rendered
	// controlled marks a hang under control; outside says, when it is
	// known, which goroutine blocked outside weft's points, and where.
	controlled bool
	outside    *outsideInfo
}

// newHang captures where an execution hung: every goroutine's stack but
// the caller's and, in a stress execution, the wait-for graph from weft's
// primitives, each stack annotated with what its goroutine holds and waits
// for.
func newHang(phase string) *hangInfo {
	records, lost := engine.TrackedNow()
	g := newWaitGraph(records, lost)
	return &hangInfo{phase: phase, stacks: g.annotate(allStacks()), graph: g.text}
}

// failedOps reports whether some call panicked or never returned.
func (e *execution) failedOps() bool {
	for i := range e.history {
		if !e.history[i].returned() {
			return true
		}
	}
	return false
}

// executor runs executions of one target; strategies call it. Harness code
// uses the standard sync and atomic packages: its own synchronization must
// not be scheduling points.
type executor struct {
	tg   *target
	cfg  config
	test string // the name of the running test, for child processes
}

// executeStress runs sc once on real cores under es. Only one execution
// runs at a time in a process: the caller holds runMu.
func (x *executor) executeStress(sc scenario, es *stressExecution) *execution {
	e := &execution{seed: es.seed, clients: len(sc.clients)}
	es.starter = x.tg.kind()

	uninstall, err := engine.Install(es)
	if err != nil {
		panic("weft: " + err.Error()) // runMu makes this impossible
	}
	engine.TrackWaits(true)
	defer func() {
		engine.TrackWaits(false)
		uninstall()
		e.panics = append(e.panics, es.goroutinePanics()...)
	}()

	var instance any
	if !x.phase(e, x.tg.newPhase(), func() {
		instance = x.tg.newInstance()
	}) {
		return e
	}

	// finish ends the execution early or on time; after a hang the
	// instance is left alone, since Stop could only get stuck too.
	finish := func() *execution {
		if e.hang == nil {
			x.stop(e, instance)
		}
		if e.hang == nil { // Stop may have hung
			e.leaks = es.leaks(min(x.cfg.hang, time.Second))
		}
		return e
	}

	n := len(sc.clients)
	var c clock.Clock
	initLog := newClientLog(partInit, n, sc.init)
	ok := x.phase(e, "init", func() { initLog.play(x.tg, instance, &c, nil) })
	e.history = append(e.history, initLog.snapshot()...)
	if !ok || e.failedOps() {
		return finish()
	}

	logs := make([]*clientLog, n)
	pacers := make([]func(), n)
	for i, calls := range sc.clients {
		logs[i] = newClientLog(partParallel, i, calls)
		pacers[i] = es.pacer(i)
	}
	ok = x.parallel(e, logs, pacers, instance, &c)
	for _, l := range logs {
		e.history = append(e.history, l.snapshot()...)
	}
	if !ok || e.failedOps() {
		return finish()
	}

	postLog := newClientLog(partPost, n, sc.post)
	x.phase(e, "post", func() { postLog.play(x.tg, instance, &c, nil) })
	e.history = append(e.history, postLog.snapshot()...)
	return finish()
}

// parallel runs the clients on goroutines of their own, released together
// by a barrier, and waits for them under the watchdog.
func (x *executor) parallel(e *execution, logs []*clientLog, pacers []func(), instance any, c *clock.Clock) bool {
	var (
		ready   atomic.Int32
		release atomic.Bool
		wg      sync.WaitGroup
	)
	for i, l := range logs {
		wg.Go(func() {
			// Spin rather than block so that every client is running when
			// the barrier opens, instead of being woken one by one.
			ready.Add(1)
			for !release.Load() {
				runtime.Gosched()
			}
			l.play(x.tg, instance, c, pacers[i])
		})
	}
	for ready.Load() < int32(len(logs)) {
		runtime.Gosched()
	}
	release.Store(true)
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	if !x.await(done) {
		e.hang = newHang("parallel")
		return false
	}
	return true
}

// phase runs fn on a goroutine of its own and waits for it under the
// watchdog. A panic in fn is recorded against the phase. It reports whether
// fn returned in time.
func (x *executor) phase(e *execution, name string, fn func()) bool {
	done := make(chan struct{})
	var p *panicInfo
	go func() {
		defer close(done)
		defer func() {
			if r := recover(); r != nil {
				p = &panicInfo{Where: name, Value: fmt.Sprint(r), Stack: string(debug.Stack())}
			}
		}()
		fn()
	}()
	if !x.await(done) {
		e.hang = newHang(name)
		return false
	}
	if p != nil {
		e.panics = append(e.panics, *p)
		return false
	}
	return true
}

func (x *executor) stop(e *execution, instance any) {
	if x.tg.stop != nil {
		x.phase(e, "Stop", func() { x.tg.stop(instance) })
	}
}

// await waits for done, at most the hang timeout.
func (x *executor) await(done <-chan struct{}) bool {
	timer := time.NewTimer(x.cfg.hang)
	defer timer.Stop()
	select {
	case <-done:
		return true
	case <-timer.C:
		return false
	}
}

// invoke calls op, recovering a panic.
func invoke(op targetOp, instance, in any) (out any, p *panicInfo) {
	defer func() {
		if r := recover(); r != nil {
			if engine.IsAbort(r) {
				panic(r) // a controlled execution is over: unwind the client
			}
			p = &panicInfo{Where: "operation", Value: fmt.Sprint(r), Stack: string(debug.Stack())}
		}
	}()
	return op.run(instance, in), nil
}

// allStacks returns the stack of every goroutine but the caller's (the
// watchdog's), as a crash would print them.
func allStacks() string {
	all := allGoroutines()
	// The first block is the calling goroutine.
	if _, rest, ok := strings.Cut(all, "\n\n"); ok {
		return rest
	}
	return all
}

// allGoroutines returns the stack of every goroutine, the caller's first.
func allGoroutines() string {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}
