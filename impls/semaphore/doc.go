// Package semaphore is the guide's counting semaphore (9.2,
// asyncio.Semaphore(3)) in plain Go: Acquire(ctx) waits for a permit until
// the context ends, TryAcquire takes one only if it is free, Release gives
// one back. Waiters are served first come, first served. weft checks it
// through its build-time rewrite of sync, channels, select and context.
//
// [Semaphore] is linearizable against models.Semaphore: TryAcquire and a
// free permit's Acquire take effect in their critical section; a waiting
// Acquire takes effect in the Release that hands it its permit, and one that
// returns an error took effect when it found every permit held, and holds
// nothing. Release without a held permit panics, as
// golang.org/x/sync/semaphore does: giving back what nobody holds is a bug
// of the caller, which a silent Release would turn into a fourth holder
// later. The catalog also checks, in every call, that at most the limit of
// callers hold a permit at any moment.
//
// Its bug zoo:
//   - [OverAdmitSemaphore]: TryAcquire, and Acquire through it, checks for a
//     free permit in one critical section and takes it in another; two
//     callers that see the last permit both take it: four holders of a limit
//     of 3.
//   - [LeakyCancelSemaphore]: an Acquire whose context ends returns the
//     error but stays in the queue of waiters, so the next Release hands its
//     permit to a caller that has left: the permit is never released again,
//     and once all are lost, Acquire waits forever (deadlock).
//   - [UncheckedReleaseSemaphore]: Release without a held permit adds a
//     permit instead of panicking; the semaphore then admits one caller more
//     than its limit.
package semaphore
