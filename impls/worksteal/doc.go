// Package worksteal implements work stealing (guide 4.3): the Chase–Lev
// deque that each worker of a work-stealing scheduler owns, and a small
// scheduler in the manner of Go's runtime (guide 4.1: per-P local queues,
// a global queue, idle Ps stealing), built on it. It is plain Go with
// sync/atomic; weft checks it through its build-time rewrite.
//
//   - [Deque]: the Chase–Lev deque over a fixed ring. The owner pushes and
//     pops at the bottom, thieves steal at the top; the last item is claimed
//     by compare-and-swap. Checked for linearizability against
//     models.WorkStealingDeque, which takes each item at most once.
//   - [Scheduler]: workers with local deques, a global queue and stealing.
//     Checked for exactly-once: every task runs once, and Wait returns after
//     all of them.
//   - [Owner]: a goroutine that serves a deque's owner operations for any
//     caller, so that a checker whose clients all call every operation still
//     keeps the rule of one owner.
//
// Bug zoo:
//   - [RacyPopDeque]: the owner pops its end as if it were its own, with no
//     compare-and-swap for the last item, and a thief takes that item too
//     (the last-element race).
//   - [UnclaimedStealDeque]: a thief copies the top item and moves top with a
//     store instead of claiming the item with a compare-and-swap, so two
//     takers that read the same top both take it.
//   - [NewUnclaimedStealScheduler] and [NewRacyPopScheduler]: the scheduler
//     on those deques, which runs a task twice.
package worksteal
