// Package sched provides the scheduling points of weft: the places where
// the synchronization of a concurrent implementation can be observed,
// delayed or, under weft's controlled scheduler, decided by a test.
//
// Plain Go reaches these points through the rewrite of package
// [github.com/weftlab/weft/checks/rewrite], at build time, without an edit:
// that is how weft checks the guide's structures. Code can also be written
// against the points directly, with three shim packages instead of the
// standard ones:
//
//   - [github.com/weftlab/weft/checks/sched/sync] for [sync] (Mutex, RWMutex,
//     Cond, WaitGroup, Once), with the standard API: only the import path
//     changes.
//   - [github.com/weftlab/weft/checks/sched/atomic] for the typed values of
//     [sync/atomic] (Int64, Pointer, ...), with the standard API.
//   - this package for what Go expresses in syntax rather than in a package:
//     goroutine starts ([Go]), channels ([Chan], [Select]), time ([Sleep],
//     [After], [NewTimer], [NewTicker], [Now]) and explicit yield points
//     ([Yield]).
//
// # Scheduling points
//
// Every operation of these packages is a scheduling point, reached just
// before it takes effect. When no test is running, a point is one atomic
// load and a branch (see BenchmarkPoint: well under 2 ns) and each
// operation behaves exactly as the standard one it wraps. Under a stress
// test, weft perturbs the goroutine at each point (yield, spin, short
// sleep) on real cores. Under its controlled scheduler, weft runs one
// goroutine at a time and decides at each point which one goes on, so
// that a failing interleaving can be replayed and shrunk; there, time is
// virtual: a timer fires when no goroutine can run, at once, and a replay
// sees the same times.
//
// The controlled scheduler switches goroutines only at points. A window
// between a read and a write of a plain variable is interleaved only if
// the code names it with [Yield] (stress tests, under -race, find such
// races without it). A goroutine started with a go statement instead of
// [Go], or one that blocks in a standard mutex or a plain channel,
// escapes weft: it is reported as a mistake, or as a hang.
//
// # Locks of your own
//
// The shims tell weft what each lock operation does, which is how it names
// the holder of a lock in a deadlock, finds lock-order cycles (potential
// deadlocks), and measures starvation and priority inversion. A lock
// built on atomics or channels tells it the same with [Waiting] when an
// attempt fails, [Acquired] once it holds the lock and [Released] when it
// lets go, naming the lock by a pointer and how it is taken ([MutexLock],
// [RWLock], [RLock]). A program that ranks its goroutines declares their
// ranks with [SetPriority]; [Note] adds the program's own words, such as a
// scheduler's decisions, to the interleaving a failure reports. Outside
// the controlled scheduler these calls do nothing.
//
// # Why shims
//
// Go offers no hook into sync, atomic or the channel runtime, and
// rewriting `ch <- v` or `select` (go test -overlay) needs type
// information. Shims keep implementations plain, compilable Go with one
// import changed for locks and atomics, cost one load and branch per
// operation when nothing is installed, and make every other point
// explicit and greppable. The price is that channel operations, select
// and goroutine starts are calls ([Chan.Send], [Select], [Go]) instead of
// syntax. See ARCHITECTURE.md.
package sched
