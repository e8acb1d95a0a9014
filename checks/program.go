package checks

import (
	"errors"
	"fmt"
)

// Program is a whole program as a [Target]: a function, such as a test's
// body or a main, with no operations and no model. Check, Expect and Run
// accept it like a [Structure]; Sequential does not, as there is nothing
// to call. Each execution calls fn once, on the goroutine of the program
// (named "main" in reports), and passes when:
//
//   - fn returns (a goroutine that waits forever is a Deadlock under
//     control, with the wait-for cycle, or a Hang under stress);
//   - no goroutine fn started is alive once it has returned (Leak); under
//     control, pending timers fire first (virtual time runs on while a
//     one-shot timer is pending), so a goroutine that would wake from a
//     sleep or a timeout is not a leak;
//   - nothing panics, in fn or in a goroutine it started (Panic), such as a
//     send on a closed channel, a close of a closed channel or a negative
//     WaitGroup counter;
//   - under control, no goroutine spins without end (Livelock), and locks
//     are never taken in orders that form a cycle (PotentialDeadlock), even
//     when the execution went through;
//   - under the stress+race strategy, the race detector sees no race
//     (DataRace).
//
// fn must start its goroutines with sched.Go and synchronize through
// weft's shims (packages sched, sched/sync and sched/atomic), directly or
// through the rewrite of plain Go (package rewrite); it runs many times,
// and must not depend on state an earlier run left behind. rapid has
// nothing to draw: Options.Seed, Scenarios and Executions drive the search
// (a scenario is one seed for its executions). A controlled failure
// replays exactly, with its schedule minimized, as for a structure; the
// report names the program where a structure's report names the
// structure (Result.Structure too).
func Program(name string, fn func()) Target {
	return program{name: name, fn: fn}
}

type program struct {
	name string
	fn   func()
}

// programPhase is what reports call the run of a program's function, where
// a structure's constructor is the New phase.
const programPhase = "program"

func (p program) target() (*target, error) {
	var errs []error
	if p.name == "" {
		errs = append(errs, errors.New("the program has no name"))
	}
	if p.fn == nil {
		errs = append(errs, fmt.Errorf("program %q has no function", p.name))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// The program runs as the New phase, which every strategy already runs
	// under its watchdog, recovering panics, before checking for leaks; the
	// scenario is empty, so the history is empty and always linearizable.
	m := nothingModel()
	return &target{
		name:        p.name,
		program:     true,
		newInstance: func() any { p.fn(); return nil },
		model:       m,
		inner:       m,
		checker:     m.porcupineModel(),
		checkInput:  func(in any, _, _ int, _ bool) any { return in },
	}, nil
}

// nothingModel is the model of a program: it has no operations, so no
// history can disagree with it.
func nothingModel() erasedModel {
	none := func(any) string { return "" }
	return erasedModel{
		name:              "program",
		init:              func() any { return nil },
		step:              func(state, _, _ any) (bool, any) { return true, state },
		equal:             func(a, b any) bool { return true },
		describeInput:     none,
		describeOperation: func(_, _ any) string { return "" },
		describeState:     none,
		explain:           func(_, _, _ any) string { return "" },
	}
}

// newPhase is what the phase that makes the instance is called: New, or,
// for a program, the program's own run.
func (tg *target) newPhase() string {
	if tg.program {
		return programPhase
	}
	return "New"
}

// kind is what reports call the target: a "structure" or a "program".
func (tg *target) kind() string {
	if tg.program {
		return "program"
	}
	return "structure"
}
