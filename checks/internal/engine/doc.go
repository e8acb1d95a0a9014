// Package engine is weft's scheduler: it receives the scheduling points
// that the shims of package [github.com/weftlab/weft/checks/sched] reach,
// and either observes them (a [Scheduler] such as the stress strategy of
// package checks) or decides the interleaving (a [Controller]). Only weft
// itself imports it: a structure's author uses sched and its shim packages
// sync and atomic, which call the engine.
//
// Every operation of a shim calls [At] before it takes effect. With no
// Scheduler installed, At is one atomic load and a branch (see
// BenchmarkPoint in sched: well under 2 ns), and the shims behave exactly
// as the standard primitives they wrap. A test harness installs a
// Scheduler with [Install] for the duration of an execution; the stress
// strategy of package checks perturbs the caller (yield, spin, short
// sleep) at each point. A Scheduler never adds synchronization between the
// goroutines it observes: the stress strategy takes its random decisions
// from per-thread sources, so the race detector sees only the
// implementation's own happens-before edges. For the same reason the
// stress-mode bookkeeping of who holds and waits for what ([TrackWaits],
// track.go) touches nothing the race detector sees.
//
// # Controlled mode
//
// A [Controller] is the Scheduler that decides: it runs the goroutines of
// one execution one at a time and, at every scheduling point, asks its
// [Chooser] which one continues. Given the same decisions an execution is
// the same interleaving, which is what lets a failure be replayed exactly
// and shrunk by rapid. Under a Controller the shims never block in a real
// primitive (the one running goroutine would stop and nothing would wake
// it), so each blocking step becomes attempts: Mutex.Lock is TryLock, then
// [Park] on the mutex until an Unlock calls [Unpark], then TryLock again;
// Cond.Wait parks on its ticket; WaitGroup.Wait parks until the counter is
// zero; RWMutex keeps the writer preference of sync.RWMutex by counting the
// parked writers; channels queue their waiting senders and receivers as the
// runtime does (chanctl.go), so an unbuffered rendezvous and a select are
// decided by the Controller too, including which ready arm fires. Time is
// virtual (clock.go): sched's Sleep, After, NewTimer, NewTicker and Now
// read a clock that jumps to the next timer only when no goroutine can
// run, so a timeout fires exactly when everything else is stuck, and a
// replay sees the same times. When nothing can run and no timer is
// pending, the execution is a deadlock, reported with what each goroutine
// waits for; an execution that passes its step cap is a probable livelock.
//
// Controlled mode switches goroutines only at scheduling points, so a data
// race on a plain variable is interleaved only where the code names the
// window with sched.Yield; and since its handoffs are synchronization, the
// race detector sees no race under it. Stress on real cores, under -race,
// covers both. A goroutine which synchronizes outside the shims (a std
// mutex, a real channel) keeps the turn and stops the execution
// ([Controller.Turn] lets a harness name it).
//
// Locks report what they do to the Controller: [Acquired] and [Released]
// after each lock and unlock, [Waiting] when an attempt fails. The shims do
// it; a lock of a program's own calls them through sched. From them the
// Controller knows exactly who holds what (deadlock reports and their
// wait-for cycle), builds the lock-order graph of each execution (a cycle
// of any length is a potential deadlock, see locks.go), counts how often a
// waiter is bypassed (starvation, see starve.go) and, for goroutines that
// declared a priority ([SetPriority]), how long less urgent goroutines that
// cannot help run while an urgent one waits (priority inversion, see
// priority.go). [Note] adds a program's own words to the trace a report
// shows.
//
// A Controller is installed for the whole process (Go has no
// goroutine-local state through which a shim could find its own), so a
// process runs one controlled execution at a time; package checks runs a
// portfolio of them in one worker process per core. A goroutine it did not
// start that reaches a point meanwhile is a [Stray] (stray.go): parked for
// good and reported, never scheduled.
package engine
