// Package models holds weft's sequential specifications: one [Model] per
// behaviour, the single source of truth that both the linearizability checks
// (through porcupine) and the sequential state-machine tests use.
//
// # Models
//
//   - [Counter]: increments and reads, partitioned by key (guide 9.1, 9.4, 11.2).
//   - [Register]: load, store and compare-and-set on one value (guide 9.4).
//   - [Stack]: LIFO push and pop (guide 10.3).
//   - [BlockingQueue]: a bounded FIFO whose take waits for an item and whose put
//     waits for room (guide 9.3).
//   - [WorkStealingDeque]: an owner's push and pop at the bottom, thieves'
//     steal at the top, each item taken at most once (guide 4.3).
//   - [ActorCounter]: a counter served by an actor, whose get may time out
//     (guide 7.2); used through [PerSender].
//   - [Channel]: a Go channel, buffered or unbuffered: FIFO, capacity,
//     rendezvous and close (guide 8.1).
//   - [Promises]: one-shot registers, the first settlement wins and every
//     awaiter sees it, read by then, a timeout and the combinators all,
//     all-settled, any and race (guide 5).
//   - [TokenBucket]: not a Model but a judge over time: a token-bucket rate
//     limiter's recorded admissions and timeouts (guide 14).
//
// # Combinators
//
//   - [PerSender]: a behaviour behind a mailbox that keeps each sender's
//     messages in order and nothing more, for fire-and-forget operations.
//
// # Writing a model
//
// A model has typed inputs, outputs and state. Give Apply when the behaviour
// is deterministic (one output and next state per input): Step is then
// derived from it, the harness can predict what an operation should have
// returned, and Blocks can say which operations wait. Give Step instead when
// several outputs are legal. Init, the Describe functions and, for state
// types that == cannot compare, Equal are required. Models are pure: Step and
// Apply must not modify the state they are given.
package models
