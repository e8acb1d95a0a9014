// Package coroutine is the guide's coroutines (section 3) in Go: a
// generator whose producer runs as a coroutine of its consumer. Go has no
// coroutines in the language; a goroutine with a handoff is a stackful one
// (3.1: its own stack, it can yield from nested calls), and iter.Pull
// gives the same contract from the standard library.
//
// What is checked, for every generator here:
//
//   - the consumer receives the sequence in order, each value once
//     (linearizability of next and stop against models.Generator);
//   - the producer and the consumer never run at the same time: the
//     producer runs only between a resume and its next yield, the
//     consumer only while no producer runs (strict alternation, as a
//     coroutine; a requirement, checked by the catalog's program);
//   - breaking out early ends the producer: after Stop no goroutine of the
//     generator is left (the leak verdict).
//
// Linearization points: Next takes effect when its value is handed over
// (the receive from the producer) or, at the end, when it sees that the
// producer returned; Stop when it closes the stop channel.
//
// The zoo (zoo.go): [Buffered] lets the producer run ahead through a
// buffered handoff, so both sides run at once; [Forgetful] and
// [ForgetfulPull] return from Stop without ending the producer, which then
// waits at its pending yield forever.
package coroutine
