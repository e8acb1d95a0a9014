package checks

// A Verdict is the outcome of checking a structure: Ok, or the kind of
// failure found.
type Verdict string

// The verdicts. The zero Verdict is not valid.
const (
	// Ok: every execution's history is linearizable against the model, and
	// every operation returned without panicking.
	Ok Verdict = "ok"
	// NotLinearizable: no order of the operations that respects their real
	// time order is legal in the model.
	NotLinearizable Verdict = "not linearizable"
	// Panic: an operation, the constructor, Stop or a goroutine the
	// structure started panicked. The test binary survives: weft recovers
	// the panic and records it with its scenario.
	Panic Verdict = "panic"
	// Hang: operations did not return within the hang timeout. The watchdog
	// stops the execution and reports where every goroutine was.
	Hang Verdict = "hang"
	// Deadlock: in a controlled execution, no goroutine could run, no timer
	// was pending, and the execution was not over. The report says who
	// waits for what.
	Deadlock Verdict = "deadlock"
	// Livelock: a controlled execution reached its step cap (MaxSteps)
	// without ending: goroutines keep stepping without getting anywhere.
	// The report shows the steps that repeat.
	Livelock Verdict = "livelock"
	// Leak: goroutines the structure started (with sched.Go) were still
	// alive after the execution ended and Stop returned. The report shows
	// where each one waits, with its stack.
	Leak Verdict = "leak"
	// Starvation: in a controlled execution, a goroutine waiting for a lock
	// was bypassed by one other goroutine more often than the bypass bound
	// (Options.BypassBound): the lock does not bound how long a waiter can
	// wait while others are served. The report says who waited, who kept
	// taking the lock, how often and for how many steps.
	Starvation Verdict = "starvation"
	// PriorityInversion: in a controlled execution, a goroutine of higher
	// priority (sched.SetPriority) waited for a lock while one of lower
	// priority that could not help release it (it held neither that lock
	// nor one its holder waited for) took more steps than the inversion
	// bound (Options.InversionBound): the wait of the most urgent work was
	// bounded by less urgent work, as in the guide's 11.3. The report says
	// who waited, who held the lock, who ran instead and for how long.
	PriorityInversion Verdict = "priority inversion"
	// NotObstructionFree: with Options.ObstructionFree, an operation run
	// alone (every other goroutine frozen) waited for another goroutine or
	// did not finish within its bound of steps: the structure is not
	// obstruction-free, let alone lock-free.
	NotObstructionFree Verdict = "not obstruction-free"
	// PotentialDeadlock: in a controlled execution, locks were taken in
	// orders that form a cycle (A then B in one goroutine, B then A in
	// another; or longer), even though this execution did not stop: another
	// interleaving can deadlock. The report shows every edge of the cycle
	// with where each lock was taken. An actual Deadlock satisfies an
	// expectation of PotentialDeadlock.
	PotentialDeadlock Verdict = "potential deadlock"
	// Unknown: the linearizability checker ran out of time. It is never a
	// pass: Check fails on it unless Options.AllowUnknown is set.
	Unknown Verdict = "unknown"
)

// Failed reports whether v is a failure that fails a test. Unknown is one
// unless allowUnknown.
func (v Verdict) Failed(allowUnknown bool) bool {
	switch v {
	case Ok:
		return false
	case Unknown:
		return !allowUnknown
	default:
		return true
	}
}

// Satisfies reports whether finding v meets an expectation of want: the
// same verdict, or a deadlock where a potential one was expected.
func (v Verdict) Satisfies(want Verdict) bool {
	return v == want || want == PotentialDeadlock && v == Deadlock
}
