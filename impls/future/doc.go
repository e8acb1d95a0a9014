// Package future is futures and promises (guide sections 5 and 1) in plain
// Go: a [Promise] settles once, by [Promise.Resolve] or [Promise.Reject];
// [Promise.Await] waits for it, [Then] chains a callback, [Go] runs a task
// as an async function does, and the combinators of section 5 gather
// several: [All] (the guide's Promise.all, asyncio.gather, Task.WhenAll),
// [AllSettled], [Any] and [Race]. A timeout and cancellation come through a
// context: [Promise.AwaitContext], [Promise.AwaitTimeout], and the context
// [Go] hands its task.
//
// # What is checked
//
// A promise is a one-shot register (models.Promises): its linearization
// point is the write of its outcome under its lock, in settle; the first
// settlement wins and every awaiter sees it. Await and then linearize at
// the read of that outcome, which they make after Done is closed; a
// timeout that gives up linearizes at the check that found the promise
// still pending. A combinator linearizes when its result promise settles:
// All's inputs were all fulfilled then (or the rejecting one was
// rejected), and so on. The catalog checks this for one promise and for
// the combinators over three, and two properties by themselves: no call
// leaves a goroutine behind, and [Gather] of the guide's three tasks takes
// as long as the longest, not the sum. Under a controlled strategy the
// tasks wait the guide's 1.0 s, 0.5 s and 0.8 s of virtual time and the
// gather must take exactly 1.0 s; under stress, time is real, so they wait
// 50, 25 and 40 ms and the gather must take at least 50 ms and less than
// 115 ms, a margin far above an execution's scheduling delays.
//
// Callbacks run synchronously, in the goroutine that settles the promise,
// or in the one registering the callback if the promise is settled
// already; JavaScript runs them later, as microtasks. Either way each runs
// exactly once, after the settlement.
//
// # The zoo
//
// zoo.go holds the broken variants, each named after its bug:
// [SettleTwice] (two settlements both visible), [LostThen] (a callback
// registered while the promise settles never runs), [AllEager] (All
// resolved before every input settled), [LeakyTimeout] (a timed-out
// await leaves its goroutine behind) and [GatherOneByOne] (the tasks
// awaited one after another: the sum of their times, not the longest).
package future
