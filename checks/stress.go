package checks

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/weftlab/weft/checks/internal/engine"
)

// stress runs the clients on real goroutines on every core. With perturb, it
// also disturbs the timing at every scheduling point (yield the processor,
// spin, or sleep briefly) and before every operation, so that rare
// interleavings become common.
//
// What the seed fixes: the perturbation profile (how often and how hard each
// point is disturbed) and each client's pacing before its operations. What
// it cannot fix is the hardware's interleaving, so a stress failure is
// reproduced by rerunning its scenario until it fails again. The decisions
// taken at scheduling points come from math/rand/v2's per-thread source,
// because a shared seeded generator would synchronize the goroutines it
// perturbs (and hide races from the race detector).
type stress struct {
	perturb bool
	sc      scenario
}

var (
	stressStrategy = &strategyDesc{
		name: "stress", about: "all cores, perturbed at scheduling points",
		perScenario: executionsPerScenario,
		make:        func(config) strategy { return &stress{perturb: true} },
	}
	stressPlainStrategy = &strategyDesc{
		name: "stress-plain", about: "all cores, unperturbed",
		perScenario: executionsPerScenario,
		make:        func(config) strategy { return &stress{perturb: false} },
	}
)

func (s *stress) scenario(sc scenario) { s.sc = sc }
func (s *stress) exhausted() bool      { return false }
func (s *stress) close()               {}

func (s *stress) execute(x *executor, seed uint64) *execution {
	return x.executeStress(s.sc, s.execution(seed))
}

// perturbation is how hard a stress execution disturbs scheduling points.
// Thresholds are out of 65536.
type perturbation struct {
	name               string
	yield, spin, sleep uint32 // cumulative thresholds
	spinMax            uint64 // iterations
	sleepMax           time.Duration
}

var profiles = []perturbation{
	{name: "light", yield: 2000, spin: 6000, sleep: 6100, spinMax: 256, sleepMax: 5 * time.Microsecond},
	{name: "medium", yield: 6000, spin: 14000, sleep: 14500, spinMax: 1024, sleepMax: 20 * time.Microsecond},
	{name: "heavy", yield: 12000, spin: 24000, sleep: 26000, spinMax: 4096, sleepMax: 50 * time.Microsecond},
	{name: "spin", yield: 0, spin: 20000, sleep: 20000, spinMax: 8192},
}

func (s *stress) execution(seed uint64) *stressExecution {
	e := &stressExecution{seed: seed, perturb: s.perturb}
	if s.perturb {
		e.profile = profiles[seed%uint64(len(profiles))]
	}
	return e
}

type stressExecution struct {
	seed    uint64
	perturb bool
	profile perturbation

	mu     sync.Mutex // guards panics; taken only when a goroutine panics
	panics []panicInfo
	live   atomic.Int32 // goroutines started by the structure still running
	// starter names what started those goroutines in reports: "structure"
	// or "program".
	starter string
}

var _ engine.Scheduler = (*stressExecution)(nil)

// At disturbs the calling goroutine according to the profile.
func (e *stressExecution) At(engine.Point) {
	if !e.perturb {
		return
	}
	r := rand.Uint64()
	x := uint32(r & 0xffff)
	switch {
	case x < e.profile.yield:
		runtime.Gosched()
	case x < e.profile.spin:
		spin((r >> 16) % e.profile.spinMax)
	case x < e.profile.sleep:
		time.Sleep(time.Duration((r >> 16) % uint64(e.profile.sleepMax)))
	}
}

// Go runs fn on a goroutine whose panic is recovered and recorded, so that a
// crashing actor fails the check instead of the test binary.
func (e *stressExecution) Go(fn func()) {
	e.live.Add(1)
	go func() {
		defer e.live.Add(-1)
		defer func() {
			if r := recover(); r != nil {
				e.mu.Lock()
				e.panics = append(e.panics, panicInfo{
					Where: "goroutine started by the " + e.starter,
					Value: fmt.Sprint(r),
					Stack: string(debug.Stack()),
				})
				e.mu.Unlock()
			}
		}()
		fn()
	}()
}

// pacer paces a client with a generator of its own, seeded by the execution
// and the client: a client that sometimes starts an operation late meets
// different partners. Each client owns its pacer, so pacing shares nothing.
func (e *stressExecution) pacer(client int) func() {
	if !e.perturb {
		return func() {}
	}
	p := rand.New(rand.NewPCG(e.seed, uint64(client)))
	return func() {
		switch n := p.IntN(10); {
		case n < 3:
			spin(p.Uint64N(512))
		case n < 4:
			runtime.Gosched()
		}
	}
}

// leaks waits up to grace for the goroutines the structure started to end,
// and returns the stacks of those still running then.
func (e *stressExecution) leaks(grace time.Duration) []leakInfo {
	deadline := time.Now().Add(grace)
	for e.live.Load() > 0 {
		if !time.Now().Before(deadline) {
			var out []leakInfo
			for _, stack := range strings.Split(allStacks(), "\n\n") {
				if strings.Contains(stack, "(*stressExecution).Go.func1") {
					header, _, _ := strings.Cut(stack, "\n")
					out = append(out, leakInfo{Goroutine: "goroutine started by the " + e.starter + " (" + strings.TrimSuffix(header, ":") + ")", Stack: stack})
				}
			}
			return out
		}
		time.Sleep(100 * time.Microsecond)
	}
	return nil
}

func (e *stressExecution) goroutinePanics() []panicInfo {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]panicInfo(nil), e.panics...)
}

// spin burns about n loop iterations without touching shared memory.
func spin(n uint64) {
	x := n
	for range n {
		x = x*6364136223846793005 + 1442695040888963407
	}
	if x == 1 {
		runtime.Gosched() // keeps the loop from being optimized away
	}
}
