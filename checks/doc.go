/*
Package checks is weft's harness: it checks a concurrent Go structure against
a sequential model, on all cores, and explains every failure it finds.

# Use

Describe the structure with a [Structure]: its model (from package models),
a constructor, and its operations ([Op]) with rapid generators for their
inputs. Then, from an ordinary test:

  - [Sequential]: rapid's state-machine test, one client, against the model.
  - [Check]: many clients at once; fails the test with a report unless every
    execution is linearizable and every call returns.
  - [Expect]: for a structure broken on purpose; fails unless the bug is
    caught with the expected [Verdict].
  - [Run]: the [Result] without judging it.
  - [Program]: a whole program (a test's body, a main) as a target of
    Check, Expect and Run: no operations, no model; it must end, leave no
    goroutine behind, not panic and not deadlock.
  - [Verify]: judge again a history file written by a failure, without
    executing anything.

All take [Options]; every option is also a flag of `go test` (-weft.budget)
and an environment variable (WEFT_BUDGET).

# What a check does

A check flows from scenario to replay:

	scenario ──► executions ──► histories ──► verdict ──► report ──► replay
	 (rapid)     (strategy)     (recorder)    (porcupine)  (text, JSON, (one command)
	                                                        HTML)

Step by step:

  - rapid draws a scenario: a sequential init part, two or more clients with
    their calls, and a sequential post part. For models whose calls wait
    (Blocks), only scenarios that cannot wait forever in the model are
    drawn, so that a hang is always a bug.
  - A strategy executes the scenario many times. The stress strategy runs
    the clients on their own goroutines on every core, released together by
    a barrier, with seeded perturbation (yield, spin, short sleep) at every
    scheduling point of package sched and before every call. The controlled
    strategies run everything (constructor, init, clients, post, Stop and
    the structure's own goroutines) one goroutine at a time under a
    engine.Controller, which asks the strategy at every scheduling point who
    goes on: random walk (randomwalk.go), PCT (pct.go), bounded search with
    a preemption bound (bounded.go); replaying a recorded schedule
    (schedule.go) gives the same interleaving again. The portfolio runs the
    controlled strategies in one worker process per core (portfolio.go).
  - Each client records its calls in its own log; a shared logical clock
    (package internal/clock) timestamps every call and return so that the
    real-time order porcupine infers is always backed by real ordering. A
    call that never returns is recorded as pending, not dropped; a
    fire-and-forget call (Op.Async) is recorded without a return.
  - porcupine judges each history against the model. A watchdog stops
    executions that hang and prints every goroutine's stack; panics are
    recovered and recorded.
  - The first failure is shrunk by rapid, explained (the longest legal order
    of its calls, the model state there, and why no remaining call fits),
    written under histories/out as JSON and as weft's HTML view (which links
    to porcupine's, beside it), and
    reported with one command that replays it (`go run
    github.com/weftlab/weft/cmd/weft repro FILE`, from any directory of the
    module). A controlled failure also has its schedule (minimized to fewer
    preemptions, minimize.go) and its interleaving, one column per goroutine
    (interleave.go); its replay is exact. A replay reports the recorded seed,
    writes no files, and fails in a check that cannot replay the file
    (replayed.go). Under -weft.judge=FILE, no check searches: the check of
    the file's test and structure judges its history with the structure's
    model and writes the verdict, the explanation and the page for the weft
    command, which knows no model but its catalog's (judged.go).

# Verdicts

[Ok], [DataRace], [NotLinearizable], [Violated], [Panic], [Deadlock], [Livelock],
[Hang], [Leak], [Starvation], [PriorityInversion], [NotObstructionFree],
[PotentialDeadlock] and [Unknown], in that order of precedence for one
execution. Unknown (the checker ran out of time) is never a pass. When a
history is not linearizable even with its unreturned calls as wildcards,
that is the verdict, even if a panic, a deadlock or a hang followed; only a
data race, which makes any history possible, comes before it.

DataRace comes from the stress+race strategy: stress executions run in a
child process built with -race (the test binary itself under go test
-race), which reports the race detector's findings instead of letting them
end the test binary.

Deadlock, Livelock, Starvation, PriorityInversion and PotentialDeadlock come
from controlled executions, which know who holds and waits for what: no
goroutine can run (with the wait-for cycle), the step cap was reached (with
the steps that repeat), a waiter was passed more than the bypass bound by
one goroutine (see checks/internal/engine), a goroutine of higher declared priority
waited for a lock while one of lower priority that could not help release
it took more steps than the inversion bound, or locks were taken in orders
that form a cycle of any length (with every acquisition site) though this
execution went through. A stress execution that stops making progress is a
Hang; its scenario is then run again under control (diagnose.go), and what
control finds becomes the verdict, with the stress stacks kept in the
report. Leak: goroutines the structure started were alive after Stop, in
either mode.

# Limits

Stress finds what real parallel hardware shows, but a seed fixes the
scenario and the perturbation, not the interleaving: its replay reruns the
scenario until it fails again. Controlled strategies replay exactly but
switch goroutines only at scheduling points (see package sched), and their
handoffs hide data races from the race detector, so make check runs both.
*/
package checks
