// Package sched provides the scheduling points of weft: the places where the
// synchronization of a concurrent implementation can be observed, delayed or
// (in controlled mode) decided by a test.
//
// Implementations use three shim packages instead of the standard ones:
//
//   - [github.com/weftlab/weft/checks/sched/sync] for [sync] (Mutex, RWMutex,
//     Cond, WaitGroup, Once), with the standard API: only the import path
//     changes.
//   - [github.com/weftlab/weft/checks/sched/atomic] for the typed values of
//     [sync/atomic] (Int64, Pointer, ...), with the standard API.
//   - this package for what Go expresses in syntax rather than in a package:
//     goroutine starts ([Go]), channels ([Chan], [Select]), time ([Sleep],
//     [After]) and explicit yield points ([Yield]).
//
// Every operation of a shim calls [At] before it takes effect. With no
// [Scheduler] installed, [At] is one atomic load and a branch (see
// BenchmarkPoint: well under 2 ns), and the shims behave exactly as the
// standard primitives they wrap. A test harness installs a Scheduler with
// [Install] for the duration of an execution; the stress strategy of package
// checks perturbs the caller (yield, spin, short sleep) at each point.
//
// Why shims rather than rewriting sources: Go offers no hook into sync, atomic
// or the channel runtime, and rewriting `ch <- v` or `select` needs type
// information. Shims keep implementations plain Go with one import changed for
// locks and atomics, and make every other point explicit and greppable. The
// cost is that channel operations and goroutine starts are method calls
// ([Chan.Send], [Go]) instead of syntax. See ARCHITECTURE.md.
//
// A Scheduler never adds synchronization between the goroutines it observes:
// the stress strategy takes its random decisions from per-thread sources, so
// the race detector sees only the implementation's own happens-before edges.
//
// # How a controlled scheduler takes over
//
// Every shim operation already names its kind and its object at [At], and
// every goroutine of an implementation starts through [Go], so a Scheduler
// that lets one goroutine run at a time can park the caller in At and pick
// who continues. What it cannot do is let a goroutine block inside a real
// primitive: the one running goroutine would stop and nothing would wake
// it. So when such a Scheduler is installed the shims must turn every
// blocking step into attempts: Mutex.Lock becomes TryLock, then park on the
// mutex until an Unlock; Cond.Wait parks on its ticket; a channel operation
// tries with a default case and parks on the channel, with the rendezvous of
// unbuffered channels handed over by the scheduler; Sleep and After use a
// virtual clock. Those changes stay inside this package and its two
// subpackages: implementations do not change.
package sched
