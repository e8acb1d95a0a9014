package sched

import "github.com/weftlab/weft/checks/internal/engine"

// What a program tells weft about itself: the locks it builds on its own
// (a spin lock on atomics, a scheduler's mutex), the priorities of its
// goroutines, and notes for the interleaving of a report. Each is read
// only under weft's controlled scheduler; without it each does nothing.

// Waiting records that the running goroutine waits for the lock obj, taken
// by k: a lock of one's own calls it when an attempt fails (the shim
// Mutex does so when it parks), and [Acquired] ends the wait. From the
// waits, weft tells how often a waiter was bypassed (starvation) and how
// long less urgent goroutines ran meanwhile (priority inversion).
func Waiting(k Kind, obj any) { engine.Waiting(k, obj) }

// Acquired records that the running goroutine now holds the lock obj,
// taken by k. From it weft knows who holds what: the holders and wait-for
// cycle of a deadlock, and the lock-order graph whose cycles are potential
// deadlocks.
func Acquired(k Kind, obj any) { engine.Acquired(k, obj) }

// Released records that the running goroutine released obj (once, for a
// lock held several times by readers).
func Released(obj any) { engine.Released(obj) }

// SetPriority declares the running goroutine's priority, a positive number
// (higher is more urgent), for the priority-inversion check: while it
// waits for a lock, a goroutine of lower priority that neither holds that
// lock nor helps its holder may take only a few steps. A goroutine that
// never calls it, or calls [ClearPriority], takes no part in the check.
func SetPriority(p int) { engine.SetPriority(p) }

// ClearPriority withdraws the running goroutine's priority, such as when a
// client goroutine has finished the task it ran at that priority.
func ClearPriority() { engine.ClearPriority() }

// Note adds a line to the running goroutine's column of the interleaving
// a controlled failure reports, such as a scheduler's decision, so that the
// trace reads in the program's terms; the text is formatted only under
// weft's controlled scheduler.
func Note(format string, args ...any) { engine.Note(format, args...) }
